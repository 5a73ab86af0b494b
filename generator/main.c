/* declgen: joint declarations in XML -> print-ready PDF signing copies. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include "datadir.h"
#include "interrupt.h"
#include "decl.h"
#include "depfile.h"
#include "diag.h"
#include "diff.h"
#include "hash.h"
#include "index.h"
#include "json.h"
#include "layout.h"
#include "output.h"
#include "pipeline.h"
#include "util.h"
#include "version.h"

#define DEFAULT_OUTPUT_DIR "output"

static const char usage_text[] =
    "usage: declgen check [--format=text|json] FILE...\n"
    "       declgen render [-o PATH | -d DIR] [--force] [--line-breaking=total-fit|greedy]\n"
    "                      [--stats] [--format=text|json] [-M | --depfile FILE] FILE...\n"
    "       declgen hash FILE...\n"
    "       declgen diff [--format=text|json] OLD NEW\n"
    "       declgen index [-d OUTDIR] DIR...\n"
    "       declgen --help | --version\n";

static const char help_text[] =
    "\n"
    "Commands:\n"
    "  check     validate declarations and lay them out: everything render reports,\n"
    "            without writing a PDF\n"
    "  render    validate, lay out and write a PDF signing copy of each declaration\n"
    "  hash      print the SHA-256 of each declaration's content, as sha256sum does\n"
    "  diff      compare two versions of a declaration by content: exit 0 the same,\n"
    "            1 different, 2 trouble\n"
    "  index     a JSON catalogue of the declarations (*.xml) in each DIR, with their\n"
    "            hashes and their PDFs in OUTDIR (default: output)\n"
    "\n"
    "Options of render:\n"
    "  -o PATH                  write the PDF to PATH (one input only)\n"
    "  -d DIR                   write DIR/NAME.pdf for each NAME.xml (default: output)\n"
    "  --force                  replace an existing file even if it is not a PDF\n"
    "  --line-breaking=METHOD   total-fit (default, Knuth-Plass) or greedy (first fit)\n"
    "  --stats                  print what the layout measures, one line a file\n"
    "  -M                       write a make dependency file PDF.d beside each PDF\n"
    "  --depfile FILE           write the make dependencies of every PDF to FILE\n"
    "\n"
    "  --format=json            (check, render, diff) messages on standard error and\n"
    "                           each PDF written (render) or the comparison (diff) on\n"
    "                           standard output, as JSON, one object a line\n"
    "\n"
    "Messages are FILE:LINE:COL: error|warning: MESSAGE on standard error.\n"
    "Exit status: 0 all valid, 1 some input invalid, 2 usage or system error.\n";

enum command {
	CMD_CHECK,
	CMD_RENDER,
	CMD_HASH,
	CMD_DIFF,
	CMD_INDEX
};

struct job {
	enum command cmd;
	int json;		/* --format=json */
	int depfile_each;	/* -M: PDF.d beside each PDF */
	const char *depfile;	/* --depfile FILE */
	struct buf deps;	/* --depfile: the rules so far */
	const char *out_path;	/* -o */
	const char *out_dir;	/* -d */
	unsigned output_flags;	/* --force: OUTPUT_FORCE */
	struct layout_options layout;
	int stats;		/* --stats */
	int differs;		/* diff: the contents differ */
	char **inputs;		/* the FILE arguments */
	size_t ninputs;
	char **outputs;		/* render: where each input's PDF goes */
	char *datadir;
	char *schema;
	struct pipeline_env *env;	/* shared by the inputs: faces loaded once */
};

/* What parse_options leaves to do. */
enum next {
	NEXT_RUN,
	NEXT_USAGE,		/* print the usage, exit 2 */
	NEXT_HELP,
	NEXT_VERSION
};

static int
usage(void)
{
	fputs(usage_text, stderr);
	return EXIT_SYSTEM;
}

/* The exit status, once standard output has reached its file: a --stats or --help that
 * could not be written (a full disk, a closed pipe) is a system error. */
static int
exit_status(struct diag *d)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		diag_report(d, DIAG_FATAL, NULL, 0, 0, "cannot write to standard output: %s",
		    strerror(errno ? errno : EIO));
	return diag_exit_status(d);
}

