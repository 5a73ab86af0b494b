/* Layout geometry, with the real fonts and with a fake fixed-width font. */
#include "testutil.h"
#include "fake_font.h"

#include <math.h>
#include <stdlib.h>

#include "hyph.h"
#include "font.h"
#include "layout.h"
#include "pipeline.h"
#include "typo.h"

struct laid {
	struct decl *decl;
	struct font *f;
	struct hyph_set *h;
	struct layout *l;
	struct diag d;
	struct buf log;
};

static void
lay(struct laid *x, const char *path, enum lb_method method)
{
	struct layout_options opt = {.method = method};

	memset(x, 0, sizeof *x);
	x->decl = parse_logged(path, &x->d, &x->log);
	assert_non_null(x->decl);
	x->h = hyph_set_new(DATADIR, x->decl, &x->d);
	assert_non_null(x->h);
	x->f = font_new(FONTS, &x->d);
	assert_non_null(x->f);
	x->l = layout_new(x->decl, font_metrics(x->f), x->h, &opt, &x->d);
	assert_non_null(x->l);
}

static void
unlay(struct laid *x)
{
	layout_free(x->l);
	font_free(x->f);
	hyph_set_free(x->h);
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
	/* Body text stands on the baseline grid. */
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];
		double top = PAGE_HEIGHT - MARGIN_TOP - LEADING * ASCENT_SHARE, k;

		if (it->kind != LAY_TEXT || it->line == 0 ||
		    !l->paras[l->lines[it->line - 1].para - 1].justified)
			continue;
		k = (top - it->y) / LEADING;
		assert_true(fabs(k - floor(k + 0.5)) < 1e-6);
	}
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

/* What holds for both declarations: two pages, set cleanly, without a warning. */
static void
check_declaration(struct laid *x, const char *path)
{
	lay(x, path, LB_TOTAL_FIT);
	assert_int_equal(x->l->npages, 2);
	check_geometry(x->l);
	check_no_widows(x->l);
	check_signatories(x);
	assert_int_equal(x->d.warnings, 0);
	assert_int_equal(page_of(x->l, "Seite 2 von 2"), 1);
}

static void
test_krefeld_layout(void **state)
{
	struct laid x;

	(void)state;
	check_declaration(&x, KREFELD);
	assert_int_equal(page_of(x.l, "Krefeld, 22.01.2024"), 0);	/* dateline on top */
	unlay(&x);
}

static void
test_bergisch_layout(void **state)
{
	struct laid x;

	(void)state;
	check_declaration(&x, BERGISCH);
	assert_int_equal(page_of(x.l, "Ort, Datum"), 1);	/* a blank to fill in */
	unlay(&x);
}

/* Total fit never sets a paragraph worse than first fit, and sets the declarations
 * better as a whole. */
static void
compare_methods(const char *path)
{
	struct laid tf, gr;
	struct layout_stats a, b;
	size_t better = 0;

	lay(&tf, path, LB_TOTAL_FIT);
	lay(&gr, path, LB_GREEDY);
	check_geometry(gr.l);
	assert_int_equal(tf.l->nparas, gr.l->nparas);
	for (size_t i = 0; i < tf.l->nparas; i++) {
		const struct lay_para *p = &tf.l->paras[i], *q = &gr.l->paras[i];

		if (!p->justified || q->nlines <= 2)
			continue;
		assert_true(p->demerits <= q->demerits + 1e-6);
		better += p->demerits < q->demerits;
	}
	layout_get_stats(tf.l, &a);
	layout_get_stats(gr.l, &b);
	assert_true(a.demerits < b.demerits);
	assert_true(better >= 1);
	unlay(&tf);
	unlay(&gr);
}

static void
test_total_fit_better(void **state)
{
	(void)state;
	compare_methods(KREFELD);
	compare_methods(BERGISCH);
}


/* A declaration of the given <meta> content, body blocks and <signatures> content,
 * laid out in font m, hyphenated if h. */
static struct layout *
lay_decl_in(const struct metrics *m, const char *meta, const char *body, const char *sigs,
    const struct hyph_set *h, struct diag *d, struct buf *log, struct decl **decl)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct buf xml = {0};
	struct layout *l;

	buf_printf(&xml, "<?xml version=\"1.0\"?>\n<declaration xmlns=\"urn:declgen:declaration:1\" "
	    "version=\"1.0\"><meta>%s</meta>\n<body>\n%s</body>%s</declaration>\n", meta, body,
	    sigs);
	memset(d, 0, sizeof *d);
	d->log = log;
	*decl = decl_parse_memory("fake.xml", xml.data, xml.len, SCHEMA, d);
	if (*decl == NULL)
		fail_msg("%s", log->data ? log->data : "no declaration");
	l = layout_new(*decl, m, h, &opt, d);
	buf_free(&xml);
	return l;
}

/* lay_decl_in in the fake font. */
static struct layout *
lay_decl(const char *meta, const char *body, const char *sigs, const struct hyph_set *h,
    struct diag *d, struct buf *log, struct decl **decl)
{
	return lay_decl_in(&fake, meta, body, sigs, h, d, log, decl);
}

/* lay_decl with a German title "T", no place or date, the given extra meta elements and
 * signatories (one organisation if NULL). */
static struct layout *
lay_doc(const char *meta, const char *body, const char *sigs, const struct hyph_set *h,
    struct diag *d, struct buf *log, struct decl **decl)
{
	struct buf m = {0}, sg = {0};
	struct layout *l;

	buf_printf(&m, "<id>t</id><language>de</language><version>1</version><signing/>"
	    "<title><line>T</line></title><short-title>T</short-title>%s", meta);
	buf_printf(&sg, "<signatures>%s</signatures>", sigs ? sigs :
	    "<signatory><organisation><line>O</line></organisation></signatory>");
	l = lay_decl(m.data, body, sg.data, h, d, log, decl);
	buf_free(&m);
	buf_free(&sg);
	return l;
}

/* One paragraph, laid out in the fake font. */
static struct layout *
lay_fake(const char *paragraph, struct diag *d, struct buf *log, struct decl **decl)
{
	struct buf body = {0};
	struct layout *l;

	buf_printf(&body, "<p>%s</p>", paragraph);
	l = lay_doc("", body.data, NULL, NULL, d, log, decl);
	buf_free(&body);
	return l;
}

/* The text of paragraph para as set: words joined by " ", lines by "|". */
static void
para_text(const struct layout *l, size_t para, struct buf *out)
{
	size_t line = 0;

	out->len = 0;
	buf_puts(out, "");
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind != LAY_TEXT || it->line == 0 || l->lines[it->line - 1].para != para)
			continue;
		if (line != 0)
			buf_puts(out, it->line != line ? "|" : " ");
		buf_append(out, lay_text(l, it), it->len);
		line = it->line;
	}
}

/* With 5.5 pt per character at 11 pt, a word of 100 letters (550 pt) cannot fit the
 * 453.5 pt measure: a warning names it, with file and line, and it is broken. */
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
	/* Set within the margins: broken inside, not overfull. */
	for (size_t i = 0; i < l->nlines; i++) {
		assert_false(l->lines[i].overfull);
		assert_true(l->lines[i].right <= l->lines[i].left + l->lines[i].width + 0.01);
	}
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
	assert_true(log_has(&log, "fake.xml:4:1: error: character U+4E2D cannot be shown: "
	    "the typeface Fake has no glyph for it"));
	assert_int_equal(diag_exit_status(&d), 1);
	decl_free(decl);
	buf_free(&log);
}

