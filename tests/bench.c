/* make bench: what one signing copy costs, as one table. For each declaration: the
 * instructions of a whole `declgen render` process (callgrind), its wall and CPU time and
 * peak memory, the PDF's size, the time of a render inside one process, and pdflatex on
 * the equivalent LaTeX source (TEXDIR/NAME.tex, by default bench/) side by side; then
 * batches of copies in one `declgen render -d` call each, and long declarations of 1, 10
 * and 100 pages.
 * Measured, never asserted: a missing tool prints "skipped: ...", and the exit status is
 * 0 whatever was measured (2 only for a bad command line or no temporary folder). */
#define _DEFAULT_SOURCE		/* wait4: the resource usage of one child */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "decl.h"
#include "diag.h"
#include "pipeline.h"
#include "util.h"

#define NOT_INSTALLED (-2.0)	/* a measure whose tool is missing */
#define RUNS_MAX 21		/* most runs of one series */
#define SIZES 3			/* batch sizes and page counts measured */
#define XML_MAX (4u << 20)	/* as the program's own file-size limit */
#define PATH_LEN 4096		/* longest path of a file this program writes */

/* How much to measure: make bench's plan, and a quick one (-q) for bench's own test. */
struct plan {
	int proc_runs;		/* whole processes per declaration, and pdflatex runs */
	int inproc_renders;	/* renders inside this process per declaration */
	size_t batch[SIZES];	/* declarations per batch, ascending from 1 */
	int batch_one_runs;	/* runs of the batch of one, whose median is subtracted */
	size_t pages[SIZES];	/* pages of the long declarations, ascending */
	int page_runs;		/* processes per long declaration */
};

static const struct plan full_plan = {21, 1000, {1, 100, 1000}, 5, {1, 10, 100}, 11};
static const struct plan quick_plan = {3, 2, {1, 2, 4}, 3, {1, 2, 3}, 3};

/* One child process: wall and CPU time in ms, peak resident memory in KiB. */
struct cost {
	double wall_ms;
	double cpu_ms;
	long rss_kib;
};

/* Medians and extremes of a series of runs. */
struct summary {
	double wall_med, wall_min, wall_max;
	double cpu_med;
	long rss_max;
};

/* What the table shows of one declaration; a negative number was not measured. */
struct decl_result {
	const char *name;	/* the file name without folder and .xml */
	double instructions;
	struct summary proc;
	long pdf_bytes;
	double tex_med;		/* pdflatex, median wall ms */
	double tex_declgen_med;	/* declgen in the same alternating loop */
	const char *tex_skipped;	/* why pdflatex was not measured, or NULL */
	double inproc_ms;	/* mean per render inside one process */
};

/* A long declaration's size and cost. */
struct page_result {
	size_t target, pages, paragraphs;
	struct summary proc;
};

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

static void
summarise(const struct cost *runs, size_t n, struct summary *s)
{
	double wall[RUNS_MAX], cpu[RUNS_MAX];

	s->rss_max = 0;
	for (size_t i = 0; i < n; i++) {
		wall[i] = runs[i].wall_ms;
		cpu[i] = runs[i].cpu_ms;
		if (runs[i].rss_kib > s->rss_max)
			s->rss_max = runs[i].rss_kib;
	}
	s->wall_med = median(wall, n);
	s->wall_min = wall[0];
	s->wall_max = wall[n - 1];
	s->cpu_med = median(cpu, n);
}