/* Whether option c (getopt's value) belongs to the command. */
static int
option_allowed(enum command cmd, int c)
{
	switch (c) {
	case 'L':
	case 'S':
	case 'F':
	case 'D':
		return cmd == CMD_RENDER;
	case 'f':
		return cmd != CMD_HASH && cmd != CMD_INDEX;
	default:
		return 1;
	}
}

static int
set_format(struct job *job, const char *format)
{
	if (strcmp(format, "json") == 0)
		job->json = 1;
	else if (strcmp(format, "text") == 0)
		job->json = 0;
	else {
		fprintf(stderr, "declgen: --format is text or json\n");
		return -1;
	}
	return 0;
}

static enum next
parse_options(int argc, char *argv[], struct job *job)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"line-breaking", required_argument, NULL, 'L'},
		{"stats", no_argument, NULL, 'S'},
		{"force", no_argument, NULL, 'F'},
		{"format", required_argument, NULL, 'f'},
		{"depfile", required_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	int c;

	job->layout.method = LB_TOTAL_FIT;
	optind = 2;
	while ((c = getopt_long(argc, argv, job->cmd == CMD_RENDER ? "o:d:M" :
	    job->cmd == CMD_INDEX ? "d:" : "", longopts,
	    NULL)) != -1) {
		if (!option_allowed(job->cmd, c))
			return NEXT_USAGE;
		switch (c) {
		case 'o':
			job->out_path = optarg;
			break;
		case 'd':
			job->out_dir = optarg;
			break;
		case 'M':
			job->depfile_each = 1;
			break;
		case 'D':
			job->depfile = optarg;
			break;
		case 'f':
			if (set_format(job, optarg) != 0)
				return NEXT_USAGE;
			break;
		case 'L':
			if (strcmp(optarg, "total-fit") == 0)
				job->layout.method = LB_TOTAL_FIT;
			else if (strcmp(optarg, "greedy") == 0)
				job->layout.method = LB_GREEDY;
			else {
				fprintf(stderr, "declgen: --line-breaking is total-fit or greedy\n");
				return NEXT_USAGE;
			}
			break;
		case 'S':
			job->stats = 1;
			break;
		case 'F':
			job->output_flags |= OUTPUT_FORCE;
			break;
		case 'h':
			return NEXT_HELP;
		case 'V':
			return NEXT_VERSION;
		default:
			return NEXT_USAGE;
		}
	}
	job->inputs = argv + optind;
	job->ninputs = (size_t)(argc - optind);
	if (job->out_path && job->out_dir) {
		fprintf(stderr, "declgen: -o and -d exclude each other\n");
		return NEXT_USAGE;
	}
	if (job->depfile_each && job->depfile) {
		fprintf(stderr, "declgen: -M and --depfile exclude each other\n");
		return NEXT_USAGE;
	}
	if (job->out_path && job->ninputs != 1) {
		fprintf(stderr, "declgen: %s\n", job->ninputs == 0 ? "-o needs an input file" :
		    "-o takes exactly one input; use -d DIR for several");
		return NEXT_USAGE;
	}
	if (job->cmd == CMD_DIFF && job->ninputs != 2) {
		fprintf(stderr, "declgen: diff compares two files, OLD and NEW\n");
		return NEXT_USAGE;
	}
	return job->ninputs == 0 ? NEXT_USAGE : NEXT_RUN;
}

/* DIR/NAME.pdf for .../NAME.xml, or the -o path. */
static char *
output_path(const struct job *job, const char *input)
{
	const char *base = strrchr(input, '/');
	size_t len;
	struct buf b = {0};

	if (job->out_path)
		return xstrdup(job->out_path);
	base = base ? base + 1 : input;
	len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".xml") == 0)
		len -= 4;
	buf_printf(&b, "%s/%.*s.pdf", job->out_dir ? job->out_dir : DEFAULT_OUTPUT_DIR,
	    (int)len, base);
	return b.data;
}

/* Whether out names the same file as one of the inputs, whatever the spelling. */
static const char *
input_at(const struct job *job, const char *out)
{
	struct stat o, in;

	if (stat(out, &o) != 0)
		return NULL;
	for (size_t i = 0; i < job->ninputs; i++)
		if (stat(job->inputs[i], &in) == 0 && in.st_dev == o.st_dev &&
		    in.st_ino == o.st_ino)
			return job->inputs[i];
	return NULL;
}