/* Issue 8, item 14: when the breaker fails on a text (made to here by a method it
 * refuses: every real text breaks, at worst with overfull lines), the text never
 * disappears in silence: no layout, and a system error naming the text's position. */
static void
test_breaker_failure_fails_loudly(void **state)
{
	struct layout_options opt = {.method = (enum lb_method)(LB_GREEDY + 1)};
	const char *xml = "<?xml version=\"1.0\"?>\n<declaration xmlns=\"urn:declgen:declaration:1\" "
	    "version=\"1.0\"><meta><id>t</id><language>de</language><version>1</version>"
	    "<signing/><title><line>T</line></title><short-title>T</short-title></meta>\n"
	    "<body>\n<p>Ein Absatz.</p></body><signatures><signatory><organisation><line>O"
	    "</line></organisation></signatory></signatures></declaration>\n";
	struct buf log = {0};
	struct diag d = {.log = &log};
	struct decl *decl = decl_parse_memory("fake.xml", xml, strlen(xml), SCHEMA, &d);
	struct layout *l;

	(void)state;
	assert_non_null(decl);
	l = layout_new(decl, &fake, NULL, &opt, &d);
	assert_null(l);
	assert_true(log_has(&log, "fake.xml:4:1: error: internal error: this text could not "
	    "be broken into lines"));
	assert_int_equal(diag_exit_status(&d), 2);
	decl_free(decl);
	buf_free(&log);
}

/* One paragraph in the kerning fake: German title "T", no place or date. */
static struct layout *
lay_kerned(const char *paragraph, struct diag *d, struct buf *log, struct decl **decl)
{
	struct buf body = {0};
	struct layout *l;

	buf_printf(&body, "<p>%s</p>", paragraph);
	l = lay_decl_in(&fake_kerned, "<id>t</id><language>de</language><version>1</version>"
	    "<signing/><title><line>T</line></title><short-title>T</short-title>", body.data,
	    "<signatures><signatory><organisation><line>O</line></organisation></signatory>"
	    "</signatures>", NULL, d, log, decl);
	buf_free(&body);
	return l;
}

/* The first text item of l that reads str, or fails. */
static const struct lay_item *
item_reading(const struct layout *l, const char *str)
{
	for (size_t i = 0; i < l->nitems; i++)
		if (l->items[i].kind == LAY_TEXT && l->items[i].len == strlen(str) &&
		    memcmp(lay_text(l, &l->items[i]), str, l->items[i].len) == 0)
			return &l->items[i];
	fail_msg("no item reads \"%s\"", str);
	return NULL;
}

/* Kerning applies between two characters of one item, a soft hyphen skipped, never
 * next to a space or across faces: at 11 pt, "AV" -0.88 pt, "Te" -0.77 pt. */
static void
test_kerning_in_items(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l = lay_kerned("Tee AVA T&#173;e <em>V</em>A Tx.", &d, &log, &decl);
	const struct lay_item *it;

	(void)state;
	assert_non_null(l);
	it = item_reading(l, "Tee");
	assert_float_equal(it->x2 - it->x, 3 * 5.5 - 0.77, 1e-4);
	it = item_reading(l, "AVA");
	assert_float_equal(it->x2 - it->x, 3 * 5.5 - 2 * 0.88, 1e-4);
	/* The soft hyphen is not drawn and not in the way. */
	it = item_reading(l, "Te");
	assert_float_equal(it->x2 - it->x, 2 * 5.5 - 0.77, 1e-4);
	/* "V" in italics and "A" upright are two items, not kerned. */
	it = item_reading(l, "V");
	assert_int_equal(it->face, FACE_ITALIC);
	assert_float_equal(it->x2 - it->x, 5.5, 1e-4);
	assert_float_equal(item_reading(l, "A")->x, it->x2, 1e-4);
	assert_float_equal(item_reading(l, "Tx.")->x2 - item_reading(l, "Tx.")->x, 16.5, 1e-4);
	/* The line ends where its last item does. */
	assert_float_equal(l->lines[1].right, item_reading(l, "Tx.")->x2, 1e-4);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
}

/* A line that breaks inside a kerned pair does not keep its kerning: 78 x and "T",
 * then only a soft hyphen before "e" and ten more: 89 letters do not fit the 82 of a
 * line. The first line ends in "T-", kerned as "T-" (-0.55 pt), not as "Te". */
static void
test_kerning_at_a_break(void **state)
{
	struct buf log = {0}, para = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;
	const struct lay_line *first;
	const struct lay_item *it;

	(void)state;
	for (int i = 0; i < 78; i++)
		buf_puts(&para, "x");
	buf_puts(&para, "T&#173;eeeeeeeeee");
	l = lay_kerned(para.data, &d, &log, &decl);
	assert_non_null(l);
	/* Title, the paragraph's two lines, the organisation. */
	assert_int_equal(l->nlines, 4);
	first = &l->lines[1];
	assert_true(first->hyphenated);
	assert_float_equal(first->right - first->left, 80 * 5.5 - 0.55, 1e-4);
	it = &l->items[0];
	for (size_t i = 0; i < l->nitems; i++)
		if (l->items[i].line == 2)
			it = &l->items[i];
	assert_int_equal(it->len, 80);
	assert_float_equal(it->x2, first->right, 1e-4);
	it = item_reading(l, "eeeeeeeeee");
	assert_float_equal(it->x, first->left, 1e-4);
	assert_float_equal(it->x2 - it->x, 55, 1e-4);
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
	buf_free(&para);
}

/* Soft hyphens are the only break points of their word, drawn only where the line
 * breaks, never as a character. 95 letters do not fit a line of 82 characters; the
 * first line ("x " and 30 or 60 letters) is loose, and said so. */
static void
test_soft_hyphens(void **state)
{
	struct buf log = {0}, para = {0}, text = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	buf_puts(&para, "x ");
	for (int part = 0; part < 3; part++) {
		for (int i = 0; i < 30; i++)
			buf_append(&para, &"abc"[part], 1);
		if (part < 2)
			buf_puts(&para, "&#173;");
	}
	buf_puts(&para, " y");
	l = lay_fake(para.data, &d, &log, &decl);
	assert_non_null(l);
	assert_int_equal(d.warnings, 1);
	assert_true(log_has(&log, "fake.xml:4:1: warning: loose line"));
	para_text(l, 2, &text);
	/* Broken at a soft hyphen, with a hyphen drawn there and nowhere else. */
	assert_true(strstr(text.data, "a-|b") != NULL || strstr(text.data, "b-|c") != NULL);
	assert_null(strstr(text.data, "\xC2\xAD"));
	assert_int_equal(strchr(text.data, '-') - text.data, strrchr(text.data, '-') - text.data);
	layout_free(l);
	decl_free(decl);
	buf_free(&para);
	buf_free(&text);
	buf_free(&log);
}

/* Sets k filler words and then phrase in the fake font; text receives the paragraph
 * as set (see para_text). Moving k moves the phrase along the line. */
