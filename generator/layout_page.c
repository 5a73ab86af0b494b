/* Pages: vboxes -> pages, each as full as the keep rules allow, and the running footer.
 * Called by layout.c once everything is set; calls only layout_para.c (measuring, text
 * items). It owns layout.items and layout.pages, and fills in each line's page as it
 * places the line. */
#include "layout_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lang.h"
#include "limits.h"
#include "text.h"
#include "typo.h"

#define PAGE_TOP (PAGE_HEIGHT - MARGIN_TOP)
#define FOOTER_ELLIPSIS "\xE2\x80\xA6"

/* Baseline of box j on a page whose previous box (if any) has baseline prev_base. */
static double
baseline(const struct vbox *b, size_t j, size_t first, double prev_base)
{
	double base = j == first ? PAGE_TOP - b[j].ascent :
	    prev_base - b[j - 1].depth - b[j].space - b[j].ascent;
	/* The grid's first line is that of a page's first line of text. */
	double top = PAGE_TOP - LEADING * ASCENT_SHARE;

	if (b[j].grid)
		base = top - ceil((top - base) / LEADING - GRID_EPSILON) * LEADING;
	return base;
}

/* Index of the first vbox of the next page, for a page starting at first. */
static size_t
fill_page(struct setter *s, size_t first, int *forced)
{
	const struct vbox *b = s->boxes;
	double base = 0;

	*forced = 0;
	for (size_t j = first; j < s->nboxes; j++) {
		base = baseline(b, j, first, base);
		if (base - b[j].depth >= MARGIN_BOTTOM - POSITION_EPSILON || j == first)
			continue;
		/* Box j does not fit: end the page at the last break the rules allow. */
		for (size_t k = j; k > first; k--)
			if (b[k].break_before)
				return k;
		*forced = 1;
		return j;
	}
	return s->nboxes;
}

static struct lay_item *
add_item(struct layout *l)
{
	return ARRAY_PUSH(l->items, l->nitems, l->capitems);
}

static void
add_footer_text(struct setter *s, const char *str, double x, enum align align)
{
	struct lay_item *it = add_item(s->out);

	*it = text_item(s, FACE_REGULAR, FOOTER_SIZE, x, align, str);
	it->gray = FOOTER_GRAY;
	it->y = FOOTER_BASELINE;
}

/* "Seite 3 von 12", in the declaration's language. */
static void
page_label(const struct setter *s, size_t page, size_t npages, struct buf *b)
{
	const struct lang *lang = lang_get(s->lang);

	b->len = 0;
	buf_printf(b, "%s %zu %s %zu", lang->page, page + 1, lang->of, npages);
}

/* Appends to out the longest start of str that fits width with an ellipsis after it,
 * cut after a word where one fits, else after a character; spaces and commas before
 * the ellipsis are dropped. */
static void
append_shortened(const struct setter *s, const char *str, double width, struct buf *out)
{
	size_t len = strlen(str), n, cut = 0, word_cut = 0;
	double w = text_width(s, FACE_REGULAR, FOOTER_SIZE, FOOTER_ELLIPSIS);

	for (size_t i = 0; i < len; i += n) {
		char one[5] = {0};	/* the character at i, for text_width */

		utf8_decode(str + i, len - i, &n);
		memcpy(one, str + i, n);
		w += text_width(s, FACE_REGULAR, FOOTER_SIZE, one);
		if (w > width)
			break;
		if (str[i] == ' ')
			word_cut = i;
		cut = i + n;
	}
	if (word_cut > 0)
		cut = word_cut;
	while (cut > 0 && (str[cut - 1] == ' ' || str[cut - 1] == ','))
		cut--;
	buf_append(out, str, cut);
	buf_puts(out, FOOTER_ELLIPSIS);
}

/* The footer's left part, "Kurztitel · Fassung 1.0", within width: a short title too
 * long is shortened with an ellipsis (and the author warned), the version kept whole
 * unless it alone is too wide. */
