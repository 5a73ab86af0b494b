/* Render in-process: the same input gives the same bytes, in any locale. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "layout.h"
#include "pipeline.h"
#include "render.h"

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

/* Adds a text item in the regular face at 11 pt to a hand-made layout. */
static void
add_text(struct layout *l, const char *text, double x, double x2, double y, size_t line,
    const char *uri)
{
	struct lay_item *it = ARRAY_PUSH(l->items, l->nitems, l->capitems);

	memset(it, 0, sizeof *it);
	it->kind = LAY_TEXT;
	it->face = FACE_REGULAR;
	it->size = 11;
	it->x = x;
	it->x2 = x2;
	it->y = y;
	it->y2 = y;
	it->off = l->text.len;
	it->len = strlen(text);
	it->line = line;
	it->uri = uri;
	buf_append(&l->text, text, strlen(text) + 1);
}

/* Renders the declaration at path with the hand-made one-page layout l (not its own);
 * returns the PDF (owned by the caller), or NULL if rendering failed. */
static unsigned char *
render_layout(struct decl *decl, struct layout *l, size_t *len, struct buf *log)
{
	struct diag d = {0};
	struct render *r;
	const unsigned char *out;
	unsigned char *pdf = NULL;

	d.log = log;
	l->pages = xcalloc(1, sizeof *l->pages);
	l->npages = 1;
	l->pages[0].first = 0;
	l->pages[0].count = l->nitems;
	r = render_new(FONTS, decl->path, &d);
	assert_non_null(r);
	if (render_document(r, decl, l, &out, len) == 0) {
		pdf = xmalloc(*len);
		memcpy(pdf, out, *len);
	}
	render_free(r);
	return pdf;
}

/* Number of occurrences of needle in data. */
static int
count(const unsigned char *data, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	int c = 0;

	for (size_t i = 0; i + n <= len; i++)
		c += memcmp(data + i, needle, n) == 0;
	return c;
}

/* The numbers after the k-th "/Rect [" of the PDF. */
static void
nth_rect(const unsigned char *pdf, size_t len, int k, double rect[4])
{
	struct buf s = {0};
	size_t i = 0;

	for (int seen = -1; seen < k; i++) {
		assert_true(i + 7 < len);
		seen += memcmp(pdf + i, "/Rect [", 7) == 0;
	}
	/* The rectangle's text as a string, read with the PDF's decimal point. */
	buf_append(&s, (const char *)pdf + i + 6, len - i - 6 < 80 ? len - i - 6 : 80);
	setlocale(LC_NUMERIC, "C");
	assert_int_equal(sscanf(s.data, "%lf %lf %lf %lf", &rect[0], &rect[1], &rect[2],
	    &rect[3]), 4);
	setlocale(LC_NUMERIC, "");
	buf_free(&s);
}

/* Issue 7: each link is a /Link annotation with a /URI action over its text, without a
 * border; the pieces of one link on one line share one; non-ASCII is percent-encoded. */
static void
test_links(void **state)
{
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/minimal.xml", &d, &log);
	unsigned char *pdf;
	size_t len;
	double rect[4];

	(void)state;
	assert_non_null(decl);
	add_text(l, "Siehe", 72, 100, 700, 1, NULL);
	add_text(l, "www.example.org/", 104, 180, 700, 1, "https://www.example.org/aktuell");
	add_text(l, "aktu", 180, 200, 700, 1, "https://www.example.org/aktuell");
	add_text(l, "ell", 72, 90, 685, 2, "https://www.example.org/aktuell");
	add_text(l, "info@köln.de", 72, 150, 670, 3, "mailto:info@köln.de");
	pdf = render_layout(decl, l, &len, &log);
	assert_non_null(pdf);
	assert_int_equal(count(pdf, len, "/Subtype /Link"), 3);
	assert_int_equal(count(pdf, len, "/S /URI"), 3);
	/* libharu writes "/" and "%" as octal escapes. */
	assert_int_equal(count(pdf, len,
	    "/URI (https:\\057\\057www.example.org\\057aktuell)"), 2);
	assert_int_equal(count(pdf, len, "/URI (mailto:info@k\\045C3\\045B6ln.de)"), 1);
	assert_int_equal(count(pdf, len, "/Border [ 0 0 0 ]"), 3);
	/* The first link's two pieces: one rectangle from the first's start to the
	 * second's end, from below the baseline to above it. */
	nth_rect(pdf, len, 0, rect);
	assert_true(rect[0] > 103.9 && rect[0] < 104.1);
	assert_true(rect[2] > 199.9 && rect[2] < 200.1);
	assert_true(rect[1] > 695.7 && rect[1] < 695.9);
	assert_true(rect[3] > 710.7 && rect[3] < 710.9);
	/* The next line's link meets it. */
	nth_rect(pdf, len, 1, rect);
	assert_true(rect[0] > 71.9 && rect[0] < 72.1 && rect[2] > 89.9 && rect[2] < 90.1);
	assert_true(rect[3] > 695.7 && rect[3] < 695.9);
	free(pdf);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_deterministic),
	cmocka_unit_test(test_locale_independent),
	cmocka_unit_test(test_source_date_epoch),
	cmocka_unit_test(test_fonts_have_prep),
	cmocka_unit_test(test_links),
};

TEST_MAIN(tests)