static void
set_after(int k, const char *phrase, struct buf *text)
{
	struct buf log = {0}, para = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	for (int i = 0; i < k; i++)
		buf_puts(&para, "wort ");
	buf_puts(&para, phrase);
	l = lay_fake(para.data, &d, &log, &decl);
	assert_non_null(l);
	para_text(l, 2, text);
	layout_free(l);
	decl_free(decl);
	buf_free(&para);
	buf_free(&log);
}

/* A non-breaking space and <nobreak> hold their words together wherever they fall in
 * the line; without them, some positions break between the words. */
static void
test_nobreak(void **state)
{
	static const char *const variants[][2] = {
		{"20.&#160;November", "20. November"},
		{"<nobreak>Herrn Minister Heil</nobreak>", "Herrn Minister Heil"},
		{"20. November", NULL},	/* breakable: the control */
	};

	(void)state;
	for (size_t v = 0; v < 3; v++) {
		int broke = 0;

		for (int k = 0; k < 30; k++) {
			struct buf phrase = {0}, text = {0};

			buf_printf(&phrase, "%s und noch viele weitere Worte bis zum Ende der Zeile "
			    "und darüber hinaus.", variants[v][0]);
			set_after(k, phrase.data, &text);
			if (variants[v][1])
				assert_non_null(strstr(text.data, variants[v][1]));
			else
				broke |= strstr(text.data, "20.|November") != NULL;
			buf_free(&phrase);
			buf_free(&text);
		}
		if (!variants[v][1])
			assert_true(broke);
	}
}

/* An existing hyphen is a break point that adds no second hyphen; a dash between
 * spaces never starts a line. */
static void
test_hyphens_and_dashes(void **state)
{
	int at_hyphen = 0, before_dash = 0;

	(void)state;
	for (int k = 0; k < 40; k++) {
		struct buf text = {0};

		set_after(k, "eine Win-Win-Situation erhalten \xE2\x80\x93 auch in der Stadt "
		    "und im Kreis, und so weiter bis zum Ende.", &text);
		assert_null(strstr(text.data, "--"));
		assert_null(strstr(text.data, "|\xE2\x80\x93"));
		at_hyphen |= strstr(text.data, "Win-|") != NULL;
		before_dash |= strstr(text.data, "erhalten \xE2\x80\x93|") != NULL;
		buf_free(&text);
	}
	/* The positions tried do break there. */
	assert_true(at_hyphen);
	assert_true(before_dash);
}

/* A declaration's <hyphenation> words replace the patterns. */
/* Lays out 74 characters, then the 13-letter word "Wortungeheuer", in a declaration of
 * the given language whose own exception breaks it where no pattern would (German
 * patterns say Wort-un-ge-heu-er): the best setting breaks it where the exception says. */
static void
check_exception_from_xml(const char *language)
{
	struct buf log = {0}, meta = {0}, para = {0}, text = {0};
	struct diag d;
	struct decl *decl;
	struct hyph_set *h;
	struct layout *l;

	buf_printf(&meta, "<id>t</id><language>%s</language><version>1</version><signing/>"
	    "<title><line>T</line></title><short-title>T</short-title>"
	    "<hyphenation><word>Wor-tungeheuer</word></hyphenation>", language);
	buf_puts(&para, "<p>");
	for (int i = 0; i < 15; i++)
		buf_puts(&para, "abcd ");
	buf_puts(&para, "Wortungeheuer abcd.</p>");
	l = lay_decl(meta.data, para.data, "<signatures><signatory><organisation><line>O"
	    "</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
	layout_free(l);
	h = hyph_set_new(DATADIR, decl, &d);
	assert_non_null(h);
	l = layout_new(decl, &fake, h, &(struct layout_options){LB_TOTAL_FIT}, &d);
	assert_non_null(l);
	para_text(l, 2, &text);
	assert_non_null(strstr(text.data, "Wor-|tungeheuer"));
	layout_free(l);
	hyph_set_free(h);
	decl_free(decl);
	buf_free(&meta);
	buf_free(&para);
	buf_free(&text);
	buf_free(&log);
}

/* A declaration's own exceptions apply in its own language, German or not. */
static void
test_exceptions_from_xml(void **state)
{
	(void)state;
	check_exception_from_xml("de");
	check_exception_from_xml("en");
}

/* With ever more text before them, the signatures move down and across pages: the
 * last row never stands alone, the first signature page always has text too, and no
 * paragraph leaves a widow or an orphan. */
static void
test_signature_pagination(void **state)
{
	struct buf sigs = {0};

	(void)state;
	for (int i = 1; i <= 13; i++)
		buf_printf(&sigs, "<signatory><name>Person %d</name><organisation><line>Org %d"
		    "</line></organisation></signatory>", i, i);
	for (int k = 0; k < 40; k++) {
		struct buf log = {0}, body = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;
		long last, before_last, first;

		for (int i = 0; i < k; i++)
			buf_puts(&body, "<p>Ein Absatz mit so vielen Worten, dass er auf zwei Zeilen "
			    "kommt, und noch ein paar mehr dazu, damit es sicher drei werden: eins "
			    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf.</p>");
		if (k == 0)
			buf_puts(&body, "<p>Kurz.</p>");
		l = lay_doc("", body.data, sigs.data, NULL, &d, &log, &decl);
		assert_non_null(l);
		check_no_widows(l);
		last = page_of(l, "Org 13");
		before_last = page_of(l, "Org 12");	/* the row before the last (13 in 2 columns) */
		first = page_of(l, "Person 1");
		assert_true(last >= 0 && first >= 0);
		assert_int_equal(last, before_last);
		for (size_t i = 0; i < l->nlines; i++)
			if ((long)l->lines[i].page == first && l->lines[i].para > 0 &&
			    l->paras[l->lines[i].para - 1].justified)
				break;
			else if (i + 1 == l->nlines)
				fail_msg("k = %d: the signatures start on a page without text", k);
		layout_free(l);
		decl_free(decl);
		buf_free(&body);
		buf_free(&log);
	}
	buf_free(&sigs);
}

/* ----- page furniture: footer, dateline, signing line ----- */

/* The first text item on page p whose text starts with prefix, or NULL. */
static const struct lay_item *
find_item(const struct layout *l, size_t p, const char *prefix)
{
	for (size_t i = l->pages[p].first; i < l->pages[p].first + l->pages[p].count; i++)
		if (l->items[i].kind == LAY_TEXT && l->items[i].len >= strlen(prefix) &&
		    strncmp(lay_text(l, &l->items[i]), prefix, strlen(prefix)) == 0)
			return &l->items[i];
	return NULL;
}

/* The text of item it, NUL-terminated, in out. */
static const char *
item_text(const struct layout *l, const struct lay_item *it, struct buf *out)
{
	out->len = 0;
	buf_puts(out, "");
	buf_append(out, lay_text(l, it), it->len);
	return out->data;
}

/* Nothing is set beyond the margins: text and rules stay in the text area, but for
 * the footer, which stands on its baseline below it. */
static void
check_inside(const struct layout *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];
		double lo = it->x < it->x2 ? it->x : it->x2, hi = it->x < it->x2 ? it->x2 : it->x;

		if (lo < MARGIN_LEFT - 0.01 || hi > PAGE_WIDTH - MARGIN_RIGHT + 0.01 ||
		    it->y > PAGE_HEIGHT - MARGIN_TOP + 0.01 ||
		    (it->y < MARGIN_BOTTOM - 0.01 && it->y != FOOTER_BASELINE))
			fail_msg("item %zu (%.*s) at x %.2f..%.2f, y %.2f is outside the text area",
			    i, it->kind == LAY_TEXT ? (int)it->len : 4,
			    it->kind == LAY_TEXT ? lay_text(l, it) : "rule", lo, hi, it->y);
	}
}

