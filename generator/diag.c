#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#include "limits.h"
#include "util.h"

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
	struct buf msg = {0};
	va_list ap;
	char text[1024];

	if (level > d->worst)
		d->worst = level;
	if (level >= DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	/* A hostile file can produce endless errors; the first ones tell what to fix. */
	if (++d->printed > LIMIT_DIAGNOSTICS) {
		if (d->printed == LIMIT_DIAGNOSTICS + 1)
			buf_printf(&msg, "%s: error: too many problems, stopping here\n",
			    file ? file : "declgen");
	} else {
		if (file == NULL)
			buf_puts(&msg, "declgen: ");
		else if (line > 0)
			buf_printf(&msg, "%s:%d:%d: ", file, line, col > 0 ? col : 1);
		else
			buf_printf(&msg, "%s: ", file);
		va_start(ap, fmt);
		vsnprintf(text, sizeof text, fmt, ap);
		va_end(ap);
		buf_printf(&msg, "%s: %s\n", level_names[level], text);
	}
	if (msg.len && d->log)
		buf_append(d->log, msg.data, msg.len);
	else if (msg.len)
		fputs(msg.data, stderr);
	buf_free(&msg);
}

int
diag_capped(const struct diag *d)
{
	return d->printed >= LIMIT_DIAGNOSTICS;
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
