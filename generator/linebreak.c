/* Knuth-Plass total fit and first fit over boxes, glue and penalties, scored by one
 * demerits function, so that total fit can never set a paragraph worse than first fit. */
#include "linebreak.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "typo.h"
#include "util.h"

/* Badness of lines that cannot stretch at all, as TeX's "infinitely bad". */
#define INF_BAD 10000.0
/* pt: how far a line's width may exceed the measure by rounding alone. */
#define WIDTH_EPSILON 1e-6
/* An overfull line: more than any setting without one. */
#define EMERGENCY_DEMERITS 1e10
/* Relative error that rounding may add to totals of demerits over a paragraph: far
 * more than the sums of thousands of lines can reach. */
#define DOMINANCE_SLACK 1e-9

void
lb_params_default(struct lb_params *p, double line_width)
{
	memset(p, 0, sizeof *p);
	p->method = LB_TOTAL_FIT;
	p->line_width = line_width;
	p->tolerance = LB_TOLERANCE;
	p->line_penalty = LB_LINE_PENALTY;
	p->double_hyphen_demerits = LB_DOUBLE_HYPHEN_DEMERITS;
	p->final_hyphen_demerits = LB_FINAL_HYPHEN_DEMERITS;
	p->fitness_demerits = LB_FITNESS_DEMERITS;
	p->max_hyphens = LB_HYPHENS_IN_A_ROW;
	p->excess_hyphen_demerits = LB_EXCESS_HYPHEN_DEMERITS;
}

/* Hyphenation states of a break: 0 to max_hyphens lines in a row, and one for any
 * more (in a relaxed pass). */
#define HYPHEN_STATES (LB_MAX_HYPHENS + 2)

/* Running sums of widths, stretch and shrink up to (not including) an item. */
struct sums {
	double width, stretch, shrink;
};

struct node {
	size_t pos;		/* index of the break item; SIZE_MAX for the paragraph start */
	size_t line;		/* number of lines up to this break */
	int fitness;		/* 0 tight, 1 decent, 2 loose, 3 very loose */
	int flagged;		/* break at a hyphen */
	int hyphens;		/* hyphenated lines in a row up to this break */
	int overfull;		/* the line ending here is overfull */
	int examined;		/* a line from here to a later break (not a relaxable
				 * one) has been tried */
	double ratio;		/* of the line ending here */
	double total;		/* demerits from the start */
	struct sums after;	/* sums after the break, discarding glue and penalties */
	long prev;		/* previous node in the best path, -1 at the start */
	long next_active;	/* next node in the active list, -1 at the end */
};

/* The rules of one total-fit pass. */
struct pass {
	double tolerance;	/* largest badness of a line */
	int relaxed;		/* more than max_hyphens in a row cost demerits instead of
				 * being forbidden, relaxable breaks are legal, and a line
				 * whose first break point already overflows is accepted as
				 * overfull */
};

struct breaker {
	const struct lb_item *items;
	size_t n;
	const struct lb_params *p;
	struct sums *sum;	/* sum[i]: totals of items [0, i) */
	size_t *next_break;	/* next_break[i]: the next break point after i under the
				 * relaxed rules, or n */
	struct node *nodes;
	size_t nnodes, capnodes;
	long active;		/* head of the active list */
};

/* Whether items[i] is a break point, under the relaxed rules if relaxed. */
static int
is_legal_break(const struct lb_item *items, size_t i, int relaxed)
{
	if (items[i].type == LB_PENALTY)
		return items[i].penalty < LB_INF && (relaxed || !items[i].relaxable);
	return items[i].type == LB_GLUE && i > 0 && items[i - 1].type == LB_BOX;
}

static int
is_forced_break(const struct lb_item *it)
{
	return it->type == LB_PENALTY && it->penalty <= -LB_INF;
}

static struct sums
sums_after(const struct breaker *b, size_t i)
{
	struct sums s = b->sum[i];

	for (size_t j = i; j < b->n; j++) {
		const struct lb_item *it = &b->items[j];

		if (it->type == LB_BOX)
			break;
		if (it->type == LB_GLUE) {
			s.width += it->width;
			s.stretch += it->stretch;
			s.shrink += it->shrink;
		} else if (it->penalty <= -LB_INF && j > i)
			break;
	}
	return s;
}

static long
add_node(struct breaker *b, const struct node *proto)
{
	*ARRAY_PUSH(b->nodes, b->nnodes, b->capnodes) = *proto;
	return (long)b->nnodes - 1;
}