/* Whether some item's text contains str. */
static int
any_item_has(const struct layout *l, const char *str)
{
	struct buf b = {0};
	int found = 0;

	for (size_t i = 0; i < l->nitems && !found; i++)
		if (l->items[i].kind == LAY_TEXT)
			found = strstr(item_text(l, &l->items[i], &b), str) != NULL;
	buf_free(&b);
	return found;
}

/* Short titles of every length, with and without spaces: the footer's left part never
 * reaches the page number, which is never shortened; a shortened title ends in an
 * ellipsis, keeps the version whole, and is warned about. */
static void
test_footer_fitted(void **state)
{
	(void)state;
	for (int len = 1; len <= 600; len += 7) {
		for (int spaced = 0; spaced < 2; spaced++) {
			struct buf log = {0}, meta = {0}, t = {0};
			struct diag d;
			struct decl *decl;
			struct layout *l;
			const struct lay_item *left, *right;

			buf_puts(&meta, "<id>t</id><language>de</language><version>2.1</version>"
			    "<signing/><title><line>T</line></title><short-title>");
			for (int i = 0; i < len; i++)
				buf_puts(&meta, spaced && i % 6 == 5 ? " " : "k");
			buf_puts(&meta, "Z</short-title>");
			l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
			    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log,
			    &decl);
			assert_non_null(l);
			left = find_item(l, 0, "k");
			right = find_item(l, 0, "Seite 1 von 1");
			assert_non_null(left);
			assert_non_null(right);
			assert_int_equal(right->len, strlen("Seite 1 von 1"));
			assert_true(left->x >= MARGIN_LEFT - 0.01);
			assert_true(left->x2 <= right->x - FOOTER_GAP + 0.01);
			assert_true(right->x2 <= PAGE_WIDTH - MARGIN_RIGHT + 0.01);
			item_text(l, left, &t);
			assert_non_null(strstr(t.data, " \xC2\xB7 Fassung 2.1"));
			if (strstr(t.data, "Z \xC2\xB7") == NULL) {
				assert_non_null(strstr(t.data, "\xE2\x80\xA6 \xC2\xB7 Fassung 2.1"));
				assert_true(log_has(&log, "fake.xml:2:"));
				expect_message(&log, "do not fit in the footer");
				assert_int_equal(d.warnings, 1);
				/* Cut after a word where there are words. */
				if (spaced)
					assert_non_null(strstr(t.data, "kkkkk\xE2\x80\xA6"));
			} else
				assert_int_equal(d.warnings, 0);
			layout_free(l);
			decl_free(decl);
			buf_free(&meta);
			buf_free(&t);
			buf_free(&log);
		}
	}
}

/* A version too long for the footer is shortened too, never run off the page. */
static void
test_footer_long_version(void **state)
{
	struct buf log = {0}, meta = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	buf_puts(&meta, "<id>t</id><language>de</language><version>");
	for (int i = 0; i < 200; i++)
		buf_puts(&meta, "v");
	buf_puts(&meta, "</version><signing/><title><line>T</line></title>"
	    "<short-title>Kurz</short-title>");
	l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
	    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
	assert_non_null(l);
	check_inside(l);
	assert_true(find_item(l, 0, "Kurz")->x2 <= find_item(l, 0, "Seite")->x - FOOTER_GAP + 0.01);
	assert_int_equal(d.warnings, 1);
	layout_free(l);
	decl_free(decl);
	buf_free(&meta);
	buf_free(&log);
}

/* A soft hyphen in the short title, version or place never prints in the footer, the
 * dateline or the signing line, where nothing is hyphenated. */
static void
test_soft_hyphens_in_furniture(void **state)
{
	static const char *const signing[] = {
		"<signing><place>K&#173;&#246;&#173;ln</place></signing>",
		"<signing><place>K&#246;&#173;ln</place><date>2024-01-22</date></signing>",
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct buf log = {0}, meta = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;

		buf_printf(&meta, "<id>t</id><language>de</language><version>1.&#173;0</version>%s"
		    "<title><line>T</line></title><short-title>Er&#173;kl&#228;rung</short-title>",
		    signing[i]);
		l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
		    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
		assert_non_null(l);
		assert_false(any_item_has(l, "\xC2\xAD"));
		assert_false(any_item_has(l, "-"));
		assert_non_null(find_item(l, 0, "Erkl\xC3\xA4rung \xC2\xB7 Fassung 1.0"));
		assert_int_equal(page_of(l, i == 0 ? "K\xC3\xB6ln, den" : "K\xC3\xB6ln, 22.01.2024"),
		    0);
		layout_free(l);
		decl_free(decl);
		buf_free(&meta);
		buf_free(&log);
	}
}

/* A place too long for one line with the blank for the date wraps, the blank stays on
 * the page at its least length, and the author is told. */
static void
test_long_place_wraps(void **state)
{
	static const char *const places[] = {
		"Stadt ",	/* words */
		"Ort",		/* one word wider than the line */
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct buf log = {0}, meta = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;
		int blank = 0;

		buf_puts(&meta, "<id>t</id><language>de</language><version>1</version><signing>"
		    "<place>");
		for (int k = 0; k < 40; k++)
			buf_puts(&meta, places[i]);
		buf_puts(&meta, "X</place></signing><title><line>T</line></title>"
		    "<short-title>T</short-title>");
		l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
		    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
		assert_non_null(l);
		check_inside(l);
		for (size_t k = 0; k < l->nitems; k++)
			if (l->items[k].kind == LAY_RULE && l->items[k].thickness == SIG_RULE &&
			    l->items[k].x2 - l->items[k].x >= SIG_BLANK_MIN - 0.01 &&
			    l->items[k].x2 - l->items[k].x < TEXT_WIDTH / 2)
				blank = 1;
		assert_true(blank);
		/* Quoted by its start only. */
		expect_message(&log, "\xE2\x80\xA6\" does not fit on one line with the blank");
		layout_free(l);
		decl_free(decl);
		/* With the date: wrapped too, and said so. */
		meta.len = 0;
		log.len = 0;
		buf_puts(&meta, "<id>t</id><language>de</language><version>1</version><signing>"
		    "<place>");
		for (int k = 0; k < 40; k++)
			buf_puts(&meta, places[i]);
		buf_puts(&meta, "X</place><date>2024-01-22</date></signing><title><line>T</line>"
		    "</title><short-title>T</short-title>");
		l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
		    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
		assert_non_null(l);
		check_inside(l);
		expect_message(&log, "\xE2\x80\xA6\" do not fit on one line and take");
		layout_free(l);
		decl_free(decl);
		buf_free(&meta);
		buf_free(&log);
	}
}

