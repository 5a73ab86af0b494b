/* Layout: model -> pages of positioned text and rules. No PDF calls. */
#ifndef DECLGEN_LAYOUT_H
#define DECLGEN_LAYOUT_H

#include <stddef.h>

#include "linebreak.h"
#include "metrics.h"
#include "decl.h"
#include "util.h"

struct decl;
struct diag;
struct hyph_set;

enum lay_kind {
	LAY_TEXT,
	LAY_RULE
};

/* Items of one line further apart than this (pt) are two words: the renderer puts a
 * space glyph between them, --stats a space. */
#define LAY_WORD_GAP 0.01

/* One thing to draw. Coordinates in points from the page's lower left corner. */
struct lay_item {
	enum lay_kind kind;
	enum face face;		/* text */
	double size;		/* text: font size, pt */
	double x, y;		/* text: start of the baseline; rule: one end */
	double x2, y2;		/* text: end of the baseline; rule: other end */
	double thickness;	/* rule: line width, pt */
	double gray;		/* 0 black .. 1 white */
	size_t off, len;	/* text: UTF-8 bytes in layout.text */
	size_t line;		/* text of a set line: 1 + its index in layout.lines; else 0 */
	const char *uri;	/* text of a link: its target (owned by the decl); else NULL */
};

/* A set line of running text, kept for checks and statistics. */
struct lay_line {
	size_t page;		/* 0-based */
	size_t para;		/* paragraph (or other text) it belongs to, counted from 1 */
	struct pos pos;		/* source position of that text, for messages */
	double left, right;	/* pt: where the ink starts and ends */
	double width;		/* pt: measure the line was set to */
	double ratio;		/* adjustment ratio of its glue */
	int justified;		/* set to the full measure (not a last or ragged line) */
	int hyphenated;		/* ends with an added hyphen */
	int overfull;
};

struct lay_page {
	size_t first, count;	/* items of the page in layout.items */
};

/* A text set (paragraph, item, heading, line of a signature block...). */
struct lay_para {
	double demerits;	/* of its line breaks */
	size_t nlines;
	int justified;
};

/* What a layout measures, for --stats and the tests. */
struct layout_stats {
	size_t pages;
	size_t lines;		/* lines of text */
	size_t justified;	/* of them set to the full measure */
	size_t hyphenated;	/* ending in an added hyphen */
	size_t overfull;
	double worst_ratio;	/* largest stretch of a justified line */
	size_t worst_line;	/* that line: 1 + its index in layout.lines; 0 if none */
	double demerits;	/* of all texts */
};

struct layout {
	struct lay_item *items;
	size_t nitems, capitems;
	struct lay_page *pages;
	size_t npages;
	struct lay_line *lines;
	size_t nlines, caplines;
	struct lay_para *paras;	/* texts set, in order; lay_line.para counts from 1 */
	size_t nparas, capparas;
	struct buf text;	/* text of all items */
};

struct layout_options {
	enum lb_method method;
};

/* Lays decl out with the given fonts and hyphenation patterns (h may be NULL: no
 * hyphenation). Problems are reported to d. Returns NULL on an error. */
struct layout *layout_new(const struct decl *decl, const struct metrics *m,
    const struct hyph_set *h, const struct layout_options *opt, struct diag *d);

void layout_free(struct layout *l);

void layout_get_stats(const struct layout *l, struct layout_stats *st);

/* The text of an item. */
static inline const char *
lay_text(const struct layout *l, const struct lay_item *it)
{
	return l->text.data + it->off;
}

#endif