/* The first node of every pass: the start of the paragraph. */
static long
start_node(struct breaker *b)
{
	struct node start = {.pos = SIZE_MAX, .fitness = 1, .prev = -1, .next_active = -1};

	b->nnodes = 0;
	start.after = sums_after(b, 0);
	return add_node(b, &start);
}

/* Adjustment ratio of a line from node a to break i, at most INF_BAD. */
static double
line_ratio(const struct breaker *b, const struct node *a, size_t i)
{
	const struct lb_item *it = &b->items[i];
	double width = b->sum[i].width - a->after.width;

	if (it->type == LB_PENALTY)
		width += it->width;
	if (width < b->p->line_width) {
		double stretch = b->sum[i].stretch - a->after.stretch;
		double r = stretch > 0 ? (b->p->line_width - width) / stretch : INF_BAD;

		return r < INF_BAD ? r : INF_BAD;
	}
	/* Widths come from differences of running sums, which round: a line within
	 * WIDTH_EPSILON of the measure fits it exactly. */
	if (width > b->p->line_width + WIDTH_EPSILON) {
		double shrink = b->sum[i].shrink - a->after.shrink;

		return shrink > 0 ? (b->p->line_width - width) / shrink : -INF_BAD;
	}
	return 0;
}

static int
fitness_class(double r)
{
	if (r < -LB_DECENT_RATIO)
		return 0;
	if (r <= LB_DECENT_RATIO)
		return 1;
	if (r <= LB_LOOSE_RATIO)
		return 2;
	return 3;
}

static double
badness(double r)
{
	double bad = 100 * fabs(r) * fabs(r) * fabs(r);

	return bad > INF_BAD ? INF_BAD : bad;
}

/* Whether the line from a to the cut i (lb_item.cut) is no better than the line to
 * the next break point: that one fits, is no worse, costs no more and is no more a
 * hyphen. A part of a word cut anywhere offers a break after every letter, and only
 * the fullest line from a is worth a node: otherwise every letter would be a node that
 * stays active for a whole line. */
static int
is_dominated_cut(const struct breaker *b, const struct node *a, size_t i, double r)
{
	size_t j = b->next_break[i];
	const struct lb_item *bi = &b->items[i], *bj;
	double rj;

	if (bi->type != LB_PENALTY || !bi->cut || j >= b->n)
		return 0;
	bj = &b->items[j];
	if (bj->type == LB_PENALTY && (bj->penalty <= -LB_INF || bj->penalty > bi->penalty ||
	    bj->flagged > bi->flagged))
		return 0;
	rj = line_ratio(b, a, j);
	return rj >= -1 && badness(rj) <= badness(r);
}

/* What the demerits of a line need to know of the break it ends at. */
struct break_kind {
	int flagged;	/* a hyphen */
	int forced;	/* the paragraph's end (or a forced line break) */
	double penalty_demerits;	/* what its penalty adds to the line's demerits */
};

static struct break_kind
break_kind(const struct lb_item *it)
{
	int pen = it->type == LB_PENALTY ? it->penalty : 0;
	struct break_kind k = {it->type == LB_PENALTY && it->flagged, is_forced_break(it), 0};

	/* A bonus for breaking here subtracts; a forced break is free. */
	if (pen > 0)
		k.penalty_demerits = (double)pen * pen;
	else if (pen > -LB_INF)
		k.penalty_demerits = -((double)pen * pen);
	return k;
}

/* Hyphenated lines in a row if the line from a ends at a break of kind k; every count
 * beyond max_hyphens is one state, as they all cost the same. */
static int
hyphen_run(const struct lb_params *p, const struct node *a, struct break_kind k)
{
	if (!k.flagged)
		return 0;
	return a->hyphens < p->max_hyphens ? a->hyphens + 1 : p->max_hyphens + 1;
}

/* Demerits of a line of badness bad to a break of kind k that do not depend on the
 * line before it. */
static double
base_demerits(const struct lb_params *p, struct break_kind k, double bad)
{
	double d = p->line_penalty + bad;

	d *= d;
	return d + k.penalty_demerits;
}

/* Demerits of the line from a to a break of kind k, given its base demerits d
 * (base_demerits), in fitness class c, ending hyphens hyphenated lines in a row. Both
 * methods score with this one function, so that their totals compare. */