/* The furniture speaks the declaration's language. */
static void
test_english_furniture(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	l = lay_decl("<id>t</id><language>en</language><version>1</version><signing><place>York"
	    "</place><date>2024-01-22</date></signing><title><line>T</line></title>"
	    "<short-title>Joint</short-title>", "<p>Text.</p>", "<signatures><signatory>"
	    "<organisation><line>O</line></organisation></signatory></signatures>", NULL, &d,
	    &log, &decl);
	assert_non_null(l);
	assert_non_null(find_item(l, 0, "Joint \xC2\xB7 Version 1"));
	assert_non_null(find_item(l, 0, "Page 1 of 1"));
	assert_int_equal(page_of(l, "York, January 22, 2024"), 0);
	layout_free(l);
	decl_free(decl);
	l = lay_decl("<id>t</id><language>en</language><version>1</version><signing/><title>"
	    "<line>T</line></title><short-title>Joint</short-title>", "<p>Text.</p>",
	    "<signatures><signatory><organisation><line>O</line></organisation></signatory>"
	    "</signatures>", NULL, &d, &log, &decl);
	assert_non_null(l);
	assert_non_null(find_item(l, 0, "Place, date"));
	layout_free(l);
	decl_free(decl);
	buf_free(&log);
}

/* ----- the signature grid ----- */


/* lay_decl hyphenated with the patterns the declaration needs (*h, freed by the
 * caller); messages of the first, unhyphenated pass are dropped. */
static struct layout *
lay_hyphenated(const char *meta, const char *body, const char *sigs, struct diag *d,
    struct buf *log, struct decl **decl, struct hyph_set **h)
{
	layout_free(lay_decl(meta, body, sigs, NULL, d, log, decl));
	*h = hyph_set_new(DATADIR, *decl, d);
	assert_non_null(*h);
	memset(d, 0, sizeof *d);
	d->log = log;
	log->len = 0;
	return layout_new(*decl, &fake, *h, &(struct layout_options){LB_TOTAL_FIT}, d);
}

#define PLAIN_META "<id>t</id><language>de</language><version>1</version><signing/>" \
	"<title><line>T</line></title><short-title>T</short-title>"

/* Metadata that is only in the footer or the PDF's information is checked for glyphs
 * like text that is set: an error naming the character and the string. */
static void
test_metadata_glyphs(void **state)
{
	static const char *const metas[] = {
		"<keywords><keyword>Integration</keyword><keyword>\xE4\xB8\xAD</keyword></keywords>",
		"<regions><region>Kreis \xE4\xB8\xAD</region></regions>",
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct buf log = {0}, meta = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;

		buf_printf(&meta, "%s%s", PLAIN_META, metas[i]);
		l = lay_decl(meta.data, "<p>Text.</p>", "<signatures><signatory><organisation>"
		    "<line>O</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
		assert_null(l);
		assert_true(log_has(&log, "fake.xml:2:"));
		expect_message(&log, "error: character U+4E2D in \"");
		assert_int_equal(d.errors, 1);
		decl_free(decl);
		buf_free(&meta);
		buf_free(&log);
	}
}

/* ----- lists ----- */

/* The label item (text outside any set line) that reads exactly str, or NULL. */
static const struct lay_item *
label_item(const struct layout *l, const char *str)
{
	for (size_t i = 0; i < l->nitems; i++)
		if (l->items[i].kind == LAY_TEXT && l->items[i].line == 0 &&
		    l->items[i].len == strlen(str) && memcmp(lay_text(l, &l->items[i]), str,
		    l->items[i].len) == 0)
			return &l->items[i];
	return NULL;
}

/* The line of text (of a paragraph, not a label) at the baseline y, or NULL. */
static const struct lay_line *
line_at(const struct layout *l, double y)
{
	for (size_t i = 0; i < l->nitems; i++)
		if (l->items[i].kind == LAY_TEXT && l->items[i].line != 0 &&
		    fabs(l->items[i].y - y) < 0.01)
			return &l->lines[l->items[i].line - 1];
	return NULL;
}

/* Labels of every numbering, of widely different widths, end LIST_LABEL_GAP before
 * their item's text, one right edge for the whole list, inside the margins. */
static void
test_list_labels(void **state)
{
	static const struct {
		const char *list;
		const char *labels[4];
	} cases[] = {
		{"<list numbering=\"I.\"><item>a</item><item>b</item><item>c</item>"
		    "<item>d</item><item>e</item><item>f</item><item>g</item><item>h</item></list>",
		    {"I.", "IV.", "VIII.", NULL}},
		{"<list numbering=\"a)\" start=\"25\"><item>a</item><item>b</item><item>c</item>"
		    "<item>d</item></list>", {"y)", "z)", "aa)", "ab)"}},
		{"<list numbering=\"(1)\" start=\"9\"><item>a</item><item>b</item></list>",
		    {"(9)", "(10)", NULL, NULL}},
		{"<list numbering=\"1.\"><item>a</item></list>", {"1.", NULL, NULL, NULL}},
		{"<list numbering=\"I.\" start=\"3997\"><item>a</item><item>b</item><item>c</item>"
		    "</list>", {"MMMCMXCVII.", "MMMCMXCVIII.", "MMMCMXCIX.", NULL}},
		{"<list><item>a</item><item>b</item></list>", {"\xE2\x80\xA2", NULL, NULL, NULL}},
	};

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		struct buf log = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l = lay_doc("", cases[c].list, NULL, NULL, &d, &log, &decl);
		double right = 0;

		assert_non_null(l);
		check_inside(l);
		for (size_t k = 0; k < 4 && cases[c].labels[k]; k++) {
			const struct lay_item *it = label_item(l, cases[c].labels[k]);
			const struct lay_line *ln;

			if (it == NULL)
				fail_msg("case %zu: no label %s", c, cases[c].labels[k]);
			ln = line_at(l, it->y);
			assert_non_null(ln);
			if (k == 0)
				right = it->x2;
			assert_true(fabs(it->x2 - right) < 0.01);
			assert_true(fabs(ln->left - LIST_LABEL_GAP - it->x2) < 0.01);
			assert_true(it->x >= MARGIN_LEFT + LIST_LABEL_INDENT - 0.01);
		}
		assert_int_equal(d.warnings, 0);
		layout_free(l);
		decl_free(decl);
		buf_free(&log);
	}
}

/* A nested list is indented one more step; items are justified to the right margin
 * and hyphenated like paragraphs. */
