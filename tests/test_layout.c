/* Layout geometry, with the real fonts and with a fake fixed-width font. */
#include "testutil.h"

#include <stdlib.h>

#include "hyph.h"
#include "layout.h"
#include "render.h"
#include "typo.h"

struct laid {
	struct decl *decl;
	struct render *r;
	struct hyph *h;
	struct layout *l;
	struct diag d;
	struct buf log;
};

static void
lay(struct laid *x, const char *path, enum lb_method method)
{
	struct layout_options opt = {.method = method};
	struct buf text = {0};

	memset(x, 0, sizeof *x);
	x->decl = parse_logged(path, &x->d, &x->log);
	assert_non_null(x->decl);
	decl_body_text(x->decl, &text);
	x->h = hyph_load(HYPHEN_DIC, text.data, text.len);
	assert_non_null(x->h);
	x->r = render_new(FONTS, path, &x->d);
	assert_non_null(x->r);
	x->l = layout_new(x->decl, render_metrics(x->r), x->h, &opt, &x->d);
	assert_non_null(x->l);
	buf_free(&text);
}

static void
unlay(struct laid *x)
{
	layout_free(x->l);
	render_free(x->r);
	hyph_free(x->h);
	decl_free(x->decl);
	buf_free(&x->log);
}

/* The page of the first line of text that reads str (its words are separate items on
 * one baseline), or -1. */
static long
page_of(const struct layout *l, const char *str)
{
	struct buf b = {0};
	long found = -1;

	for (size_t p = 0; p < l->npages && found < 0; p++) {
		size_t end = l->pages[p].first + l->pages[p].count;

		for (size_t i = l->pages[p].first; i < end && found < 0; i++) {
			/* Whole lines only: from an item that starts a line ... */
			if (i > l->pages[p].first && l->items[i - 1].kind == LAY_TEXT &&
			    l->items[i - 1].y == l->items[i].y && l->items[i - 1].x < l->items[i].x &&
			    l->items[i].x < l->items[i - 1].x2 + 20)
				continue;
			b.len = 0;
			for (size_t j = i; j < end && l->items[j].kind == LAY_TEXT &&
			    l->items[j].y == l->items[i].y &&
			    (j == i || l->items[j].x < l->items[j - 1].x2 + 20); j++) {
				if (j > i && l->items[j].x > l->items[j - 1].x2 + 0.5)
					buf_puts(&b, " ");
				buf_append(&b, lay_text(l, &l->items[j]), l->items[j].len);
				/* ... to one that ends it. */
				if (strcmp(b.data, str) == 0 && (j + 1 == end ||
				    l->items[j + 1].y != l->items[j].y ||
				    l->items[j + 1].x > l->items[j].x2 + 20)) {
					found = (long)p;
					break;
				}
			}
		}
	}
	buf_free(&b);
	return found;
}

static void
check_geometry(const struct layout *l)
{
	size_t justified = 0;

	for (size_t i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];

		/* No line is wider than its measure. */
		assert_true(ln->right <= ln->left + ln->width + 0.01);
		assert_false(ln->overfull);
		/* A justified line ends at the right margin. */
		if (ln->justified) {
			assert_true(ln->right > ln->left + ln->width - 0.01);
			justified++;
		}
	}
	assert_true(justified > 20);
	/* Everything is inside the page's margins. */
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];

		assert_true(it->x >= MARGIN_LEFT - 0.01);
		assert_true(it->x2 <= PAGE_WIDTH - MARGIN_RIGHT + 0.01);
		assert_true(it->y >= FOOTER_BASELINE - 0.01 && it->y <= PAGE_HEIGHT - MARGIN_TOP);
	}
}

/* No paragraph leaves a single line at the foot or the head of a page. */
static void
check_no_widows(const struct layout *l)
{
	for (size_t i = 0; i < l->nlines;) {
		size_t k = i;

		while (k < l->nlines && l->lines[k].para == l->lines[i].para &&
		    l->lines[k].page == l->lines[i].page)
			k++;
		/* Lines i..k-1: one paragraph's run on one page. */
		if ((i > 0 && l->lines[i - 1].para == l->lines[i].para) ||
		    (k < l->nlines && l->lines[k].para == l->lines[i].para))
			assert_true(k - i >= 2);
		i = k;
	}
}

static void
check_signatories(const struct laid *x)
{
	long sig_page = -1;

	for (size_t i = 0; i < x->decl->nsignatories; i++) {
		const struct signatory *s = &x->decl->signatories[i];
		long p = page_of(x->l, s->name ? s->name : s->org[0]);

		assert_true(p >= 0);
		/* A block is never split. */
		for (size_t k = 0; k < s->norg; k++)
			assert_int_equal(page_of(x->l, s->org[k]), p);
		if (sig_page < 0)
			sig_page = p;
	}
	/* The first signature page carries text of the declaration too. */
	for (size_t i = 0; i < x->l->nlines; i++)
		if ((long)x->l->lines[i].page == sig_page && x->l->lines[i].justified)
			return;
	fail_msg("the signatures start on a page without text of the declaration");
}

