/* Shared helpers of the unit tests. Tests run from the repository's top directory. */
#ifndef DECLGEN_TESTUTIL_H
#define DECLGEN_TESTUTIL_H

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "decl.h"
#include "diag.h"
#include "util.h"

#define DATADIR "."
#define SCHEMA "schemas/declaration.xsd"
#define FONTS "fonts"
#define KREFELD "declarations/krefeld-viersen.xml"
#define BERGISCH "declarations/bergisch-gladbach-bruehl-koeln.xml"
#define HYPHEN_DIC "hyphen/hyph_de.dic"

/* Parses path with messages collected in log (which the caller frees). */
static inline struct decl *
parse_logged(const char *path, struct diag *d, struct buf *log)
{
	memset(d, 0, sizeof *d);
	d->log = log;
	return decl_parse_file(path, SCHEMA, d);
}

/* Whether log holds a message that starts with prefix on some line. */
static inline int
log_has(const struct buf *log, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *s = log->data; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
		if (strncmp(s, prefix, n) == 0)
			return 1;
	return 0;
}

/* Fails unless some message in log holds part, showing what the log has. */
static inline void
expect_message(const struct buf *log, const char *part)
{
	if (log->data == NULL || strstr(log->data, part) == NULL)
		fail_msg("expected a message with\n  %s\ngot:\n%s", part,
		    log->data ? log->data : "(nothing)");
}

/* Number of messages in log. */
static inline int
log_count(const struct buf *log)
{
	int n = 0;

	for (size_t i = 0; i < log->len; i++)
		n += log->data[i] == '\n';
	return n;
}

/* Tests run once in the C locale and once in the user's (make check-locale sets a
 * German one): results must not differ. */
#define TEST_MAIN(tests) \
	int main(void) \
	{ \
		setlocale(LC_ALL, ""); \
		return cmocka_run_group_tests(tests, NULL, NULL); \
	}

#endif
