/* Render in-process: the same input gives the same bytes, in any locale. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "font.h"
#include "font_embed.h"
#include "layout.h"
#include "pipeline.h"
#include "render.h"
#include "render_fonts.h"
#include "render_text.h"
#include "text.h"

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
	assert_int_equal(count(a, a_len, "CreationDate"), 0);
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
	assert_true(count(pdf, len, "/CreationDate (D:20240122000000") > 0);
	free(pdf);
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

/* Renders the declaration at path with the hand-made one-page layout l (not its own)
 * in the faces of font; returns the PDF (owned by the caller), or NULL if rendering
 * failed. */
static unsigned char *
render_layout_in(struct font *font, struct decl *decl, struct layout *l, size_t *len,
    struct buf *log)
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
	r = render_new(font, decl->path, &d);
	assert_non_null(r);
	if (render_document(r, decl, l, &out, len) == 0) {
		pdf = xmalloc(*len);
		memcpy(pdf, out, *len);
	}
	render_free(r);
	return pdf;
}

/* render_layout_in with the bundled faces. */
static unsigned char *
render_layout(struct decl *decl, struct layout *l, size_t *len, struct buf *log)
{
	struct diag d = {.log = log};
	struct font *font = font_new(FONTS, &d);
	unsigned char *pdf;

	assert_non_null(font);
	pdf = render_layout_in(font, decl, l, len, log);
	font_free(font);
	return pdf;
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

/* A new string of n bytes: "Ää€" repeated (characters of 1, 2 and 3 bytes), cut at a
 * character boundary. */
static char *
long_text(size_t n)
{
	static const char unit[] = "A\xC3\xA4\xE2\x82\xAC ";
	char *s = xmalloc(n + 1);

	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % (sizeof unit - 1)];
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	s[n] = '\0';
	return s;
}

/* Replaces a list of strings of decl by n new long strings of len bytes. */
static void
replace_list(char ***list, size_t *count, size_t n, size_t len)
{
	for (size_t i = 0; i < *count; i++)
		free((*list)[i]);
	free(*list);
	*list = xcalloc(n, sizeof **list);
	for (size_t i = 0; i < n; i++)
		(*list)[i] = long_text(len);
	*count = n;
}

/* The document information entry key (a UTF-16BE hex string) as UTF-8, into out;
 * returns 0 if the PDF has none. */
static int
info_entry(const unsigned char *pdf, size_t len, const char *key, struct buf *out)
{
	size_t n = strlen(key), i;

	out->len = 0;
	buf_puts(out, "");
	for (i = 0; i + n + 2 < len && memcmp(pdf + i, key, n) != 0; i++)
		;
	if (i + n + 2 >= len || memcmp(pdf + i + n, " <FEFF", 6) != 0)
		return 0;
	for (i += n + 6; i + 4 <= len && pdf[i] != '>'; i += 4) {
		char hex[5] = {(char)pdf[i], (char)pdf[i + 1], (char)pdf[i + 2], (char)pdf[i + 3],
		    0}, enc[4];

		buf_append(out, enc, utf8_encode((uint32_t)strtoul(hex, NULL, 16), enc));
	}
	return 1;
}

/* Kerning for every pair, so that the test sees the renderer apply layout's kerning:
 * -5 to -30 thousandths of an em. */
static int
test_kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	(void)ctx;
	(void)face;
	return -5 * (int)((left + right) % 7);
}

/* A glyph as a reader places it: its origin (pt), id and face. */
struct placed {
	double x, y;
	unsigned gid;
	int face;
};

struct placed_list {
	struct placed *v;
	size_t n, cap;
};

static void
place(struct placed_list *pl, double x, double y, unsigned gid, int face)
{
	struct placed *p = ARRAY_PUSH(pl->v, pl->n, pl->cap);

	*p = (struct placed){x, y, gid, face};
}

/* Where layout puts the glyphs of a line's items (x as given, each glyph advanced by
 * its width and kerning in 1/1000 em), a space glyph after every item followed by a
 * gap. */