static double
line_demerits(const struct lb_params *p, const struct node *a, struct break_kind k,
    double d, int c, int hyphens, int overfull)
{
	if (k.flagged && a->flagged)
		d += p->double_hyphen_demerits;
	else if (k.forced && a->flagged)
		d += p->final_hyphen_demerits;
	if (abs(c - a->fitness) > 1)
		d += p->fitness_demerits;
	if (hyphens > p->max_hyphens)
		d += p->excess_hyphen_demerits;
	if (overfull)
		d += EMERGENCY_DEMERITS;
	return d;
}

/* A line to break i from the active nodes at one break position. They all have the
 * same sums after their break, so the line's ratio, fitness class and base demerits
 * are the same from each of them: the breaker computes them once for all. */
struct line_from {
	size_t pos;		/* the break position of the nodes */
	double ratio;
	int fitness;
	double demerits;	/* base_demerits */
	int overflows;		/* the line overflows its measure even fully shrunk */
	int acceptable;		/* the line may end at i under the pass's rules */
};

/* Sets the ratio, class and base demerits of line l to a break of kind k at ratio r
 * and badness bad. */
static void
set_line_ratio(const struct lb_params *p, struct break_kind k, double r, double bad,
    struct line_from *l)
{
	l->ratio = r;
	l->fitness = fitness_class(r);
	l->demerits = base_demerits(p, k, bad);
}

/* The best ways found so far to break at one point, for each fitness class and
 * number of hyphenated lines in a row: these are different states of the paragraph. */
struct candidates {
	struct node best[4][HYPHEN_STATES];
	int have[4][HYPHEN_STATES];
};

/* Records line l from node a to break i if it is the best yet for its state, unless
 * the pass forbids it; activate sets the rest of the node. */
static void
consider_line(const struct breaker *b, const struct pass *ps, long a, struct break_kind k,
    const struct line_from *l, int overfull, struct candidates *cand)
{
	const struct node *na = &b->nodes[a];
	int c = l->fitness;
	int h = hyphen_run(b->p, na, k);
	double total;
	struct node *best = &cand->best[c][h];

	if (h > b->p->max_hyphens && !ps->relaxed)
		return;
	total = na->total + line_demerits(b->p, na, k, l->demerits, c, h, overfull);
	if (cand->have[c][h] && total >= best->total)
		return;
	cand->have[c][h] = 1;
	best->total = total;
	best->prev = a;
	best->line = na->line + 1;
	best->fitness = c;
	best->hyphens = h;
	best->ratio = l->ratio;
	best->overfull = overfull;
}

/* Whether candidate (c, h) can lead to no setting as good as one through another
 * candidate (c2, h2) at the same break: the other can end every line this one can
 * (under the strict rules, only with h2 <= h), and costs at most the fitness demerits
 * more on its first line and, for each hyphenated line in a row it has more, one more
 * line's excess_hyphen_demerits in the run of hyphens it is in; after that the two
 * cost the same. A lead of more than that stays a lead to the end: the candidate is
 * not worth a node, and with the slack for rounding, dropping it changes no result. */
static int
is_dominated(const struct breaker *b, const struct pass *ps,
    const struct candidates *cand, int c, int h)
{
	double total = cand->best[c][h].total;
	int most = ps->relaxed ? b->p->max_hyphens + 1 : h;

	if (b->p->fitness_demerits < 0 || b->p->excess_hyphen_demerits < 0)
		return 0;	/* costs would not grow with the hyphens in a row */
	for (int c2 = 0; c2 < 4; c2++)
		for (int h2 = 0; h2 <= most; h2++) {
			double other = cand->best[c2][h2].total;
			double lead = b->p->fitness_demerits +
			    (h2 > h ? (h2 - h) * b->p->excess_hyphen_demerits : 0);

			if (cand->have[c2][h2] && (c2 != c || h2 != h) &&
			    other + lead + DOMINANCE_SLACK * (fabs(other) + fabs(total) + lead) <
			    total)
				return 1;
		}
	return 0;
}

/* Makes the candidates for break i active nodes, but for dominated ones. */
static void
activate(struct breaker *b, const struct pass *ps, size_t i, struct candidates *cand)
{
	int flagged = b->items[i].type == LB_PENALTY && b->items[i].flagged;
	struct sums after = sums_after(b, i);

	for (int c = 0; c < 4; c++)
		for (int h = 0; h <= b->p->max_hyphens + 1; h++) {
			struct node *nd = &cand->best[c][h];

			if (!cand->have[c][h] || is_dominated(b, ps, cand, c, h))
				continue;
			nd->pos = i;
			nd->flagged = flagged;
			nd->examined = 0;
			nd->after = after;
			nd->next_active = b->active;
			b->active = add_node(b, nd);
		}
}

