/* A page's text as content-stream operators (PDF 32000-1, 9.4). libharu 2.3.0 has no
 * TJ operator, so the renderer writes the text object itself.
 *
 * Each line of text is one run: its first item placed with Tm, then the glyph ids of
 * all its items in TJ arrays, a real space glyph (the face's U+0020) between two words,
 * and between glyphs the number that moves the next one to where layout put it: for a
 * displacement of d pt at size s, -d * 1000 / s thousandths of an em (9.4.3). Within an
 * item that is the kerning layout applied (metrics.h); between items the justified
 * gap less the space's advance. A text extractor then finds words as the fonts' space
 * glyphs and the gaps show them, whatever its heuristics. */
#include "render_text.h"

#include <math.h>
#include <stdint.h>

#include <hpdf_pages.h>

#include "layout.h"
#include "render_fonts.h"
#include "text.h"
#include "util.h"

/* Glyphs per TJ array: a string of at most 8 KB, well within a reader's limits of
 * 32,767 bytes a string (PDF 32000-1, annex C). */
#define TJ_MAX_GLYPHS 4096
/* Numbers are written with this many decimals: 1/1000 pt, or 1/1000 of a thousandth
 * of an em in a TJ array. */
#define DECIMALS_SCALE 1000.0

/* The text state as written so far. */
struct text_run {
	struct fonts *fonts;
	HPDF_Page page;
	struct buf *out;
	int face;		/* selected with Tf; -1 before the first */
	double size;		/* pt */
	double gray;		/* fill */
	int in_array;		/* a TJ array is open */
	int in_string;		/* a glyph string within it is open */
	size_t glyphs;		/* in the open array */
	double pen;		/* pt: x where the next glyph goes, as the reader computes it */
};

/* v rounded to 1/DECIMALS_SCALE, as the reader reads it back. */
static double
rounded(double v)
{
	return round(v * DECIMALS_SCALE) / DECIMALS_SCALE;
}

/* Writes v rounded to three decimals, without trailing zeros: never through printf's
 * %f, whose decimal point follows the locale. */
static void
put_num(struct buf *b, double v)
{
	long long m = llround(v * DECIMALS_SCALE);
	char frac[4];
	int n = 3;

	if (m < 0) {
		buf_puts(b, "-");
		m = -m;
	}
	buf_printf(b, "%lld", m / 1000);
	if (m % 1000 == 0)
		return;
	frac[0] = (char)('0' + m % 1000 / 100);
	frac[1] = (char)('0' + m % 100 / 10);
	frac[2] = (char)('0' + m % 10);
	while (frac[n - 1] == '0')
		n--;
	buf_puts(b, ".");
	buf_append(b, frac, (size_t)n);
}

static void
close_array(struct text_run *r)
{
	if (r->in_string)
		buf_puts(r->out, ">");
	if (r->in_array)
		buf_puts(r->out, "]TJ\n");
	r->in_string = r->in_array = 0;
	r->glyphs = 0;
}

static void
open_array(struct text_run *r)
{
	if (!r->in_array)
		buf_puts(r->out, "[");
	r->in_array = 1;
}

/* A glyph id as four hex digits: written by hand, as printf costs ten times as much
 * for the commonest thing a page holds. */
static void
put_hex4(struct buf *b, hb_codepoint_t gid)
{
	static const char digits[] = "0123456789ABCDEF";
	char hex[4];

	for (int i = 3; i >= 0; i--, gid >>= 4)
		hex[i] = digits[gid & 0xF];
	buf_append(b, hex, sizeof hex);
}

static void
put_glyph(struct text_run *r, hb_codepoint_t gid, int width)
{
	open_array(r);
	if (!r->in_string)
		buf_puts(r->out, "<");
	r->in_string = 1;
	put_hex4(r->out, gid);
	r->pen += width * r->size / 1000;
	if (++r->glyphs == TJ_MAX_GLYPHS)
		close_array(r);
}

/* Moves the pen by -n thousandths of an em (n as a TJ array holds it). */
static void
put_adjust(struct text_run *r, double n)
{
	n = rounded(n);
	if (n == 0)
		return;
	open_array(r);
	if (r->in_string)
		buf_puts(r->out, ">");
	r->in_string = 0;
	put_num(r->out, n);
	r->pen -= n * r->size / 1000;
}

/* Moves the pen to x. */
static void
move_to(struct text_run *r, double x)
{
	put_adjust(r, -(x - r->pen) * 1000 / r->size);
}

static int
select_font(struct text_run *r, enum face face, double size)
{
	HPDF_Dict font;
	const char *name;

	if ((int)face == r->face && size == r->size)
		return 0;
	if ((font = fonts_get(r->fonts, face)) == NULL ||
	    (name = HPDF_Page_GetLocalFontName(r->page, font)) == NULL)
		return -1;
	close_array(r);
	buf_printf(r->out, "/%s ", name);
	put_num(r->out, size);
	buf_puts(r->out, " Tf\n");
	r->face = (int)face;
	r->size = size;
	return 0;
}

static void
select_gray(struct text_run *r, double gray)
{
	if (gray == r->gray)
		return;
	close_array(r);
	put_num(r->out, gray);
	buf_puts(r->out, " g\n");
	r->gray = gray;
}

/* Starts a run at (x, y). */
static void
start_run(struct text_run *r, double x, double y)
{
	close_array(r);
	buf_puts(r->out, "1 0 0 1 ");
	put_num(r->out, x);
	buf_puts(r->out, " ");
	put_num(r->out, y);
	buf_puts(r->out, " Tm\n");
	r->pen = rounded(x);
}

/* The glyphs of the item's text, each advanced by its width and kerned to the next as
 * layout measured it. */
static void
put_item(struct text_run *r, const struct metrics *m, const struct lay_item *it,
    const char *text)
{
	size_t n, next_n;
	uint32_t cp = it->len > 0 ? utf8_decode(text, it->len, &n) : 0;

	for (size_t i = 0; i < it->len; i += n, n = next_n) {
		uint32_t next;
		int width;
		hb_codepoint_t gid = fonts_use(r->fonts, it->face, cp, &width);

		put_glyph(r, gid, width);
		if (i + n < it->len) {
			next = utf8_decode(text + i + n, it->len - i - n, &next_n);
			put_adjust(r, -m->kern(m->ctx, it->face, cp, next));
			cp = next;
		}
	}
}

/* Whether b continues the run of a: the same set line, on the same baseline. */
static int
same_run(const struct lay_item *a, const struct lay_item *b)
{
	return a->line == b->line && a->y == b->y;
}

int
text_draw_page(struct fonts *f, HPDF_Page page, const struct layout *l,
    const struct lay_page *lp, struct buf *content)
{
	struct text_run r = {f, page, content, -1, 0, 0, 0, 0, 0, 0};
	const struct lay_item *prev = NULL;

	buf_puts(content, "BT\n");
	for (size_t i = lp->first; i < lp->first + lp->count; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind != LAY_TEXT)
			continue;
		if (prev == NULL || !same_run(prev, it)) {
			start_run(&r, it->x, it->y);
		} else {
			if (it->x > prev->x2 + LAY_WORD_GAP) {
				int width;
				hb_codepoint_t space = fonts_use(f, prev->face, ' ', &width);

				put_glyph(&r, space, width);
			}
			move_to(&r, it->x);
		}
		if (select_font(&r, it->face, it->size) != 0)
			return -1;
		select_gray(&r, it->gray);
		put_item(&r, f->metrics, it, lay_text(l, it));
		prev = it;
	}
	close_array(&r);
	buf_puts(content, "ET\n");
	return 0;
}