static void
expected_line(const struct metrics *m, struct fonts *f, const struct layout *l,
    size_t first, size_t end, struct placed_list *pl)
{
	for (size_t i = first; i < end; i++) {
		const struct lay_item *it = &l->items[i];
		const char *t = lay_text(l, it);
		double x = it->x;
		size_t n, n2;
		int w;

		for (size_t k = 0; k < it->len; k += n) {
			uint32_t cp = utf8_decode(t + k, it->len - k, &n);

			place(pl, x, it->y, fonts_use(f, it->face, cp, &w), (int)it->face);
			x += m->advance(m->ctx, it->face, cp) * it->size / 1000;
			if (k + n < it->len)
				x += m->kern(m->ctx, it->face, cp, utf8_decode(t + k + n,
				    it->len - k - n, &n2)) * it->size / 1000;
		}
		if (i + 1 < end && l->items[i + 1].x > x + 0.01)
			place(pl, x, it->y, fonts_use(f, it->face, ' ', &w), (int)it->face);
	}
}

/* Reads the text operators of content (BT, Tm, Tf, TJ, g, ET) back as a reader does,
 * with the widths the fonts' /W arrays get, into pl. */
static void
read_back(const char *content, struct fonts *f, HPDF_Page page, struct placed_list *pl)
{
	double num[6], size = 0, x = 0, y = 0;
	int nnum = 0, face = -1, in_array = 0;
	char name[16] = "";

	/* PDF numbers have a point, whatever the locale (check-locale runs in German). */
	setlocale(LC_NUMERIC, "C");
	for (const char *p = content; *p;) {
		char *end;

		if (*p == ' ' || *p == '\n') {
			p++;
		} else if (*p == '[' || *p == ']') {
			in_array = *p++ == '[';
		} else if (*p == '<') {
			for (p++; *p != '>'; p += 4) {
				char hex[5] = {p[0], p[1], p[2], p[3], 0};
				unsigned gid = (unsigned)strtoul(hex, NULL, 16);

				assert_true(in_array && face >= 0);
				place(pl, x, y, gid, face);
				x += f->faces[face].width[gid] * size / 1000;
			}
			p++;
		} else if (*p == '/') {
			size_t n = strcspn(p + 1, " ");

			assert_true(n < sizeof name);
			memcpy(name, p + 1, n);
			name[n] = '\0';
			p += n + 1;
		} else if ((*p >= '0' && *p <= '9') || *p == '-') {
			double v = strtod(p, &end);

			p = end;
			if (in_array)
				x -= v * size / 1000;
			else if (nnum < 6)
				num[nnum++] = v;
		} else {
			size_t n = strcspn(p, " \n[");

			if (n == 2 && strncmp(p, "Tm", 2) == 0) {
				assert_int_equal(nnum, 6);
				x = num[4];
				y = num[5];
			} else if (n == 2 && strncmp(p, "Tf", 2) == 0) {
				size = num[0];
				for (face = 0; face < FACE_COUNT; face++)
					if (f->faces[face].type0 != NULL && strcmp(name,
					    HPDF_Page_GetLocalFontName(page, f->faces[face].type0)) == 0)
						break;
				assert_true(face < FACE_COUNT);
			}
			nnum = 0;
			p += n;
		}
	}
	setlocale(LC_NUMERIC, "");
}

/* Adds a text item to l at x on baseline y, ending where its glyphs end (with m). */
static double
add_word(struct layout *l, const struct metrics *m, enum face face, double size,
    const char *text, double x, double y, size_t line)
{
	struct lay_item *it;
	size_t n, n2, len = strlen(text);
	double x2 = x;

	for (size_t k = 0; k < len; k += n) {
		uint32_t cp = utf8_decode(text + k, len - k, &n);

		x2 += m->advance(m->ctx, face, cp) * size / 1000;
		if (k + n < len)
			x2 += m->kern(m->ctx, face, cp, utf8_decode(text + k + n, len - k - n,
			    &n2)) * size / 1000;
	}
	add_text(l, text, x, x2, y, line, NULL);
	it = &l->items[l->nitems - 1];
	it->face = face;
	it->size = size;
	return x2;
}