/* Evaluates the line from node a to break i into l, unless l already holds the line
 * from a's break position. */
static void
eval_line(const struct breaker *b, const struct pass *ps, const struct node *a, size_t i,
    struct break_kind k, int relaxable, struct line_from *l)
{
	double r, bad;

	if (l->pos == a->pos)
		return;
	r = line_ratio(b, a, i);
	bad = badness(r);
	l->pos = a->pos;
	/* First fit never sees a relaxable break: overflowing at one neither ends a node
	 * nor makes an overfull line, so that this search keeps every line first fit can
	 * set. */
	l->overflows = r < -1 && !relaxable;
	l->acceptable = r >= -1 && bad <= ps->tolerance && !is_dominated_cut(b, a, i, r);
	set_line_ratio(b->p, k, r, bad, l);
}

/* Considers the lines from every active node to break i, and deactivates the nodes
 * from which no later line fits. */
static void
try_break(struct breaker *b, const struct pass *ps, size_t i, struct candidates *cand)
{
	int relaxable = b->items[i].type == LB_PENALTY && b->items[i].relaxable;
	struct break_kind k = break_kind(&b->items[i]);
	struct line_from l = {.pos = i}, over;	/* no node is at i yet */
	long prev_active = -1;

	set_line_ratio(b->p, k, -1, badness(-1), &over);
	/* Nodes at one break position are adjacent in the active list: activate adds
	 * them together and removal keeps the order. */
	for (long a = b->active; a != -1;) {
		struct node *na = &b->nodes[a];
		long next = na->next_active;

		int overfull;

		eval_line(b, ps, na, i, k, relaxable, &l);
		/* Not even the shortest line from a fits: no setting avoids it. */
		overfull = l.overflows && ps->relaxed && !na->examined;
		if (overfull || l.acceptable)
			consider_line(b, ps, a, k, overfull ? &over : &l, overfull, cand);
		na->examined |= !relaxable;
		if (l.overflows || k.forced) {
			if (prev_active == -1)
				b->active = next;
			else
				b->nodes[prev_active].next_active = next;
		} else
			prev_active = a;
		a = next;
	}
}

/* One pass of the total-fit algorithm under the rules of ps. Returns -1 if no setting
 * obeys them. */
static int
total_fit_pass(struct breaker *b, const struct pass *ps)
{
	b->active = start_node(b);
	for (size_t i = 0; i < b->n; i++) {
		struct candidates cand;

		if (!is_legal_break(b->items, i, ps->relaxed))
			continue;
		memset(cand.have, 0, sizeof cand.have);
		try_break(b, ps, i, &cand);
		activate(b, ps, i, &cand);
		if (b->active == -1)
			return -1;
	}
	return 0;
}

/* Ends the first-fit line from node prev at break i, at ratio r (< -1 if the line
 * overflows); returns the new node. */
static long
greedy_line(struct breaker *b, long prev, size_t i, double r)
{
	const struct node *np = &b->nodes[prev];
	struct break_kind k = break_kind(&b->items[i]);
	struct node n = {.pos = i, .prev = prev, .next_active = -1};

	n.line = np->line + 1;
	n.overfull = r < -1;
	n.ratio = n.overfull ? -1 : r;
	n.fitness = fitness_class(n.ratio);
	n.flagged = k.flagged;
	n.hyphens = hyphen_run(b->p, np, k);
	n.total = np->total + line_demerits(b->p, np, k,
	    base_demerits(b->p, k, badness(n.ratio)), n.fitness, n.hyphens, n.overfull);
	n.after = sums_after(b, i);
	return add_node(b, &n);
}

/* First fit: break at the last legal point where the line still fits. */
static void
greedy_pass(struct breaker *b)
{
	long cur = start_node(b);
	size_t fits = SIZE_MAX;	/* the last break point where the line from cur fits */
	double fits_ratio = 0;

	for (size_t i = 0; i < b->n; i++) {
		double r;

		if (!is_legal_break(b->items, i, 0))
			continue;
		r = line_ratio(b, &b->nodes[cur], i);
		if (r < -1 && fits != SIZE_MAX) {
			/* The line up to i overflows: end it at the last point that fitted. */
			cur = greedy_line(b, cur, fits, fits_ratio);
			i = fits;
			fits = SIZE_MAX;
		} else if (r < -1 || is_forced_break(&b->items[i])) {
			cur = greedy_line(b, cur, i, r);
			fits = SIZE_MAX;
		} else {
			fits = i;
			fits_ratio = r;
		}
	}
	b->active = cur;
}