static char *
footer_left(struct setter *s, double width)
{
	const struct decl *decl = s->decl;
	char *title = strip_soft_hyphens(decl->short_title);
	char *version = strip_soft_hyphens(decl->version);
	struct buf tail = {0}, out = {0};

	buf_printf(&tail, " \xC2\xB7 %s %s", lang_get(s->lang)->version, version);
	buf_printf(&out, "%s%s", title, tail.data);
	if (text_width(s, FACE_REGULAR, FOOTER_SIZE, out.data) > width) {
		double room = width - text_width(s, FACE_REGULAR, FOOTER_SIZE, tail.data);
		char *whole = out.data;

		out = (struct buf){0};
		if (room >= FOOTER_MIN_TITLE) {
			append_shortened(s, title, room, &out);
			buf_puts(&out, tail.data);
		} else
			append_shortened(s, whole, width, &out);
		diag_report(s->d, DIAG_WARNING, decl->path, decl->title_pos.line,
		    decl->title_pos.col, "the short title and version do not fit in the "
		    "footer and are shortened to \"%s\"; shorten the short title", out.data);
		free(whole);
	}
	buf_free(&tail);
	free(title);
	free(version);
	return out.data;
}

/* The left part of every page's footer, given way to the widest page number. */
static char *
fitted_footer_left(struct setter *s, size_t npages)
{
	struct buf num = {0};
	double widest = 0;

	for (size_t p = 0; p < npages; p++) {
		double w;

		page_label(s, p, npages, &num);
		w = text_width(s, FACE_REGULAR, FOOTER_SIZE, num.data);
		if (w > widest)
			widest = w;
	}
	buf_free(&num);
	return footer_left(s, TEXT_WIDTH - widest - FOOTER_GAP);
}

/* Every page names the declaration, its version and the page: a signature page can
 * never be taken for part of another text. */
static void
add_footer(struct setter *s, const char *left, size_t page, size_t npages)
{
	struct buf num = {0};

	page_label(s, page, npages, &num);
	add_footer_text(s, left, MARGIN_LEFT, ALIGN_LEFT);
	add_footer_text(s, num.data, PAGE_WIDTH - MARGIN_RIGHT, ALIGN_RIGHT);
	buf_free(&num);
}

int
paginate(struct setter *s)
{
	size_t *starts = NULL, nstarts = 0, cap = 0;
	struct layout *out = s->out;
	char *left;

	for (size_t i = 0; i < s->nboxes;) {
		int forced;
		size_t next = fill_page(s, i, &forced);

		if (forced)
			diag_report(s->d, DIAG_WARNING, s->decl->path, 0, 0,
			    "page %zu: material that should stay together is taller than a page "
			    "and was split", nstarts + 1);
		*ARRAY_PUSH(starts, nstarts, cap) = i;
		i = next;
		if (nstarts > LIMIT_PAGES) {
			diag_report(s->d, DIAG_ERROR, s->decl->path, 0, 0,
			    "the declaration fills more than %d pages; shorten it", LIMIT_PAGES);
			free(starts);
			return -1;
		}
	}
	if (nstarts == 0)	/* nothing to set: still one page */
		*ARRAY_PUSH(starts, nstarts, cap) = 0;
	left = fitted_footer_left(s, nstarts);
	out->pages = xcalloc(nstarts, sizeof *out->pages);
	out->npages = nstarts;
	for (size_t p = 0; p < nstarts; p++) {
		size_t end = p + 1 < nstarts ? starts[p + 1] : s->nboxes;
		double base = 0;

		out->pages[p].first = out->nitems;
		for (size_t j = starts[p]; j < end; j++) {
			const struct vbox *b = &s->boxes[j];

			base = baseline(s->boxes, j, starts[p], base);
			for (size_t k = 0; k < b->count; k++) {
				struct lay_item *it = add_item(out);

				*it = s->staged[b->first + k];
				it->y += base;
				if (it->kind == LAY_RULE)
					it->y2 += base;
			}
			for (size_t k = 0; k < b->nlines; k++)
				out->lines[b->first_line + k].page = p;
		}
		add_footer(s, left, p, nstarts);
		out->pages[p].count = out->nitems - out->pages[p].first;
	}
	free(starts);
	free(left);
	return 0;
}