/* Finds every input's output, refusing (before anything is written) an output that is
 * an input of the run, or that two inputs would share. All outputs lie in one directory,
 * so two names for one output are the same string. Returns the number of refusals. */
static unsigned
plan_outputs(struct job *job, struct diag *d)
{
	unsigned refused = 0;
	const char *in;

	job->outputs = xcalloc(job->ninputs, sizeof *job->outputs);
	for (size_t i = 0; i < job->ninputs; i++) {
		job->outputs[i] = output_path(job, job->inputs[i]);
		for (size_t k = 0; k < i; k++)
			if (strcmp(job->outputs[k], job->outputs[i]) == 0) {
				diag_report(d, DIAG_FATAL, job->outputs[i], 0, 0, "both %s and %s would "
				    "be written here; render them into different directories",
				    job->inputs[k], job->inputs[i]);
				refused++;
				break;
			}
		if ((in = input_at(job, job->outputs[i])) != NULL) {
			diag_report(d, DIAG_FATAL, job->outputs[i], 0, 0, "is the input %s; "
			    "writing the PDF here would destroy it: name another output file", in);
			refused++;
		}
	}
	return refused;
}

/* A FIFO or device as input would block or never end; say what it is instead. */
static int
input_is_file(const char *path, struct diag *d)
{
	struct stat st;

	/* A name that cannot be opened is reported when it is read. */
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return 1;
	diag_report(d, DIAG_FATAL, path, 0, 0, "%s; name a declaration file",
	    S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file");
	return 0;
}

static void
print_stats(const char *input, const struct pipeline *p, size_t bytes)
{
	struct pipeline_stats st;
	const struct layout_stats *ls = &st.layout;

	pipeline_get_stats(p, &st);
	/* %.2f in the C locale: declgen never calls setlocale. */
	printf("%s: %zu page%s, %zu lines (%zu justified), %zu hyphenated, %zu overfull, "
	    "worst stretch ratio %.2f", input, ls->pages, ls->pages == 1 ? "" : "s", ls->lines,
	    ls->justified,
	    ls->hyphenated, ls->overfull, ls->worst_ratio);
	if (st.worst_words[0] != '\0' && st.worst_source_line > 0)
		printf(" (line %d: \"%s\")", st.worst_source_line, st.worst_words);
	else if (st.worst_words[0] != '\0')
		printf(" (\"%s\")", st.worst_words);
	printf(", demerits %.0f, %zu bytes\n", ls->demerits, bytes);
}

/* Writes the PDF with the interrupting signals deferred, so that an interruption leaves
 * the old file or the new one, whole, and no temporary file. Returns 0, -1 after an
 * error, or the number of the signal that interrupted (reported here). */
static int
write_deferred(const struct job *job, const char *path, const unsigned char *pdf,
    size_t len, struct diag *d)
{
	int ret, sig;

	if (interrupt_block() != 0)
		diag_report(d, DIAG_WARNING, NULL, 0, 0, "cannot defer interruptions");
	ret = output_write(path, pdf, len, job->output_flags, NULL, d);
	sig = ret > 0 ? ret : interrupt_pending();
	interrupt_unblock();
	if (sig != 0)
		diag_report(d, DIAG_FATAL, path, 0, 0, "interrupted by signal %d; %s", sig,
		    ret == 0 ? "it was written, no further input was rendered" :
		    "it was not written or changed");
	return sig ? sig : ret;
}

/* --format=json: one line on standard output for each PDF written. */
static void
print_output_json(const char *input, const char *path, const struct pipeline *p,
    const unsigned char *pdf, size_t len)
{
	struct pipeline_stats st;
	struct buf b = {0};
	char hex[HASH_HEX_SIZE];

	pipeline_get_stats(p, &st);
	hash_sha256_hex(pdf, len, hex);
	buf_puts(&b, "{");
	json_key_string(&b, "output", path);
	buf_puts(&b, ",");
	json_key_string(&b, "source", input);
	buf_puts(&b, ",");
	json_key_number(&b, "pages", (long)st.layout.pages);
	buf_puts(&b, ",");
	json_key_number(&b, "bytes", (long)len);
	buf_puts(&b, ",");
	json_key_string(&b, "sha256", hex);
	buf_puts(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

/* -M: the rules of one PDF in PDF.d; --depfile: kept for the file written at the end. */
static void
add_depfile_rules(struct job *job, size_t i, const struct decl *decl, struct diag *d)
{
	struct buf rules = {0}, path = {0};

	if (!job->depfile_each && job->depfile == NULL)
		return;
	depfile_rules(job->depfile_each ? &rules : &job->deps, job->outputs[i],
	    job->inputs[i], job->datadir, decl);
	if (job->depfile_each) {
		buf_printf(&path, "%s.d", job->outputs[i]);
		depfile_write(path.data, &rules, d);
	}
	buf_free(&rules);
	buf_free(&path);
}

/* Checks (and with render, writes) input i. Returns the number of a signal that
 * interrupted, or 0. */
static int
run_one(struct job *job, size_t i, struct diag *d)
{
	const char *input = job->inputs[i];
	struct decl *decl = NULL;
	struct pipeline *p = NULL;
	const unsigned char *pdf;
	size_t len;
	int ret = 0;

	if (input_is_file(input, d) &&
	    (decl = decl_parse_file(input, job->schema, d)) != NULL &&
	    (p = pipeline_layout(job->env, decl, &job->layout, d)) != NULL &&
	    job->cmd == CMD_RENDER && pipeline_pdf(p, &pdf, &len) == 0) {
		ret = write_deferred(job, job->outputs[i], pdf, len, d);
		if (ret == 0 && job->stats)
			print_stats(input, p, len);
		if (ret == 0 && job->json)
			print_output_json(input, job->outputs[i], p, pdf, len);
		if (ret == 0)
			add_depfile_rules(job, i, decl, d);
	}
	pipeline_free(p);
	decl_free(decl);
	return ret > 0 ? ret : 0;
}

/* Makes the default output directory; -o and -d name existing ones. */
static int
make_output_dir(const struct job *job, struct diag *d)
{
	if (job->out_path || job->out_dir || mkdir(DEFAULT_OUTPUT_DIR, 0777) == 0 ||
	    errno == EEXIST)
		return 0;
	diag_report(d, DIAG_FATAL, DEFAULT_OUTPUT_DIR, 0, 0, "cannot create the directory: %s",
	    strerror(errno));
	return -1;
}

/* "HEX  FILE" as sha256sum prints it: a name holding a backslash or a line end is
 * written with both escaped, and the line starts with a backslash. */
static void
print_hash_line(const char *hex, const char *name)
{
	int escape = strpbrk(name, "\\\n") != NULL;

	printf("%s%s  ", escape ? "\\" : "", hex);
	for (const char *s = name; *s; s++) {
		if (escape && *s == '\\')
			fputs("\\\\", stdout);
		else if (escape && *s == '\n')
			fputs("\\n", stdout);
		else
			putchar(*s);
	}
	putchar('\n');
}

/* declgen hash: the content hash of every valid input. */
static void
run_hash(const struct job *job, struct diag *d)
{
	char hex[HASH_HEX_SIZE];

	for (size_t i = 0; i < job->ninputs; i++) {
		struct decl *decl = NULL;

		d->printed = 0;
		if (input_is_file(job->inputs[i], d) &&
		    (decl = decl_parse_file(job->inputs[i], job->schema, d)) != NULL) {
			hash_decl(decl, hex);
			print_hash_line(hex, job->inputs[i]);
		}
		decl_free(decl);
	}
}

/* declgen diff OLD NEW: both are read (and every problem of either reported) before
 * they are compared. */
static void
run_diff(struct job *job, struct diag *d)
{
	struct decl *decl[2] = {NULL, NULL};
	struct buf out = {0};

	for (size_t i = 0; i < 2; i++) {
		d->printed = 0;
		if (input_is_file(job->inputs[i], d))
			decl[i] = decl_parse_file(job->inputs[i], job->schema, d);
	}
	if (decl[0] != NULL && decl[1] != NULL) {
		job->differs = diff_decls(decl[0], decl[1], job->json ? DIFF_JSON : DIFF_TEXT,
		    &out);
		if (out.len > 0)
			fputs(out.data, stdout);
	}
	buf_free(&out);
	decl_free(decl[0]);
	decl_free(decl[1]);
}

/* The catalogue entries of the declarations in dir, appended to out; *first is cleared
 * once an entry is written. */
static void
index_dir(const struct job *job, const char *dir, struct buf *out, int *first,
    struct diag *d)
{
	char **paths;
	size_t n;

	if (index_sources(dir, &paths, &n, d) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		struct decl *decl;
		char *pdf;

		d->printed = 0;
		if ((decl = decl_parse_file(paths[i], job->schema, d)) != NULL) {
			pdf = output_path(job, paths[i]);
			index_entry(out, *first, decl, paths[i], pdf);
			*first = 0;
			free(pdf);
		}
		decl_free(decl);
		free(paths[i]);
	}
	free(paths);
}

/* declgen index: the catalogue on standard output, the valid declarations only. */
static void
run_index(const struct job *job, struct diag *d)
{
	struct buf out = {0};
	int first = 1;

	index_begin(&out);
	for (size_t i = 0; i < job->ninputs; i++)
		index_dir(job, job->inputs[i], &out, &first, d);
	index_end(&out);
	fputs(out.data, stdout);
	buf_free(&out);
}

static int
run(struct job *job, struct diag *d)
{
	int sig = 0;

	if ((job->datadir = datadir_find()) == NULL) {
		diag_report(d, DIAG_FATAL, NULL, 0, 0,
		    "cannot find the schema and fonts; set DECLGEN_DATADIR or reinstall declgen");
		return 0;
	}
	job->schema = datadir_path(job->datadir, "schemas/declaration.xsd");
	if (job->cmd == CMD_HASH) {
		run_hash(job, d);
		return 0;
	}
	if (job->cmd == CMD_DIFF) {
		run_diff(job, d);
		return 0;
	}
	if (job->cmd == CMD_INDEX) {
		run_index(job, d);
		return 0;
	}
	job->env = pipeline_env_new(job->datadir);
	if (job->cmd == CMD_RENDER && (plan_outputs(job, d) != 0 || make_output_dir(job, d) != 0))
		return 0;
	for (size_t i = 0; i < job->ninputs && sig == 0; i++) {
		d->printed = 0;
		sig = run_one(job, i, d);
	}
	if (sig == 0 && job->depfile != NULL)
		depfile_write(job->depfile, &job->deps, d);
	return sig;
}

static void
job_free(struct job *job)
{
	for (size_t i = 0; job->outputs != NULL && i < job->ninputs; i++)
		free(job->outputs[i]);
	free(job->outputs);
	pipeline_env_free(job->env);
	free(job->schema);
	free(job->datadir);
	buf_free(&job->deps);
}

static int
command_named(const char *name, enum command *cmd)
{
	static const char *const names[] = {
		[CMD_CHECK] = "check",
		[CMD_RENDER] = "render",
		[CMD_HASH] = "hash",
		[CMD_DIFF] = "diff",
		[CMD_INDEX] = "index",
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0) {
			*cmd = (enum command)i;
			return 0;
		}
	return -1;
}

int
main(int argc, char *argv[])
{
	struct job job = {0};
	struct diag d = {0};
	const char *cmd = argc > 1 ? argv[1] : "";
	int sig, status;

	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		printf("%s%s", usage_text, help_text);
		return exit_status(&d);
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("declgen %s\n", DECLGEN_VERSION);
		return exit_status(&d);
	}
	if (command_named(cmd, &job.cmd) != 0) {
		if (argc > 1)
			fprintf(stderr, "declgen: unknown command '%s'\n", cmd);
		return usage();
	}
	switch (parse_options(argc, argv, &job)) {
	case NEXT_USAGE:
		return usage();
	case NEXT_HELP:
		printf("%s%s", usage_text, help_text);
		return exit_status(&d);
	case NEXT_VERSION:
		printf("declgen %s\n", DECLGEN_VERSION);
		return exit_status(&d);
	case NEXT_RUN:
		break;
	}
	/* Past `ulimit -f`, a write fails with EFBIG and is reported like a full disk,
	 * instead of the signal killing declgen and leaving its temporary file. */
	signal(SIGXFSZ, SIG_IGN);
	d.json = job.json;
	sig = run(&job, &d);
	job_free(&job);
	xmlCleanupParser();
	/* As a shell reports a process killed by the signal. */
	if (sig)
		return 128 + sig;
	status = exit_status(&d);
	/* As diff(1): 0 the same, 1 different, 2 trouble (an invalid input included). */
	if (job.cmd == CMD_DIFF)
		return status != 0 ? EXIT_SYSTEM : job.differs;
	return status;
}
