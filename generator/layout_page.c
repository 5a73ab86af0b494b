/* Pages: vboxes -> pages, each as full as the keep rules allow, and the running footer. */
#include "layout_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "limits.h"
#include "typo.h"

#define PAGE_TOP (PAGE_HEIGHT - MARGIN_TOP)

/* Baseline of box j on a page whose previous box (if any) has baseline prev_base. */
static double
baseline(const struct vbox *b, size_t j, size_t first, double prev_base)
{
	double base = j == first ? PAGE_TOP - b[j].ascent :
	    prev_base - b[j - 1].depth - b[j].space - b[j].ascent;
	/* The grid's first line is that of a page's first line of text. */
	double top = PAGE_TOP - LEADING * ASCENT_SHARE;

	if (b[j].grid)
		base = top - ceil((top - base) / LEADING - 1e-6) * LEADING;
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
		if (base - b[j].depth >= MARGIN_BOTTOM - 0.001 || j == first)
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
add_footer_text(struct setter *s, const char *str, double x, int right)
{
	struct lay_item *it = add_item(s->out);

	it->kind = LAY_TEXT;
	it->face = FACE_REGULAR;
	it->size = FOOTER_SIZE;
	it->gray = FOOTER_GRAY;
	it->x = right ? x - text_width(s, FACE_REGULAR, FOOTER_SIZE, str) : x;
	it->y = FOOTER_BASELINE;
	it->off = s->out->text.len;
	it->len = strlen(str);
	it->x2 = it->x + text_width(s, FACE_REGULAR, FOOTER_SIZE, str);
	buf_puts(&s->out->text, str);
}

/* Every page names the declaration, its version and the page: a signature page can
 * never be taken for part of another text. */
static void
add_footer(struct setter *s, size_t page, size_t npages)
{
	char num[64];
	struct buf left = {0};

	buf_printf(&left, "%s \xC2\xB7 Fassung %s", s->decl->short_title, s->decl->version);
	add_footer_text(s, left.data, MARGIN_LEFT, 0);
	buf_free(&left);
	snprintf(num, sizeof num, "Seite %zu von %zu", page + 1, npages);
	add_footer_text(s, num, PAGE_WIDTH - MARGIN_RIGHT, 1);
}

int
paginate(struct setter *s)
{
	size_t *starts = NULL, nstarts = 0, cap = 0;
	struct layout *out = s->out;

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
		add_footer(s, p, nstarts);
		out->pages[p].count = out->nitems - out->pages[p].first;
	}
	free(starts);
	return 0;
}