static double
tv_ms(struct timeval tv)
{
	return (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}

/* Runs argv (searched in PATH) with standard output and error discarded, and measures
 * it. Returns its exit status, 127 if it could not be started, -1 if it was killed. A
 * forked child's peak memory starts at the anonymous memory of this process, so every
 * child is started before this process renders anything itself. */
static int
spawn(char *const argv[], struct cost *r)
{
	struct rusage ru;
	double t0 = now_ms();
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return 127;
	r->wall_ms = now_ms() - t0;
	r->cpu_ms = tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime);
	r->rss_kib = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Whether name is an executable file in a folder of PATH. Asked before a tool runs: its
 * exit status cannot tell (valgrind exits 127 also when the program it runs is missing). */
static int
in_path(const char *name)
{
	const char *dirs = getenv("PATH"), *s, *e;
	char file[PATH_LEN];

	for (s = dirs ? dirs : ""; *s != '\0'; s = *e ? e + 1 : e) {
		if ((e = strchr(s, ':')) == NULL)
			e = s + strlen(s);
		snprintf(file, sizeof file, "%.*s/%s", (int)(e - s), s, name);
		if (access(file, X_OK) == 0)
			return 1;
	}
	return 0;
}

/* The file name of path without its folder and extension, in a new string. */
static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(b, '.');

	return xstrndup(b, dot ? (size_t)(dot - b) : strlen(b));
}