/* Issue 11 ("Words must be words"): each line one run (one Tm), a real space glyph
 * between words, face changes within the run, and every glyph within 0.01 pt of where
 * layout put it, with kerning, justified (wide) and tight gaps, and two items that
 * touch (no space between them). */
static void
test_glyphs_where_layout_put_them(void **state)
{
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0}, content = {0};
	struct diag d = {.log = &log};
	struct font *font = font_new(FONTS, &d);
	struct metrics m;
	struct fonts f;
	struct placed_list want = {0}, got = {0};
	struct lay_page lp;
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page;
	double x;
	int w;

	(void)state;
	assert_non_null(font);
	assert_non_null(pdf);
	page = HPDF_AddPage(pdf);
	m = *font_metrics(font);
	m.kern = test_kern;
	fonts_init(&f, pdf, font, "test", &d);
	f.metrics = &m;
	x = add_word(l, &m, FACE_REGULAR, 11, "Zwei", 72.3, 700, 1);
	x = add_word(l, &m, FACE_BOLD, 11, "W\xC3\xB6rter,", x + 7.123, 700, 1);
	x = add_word(l, &m, FACE_REGULAR, 11, "AVATAR", x + 1.2, 700, 1);
	x = add_word(l, &m, FACE_ITALIC, 11, "Wort", x + 3.05, 700, 1);
	add_word(l, &m, FACE_REGULAR, 11, "teil", x, 700, 1);
	x = add_word(l, &m, FACE_REGULAR, 16, "Titel", 100.4567, 650, 2);
	add_word(l, &m, FACE_REGULAR, 16, "zeile", x + 4.5, 650, 2);
	lp = (struct lay_page){0, l->nitems};
	assert_int_equal(text_draw_page(&f, page, l, &lp, &content), 0);
	expected_line(&m, &f, l, 0, 5, &want);
	expected_line(&m, &f, l, 5, 7, &want);
	read_back(content.data, &f, page, &got);
	assert_int_equal(got.n, want.n);
	for (size_t i = 0; i < want.n; i++) {
		if (fabs(got.v[i].x - want.v[i].x) > 0.01 || got.v[i].y != want.v[i].y ||
		    got.v[i].gid != want.v[i].gid || got.v[i].face != want.v[i].face)
			fail_msg("glyph %zu: %u (face %d) at %.4f %.4f, layout %u (face %d) at "
			    "%.4f %.4f\n%s", i, got.v[i].gid, got.v[i].face, got.v[i].x,
			    got.v[i].y, want.v[i].gid, want.v[i].face, want.v[i].x, want.v[i].y,
			    content.data);
	}
	/* Three spaces on the first line (none between the touching items), one on the
	 * second; one run per line. */
	assert_int_equal(count((unsigned char *)content.data, content.len, " Tm\n"), 2);
	for (size_t i = 0, spaces = 0; i <= want.n; i++) {
		if (i == want.n) {
			assert_int_equal(spaces, 4);
			break;
		}
		spaces += want.v[i].gid == fonts_use(&f, (enum face)want.v[i].face, ' ', &w);
	}
	fonts_free(&f);
	HPDF_Free(pdf);
	font_free(font);
	layout_free(l);
	free(want.v);
	free(got.v);
	buf_free(&content);
	buf_free(&log);
}

/* A word longer than a reader takes in one string (10,000 glyphs) is drawn in several
 * TJ arrays of at most 4096 glyphs, each continuing where the last ended. */
