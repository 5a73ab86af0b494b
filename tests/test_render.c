/* Render in-process: the same input gives the same bytes, in any locale. */
#include "testutil.h"

#include <stdlib.h>

#include "pipeline.h"

/* Renders path; returns the PDF (owned by the caller) and its length. */
static unsigned char *
render_file(const char *path, size_t *len)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged(path, &d, &log);
	unsigned char *pdf;

	assert_non_null(decl);
	assert_int_equal(pipeline_render(DATADIR, decl, &opt, &d, &pdf, len, NULL), 0);
	assert_true(*len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	decl_free(decl);
	buf_free(&log);
	return pdf;
}

static int
contains(const unsigned char *data, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	return 0;
}

static void
test_deterministic(void **state)
{
	size_t a_len, b_len;
	unsigned char *a, *b;

	(void)state;
	unsetenv("SOURCE_DATE_EPOCH");
	a = render_file(KREFELD, &a_len);
	b = render_file(KREFELD, &b_len);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	/* No wall-clock timestamp: no CreationDate unless SOURCE_DATE_EPOCH asks. */
	assert_false(contains(a, a_len, "CreationDate"));
	free(a);
	free(b);
}

/* Numbers in a PDF must not follow the locale's decimal comma. */
static void
test_locale_independent(void **state)
{
	size_t a_len, b_len;
	unsigned char *a, *b;

	(void)state;
	setlocale(LC_ALL, "C");
	a = render_file(BERGISCH, &a_len);
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		free(a);
		skip();
	}
	assert_string_equal(localeconv()->decimal_point, ",");
	b = render_file(BERGISCH, &b_len);
	setlocale(LC_ALL, "");
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	free(a);
	free(b);
}

static void
test_source_date_epoch(void **state)
{
	size_t len;
	unsigned char *pdf;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1705881600", 1);	/* 2024-01-22 00:00:00 UTC */
	pdf = render_file(KREFELD, &len);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_true(contains(pdf, len, "/CreationDate (D:20240122000000"));
	free(pdf);
}

/* Big-endian numbers of a font file. */
static unsigned long
be(const unsigned char *p, int bytes)
{
	unsigned long v = 0;

	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	return v;
}

/* libharu 2.3.0 cannot embed a font without a 'prep' table once the subset it writes
 * is a multiple of 4096 bytes long (the fuzzer found it): every font must have one. */
static void
test_fonts_have_prep(void **state)
{
	static const char *const files[] = {"fonts/DeclgenSerif-Regular.ttf",
	    "fonts/DeclgenSerif-Italic.ttf", "fonts/DeclgenSerif-Bold.ttf",
	    "fonts/DeclgenSerif-BoldItalic.ttf"};

	(void)state;
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		char *data;
		size_t len;
		unsigned long prep = 0, n;

		assert_int_equal(read_file(files[f], 1 << 22, &data, &len), 0);
		n = be((unsigned char *)data + 4, 2);
		for (unsigned long i = 0; i < n && 12 + 16 * (i + 1) <= len; i++) {
			const unsigned char *rec = (unsigned char *)data + 12 + 16 * i;

			if (memcmp(rec, "prep", 4) == 0)
				prep = be(rec + 12, 4);
		}
		if (prep == 0)
			fail_msg("%s has no 'prep' table", files[f]);
		free(data);
	}
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_deterministic),
	cmocka_unit_test(test_locale_independent),
	cmocka_unit_test(test_source_date_epoch),
	cmocka_unit_test(test_fonts_have_prep),
};

TEST_MAIN(tests)