static void
test_nested_list(void **state)
{
	struct buf log = {0}, body = {0};
	struct diag d;
	struct decl *decl;
	struct hyph_set *h;
	struct layout *l;
	const struct lay_item *outer, *inner;
	const struct lay_line *outer_line, *inner_line;
	size_t justified = 0, hyphenated = 0;

	(void)state;
	buf_puts(&body, "<list numbering=\"1.\"><item>Oben<list numbering=\"a)\"><item>");
	/* Four words of 16 letters leave a line of 74 characters loose, five do not fit:
	 * some are hyphenated. */
	for (int i = 0; i < 30; i++)
		buf_puts(&body, "Zusammenarbeiten ");
	buf_puts(&body, "Ende.</item><item>Zwei</item></list></item><item>Drei</item></list>");
	l = lay_hyphenated(PLAIN_META, body.data, "<signatures><signatory><organisation>"
	    "<line>O</line></organisation></signatory></signatures>", &d, &log, &decl, &h);
	assert_non_null(l);
	check_inside(l);
	outer = label_item(l, "1.");
	inner = label_item(l, "a)");
	assert_non_null(outer);
	assert_non_null(inner);
	assert_non_null(label_item(l, "b)"));
	assert_non_null(label_item(l, "2."));
	outer_line = line_at(l, outer->y);
	inner_line = line_at(l, inner->y);
	/* The inner labels hang in the outer item's text column. */
	assert_true(inner->x >= outer_line->left - 0.01);
	assert_true(inner_line->left > outer_line->left + LIST_LABEL_GAP);
	for (size_t i = 0; i < l->nlines; i++) {
		if (fabs(l->lines[i].left - inner_line->left) > 0.01 || !l->lines[i].justified)
			continue;
		justified++;
		hyphenated += l->lines[i].hyphenated;
		assert_true(fabs(l->lines[i].right - (PAGE_WIDTH - MARGIN_RIGHT)) < 0.01);
	}
	assert_true(justified >= 4);
	assert_true(hyphenated >= 1);
	layout_free(l);
	hyph_set_free(h);
	decl_free(decl);
	buf_free(&body);
	buf_free(&log);
}

/* The lines of signature text (size SIG_SIZE) at x, top to bottom, joined by "|". */
static void
column_text(const struct layout *l, double x, struct buf *out)
{
	double y = 0;

	out->len = 0;
	buf_puts(out, "");
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind != LAY_TEXT || it->size != SIG_SIZE || it->line == 0 ||
		    l->lines[it->line - 1].left < x - 0.01 || l->lines[it->line - 1].left > x + 0.01)
			continue;
		if (out->len > 0)
			buf_puts(out, it->y != y ? "|" : " ");
		buf_append(out, lay_text(l, it), it->len);
		y = it->y;
	}
}

/* In a three-column grid (128.5 pt, 25 characters of the fake font at 10 pt) a word of
 * 29 letters is hyphenated where the patterns allow, never cut without a hyphen, and
 * without a warning; words that fit are not hyphenated, nor is a name. */
static void
test_signature_hyphenation(void **state)
{
	struct buf log = {0}, col = {0};
	struct diag d;
	struct decl *decl;
	struct hyph_set *h;
	struct layout *l;
	const char *dash;

	(void)state;
	l = lay_hyphenated(PLAIN_META, "<p>Text.</p>", "<signatures columns=\"3\">"
	    "<signatory><name>Maximiliane Mustermannfrau</name><function>Vorsitzende des "
	    "Vorstandes</function><organisation><line>Dachverband der "
	    "Migrantenselbstorganisationen</line></organisation></signatory>"
	    "<signatory><organisation><line>B</line></organisation></signatory>"
	    "<signatory><organisation><line>C</line></organisation></signatory>"
	    "</signatures>", &d, &log, &decl, &h);
	assert_non_null(l);
	assert_int_equal(d.warnings, 0);
	column_text(l, MARGIN_LEFT, &col);
	/* The long word is split once, at a hyphen drawn there. */
	dash = strstr(col.data, "-|");
	assert_non_null(dash);
	assert_null(strstr(dash + 2, "-|"));
	{
		struct buf joined = {0};

		buf_append(&joined, col.data, (size_t)(dash - col.data));
		buf_puts(&joined, dash + 2);
		assert_non_null(strstr(joined.data, "Migrantenselbstorganisationen"));
		buf_free(&joined);
	}
	/* Words that fit the column are not broken. */
	assert_non_null(strstr(col.data, "Maximiliane|Mustermannfrau|"));
	assert_non_null(strstr(col.data, "Vorsitzende des|Vorstandes|"));
	check_inside(l);
	layout_free(l);
	hyph_set_free(h);
	decl_free(decl);
	buf_free(&col);
	buf_free(&log);
}

/* A body that fills more than LIMIT_PAGES pages is an error as soon as its lines alone
 * would: the rest of it is not set (a 4 MiB file of paragraphs took seconds). The
 * message names the paragraph where the limit was passed, long before the last. */
static void
test_page_limit_stops_early(void **state)
{
	struct buf log = {0}, body = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;
	const char *at;
	int line;

	(void)state;
	for (int i = 0; i < 60000; i++)
		buf_puts(&body, "<p>a</p>\n");
	l = lay_decl(PLAIN_META, body.data, "<signatures><signatory><organisation><line>O"
	    "</line></organisation></signatory></signatures>", NULL, &d, &log, &decl);
	assert_null(l);
	at = strstr(log.data, "fake.xml:");
	assert_non_null(at);
	line = atoi(at + strlen("fake.xml:"));
	expect_message(&log, "fills more than 500 pages by here");
	assert_true(line > 1000 && line < 40000);
	decl_free(decl);
	buf_free(&body);
	buf_free(&log);
}

/* A signature block taller than a page is refused with an error naming its
 * signatory, not set over the footer with a false "was split". */
static void
test_signature_block_too_tall(void **state)
{
	struct buf log = {0}, sigs = {0};
	struct diag d;
	struct decl *decl;
	struct layout *l;

	(void)state;
	buf_puts(&sigs, "<signatures columns=\"3\"><signatory><name>Eri&#173;ka Lang</name>"
	    "<organisation>");
	for (int i = 0; i < 16; i++)
		buf_puts(&sigs, "<line>Eine lange Zeile einer Organisation, die umbricht, und "
		    "noch eine halbe dazu</line>");
	buf_puts(&sigs, "</organisation></signatory></signatures>");
	l = lay_decl(PLAIN_META, "<p>Text.</p>", sigs.data, NULL, &d, &log, &decl);
	assert_null(l);
	assert_true(log_has(&log, "fake.xml:4:"));
	expect_message(&log, "error: the signature block of \"Erika Lang\"");
	assert_null(strstr(log.data, "was split"));
	assert_int_equal(diag_exit_status(&d), 1);
	decl_free(decl);
	/* A name of 3000 letters: too tall, named by its start. */
	sigs.len = 0;
	buf_puts(&sigs, "<signatures columns=\"3\"><signatory><name>");
	for (int i = 0; i < 3000; i++)
		buf_puts(&sigs, "a");
	buf_puts(&sigs, "</name><organisation><line>O</line></organisation></signatory></signatures>");
	log.len = 0;
	l = lay_decl(PLAIN_META, "<p>Text.</p>", sigs.data, NULL, &d, &log, &decl);
	assert_null(l);
	assert_non_null(strstr(log.data, "error: the signature block of \"aaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaa\xE2\x80\xA6\" takes"));
	decl_free(decl);
	/* A third as many lines fit. */
	sigs.len = 0;
	buf_puts(&sigs, "<signatures columns=\"3\"><signatory><name>Eri&#173;ka Lang</name>"
	    "<organisation>");
	for (int i = 0; i < 8; i++)
		buf_puts(&sigs, "<line>Eine lange Zeile einer Organisation, die umbricht</line>");
	buf_puts(&sigs, "</organisation></signatory><signatory><organisation><line>Zwei</line>");
	buf_puts(&sigs, "</organisation></signatory></signatures>");
	l = lay_decl(PLAIN_META, "<p>Text.</p>", sigs.data, NULL, &d, &log, &decl);
	assert_non_null(l);
	check_inside(l);
	layout_free(l);
	decl_free(decl);
	buf_free(&sigs);
	buf_free(&log);
}