static void
test_long_word_in_pieces(void **state)
{
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0}, content = {0};
	struct diag d = {.log = &log};
	struct font *font = font_new(FONTS, &d);
	char *word = xmalloc(10001);
	struct fonts f;
	struct placed_list want = {0}, got = {0};
	struct lay_page lp;
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page;

	(void)state;
	assert_non_null(font);
	assert_non_null(pdf);
	page = HPDF_AddPage(pdf);
	fonts_init(&f, pdf, font, "test", &d);
	for (size_t i = 0; i < 10000; i++)
		word[i] = (char)('a' + i % 26);
	word[10000] = '\0';
	add_word(l, f.metrics, FACE_REGULAR, 11, word, 72, 700, 1);
	lp = (struct lay_page){0, l->nitems};
	assert_int_equal(text_draw_page(&f, page, l, &lp, &content), 0);
	expected_line(f.metrics, &f, l, 0, 1, &want);
	read_back(content.data, &f, page, &got);
	assert_int_equal(got.n, 10000);
	assert_int_equal(count((unsigned char *)content.data, content.len, "]TJ"), 3);
	for (size_t i = 0; i < want.n; i++)
		if (fabs(got.v[i].x - want.v[i].x) > 0.01 || got.v[i].gid != want.v[i].gid)
			fail_msg("glyph %zu at %.4f, layout %.4f", i, got.v[i].x, want.v[i].x);
	fonts_free(&f);
	HPDF_Free(pdf);
	font_free(font);
	layout_free(l);
	free(word);
	free(want.v);
	free(got.v);
	buf_free(&content);
	buf_free(&log);
}

#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static void
count_point(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float x, float y,
    void *user)
{
	(void)df;
	(void)st;
	(void)x;
	(void)y;
	(void)user;
	++*(unsigned *)data;
}

static void
count_curve(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float cx, float cy,
    float x, float y, void *user)
{
	count_point(df, data, st, cx + x, cy + y, user);
}

