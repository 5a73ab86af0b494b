/* Private to the layout stage: the state while laying out, shared by layout.c
 * (document structure), layout_para.c (lines, measuring, text items) and layout_page.c
 * (pages). The calls go one way: layout.c -> layout_page.c -> layout_para.c, and
 * layout.c -> layout_para.c. */
#ifndef DECLGEN_LAYOUT_INT_H
#define DECLGEN_LAYOUT_INT_H

#include "decl.h"
#include "layout.h"

/* A unit of vertical material: a line of text, a rule, a row of signatures.
 * Pages break only between vboxes, and only where break_before allows. */
struct vbox {
	double space;		/* pt of space above; dropped at the top of a page */
	double ascent;		/* pt above the baseline */
	double depth;		/* pt below the baseline */
	int break_before;	/* a page may end before this vbox */
	int grid;		/* its baseline goes down to the next line of the grid */
	size_t first, count;	/* its items in setter.staged, y relative to the baseline */
	size_t first_line, nlines;	/* its lines in layout.lines */
};

enum align {
	ALIGN_JUSTIFY,
	ALIGN_LEFT,
	ALIGN_CENTER,
	ALIGN_RIGHT
};

struct para_style {
	enum face base;		/* face of unstyled text */
	double size;		/* pt */
	double x;		/* pt: left end of the measure on the page */
	double width;		/* pt: the measure */
	enum align align;
	int hyphenate;
	int name;		/* a person's name: never hyphenated; particles ("von der") and
				 * titles ("Dr.") stay with the next word where the width allows */
	int lang;		/* row of the language table for text without its own */
	const char *marker;	/* label of a list item, drawn on the first line, or NULL */
	double marker_right;	/* pt: where the label ends: labels align on their right */
	double bar_x;		/* pt: centre of a bar beside every line; 0 for none */
	double bar_top, bar_bottom;	/* pt above and below the baseline the bar spans */
};

/* A line just set: its items are setter.staged[first, first + count), y = 0 at its
 * baseline. */
struct set_line {
	size_t first, count;
};

struct setter {
	const struct decl *decl;
	const struct metrics *m;
	const struct hyph_set *h;	/* may be NULL */
	const struct layout_options *opt;
	struct diag *d;
	int lang;		/* row of the declaration's language (German if unknown) */
	struct layout *out;
	struct lay_item *staged;
	size_t nstaged, capstaged;
	struct vbox *boxes;
	size_t nboxes, capboxes;
	int failed;		/* an error was reported */
};

/* Sets text t in lines with style ps. Appends the lines' items to s->staged and their
 * records to s->out->lines; *lines receives an array (owned by the caller) of the
 * lines set. Returns the number of lines. */
size_t set_text(struct setter *s, const struct text *t, const struct para_style *ps,
    struct set_line **lines);

/* set_text for a plain string. */
size_t set_string(struct setter *s, const char *str, struct pos pos,
    const struct para_style *ps, struct set_line **lines);

/* Width in pt of UTF-8 text in face at size, by the font metrics. */
double text_width(const struct setter *s, enum face face, double size, const char *str);

/* A copy of str (owned by the caller) without soft hyphens (U+00AD): page furniture
 * (footer, dateline, signing line) is never hyphenated, so a soft hyphen there could
 * only print as a visible hyphen. */
char *strip_soft_hyphens(const char *str);

/* Appends an item to s->staged and returns it. */
struct lay_item *stage_item(struct setter *s);

/* The one builder of text items: str (appended to s->out->text) in face at size, its
 * baseline from x (ALIGN_LEFT), to x (ALIGN_RIGHT) or centred on x (ALIGN_CENTER), y 0.
 * text_item returns it for the caller to place; stage_text stages it. */
struct lay_item text_item(struct setter *s, enum face face, double size, double x,
    enum align align, const char *str);
struct lay_item *stage_text(struct setter *s, enum face face, double size, double x,
    enum align align, const char *str);

/* Appends a vbox and returns it, zeroed but for first (= s->nstaged) and first_line. */
struct vbox *add_vbox(struct setter *s);

/* Distributes the vboxes over pages, adds the running footer, fills s->out (layout_page.c). */
int paginate(struct setter *s);

#endif
