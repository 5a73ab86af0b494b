/* make bench: median time to render each declaration, in-process (by stage) and as a
 * whole process, and the peak memory of the process. Measured, never asserted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "decl.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "layout.h"
#include "pipeline.h"
#include "render.h"
#include "util.h"

#define RUNS 31
#define STAGES 5

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

/* One in-process render; stores the time of each stage in ms. */
static int
render_once(const char *path, double *t)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct diag d = {0};
	struct buf log = {0};
	double t0 = now_ms(), t1, t2, t3;
	struct decl *decl;
	struct hyph_set *h;
	struct font *f;
	struct render *r = NULL;
	struct layout *l;
	const unsigned char *pdf;
	size_t len;
	int ret = -1;

	d.log = &log;
	if ((decl = decl_parse_file(path, "schemas/declaration.xsd", &d)) == NULL)
		return -1;
	t1 = now_ms();
	h = hyph_set_new(".", decl, &d);
	t2 = now_ms();
	f = font_new("fonts", &d);
	l = f ? layout_new(decl, font_metrics(f), h, &opt, &d) : NULL;
	t3 = now_ms();
	if (l && (r = render_new(f, path, &d)) != NULL &&
	    render_document(r, decl, l, &pdf, &len) == 0)
		ret = 0;
	t[0] = t1 - t0;
	t[1] = t2 - t1;
	t[2] = t3 - t2;
	t[3] = now_ms() - t3;
	t[4] = now_ms() - t0;
	layout_free(l);
	render_free(r);
	font_free(f);
	hyph_set_free(h);
	decl_free(decl);
	buf_free(&log);
	return ret;
}

static double
process_once(const char *bin, const char *path, const char *out)
{
	double t0 = now_ms();
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execl(bin, bin, "render", "-o", out, path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return now_ms() - t0;
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	char dir[] = "/tmp/declgen-bench-XXXXXX", out[64];

	if (argc < 3) {
		fprintf(stderr, "usage: bench BINARY FILE...\n");
		return 2;
	}
	/* A folder of this run's own: two benchmarks at once must not share a file. */
	if (mkdtemp(dir) == NULL) {
		perror("bench: mkdtemp");
		return 2;
	}
	snprintf(out, sizeof out, "%s/bench.pdf", dir);
	printf("median of %d runs, ms\n", RUNS);
	printf("%-34s %7s %7s %7s %7s %7s %9s\n", "declaration", "parse", "hyphen", "layout",
	    "render", "total", "process");
	for (int f = 2; f < argc; f++) {
		double stage[STAGES][RUNS], proc[RUNS], t[STAGES];
		const char *base = strrchr(argv[f], '/') ? strrchr(argv[f], '/') + 1 : argv[f];

		for (int i = 0; i < RUNS; i++) {
			if (render_once(argv[f], t) != 0 || (proc[i] = process_once(argv[1], argv[f], out)) < 0) {
				fprintf(stderr, "bench: %s does not render\n", argv[f]);
				return 1;
			}
			for (int s = 0; s < STAGES; s++)
				stage[s][i] = t[s];
		}
		printf("%-34s", base);
		for (int s = 0; s < STAGES; s++)
			printf(" %7.2f", median(stage[s], RUNS));
		printf(" %9.2f\n", median(proc, RUNS));
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("peak memory of one declgen process: %ld KiB\n", ru.ru_maxrss);
	unlink(out);
	rmdir(dir);
	return 0;
}