/* Points of the outline of gid in font. */
static unsigned
outline_points(hb_font_t *font, hb_codepoint_t gid)
{
	hb_draw_funcs_t *df = hb_draw_funcs_create();
	unsigned n = 0;

	hb_draw_funcs_set_move_to_func(df, count_point, NULL, NULL);
	hb_draw_funcs_set_line_to_func(df, count_point, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(df, count_curve, NULL, NULL);
	hb_font_get_glyph_shape(font, gid, df, &n);
	hb_draw_funcs_destroy(df);
	return n;
}

/* Issue 9: libharu's subsetter dropped the components of composite glyphs. DejaVu Sans
 * builds Ä from A and the dieresis: its subset of Ä alone draws Ä whole, keeps A (the
 * component) at its glyph id, and leaves out B. */
static void
test_subset_keeps_components(void **state)
{
	const char *const paths[FACE_COUNT] = {DEJAVU, DEJAVU, DEJAVU, DEJAVU};
	struct buf log = {0};
	struct diag d = {.log = &log};
	struct font *font;
	hb_codepoint_t adieresis, a, b;
	hb_set_t *gids = hb_set_create();
	hb_blob_t *blob, *orig_blob;
	hb_face_t *sub, *orig;
	hb_font_t *subfont, *origfont;
	struct embed_facts facts;

	(void)state;
	if (access(DEJAVU, R_OK) != 0)
		skip();
	font = font_new_files(paths, 0, &d);
	assert_non_null(font);
	adieresis = font_glyph(font, FACE_REGULAR, 0xC4);
	a = font_glyph(font, FACE_REGULAR, 'A');
	b = font_glyph(font, FACE_REGULAR, 'B');
	assert_true(adieresis != 0 && a != 0 && b != 0);
	hb_set_add(gids, adieresis);
	blob = embed_subset(font, FACE_REGULAR, gids);
	assert_non_null(blob);
	sub = hb_face_create(blob, 0);
	subfont = hb_font_create(sub);
	orig_blob = hb_blob_create_from_file(DEJAVU);
	orig = hb_face_create(orig_blob, 0);
	origfont = hb_font_create(orig);
	/* Smaller than the face, glyph ids kept. */
	assert_true(hb_blob_get_length(blob) * 10 < hb_blob_get_length(orig_blob));
	assert_true(hb_face_get_glyph_count(sub) > adieresis);
	assert_true(outline_points(origfont, adieresis) > 10);
	assert_int_equal(outline_points(subfont, adieresis), outline_points(origfont, adieresis));
	assert_int_equal(outline_points(subfont, a), outline_points(origfont, a));
	assert_int_equal(outline_points(subfont, b), 0);
	embed_facts(font, FACE_REGULAR, &facts);
	assert_string_equal(facts.name, "DejaVuSans");
	assert_false(facts.cff);
	assert_true(facts.bbox[0] < 0 && facts.bbox[3] > 900 && facts.ascent > 700);
	hb_font_destroy(subfont);
	hb_face_destroy(sub);
	hb_blob_destroy(blob);
	hb_font_destroy(origfont);
	hb_face_destroy(orig);
	hb_blob_destroy(orig_blob);
	hb_set_destroy(gids);
	font_free(font);
	buf_free(&log);
}

/* Issue 8 item 19: a title, subtitle, organisation list or keyword list longer than
 * libharu's 65,535-byte strings failed with exit 2 "PDF library error 0x105B". Now each
 * is shortened at a character boundary with an ellipsis, with a warning. */
static void
test_long_information(void **state)
{
	static const char *const keys[] = {"/Title", "/Subject", "/Author", "/Keywords"};
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0}, entry = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/minimal.xml", &d, &log);
	unsigned char *pdf;
	size_t len;

	(void)state;
	assert_non_null(decl);
	free(decl->subtitle);
	decl->subtitle = long_text(70000);
	replace_list(&decl->title, &decl->ntitle, 16, 4200);
	replace_list(&decl->keywords, &decl->nkeywords, 64, 1100);
	replace_list(&decl->signatories[0].org, &decl->signatories[0].norg, 1, 70000);
	add_text(l, "Text", 72, 100, 700, 1, NULL);
	buf_free(&log);
	pdf = render_layout(decl, l, &len, &log);
	assert_non_null(pdf);
	assert_true(log_has(&log, "tests/data/minimal.xml: warning: the subtitle is longer "
	    "than 2000 bytes"));
	assert_int_equal(log_count(&log), 4);
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
		assert_true(info_entry(pdf, len, keys[k], &entry));
		/* Ends with the ellipsis, after whole characters of the source. */
		assert_true(entry.len <= 2000 && entry.len > 1900);
		assert_string_equal(entry.data + entry.len - 3, "\xE2\x80\xA6");
		assert_int_equal(strncmp(entry.data, k == 1 ? decl->subtitle : "A\xC3\xA4",
		    k == 1 ? entry.len - 3 : 3), 0);
	}
	free(pdf);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
	buf_free(&entry);
}

/* A line of text longer than a PDF string (a word no line can hold, set as it is):
 * drawn, not refused. */
static void
test_long_text_item(void **state)
{
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/minimal.xml", &d, &log);
	char *text = long_text(70000);
	unsigned char *pdf;
	size_t len;

	(void)state;
	assert_non_null(decl);
	add_text(l, text, 72, 100, 700, 1, NULL);
	pdf = render_layout(decl, l, &len, &log);
	assert_non_null(pdf);
	free(pdf);
	free(text);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
}

/* Renders path with SOURCE_DATE_EPOCH set to value; returns the PDF (owned by the
 * caller) or NULL, with the messages in log and the exit status in *status. */
static unsigned char *
render_dated(const char *path, const char *value, struct buf *log, int *status, size_t *len)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct diag d;
	struct decl *decl = parse_logged(path, &d, log);
	unsigned char *pdf = NULL;

	assert_non_null(decl);
	setenv("SOURCE_DATE_EPOCH", value, 1);
	if (pipeline_render(DATADIR, decl, &opt, &d, &pdf, len, NULL) != 0) {
		free(pdf);
		pdf = NULL;
	}
	unsetenv("SOURCE_DATE_EPOCH");
	*status = diag_exit_status(&d);
	decl_free(decl);
	return pdf;
}