/* ----- geometry of generated signature grids ----- */

struct rect {
	double x0, y0, x1, y1;	/* pt, lower left and upper right */
	const struct lay_item *it;	/* what it belongs to */
};

static int
overlap(const struct rect *a, const struct rect *b)
{
	return a->x0 < b->x1 - 0.01 && b->x0 < a->x1 - 0.01 && a->y0 < b->y1 - 0.01 &&
	    b->y0 < a->y1 - 0.01;
}

/* The room of a seal, from its caption: centred at its foot. */
static int
seal_room(const struct layout *l, const struct lay_item *it, const char *word, struct rect *r)
{
	double cx = (it->x + it->x2) / 2;

	if (it->kind != LAY_TEXT || it->line != 0 || it->len != strlen(word) ||
	    memcmp(lay_text(l, it), word, it->len) != 0 || it->gray != FOOTER_GRAY ||
	    it->y == FOOTER_BASELINE)
		return 0;
	*r = (struct rect){cx - SEAL_SIZE / 2, it->y - SEAL_CAPTION_RAISE, cx + SEAL_SIZE / 2,
	    it->y - SEAL_CAPTION_RAISE + SEAL_SIZE, it};
	return 1;
}

/* What is wrong with page p, in why, or 0: text of different lines overlaps, a rule
 * crosses text, a seal's room is outside the text area or holds anything but its
 * caption. */
static int
page_problem(const struct layout *l, size_t p, struct buf *why)
{
	size_t first = l->pages[p].first, end = first + l->pages[p].count;
	struct rect *text = xcalloc(l->pages[p].count, sizeof *text), *seal = xcalloc(
	    l->pages[p].count, sizeof *seal), *rule = xcalloc(l->pages[p].count, sizeof *rule);
	size_t nt = 0, ns = 0, nr = 0;
	int bad = 0;

	for (size_t i = first; i < end; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind == LAY_RULE)
			rule[nr++] = (struct rect){fmin(it->x, it->x2), fmin(it->y, it->y2) -
			    it->thickness / 2, fmax(it->x, it->x2), fmax(it->y, it->y2) +
			    it->thickness / 2, it};
		else {
			if (seal_room(l, it, "Siegel", &seal[ns]))
				ns++;
			text[nt++] = (struct rect){it->x, it->y - it->size * (1 - ASCENT_SHARE),
			    it->x2, it->y + it->size * ASCENT_SHARE, it};
		}
	}
	for (size_t a = 0; a < nt && !bad; a++)
		for (size_t b = a + 1; b < nt && !bad; b++)
			if (overlap(&text[a], &text[b]) && (text[a].it->line == 0 ||
			    text[a].it->line != text[b].it->line)) {
				buf_printf(why, "page %zu: \"%.*s\" overlaps \"%.*s\"", p + 1,
				    (int)text[a].it->len, lay_text(l, text[a].it), (int)text[b].it->len,
				    lay_text(l, text[b].it));
				bad = 1;
			}
	for (size_t a = 0; a < ns && !bad; a++) {
		struct rect area = {MARGIN_LEFT, MARGIN_BOTTOM, PAGE_WIDTH - MARGIN_RIGHT,
		    PAGE_HEIGHT - MARGIN_TOP, NULL};

		if (seal[a].x0 < area.x0 - 0.01 || seal[a].x1 > area.x1 + 0.01 ||
		    seal[a].y0 < area.y0 - 0.01 || seal[a].y1 > area.y1 + 0.01) {
			buf_printf(why, "page %zu: a seal's room is outside the text area", p + 1);
			bad = 1;
		}
		for (size_t b = 0; b < ns && !bad; b++)
			if (b != a && overlap(&seal[a], &seal[b])) {
				buf_printf(why, "page %zu: two seals' rooms overlap", p + 1);
				bad = 1;
			}
		for (size_t b = 0; b < nt && !bad; b++)
			if (text[b].it != seal[a].it && overlap(&seal[a], &text[b])) {
				buf_printf(why, "page %zu: \"%.*s\" is in a seal's room", p + 1,
				    (int)text[b].it->len, lay_text(l, text[b].it));
				bad = 1;
			}
		for (size_t b = 0; b < nr && !bad; b++)
			if (overlap(&seal[a], &rule[b])) {
				buf_printf(why, "page %zu: a rule is in a seal's room", p + 1);
				bad = 1;
			}
	}
	/* A rule never crosses the body of text (a blank's rule runs under its line). */
	for (size_t a = 0; a < nr && !bad; a++)
		for (size_t b = 0; b < nt && !bad; b++) {
			struct rect upper = text[b];

			upper.y0 = upper.it->y;
			if (overlap(&rule[a], &upper)) {
				buf_printf(why, "page %zu: a rule crosses \"%.*s\"", p + 1,
				    (int)text[b].it->len, lay_text(l, text[b].it));
				bad = 1;
			}
		}
	free(text);
	free(seal);
	free(rule);
	return bad;
}

/* What is outside the text area (or the footer's line), in why, or 0. */
static int
outside_problem(const struct layout *l, struct buf *why)
{
	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];

		if (fmin(it->x, it->x2) < MARGIN_LEFT - 0.01 ||
		    fmax(it->x, it->x2) > PAGE_WIDTH - MARGIN_RIGHT + 0.01 ||
		    it->y > PAGE_HEIGHT - MARGIN_TOP + 0.01 ||
		    (it->y < MARGIN_BOTTOM - 0.01 && it->y != FOOTER_BASELINE)) {
			buf_printf(why, "item %zu at x %.2f..%.2f, y %.2f is outside the text area", i,
			    fmin(it->x, it->x2), fmax(it->x, it->x2), it->y);
			return 1;
		}
	}
	return 0;
}