/* The node of least demerits at the final forced break, or -1. */
static long
final_node(const struct breaker *b)
{
	long best = -1;

	for (long a = b->active; a != -1; a = b->nodes[a].next_active)
		if (b->nodes[a].pos == b->n - 1 &&
		    (best == -1 || b->nodes[a].total < b->nodes[best].total))
			best = a;
	return best;
}

/* The largest badness of a line that fits on the path to node last. */
static double
worst_badness(const struct breaker *b, long last)
{
	double worst = 0;

	for (long a = last; a != -1; a = b->nodes[a].prev)
		if (!b->nodes[a].overfull && badness(b->nodes[a].ratio) > worst)
			worst = badness(b->nodes[a].ratio);
	return worst;
}

static void
collect(struct breaker *b, long last, struct lb_result *out)
{
	size_t count = b->nodes[last].line;
	size_t k = count;

	out->lines = xcalloc(count, sizeof *out->lines);
	out->nlines = count;
	out->demerits = b->nodes[last].total;
	out->overfull = 0;
	for (long a = last; a != -1 && b->nodes[a].prev != -1; a = b->nodes[a].prev) {
		const struct node *na = &b->nodes[a], *np = &b->nodes[na->prev];
		struct lb_line *l = &out->lines[--k];
		size_t s = np->pos == SIZE_MAX ? 0 : np->pos + 1;

		/* A line starts at the first box after the break; the rest is discarded. */
		while (s < na->pos && b->items[s].type != LB_BOX)
			s++;
		l->start = s;
		l->end = na->pos;
		l->ratio = na->ratio;
		l->overfull = na->overfull;
		out->overfull += na->overfull;
	}
	/* Every line of the path was filled, from the paragraph's start. */
	assert(k == 0);
}

/* Total fit: the strict rules, unless they cost more than first fit; then the rules
 * relaxed so far that first fit's setting is among those searched. */
static long
total_fit(struct breaker *b, int *relaxed)
{
	struct pass strict = {.tolerance = b->p->tolerance, .relaxed = 0};
	struct pass relax = {.tolerance = b->p->tolerance, .relaxed = 1};
	double greedy_total, greedy_worst;
	long last;

	greedy_pass(b);
	last = final_node(b);
	greedy_total = b->nodes[last].total;
	greedy_worst = worst_badness(b, last);
	*relaxed = 0;
	if (total_fit_pass(b, &strict) == 0) {
		last = final_node(b);
		if (last != -1 && b->nodes[last].total <= greedy_total)
			return last;
	}
	*relaxed = 1;
	if (greedy_worst > relax.tolerance)
		relax.tolerance = greedy_worst;
	if (total_fit_pass(b, &relax) != 0)
		return -1;	/* cannot happen: first fit's setting is a solution */
	return final_node(b);
}

int
lb_break(const struct lb_item *items, size_t n, const struct lb_params *p,
    struct lb_result *out)
{
	struct breaker b = {.items = items, .n = n, .p = p, .active = -1};
	long last;
	int relaxed = 0;

	memset(out, 0, sizeof *out);
	if (n == 0 || !is_forced_break(&items[n - 1]) || p->max_hyphens < 0 ||
	    p->max_hyphens > LB_MAX_HYPHENS ||
	    (p->method != LB_TOTAL_FIT && p->method != LB_GREEDY))
		return -1;
	b.sum = xcalloc(n + 1, sizeof *b.sum);
	for (size_t i = 0; i < n; i++) {
		b.sum[i + 1] = b.sum[i];
		if (items[i].type != LB_PENALTY) {
			b.sum[i + 1].width += items[i].width;
			b.sum[i + 1].stretch += items[i].stretch;
			b.sum[i + 1].shrink += items[i].shrink;
		}
	}
	b.next_break = xcalloc(n, sizeof *b.next_break);
	for (size_t i = n, next = n; i-- > 0;) {
		b.next_break[i] = next;
		if (is_legal_break(items, i, 1))
			next = i;
	}
	if (p->method == LB_GREEDY) {
		greedy_pass(&b);
		last = final_node(&b);
	} else
		last = total_fit(&b, &relaxed);
	if (last != -1) {
		collect(&b, last, out);
		out->relaxed = relaxed;
	}
	free(b.sum);
	free(b.next_break);
	free(b.nodes);
	return last != -1 ? 0 : -1;
}

void
lb_result_free(struct lb_result *r)
{
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}
