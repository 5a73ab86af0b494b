/* One printer for every message: "FILE:LINE:COL: error|warning: MESSAGE" on stderr,
 * or one JSON object a line for a pipeline. */
#ifndef DECLGEN_DIAG_H
#define DECLGEN_DIAG_H

struct buf;

enum diag_level {
	DIAG_OK = 0,
	DIAG_WARNING,
	DIAG_ERROR,	/* invalid input: exit status 1 */
	DIAG_FATAL	/* usage or system error: exit status 2 */
};

struct diag {
	enum diag_level worst;	/* worst level reported so far */
	unsigned errors;	/* number of errors reported */
	unsigned warnings;
	unsigned printed;	/* messages printed for the current file */
	struct buf *log;	/* if set, messages go here instead of stderr (tests) */
	int json;		/* each message one JSON object a line (--format=json):
				 * {"file","line","column","severity","message"} */
};

/* Reports a message; line and col are 1-based, 0 where unknown. file may be NULL. */
void diag_report(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Whether the message cap of the current file is reached: further messages are only
 * counted, so a caller need not spend time on them. */
int diag_capped(const struct diag *d);

/* Exit status for the worst level seen: 0, 1 for invalid input, 2 for system errors. */
int diag_exit_status(const struct diag *d);

#endif
