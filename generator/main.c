/* declgen: joint declarations in XML -> print-ready PDF signing copies. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include "datadir.h"
#include "interrupt.h"
#include "decl.h"
#include "diag.h"
#include "layout.h"
#include "output.h"
#include "pipeline.h"
#include "util.h"
#include "version.h"

#define DEFAULT_OUTPUT_DIR "output"

static const char usage_text[] =
    "usage: declgen check FILE...\n"
    "       declgen render [-o PATH | -d DIR] [--line-breaking=total-fit|greedy] [--stats]\n"
    "                      FILE...\n"
    "       declgen --help | --version\n";

static const char help_text[] =
    "\n"
    "Commands:\n"
    "  check     validate declarations: XML, schema and semantic rules\n"
    "  render    validate, lay out and write a PDF signing copy of each declaration\n"
    "\n"
    "Options of render:\n"
    "  -o PATH                  write the PDF to PATH (one input only)\n"
    "  -d DIR                   write DIR/NAME.pdf for each NAME.xml (default: output)\n"
    "  --line-breaking=METHOD   total-fit (default, Knuth-Plass) or greedy (first fit)\n"
    "  --stats                  print what the layout measures, one line a file\n"
    "\n"
    "Messages are FILE:LINE:COL: error|warning: MESSAGE on standard error.\n"
    "Exit status: 0 all valid, 1 some input invalid, 2 usage or system error.\n";

struct job {
	const char *out_path;	/* -o */
	const char *out_dir;	/* -d */
	struct layout_options layout;
	int stats;		/* --stats */
	char *datadir;
	char *schema;
};

static int
usage(void)
{
	fputs(usage_text, stderr);
	return EXIT_SYSTEM;
}

/* output/NAME.pdf for .../NAME.xml */
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

static void
print_stats(const char *input, const struct layout_stats *st, size_t bytes)
{
	/* %.2f in the C locale: declgen never calls setlocale. */
	printf("%s: %zu pages, %zu lines (%zu justified), %zu hyphenated, %zu overfull, "
	    "worst stretch ratio %.2f, demerits %.0f, %zu bytes\n", input, st->pages, st->lines,
	    st->justified, st->hyphenated, st->overfull, st->worst_ratio, st->demerits, bytes);
}

/* Renders one file; returns the number of a signal that interrupted it, or 0. */
static int
render_one(struct job *job, const char *input, struct diag *d)
{
	struct decl *decl = decl_parse_file(input, job->schema, d);
	struct layout_stats stats;
	unsigned char *pdf;
	size_t len;
	char *out;
	int sig = 0, ret;

	if (decl == NULL)
		return interrupt_pending();
	if ((sig = interrupt_pending()) == 0 &&
	    pipeline_render(job->datadir, decl, &job->layout, d, &pdf, &len, &stats) == 0) {
		out = output_path(job, input);
		if ((ret = output_write(out, pdf, len, NULL, d)) > 0)
			sig = ret;
		else if (ret == 0 && job->stats)
			print_stats(input, &stats, len);
		free(out);
		free(pdf);
	}
	decl_free(decl);
	return sig ? sig : interrupt_pending();
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"line-breaking", required_argument, NULL, 'L'},
	{"stats", no_argument, NULL, 'S'},
		{NULL, 0, NULL, 0},
	};
	struct job job = {0};
	struct diag d = {0};
	const char *cmd;
	int c, render, interrupted = 0;

	if (argc < 2)
		return usage();
	cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		printf("%s%s", usage_text, help_text);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("declgen %s\n", DECLGEN_VERSION);
		return 0;
	}
	if (strcmp(cmd, "check") != 0 && strcmp(cmd, "render") != 0) {
		fprintf(stderr, "declgen: unknown command '%s'\n", cmd);
		return usage();
	}
	render = strcmp(cmd, "render") == 0;
	job.layout.method = LB_TOTAL_FIT;
	optind = 2;
	while ((c = getopt_long(argc, argv, render ? "o:d:" : "", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			job.out_path = optarg;
			break;
		case 'd':
			job.out_dir = optarg;
			break;
		case 'L':
			if (!render)
				return usage();
			if (strcmp(optarg, "total-fit") == 0)
				job.layout.method = LB_TOTAL_FIT;
			else if (strcmp(optarg, "greedy") == 0)
				job.layout.method = LB_GREEDY;
			else {
				fprintf(stderr, "declgen: --line-breaking is total-fit or greedy\n");
				return usage();
			}
			break;
		case 'S':
			if (!render)
				return usage();
			job.stats = 1;
			break;
		case 'h':
			printf("%s%s", usage_text, help_text);
			return 0;
		case 'V':
			printf("declgen %s\n", DECLGEN_VERSION);
			return 0;
		default:
			return usage();
		}
	}
	if (optind >= argc || (job.out_path && (job.out_dir || argc - optind != 1))) {
		if (job.out_path)
			fprintf(stderr, "declgen: -o takes exactly one input and no -d\n");
		return usage();
	}
	if ((job.datadir = datadir_find()) == NULL) {
		diag_report(&d, DIAG_FATAL, NULL, 0, 0,
		    "cannot find the schema and fonts; set DECLGEN_DATADIR or reinstall declgen");
		return diag_exit_status(&d);
	}
	job.schema = datadir_path(job.datadir, "schemas/declaration.xsd");
	if (render && !job.out_path && !job.out_dir)
		mkdir(DEFAULT_OUTPUT_DIR, 0777);
	/* Interruptions wait for a point where stopping loses nothing. */
	if (render && interrupt_block() != 0)
		diag_report(&d, DIAG_WARNING, NULL, 0, 0, "cannot defer interruptions");
	for (int i = optind; i < argc && !interrupted; i++) {
		d.printed = 0;
		if (render) {
			interrupted = render_one(&job, argv[i], &d);
			if (interrupted)
				diag_report(&d, DIAG_FATAL, argv[i], 0, 0, "interrupted by signal %d; "
				    "no file was written or changed", interrupted);
		} else {
			struct decl *decl = decl_parse_file(argv[i], job.schema, &d);

			decl_free(decl);
		}
	}
	free(job.schema);
	free(job.datadir);
	xmlCleanupParser();
	/* As a shell reports a process killed by the signal. */
	return interrupted ? 128 + interrupted : diag_exit_status(&d);
}
