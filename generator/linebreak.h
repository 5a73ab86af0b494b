/* Device-independent line breaking over boxes, glue and penalties (Knuth and Plass,
 * "Breaking Paragraphs into Lines", 1981). All widths are in points. */
#ifndef DECLGEN_LINEBREAK_H
#define DECLGEN_LINEBREAK_H

#include <stddef.h>

enum lb_type {
	LB_BOX,		/* unbreakable material of fixed width */
	LB_GLUE,	/* space that stretches and shrinks; a break point after a box */
	LB_PENALTY	/* a possible break point with a cost */
};

/* A penalty of LB_INF or more forbids a break, -LB_INF or less forces one. */
#define LB_INF 10000

/* Largest max_hyphens (the breaker keeps a state for each count). */
#define LB_MAX_HYPHENS 7

struct lb_item {
	enum lb_type type;
	double width;		/* pt; for a penalty, the width added if the line breaks here */
	double stretch;		/* pt, glue only */
	double shrink;		/* pt, glue only */
	int penalty;		/* penalties only */
	int flagged;		/* a hyphenation penalty */
	int relaxable;		/* penalties only: a break that a rule forbids (such as too
				 * few letters of the last word on the last line), taken
				 * only when total fit relaxes its rules */
	int cut;		/* penalties only: one of many last-resort breaks (after
				 * every letter of a word too wide for any line); total fit
				 * ends a line here only if the line to the next break point
				 * would not fit or be worse, as first fit does */
};

enum lb_method {
	LB_TOTAL_FIT,	/* Knuth-Plass: least total demerits over the paragraph */
	LB_GREEDY	/* first fit: each line as full as possible */
};

struct lb_params {
	enum lb_method method;
	double line_width;		/* pt */
	double tolerance;		/* largest badness of a line under the strict rules */
	int line_penalty;		/* TeX \linepenalty */
	double double_hyphen_demerits;	/* two hyphenated lines in a row */
	double final_hyphen_demerits;	/* hyphen on the next-to-last line */
	double fitness_demerits;	/* adjacent lines of very different tightness */
	int max_hyphens;		/* most hyphenated lines in a row (strict rules) */
	double excess_hyphen_demerits;	/* each hyphenated line beyond max_hyphens in a
					 * row, when the limit is relaxed */
};

/* The defaults of plain TeX, with German-text tolerance.
 *
 * Both methods score a setting with the same demerits. Total fit first looks for the
 * best setting whose lines all have a badness within tolerance and which never has
 * more than max_hyphens hyphenated lines in a row. When there is none, or when first
 * fit scores better, it relaxes those rules into demerits (excess_hyphen_demerits for
 * each line beyond the limit; relaxable breaks at their penalty; any badness up to
 * first fit's worst line; an overfull line where no break point fits) and searches
 * again: that search includes first fit's setting (which never takes a relaxable
 * break), so total fit never scores worse than first fit. */
void lb_params_default(struct lb_params *p, double line_width);

struct lb_line {
	size_t start;		/* index of the first item of the line */
	size_t end;		/* index of the break item (not part of the line but for a hyphen) */
	double ratio;		/* adjustment ratio: > 0 stretched, < 0 shrunk (-1 = fully) */
	int overfull;		/* the line could not be made to fit */
};

struct lb_result {
	struct lb_line *lines;	/* owned; free with lb_result_free */
	size_t nlines;
	double demerits;	/* total demerits of the chosen breaks */
	int overfull;		/* number of overfull lines */
	int relaxed;		/* total fit relaxed its rules (see lb_params_default) */
};

/* Breaks items (which must end with a forced break) into lines. Returns 0, or -1 if the
 * items or the parameters (max_hyphens, method) are malformed. An item sequence that cannot be set within the width still
 * gives lines: the fewest overfull ones, flagged. */
int lb_break(const struct lb_item *items, size_t n, const struct lb_params *p,
    struct lb_result *out);

void lb_result_free(struct lb_result *r);

#endif
