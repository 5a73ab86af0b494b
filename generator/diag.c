#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#include "limits.h"

static const char *const level_names[] = {
	[DIAG_OK] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
	[DIAG_FATAL] = "error",
};

void
diag_report(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list ap;

	if (level > d->worst)
		d->worst = level;
	if (level >= DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	if (d->quiet)
		return;
	/* A hostile file can produce endless errors; the first ones tell what to fix. */
	if (++d->printed > LIMIT_DIAGNOSTICS) {
		if (d->printed == LIMIT_DIAGNOSTICS + 1)
			fprintf(stderr, "%s: error: too many problems, stopping here\n",
			    file ? file : "declgen");
		return;
	}
	if (file == NULL)
		fputs("declgen: ", stderr);
	else if (line > 0)
		fprintf(stderr, "%s:%d:%d: ", file, line, col > 0 ? col : 1);
	else
		fprintf(stderr, "%s: ", file);
	fprintf(stderr, "%s: ", level_names[level]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
diag_exit_status(const struct diag *d)
{
	switch (d->worst) {
	case DIAG_FATAL:
		return 2;
	case DIAG_ERROR:
		return 1;
	default:
		return 0;
	}
}