/* Issue 8 item 23: a value past year 9999 printed year 0000; "abc" and "1e9" were
 * ignored. Any value that is not an integer within years 0 to 9999 is an error (exit 2)
 * naming the variable and the value; the bounds themselves are dates. */
static void
test_source_date_epoch_invalid(void **state)
{
	static const char *const bad[] = {"abc", "1e9", "1.5", " 1", "1 ", "+1", "-", "0x10",
	    "253402300800", "99999999999999999999", "-62167219201"};
	static const char *const good[][2] = {
		{"253402300799", "/CreationDate (D:99991231235959Z"},
		{"0", "/CreationDate (D:19700101000000Z"},
		{"-1", "/CreationDate (D:19691231235959Z"},
		{"-62167219200", "/CreationDate (D:00000101000000Z"},
	};
	struct buf log = {0}, want = {0};
	unsigned char *pdf;
	size_t len;
	int status;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		log.len = 0;
		pdf = render_dated("tests/data/minimal.xml", bad[i], &log, &status, &len);
		assert_null(pdf);
		assert_int_equal(status, 2);
		want.len = 0;
		buf_printf(&want, "tests/data/minimal.xml: error: SOURCE_DATE_EPOCH=\"%s\" is "
		    "not", bad[i]);
		if (!log_has(&log, want.data))
			fail_msg("SOURCE_DATE_EPOCH=\"%s\": %s", bad[i], log.data);
	}
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		log.len = 0;
		pdf = render_dated("tests/data/minimal.xml", good[i][0], &log, &status, &len);
		assert_non_null(pdf);
		assert_int_equal(status, 0);
		if (count(pdf, len, good[i][1]) == 0)
			fail_msg("SOURCE_DATE_EPOCH=%s: no %s", good[i][0], good[i][1]);
		free(pdf);
	}
	buf_free(&log);
	buf_free(&want);
}

/* The Author list of 1000 signatories with long organisation names, all different:
 * each was compared with every one before (500,000 comparisons of 1,200 characters,
 * seconds); only as many as the shortened list holds are needed. */
static void
test_many_long_organisations(void **state)
{
	struct layout *l = xcalloc(1, sizeof *l);
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/minimal.xml", &d, &log);
	struct timespec start, end;
	unsigned char *pdf;
	size_t len;

	(void)state;
	assert_non_null(decl);
	for (size_t i = 1, cap = decl->nsignatories; i < 1000; i++) {
		struct signatory *s = ARRAY_PUSH(decl->signatories, decl->nsignatories, cap);
		char *text = long_text(1200);
		struct buf org = {0};

		/* Names that differ only at their ends. */
		buf_printf(&org, "%s %zu", text, i);
		free(text);
		s->org = xcalloc(1, sizeof *s->org);
		s->org[0] = org.data;
		s->norg = 1;
	}
	add_text(l, "Text", 72, 100, 700, 1, NULL);
	clock_gettime(CLOCK_MONOTONIC, &start);
	pdf = render_layout(decl, l, &len, &log);
	clock_gettime(CLOCK_MONOTONIC, &end);
	assert_non_null(pdf);
	if (end.tv_sec - start.tv_sec > 1)
		fail_msg("the document information of 1000 organisations took %ld s",
		    (long)(end.tv_sec - start.tv_sec));
	free(pdf);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_deterministic),
	cmocka_unit_test(test_locale_independent),
	cmocka_unit_test(test_source_date_epoch),
	cmocka_unit_test(test_source_date_epoch_invalid),
	cmocka_unit_test(test_links),
	cmocka_unit_test(test_glyphs_where_layout_put_them),
	cmocka_unit_test(test_long_word_in_pieces),
	cmocka_unit_test(test_subset_keeps_components),
	cmocka_unit_test(test_long_information),
	cmocka_unit_test(test_long_text_item),
	cmocka_unit_test(test_many_long_organisations),
};

TEST_MAIN(tests)