static int
write_text(const char *path, const char *s, size_t len)
{
	FILE *f = fopen(path, "w");
	int ok = f && fwrite(s, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* ----- callgrind ----- */

/* The instruction count of `bin render` of file under callgrind, whose profile is kept
 * in out; NOT_INSTALLED if valgrind is missing, -1 if it failed. */
static double
count_instructions(const char *bin, const char *file, const char *pdf, const char *out)
{
	char outopt[PATH_LEN + 32], *data;
	char *argv[] = {"valgrind", "--tool=callgrind", outopt, (char *)bin, "render", "-o",
	    (char *)pdf, (char *)file, NULL};
	struct cost r;
	const char *s;
	size_t len;
	double n = -1;

	snprintf(outopt, sizeof outopt, "--callgrind-out-file=%s", out);
	if (!in_path("valgrind"))
		return NOT_INSTALLED;
	if (spawn(argv, &r) != 0 || read_file(out, 1u << 30, &data, &len) != 0)
		return -1;
	/* The profile ends with "totals: N" (older versions write "summary: N"). */
	if ((s = strstr(data, "\ntotals: ")) != NULL || (s = strstr(data, "\nsummary: ")) != NULL)
		n = strtod(strchr(s, ':') + 1, NULL);
	free(data);
	return n;
}

/* Prints the ten functions with the most instructions of their own in the profile. */
static void
print_top_ten(const char *name, const char *profile)
{
	char cmd[PATH_LEN + 64], line[512];
	FILE *p;
	int header = 0, printed = 0;

	printf("\ncallgrind top ten, own instructions, %s:\n", name);
	if (!in_path("callgrind_annotate")) {
		printf("  skipped: callgrind_annotate not installed\n");
		return;
	}
	snprintf(cmd, sizeof cmd, "callgrind_annotate '%s' 2>/dev/null", profile);
	if ((p = popen(cmd, "r")) == NULL) {
		printf("  failed: %s\n", strerror(errno));
		return;
	}
	while (fgets(line, sizeof line, p) != NULL) {
		if (strstr(line, "file:function") != NULL)
			header = 1;
		else if (header && line[0] != '-' && line[0] != '\n' && printed < 10) {
			printf("  %s", line);
			printed++;
		}
	}
	if (pclose(p) != 0 || printed == 0)
		printf("  failed: callgrind_annotate\n");
}

/* ----- whole processes ----- */

/* The plan's processes of `bin render`; with tex, each is followed by a pdflatex run
 * of it, so both see the same machine. */
static void
measure_processes(const struct plan *pl, const char *bin, const char *file, const char *dir, const char *tex,
    struct decl_result *res)
{
	char pdf[PATH_LEN], outdir[PATH_LEN + 32];
	char *argv[] = {(char *)bin, "render", "-o", pdf, (char *)file, NULL};
	char *texv[] = {"pdflatex", "-interaction=batchmode", "-halt-on-error", outdir,
	    (char *)tex, NULL};
	struct cost runs[RUNS_MAX], r;
	double tex_ms[RUNS_MAX];
	struct stat st;
	int use_tex = 0;

	snprintf(pdf, sizeof pdf, "%s/process.pdf", dir);
	snprintf(outdir, sizeof outdir, "-output-directory=%s", dir);
	res->tex_skipped = "skipped: no LaTeX source";
	if (access(tex, R_OK) == 0) {
		/* Twice before timing: the second run reads the page count from the .aux. */
		if (!in_path("pdflatex"))
			res->tex_skipped = "skipped: pdflatex not installed";
		else if (spawn(texv, &r) != 0 || spawn(texv, &r) != 0)
			res->tex_skipped = "failed: pdflatex";
		else
			use_tex = 1;
	}
	for (int i = 0; i < pl->proc_runs; i++) {
		if (spawn(argv, &runs[i]) != 0) {
			res->proc.wall_med = -1;
			return;
		}
		if (use_tex && spawn(texv, &r) == 0)
			tex_ms[i] = r.wall_ms;
		else
			use_tex = 0;
	}
	summarise(runs, (size_t)pl->proc_runs, &res->proc);
	res->pdf_bytes = stat(pdf, &st) == 0 ? (long)st.st_size : -1;
	if (use_tex) {
		res->tex_med = median(tex_ms, (size_t)pl->proc_runs);
		res->tex_declgen_med = res->proc.wall_med;
		res->tex_skipped = NULL;
	}
}

/* ----- a batch in one process ----- */

/* Writes count copies of the declarations into dir, each with an id of its own
 * ("ID-N"), and appends their paths to argv from *argc on. Returns 0 or -1. */
static int
write_copies(char *const files[], int nfiles, size_t count, const char *dir, char **argv,
    int *argc)
{
	for (size_t i = 0; i < count; i++) {
		const char *file = files[i % (size_t)nfiles];
		char *data, *id, *end, path[PATH_LEN + 16];
		struct buf b = {0};
		size_t len;
		int ok;

		if (read_file(file, XML_MAX, &data, &len) != 0)
			return -1;
		if ((id = strstr(data, "<id>")) == NULL || (end = strstr(id, "</id>")) == NULL) {
			free(data);
			return -1;
		}
		buf_append(&b, data, (size_t)(end - data));
		buf_printf(&b, "-%zu%s", i, end);
		snprintf(path, sizeof path, "%s/%04zu.xml", dir, i);
		ok = write_text(path, b.data, b.len) == 0;
		buf_free(&b);
		free(data);
		if (!ok)
			return -1;
		argv[(*argc)++] = xstrdup(path);
	}
	return 0;
}

/* One `bin render -d` of the first count copies in argv (from index 4 on). */
static int
run_batch(char **argv, size_t count, struct cost *r)
{
	char *saved = argv[4 + count];
	int status;

	argv[4 + count] = NULL;
	status = spawn(argv, r);
	argv[4 + count] = saved;
	return status;
}

/* Batches of the plan's sizes of copies of the declarations, one process each. */
static void
measure_batch(FILE *out, const struct plan *pl, const char *bin, char *const files[], int nfiles, const char *dir)
{
	const size_t *sizes = pl->batch, largest = pl->batch[SIZES - 1];
	char copies[PATH_LEN], outdir[PATH_LEN];
	char **argv = xcalloc(largest + 5, sizeof *argv);
	struct cost one[RUNS_MAX], r;
	double first = 0;
	int argc = 4;

	snprintf(copies, sizeof copies, "%s/copies", dir);
	snprintf(outdir, sizeof outdir, "%s/batch", dir);
	argv[0] = (char *)bin;
	argv[1] = "render";
	argv[2] = "-d";
	argv[3] = outdir;
	fprintf(out, "\nbatch: copies of %s with ids of their own, one `declgen render -d` each\n",
	    nfiles > 1 ? "the declarations" : "the declaration");
	if (mkdir(copies, 0700) != 0 || mkdir(outdir, 0700) != 0 ||
	    write_copies(files, nfiles, largest, copies, argv, &argc) != 0) {
		fprintf(out, "  failed: cannot write the copies\n");
		goto done;
	}
	fprintf(out, "  %12s %12s %18s %14s\n", "declarations", "wall ms", "ms per decl after 1st",
	    "peak RSS KiB");
	for (size_t i = 0; i < SIZES; i++) {
		struct summary s;
		int ok = 1;

		if (sizes[i] == 1) {
			for (int k = 0; k < pl->batch_one_runs && ok; k++)
				ok = run_batch(argv, 1, &one[k]) == 0;
			if (ok) {
				summarise(one, (size_t)pl->batch_one_runs, &s);
				r.wall_ms = first = s.wall_med;
				r.rss_kib = s.rss_max;
			}
		} else
			ok = run_batch(argv, sizes[i], &r) == 0;
		if (!ok)
			fprintf(out, "  %12zu failed\n", sizes[i]);
		else if (sizes[i] == 1)
			fprintf(out, "  %12zu %12.1f %18s %14ld\n", sizes[i], r.wall_ms, "-", r.rss_kib);
		else
			fprintf(out, "  %12zu %12.1f %18.3f %14ld\n", sizes[i], r.wall_ms,
			    (r.wall_ms - first) / (double)(sizes[i] - 1), r.rss_kib);
	}
done:
	for (int i = 4; i < argc; i++)
		free(argv[i]);
	free(argv);
}

/* ----- long declarations ----- */

/* The parts of a declaration a long one is made of: everything up to the body's
 * content, its paragraphs, and its first signatory. */
struct parts {
	char *data;
	size_t head;		/* bytes up to and including <body> */
	const char *para[64];	/* the <p> elements, as (start, end) */
	const char *para_end[64];
	size_t npara;
	const char *sig, *sig_end;
};

static int
split_parts(const char *file, struct parts *p)
{
	size_t len;
	const char *s, *body, *e;

	memset(p, 0, sizeof *p);
	if (read_file(file, XML_MAX, &p->data, &len) != 0 ||
	    (body = strstr(p->data, "<body>")) == NULL)
		return -1;
	p->head = (size_t)(body - p->data) + strlen("<body>");
	for (s = body; p->npara < 64 && (s = strstr(s, "<p>")) != NULL &&
	    (e = strstr(s, "</p>")) != NULL; s = e) {
		e += strlen("</p>");
		p->para[p->npara] = s;
		p->para_end[p->npara++] = e;
	}
	if ((p->sig = strstr(body, "<signatory")) == NULL ||
	    (p->sig_end = strstr(p->sig, "</signatory>")) == NULL || p->npara == 0)
		return -1;
	p->sig_end += strlen("</signatory>");
	return 0;
}

/* Writes a declaration of n paragraphs (the source's, repeated) and one signatory. */
static int
write_long(const struct parts *p, size_t n, const char *path)
{
	struct buf b = {0};
	int ret;

	buf_append(&b, p->data, p->head);
	for (size_t i = 0; i < n; i++) {
		size_t k = i % p->npara;

		buf_puts(&b, "\n    ");
		buf_append(&b, p->para[k], (size_t)(p->para_end[k] - p->para[k]));
	}
	buf_puts(&b, "\n  </body>\n  <signatures>\n    ");
	buf_append(&b, p->sig, (size_t)(p->sig_end - p->sig));
	buf_puts(&b, "\n  </signatures>\n</declaration>\n");
	ret = write_text(path, b.data, b.len);
	buf_free(&b);
	return ret;
}

/* The pages of `bin render --stats` of path; 0 if it failed. */
static size_t
count_pages(const char *bin, const char *path, const char *pdf)
{
	char cmd[3 * PATH_LEN], line[1024];
	const char *s;
	size_t pages = 0;
	FILE *f;

	snprintf(cmd, sizeof cmd, "'%s' render --stats -o '%s' '%s' 2>/dev/null", bin, pdf,
	    path);
	if ((f = popen(cmd, "r")) == NULL)
		return 0;
	if (fgets(line, sizeof line, f) != NULL && (s = strstr(line, ".xml: ")) != NULL)
		pages = strtoul(s + strlen(".xml: "), NULL, 10);
	if (pclose(f) != 0)
		pages = 0;
	return pages;
}

/* The fewest paragraphs that make at least target pages (paragraphs differ in length,
 * so the count is searched, not computed); writes that declaration to path. */
static size_t
fit_pages(const char *bin, const struct parts *p, size_t target, const char *path,
    const char *pdf, size_t *pages)
{
	size_t lo = 1, hi = 1;

	/* Pages grow with paragraphs: double until enough, then halve the interval. */
	while (write_long(p, hi, path) == 0 && (*pages = count_pages(bin, path, pdf)) != 0 &&
	    *pages < target && hi < 100000)
		lo = hi + 1, hi *= 2;
	if (*pages == 0)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (write_long(p, mid, path) != 0 || (*pages = count_pages(bin, path, pdf)) == 0)
			return 0;
		if (*pages >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (write_long(p, hi, path) != 0 || (*pages = count_pages(bin, path, pdf)) == 0)
		return 0;
	return hi;
}

/* Declarations of the plan's page counts made of file's paragraphs. */
static void
measure_pages(FILE *out, const struct plan *pl, const char *bin, const char *file, const char *dir)
{
	const size_t *targets = pl->pages;
	struct page_result res[SIZES];
	char path[PATH_LEN], pdf[PATH_LEN];
	char *argv[] = {(char *)bin, "render", "-o", pdf, path, NULL};
	struct parts p;

	snprintf(path, sizeof path, "%s/long.xml", dir);
	snprintf(pdf, sizeof pdf, "%s/long.pdf", dir);
	fprintf(out, "\nlong declarations: paragraphs of %s repeated, one signatory; %d processes each\n",
	    file, pl->page_runs);
	if (split_parts(file, &p) != 0) {
		fprintf(out, "  failed: no paragraphs or signatory found\n");
		free(p.data);
		return;
	}
	fprintf(out, "  %6s %10s %10s %10s %14s %14s %14s\n", "pages", "paragraphs", "wall ms",
	    "ms/page", "extra ms/page", "peak RSS KiB", "extra KiB/page");
	for (size_t i = 0; i < SIZES; i++) {
		struct cost runs[RUNS_MAX];
		int ok;

		res[i].target = targets[i];
		ok = (res[i].paragraphs = fit_pages(bin, &p, targets[i], path, pdf,
		    &res[i].pages)) != 0;
		for (int k = 0; ok && k < pl->page_runs; k++)
			ok = spawn(argv, &runs[k]) == 0;
		if (!ok) {
			fprintf(out, "  %6zu failed\n", targets[i]);
			res[i].pages = 0;
			continue;
		}
		summarise(runs, (size_t)pl->page_runs, &res[i].proc);
		fprintf(out, "  %6zu %10zu %10.1f %10.2f", res[i].pages, res[i].paragraphs,
		    res[i].proc.wall_med, res[i].proc.wall_med / (double)res[i].pages);
		/* Beyond the first row: what each page costs beyond the smallest document. */
		if (i > 0 && res[0].pages != 0 && res[i].pages > res[0].pages) {
			double extra = (double)(res[i].pages - res[0].pages);

			fprintf(out, " %14.2f %14ld %14.1f\n",
			    (res[i].proc.wall_med - res[0].proc.wall_med) / extra,
			    res[i].proc.rss_max,
			    (double)(res[i].proc.rss_max - res[0].proc.rss_max) / extra);
		} else
			fprintf(out, " %14s %14ld %14s\n", "-", res[i].proc.rss_max, "-");
	}
	free(p.data);
}

/* ----- inside one process ----- */

/* The mean time of the plan's parses and renders of file in this process, in ms; -1 if
 * one failed. Messages go to a log, not to the terminal. */
static double
measure_in_process(const struct plan *pl, const char *file)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	double t0 = now_ms();

	for (int i = 0; i < pl->inproc_renders; i++) {
		struct diag d = {0};
		struct buf log = {0};
		struct decl *decl;
		unsigned char *pdf = NULL;
		size_t len;
		int ret = -1;

		d.log = &log;
		if ((decl = decl_parse_file(file, "schemas/declaration.xsd", &d)) != NULL)
			ret = pipeline_render(".", decl, &opt, &d, &pdf, &len, NULL);
		free(pdf);
		decl_free(decl);
		buf_free(&log);
		if (ret != 0)
			return -1;
	}
	return (now_ms() - t0) / pl->inproc_renders;
}

/* ----- the table ----- */

static void
print_row(const char *label, const struct decl_result *res, int n, int row)
{
	char cell[64];

	printf("%-38s", label);
	for (int i = 0; i < n; i++) {
		const struct decl_result *r = &res[i];
		int proc = r->proc.wall_med >= 0;

		switch (row) {
		case 0:
			snprintf(cell, sizeof cell, "%s", r->name);
			break;
		case 1:
			if (r->instructions == NOT_INSTALLED)
				snprintf(cell, sizeof cell, "skipped: no valgrind");
			else if (r->instructions < 0)
				snprintf(cell, sizeof cell, "failed");
			else
				snprintf(cell, sizeof cell, "%.1f M", r->instructions / 1e6);
			break;
		case 2:
			snprintf(cell, sizeof cell, proc ? "%.1f (%.1f-%.1f)" : "failed",
			    r->proc.wall_med, r->proc.wall_min, r->proc.wall_max);
			break;
		case 3:
			snprintf(cell, sizeof cell, proc ? "%.1f" : "failed", r->proc.cpu_med);
			break;
		case 4:
			snprintf(cell, sizeof cell, proc ? "%ld" : "failed", r->proc.rss_max);
			break;
		case 5:
			snprintf(cell, sizeof cell, proc ? "%ld" : "failed", r->pdf_bytes);
			break;
		case 6:
			snprintf(cell, sizeof cell, r->inproc_ms >= 0 ? "%.2f" : "failed",
			    r->inproc_ms);
			break;
		case 7:
			if (r->tex_skipped)
				snprintf(cell, sizeof cell, "%s", r->tex_skipped);
			else
				snprintf(cell, sizeof cell, "%.1f vs %.1f: %.1fx", r->tex_med,
				    r->tex_declgen_med, r->tex_med / r->tex_declgen_med);
			break;
		}
		printf("  %-34s", cell);
	}
	printf("\n");
}

static void
print_table(const struct plan *pl, const struct decl_result *res, int n, long floor_kib)
{
	static const char *const labels[] = {
		"declaration",
		"callgrind instructions, whole process",
		"wall ms, median (min-max)",
		"CPU ms (user+sys), median",
		"peak RSS KiB, largest",
		"PDF bytes",
		"in-process ms per render (mean)",
		"pdflatex vs declgen ms, median",
	};

	double load[1];

	printf("whole `declgen render -o` processes: %d runs each; in-process: %d renders each\n",
	    pl->proc_runs, pl->inproc_renders);
	/* Wall times mean little on a busy machine: say how busy it was. */
	if (getloadavg(load, 1) == 1)
		printf("load average at the end: %.2f on %ld cores\n", load[0],
		    sysconf(_SC_NPROCESSORS_ONLN));
	for (int row = 0; row < (int)(sizeof labels / sizeof *labels); row++)
		print_row(labels[row], res, n, row);
	printf("(peak RSS of /bin/true started the same way: %ld KiB; pdflatex: one pass with "
	    "its .aux, alternating with declgen, %d runs)\n", floor_kib, pl->proc_runs);
}

/* Removes the folder of this run with everything in it. */
static void
remove_dir(const char *dir)
{
	char *argv[] = {"rm", "-rf", (char *)dir, NULL};
	struct cost r;

	spawn(argv, &r);
}

/* Callgrind and the processes of every declaration, into res. */
static void
measure_declarations(const struct plan *pl, const char *bin, char *const files[], int n,
    const char *texdir, const char *dir, struct decl_result *res)
{
	char profile[PATH_LEN], path[PATH_LEN];

	for (int i = 0; i < n; i++) {
		res[i].name = base_name(files[i]);
		fprintf(stderr, "bench: %s: callgrind, processes, pdflatex\n", res[i].name);
		snprintf(profile, sizeof profile, "%s/%s.callgrind", dir, res[i].name);
		snprintf(path, sizeof path, "%s/callgrind.pdf", dir);
		res[i].instructions = count_instructions(bin, files[i], path, profile);
		snprintf(path, sizeof path, "%s/%s.tex", texdir, res[i].name);
		measure_processes(pl, bin, files[i], dir, path, &res[i]);
	}
}

static int
usage(void)
{
	fprintf(stderr, "usage: bench [-q] [-t TEXDIR] BINARY FILE...\n");
	return 2;
}

int
main(int argc, char *argv[])
{
	const struct plan *pl = &full_plan;
	const char *tmp = getenv("TMPDIR"), *texdir = "bench";
	char profile[PATH_LEN], *truev[] = {"true", NULL}, *later = NULL, *bin, **files;
	struct buf dir = {0};
	size_t later_len = 0;
	struct decl_result *res;
	struct cost floor;
	FILE *out;
	int n, opt;

	while ((opt = getopt(argc, argv, "qt:")) != -1) {
		if (opt == 'q')
			pl = &quick_plan;
		else if (opt == 't')
			texdir = optarg;
		else
			return usage();
	}
	if (argc - optind < 2)
		return usage();
	bin = argv[optind];
	files = argv + optind + 1;
	n = argc - optind - 1;
	/* A folder of this run's own: two benchmarks at once must not share a file. */
	buf_printf(&dir, "%s/declgen-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir.data) == NULL || (out = open_memstream(&later, &later_len)) == NULL) {
		perror("bench");
		buf_free(&dir);
		return 2;
	}
	res = xcalloc((size_t)n, sizeof *res);
	if (spawn(truev, &floor) != 0)
		floor.rss_kib = -1;
	/* Every child process first (see spawn), the renders inside this one last; the
	 * batch and the long declarations are printed after the table. */
	measure_declarations(pl, bin, files, n, texdir, dir.data, res);
	fprintf(stderr, "bench: batches, long declarations\n");
	measure_batch(out, pl, bin, files, n, dir.data);
	measure_pages(out, pl, bin, files[0], dir.data);
	for (int i = 0; i < n; i++) {
		fprintf(stderr, "bench: %s: %d renders in this process\n", res[i].name,
		    pl->inproc_renders);
		res[i].inproc_ms = measure_in_process(pl, files[i]);
	}
	fclose(out);
	print_table(pl, res, n, floor.rss_kib);
	fwrite(later, 1, later_len, stdout);
	for (int i = 0; i < n; i++) {
		snprintf(profile, sizeof profile, "%s/%s.callgrind", dir.data, res[i].name);
		if (res[i].instructions >= 0)
			print_top_ten(res[i].name, profile);
		free((char *)res[i].name);
	}
	free(later);
	free(res);
	remove_dir(dir.data);
	buf_free(&dir);
	return 0;
}
