/* The one printer of messages. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#include "json.h"
#include "limits.h"
#include "util.h"

static const char *const level_names[] = {
	[DIAG_OK] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
	[DIAG_FATAL] = "error",
};

/* Appends s to b with every control character written as an escape ("\\r", "\\x1B",
 * "\\u0085"): a value or a file name from the input must not start a line of its own
 * that looks like another message, nor move the terminal's cursor. */
static void
append_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7F)
			buf_printf(b, "\\x%02X", c);
		else if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
			buf_printf(b, "\\u%04X", (unsigned char)*++s);	/* C1 control */
		else
			buf_append(b, s, 1);
	}
}

/* "FILE:LINE:COL: LEVEL: TEXT\n" (FILE:LEVEL: TEXT where the line is unknown),
 * control characters escaped. */
static void
format_text(struct buf *msg, enum diag_level level, const char *file, int line, int col,
    const char *text)
{
	append_escaped(msg, file);
	if (line > 0)
		buf_printf(msg, ":%d:%d", line, col > 0 ? col : 1);
	buf_puts(msg, ": ");
	buf_printf(msg, "%s: ", level_names[level]);
	append_escaped(msg, text);
	buf_puts(msg, "\n");
}

/* {"file":…,"line":…,"column":…,"severity":…,"message":…}: line and column 0 where
 * unknown, file null for a message about no file. */
static void
format_json(struct buf *msg, enum diag_level level, const char *file, int line, int col,
    const char *text)
{
	buf_puts(msg, "{");
	json_key_string(msg, "file", file);
	buf_puts(msg, ",");
	json_key_number(msg, "line", line > 0 ? line : 0);
	buf_puts(msg, ",");
	json_key_number(msg, "column", line > 0 ? (col > 0 ? col : 1) : 0);
	buf_puts(msg, ",");
	json_key_string(msg, "severity", level_names[level]);
	buf_puts(msg, ",");
	json_key_string(msg, "message", text);
	buf_puts(msg, "}\n");
}

void
diag_report(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	struct buf msg = {0}, text = {0};
	va_list ap;

	if (level > d->worst)
		d->worst = level;
	if (level >= DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	/* A hostile file can produce endless errors; the first ones tell what to fix. */
	if (++d->printed > LIMIT_DIAGNOSTICS) {
		if (d->printed != LIMIT_DIAGNOSTICS + 1)
			goto done;
		/* Warnings alone leave the exit status 0: the summary is no error. */
		buf_puts(&text, d->errors > 0 ? "too many problems, stopping here" :
		    "too many warnings; the rest are not shown");
		level = d->errors > 0 ? DIAG_ERROR : DIAG_WARNING;
		line = 0;
	} else {
		va_start(ap, fmt);
		buf_vprintf(&text, fmt, ap);
		va_end(ap);
	}
	if (d->json)
		format_json(&msg, level, file, line, col, text.data ? text.data : "");
	else
		format_text(&msg, level, file ? file : "declgen", line, col,
		    text.data ? text.data : "");
	if (d->log)
		buf_append(d->log, msg.data, msg.len);
	else
		fputs(msg.data, stderr);
done:
	buf_free(&text);
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