static unsigned
next_random(unsigned *state)
{
	/* xorshift32 */
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* Words of 1 to max letters, n of them. */
static void
random_words(unsigned *rnd, int n, int max, struct buf *out)
{
	for (int w = 0; w < n; w++) {
		int len = 1 + (int)(next_random(rnd) % (unsigned)max);

		if (w > 0)
			buf_puts(out, " ");
		buf_puts(out, "M");
		for (int k = 1; k < len; k++)
			buf_append(out, &"aeinorstu"[next_random(rnd) % 9], 1);
	}
}

/* A declaration of random body length and a random grid: 1 to 3 columns, names,
 * functions and organisations of random lengths, seals for some signatories or all. */
static void
random_grid(unsigned seed, struct buf *body, struct buf *sigs)
{
	unsigned rnd = seed;
	int cols = 1 + (int)(next_random(&rnd) % 3), n = 1 + (int)(next_random(&rnd) % 12);
	int paras = (int)(next_random(&rnd) % 12), all_seals = next_random(&rnd) % 5 == 0;

	for (int i = 0; i < paras; i++) {
		buf_puts(body, "<p>");
		random_words(&rnd, 10 + (int)(next_random(&rnd) % 60), 12, body);
		buf_puts(body, ".</p>");
	}
	if (paras == 0)
		buf_puts(body, "<p>Text.</p>");
	buf_printf(sigs, "<signatures columns=\"%d\"%s>", cols, all_seals ? " seal=\"true\"" : "");
	for (int i = 0; i < n; i++) {
		int lines = 1 + (int)(next_random(&rnd) % 4);

		buf_printf(sigs, "<signatory%s>", next_random(&rnd) % 3 == 0 ? " seal=\"true\"" : "");
		if (next_random(&rnd) % 4) {
			buf_puts(sigs, "<name>");
			random_words(&rnd, 1 + (int)(next_random(&rnd) % 5), 14, sigs);
			buf_puts(sigs, "</name>");
		}
		if (next_random(&rnd) % 2) {
			buf_puts(sigs, "<function>");
			random_words(&rnd, 1 + (int)(next_random(&rnd) % 6), 20, sigs);
			buf_puts(sigs, "</function>");
		}
		buf_puts(sigs, "<organisation>");
		for (int k = 0; k < lines; k++) {
			buf_puts(sigs, "<line>");
			random_words(&rnd, 1 + (int)(next_random(&rnd) % 6), 32, sigs);
			buf_puts(sigs, "</line>");
		}
		buf_puts(sigs, "</organisation></signatory>");
	}
	buf_puts(sigs, "</signatures>");
}

/* Property: over many generated grids, nothing is set outside the text area, no
 * text overlaps other text or a rule, and every seal's room is clear and on the
 * page. A failing seed is printed for replay. */
static void
test_signature_grid_geometry(void **state)
{
	unsigned seeds = 400, with_seals = 0;

	(void)state;
	for (unsigned seed = 1; seed <= seeds; seed++) {
		struct buf log = {0}, body = {0}, sigs = {0}, why = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;
		struct rect r;

		random_grid(seed * 2654435761u, &body, &sigs);
		l = lay_decl(PLAIN_META, body.data, sigs.data, NULL, &d, &log, &decl);
		if (l == NULL)
			fail_msg("seed %u: no layout: %s", seed, log.data ? log.data : "");
		for (size_t p = 0; p < l->npages && why.len == 0; p++)
			page_problem(l, p, &why);
		if (why.len == 0)
			outside_problem(l, &why);
		if (why.len > 0)
			fail_msg("seed %u: %s", seed, why.data);
		for (size_t i = 0; i < l->nitems; i++)
			if (seal_room(l, &l->items[i], "Siegel", &r)) {
				with_seals++;
				break;
			}
		layout_free(l);
		decl_free(decl);
		buf_free(&body);
		buf_free(&sigs);
		buf_free(&why);
		buf_free(&log);
	}
	/* Most grids have a seal. */
	assert_true(with_seals > seeds / 2);
}

/* The first signature line (a rule from the margin at least min long), or NULL. */
static const struct lay_item *
signature_rule(const struct layout *l, double min)
{
	for (size_t i = 0; i < l->nitems; i++)
		if (l->items[i].kind == LAY_RULE && l->items[i].thickness == SIG_RULE &&
		    l->items[i].y == l->items[i].y2 && l->items[i].x2 - l->items[i].x >= min &&
		    l->items[i].x == MARGIN_LEFT)
			return &l->items[i];
	return NULL;
}

/* A seal's room is beside the signature line in one column (the line shortened), and
 * above the room for the signature in three; its caption is in the document's
 * language. */
static void
test_seal_placement(void **state)
{
	static const char *const grids[] = {
		"<signatures columns=\"1\"><signatory seal=\"true\"><name>A</name><organisation>"
		    "<line>O</line></organisation></signatory></signatures>",
		"<signatures columns=\"3\" seal=\"true\"><signatory><name>A</name><organisation>"
		    "<line>O</line></organisation></signatory></signatures>",
	};

	(void)state;
	for (size_t g = 0; g < 2; g++) {
		struct buf log = {0}, meta = {0};
		struct diag d;
		struct decl *decl;
		struct layout *l;
		const struct lay_item *rule;
		struct rect room = {0};
		int found = 0;

		buf_printf(&meta, "<id>t</id><language>%s</language><version>1</version><signing>"
		    "<place>P</place><date>2024-01-22</date></signing><title><line>T</line></title>"
		    "<short-title>T</short-title>", g == 0 ? "de" : "en");
		l = lay_decl(meta.data, "<p>Text.</p>", grids[g], NULL, &d, &log, &decl);
		assert_non_null(l);
		for (size_t i = 0; i < l->nitems && !found; i++)
			found = seal_room(l, &l->items[i], g == 0 ? "Siegel" : "Seal", &room);
		assert_true(found);
		rule = signature_rule(l, SEAL_SIZE);
		assert_non_null(rule);
		if (g == 0) {
			/* Beside: the room stands on the line's level, right of it. */
			assert_true(fabs(room.y0 - rule->y) < 0.01);
			assert_true(fabs(room.x1 - (PAGE_WIDTH - MARGIN_RIGHT)) < 0.01);
			assert_true(rule->x2 <= room.x0 - SEAL_GAP + 0.01);
		} else {
			/* Above: the room stands on the room for the signature. */
			assert_true(fabs(room.y0 - (rule->y + SIG_SPACE)) < 0.01);
			assert_true(fabs(room.x0 - MARGIN_LEFT) < 0.01);
			assert_true(room.x1 <= rule->x2 + 0.01);
		}
		assert_true(fabs(room.x1 - room.x0 - MM(40)) < 0.01);
		assert_true(fabs(room.y1 - room.y0 - MM(40)) < 0.01);
		layout_free(l);
		decl_free(decl);
		buf_free(&meta);
		buf_free(&log);
	}
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_krefeld_layout),
	cmocka_unit_test(test_bergisch_layout),
	cmocka_unit_test(test_total_fit_better),
	cmocka_unit_test(test_overlong_word_warns),
	cmocka_unit_test(test_fixed_width_lines),
	cmocka_unit_test(test_missing_glyph_is_an_error),
	cmocka_unit_test(test_breaker_failure_fails_loudly),
	cmocka_unit_test(test_kerning_in_items),
	cmocka_unit_test(test_kerning_at_a_break),
	cmocka_unit_test(test_soft_hyphens),
	cmocka_unit_test(test_nobreak),
	cmocka_unit_test(test_hyphens_and_dashes),
	cmocka_unit_test(test_exceptions_from_xml),
	cmocka_unit_test(test_signature_pagination),
	cmocka_unit_test(test_footer_fitted),
	cmocka_unit_test(test_footer_long_version),
	cmocka_unit_test(test_soft_hyphens_in_furniture),
	cmocka_unit_test(test_long_place_wraps),
	cmocka_unit_test(test_english_furniture),
	cmocka_unit_test(test_signature_hyphenation),
	cmocka_unit_test(test_signature_block_too_tall),
	cmocka_unit_test(test_page_limit_stops_early),
	cmocka_unit_test(test_metadata_glyphs),
	cmocka_unit_test(test_list_labels),
	cmocka_unit_test(test_nested_list),
	cmocka_unit_test(test_signature_grid_geometry),
	cmocka_unit_test(test_seal_placement),
};

TEST_MAIN(tests)