static void
test_krefeld_layout(void **state)
{
	struct laid x;

	(void)state;
	lay(&x, KREFELD, LB_TOTAL_FIT);
	assert_int_equal(x.l->npages, 2);
	check_geometry(x.l);
	check_no_widows(x.l);
	check_signatories(&x);
	assert_int_equal(x.d.warnings, 0);
	assert_int_equal(page_of(x.l, "Seite 2 von 2"), 1);
	unlay(&x);
}

static void
test_bergisch_layout(void **state)
{
	struct laid x;

	(void)state;
	lay(&x, BERGISCH, LB_TOTAL_FIT);
	assert_int_equal(x.l->npages, 2);
	check_geometry(x.l);
	check_no_widows(x.l);
	check_signatories(&x);
	assert_int_equal(page_of(x.l, "Ort, Datum"), 1);
	unlay(&x);
}

/* Total fit gives lower demerits than first fit over the whole text. */
static void
test_total_fit_better(void **state)
{
	struct laid tf, gr;

	(void)state;
	lay(&tf, KREFELD, LB_TOTAL_FIT);
	lay(&gr, KREFELD, LB_GREEDY);
	check_geometry(gr.l);
	assert_true(tf.l->demerits < gr.l->demerits);
	unlay(&tf);
	unlay(&gr);
}

/* ----- a fake font: every glyph 500/1000 em, CJK missing ----- */

static int
fake_advance(void *ctx, enum face face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	return cp >= 0x4E00 && cp <= 0x9FFF ? -1 : 500;
}

static const struct metrics fake = {fake_advance, NULL};

static struct layout *
lay_fake(const char *paragraph, struct diag *d, struct buf *log, struct decl **decl)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct buf xml = {0};
	struct layout *l;

	buf_printf(&xml, "<?xml version=\"1.0\"?>\n<declaration xmlns=\"urn:declgen:declaration:1\" "
	    "version=\"1.0\"><meta><id>t</id><language>de</language><version>1</version>"
	    "<signing/><title><line>T</line></title><short-title>T</short-title></meta>\n"
	    "<body>\n<p>%s</p></body><signatures><signatory><organisation><line>O</line>"
	    "</organisation></signatory></signatures></declaration>\n", paragraph);
	memset(d, 0, sizeof *d);
	d->log = log;
	*decl = decl_parse_memory("fake.xml", xml.data, xml.len, SCHEMA, d);
	assert_non_null(*decl);
	l = layout_new(*decl, &fake, NULL, &opt, d);
	buf_free(&xml);
	return l;
}

/* With 5.5 pt per character at 11 pt, a word of 100 letters (550 pt) cannot fit the
 * 453.5 pt measure: a warning names it, with file and line, and layout goes on. */
static void
test_overlong_word_warns(void **state)
{
	struct buf log = {0}, para = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	buf_puts(&para, "Kurz ");
	for (int i = 0; i < 100; i++)
		buf_puts(&para, "x");
	buf_puts(&para, " und weiter.");
	l = lay_fake(para.data, &d, &log, &decl);
	assert_non_null(l);
	assert_true(log_has(&log, "fake.xml:4:1: warning: \"xxxxxxxxxx"));
	assert_int_equal(d.warnings, 1);
	assert_int_equal(diag_exit_status(&d), 0);
	layout_free(l);
	decl_free(decl);
	buf_free(&para);
	buf_free(&log);
}

/* Fixed-width text: the 453.5 pt measure holds 82 characters of 5.5 pt at most. */
static void
test_fixed_width_lines(void **state)
{
	struct buf log = {0}, para = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	for (int i = 0; i < 40; i++)
		buf_puts(&para, "abcd ");
	buf_puts(&para, "ende");
	l = lay_fake(para.data, &d, &log, &decl);
	assert_non_null(l);
	/* 200 characters in lines of 16 words (79 characters, 434.5 pt natural): the
	 * body paragraph takes 3 lines. */
	{
		size_t n = 0;

		for (size_t i = 0; i < l->nlines; i++)
			if (l->lines[i].width > 400 && l->lines[i].para == 2)
				n++;
		assert_int_equal(n, 3);
	}
	check_no_widows(l);
	layout_free(l);
	decl_free(decl);
	buf_free(&para);
	buf_free(&log);
}

static void
test_missing_glyph_is_an_error(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	l = lay_fake("Ein Zeichen \xE4\xB8\xAD ohne Glyphe.", &d, &log, &decl);
	assert_null(l);
	assert_true(log_has(&log, "fake.xml:4:1: error: character U+4E2D cannot be shown"));
	assert_int_equal(diag_exit_status(&d), 1);
	decl_free(decl);
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_krefeld_layout),
	cmocka_unit_test(test_bergisch_layout),
	cmocka_unit_test(test_total_fit_better),
	cmocka_unit_test(test_overlong_word_warns),
	cmocka_unit_test(test_fixed_width_lines),
	cmocka_unit_test(test_missing_glyph_is_an_error),
};

TEST_MAIN(tests)
