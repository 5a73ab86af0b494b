#include "linebreak.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Badness of lines that cannot stretch at all, as TeX's "infinitely bad". */
#define INF_BAD 10000.0
#define EMERGENCY_DEMERITS 1e10

void
lb_params_default(struct lb_params *p, double line_width)
{
	memset(p, 0, sizeof *p);
	p->method = LB_TOTAL_FIT;
	p->line_width = line_width;
	p->tolerance = 200;
	p->line_penalty = 10;
	p->double_hyphen_demerits = 10000;
	p->final_hyphen_demerits = 5000;
	p->fitness_demerits = 10000;
	/* TeX only discourages a third hyphenated line in a row; we forbid it. */
	p->max_hyphens = 2;
}

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
	double ratio;		/* of the line ending here */
	double total;		/* demerits from the start */
	struct sums after;	/* sums after the break, discarding glue and penalties */
	long prev;		/* previous node in the best path, -1 at the start */
	long next_active;	/* next node in the active list, -1 at the end */
};

struct breaker {
	const struct lb_item *items;
	size_t n;
	const struct lb_params *p;
	struct sums *sum;	/* sum[i]: totals of items [0, i) */
	struct node *nodes;
	size_t nnodes, capnodes;
	long active;		/* head of the active list */
};

static int
is_legal_break(const struct lb_item *items, size_t i)
{
	if (items[i].type == LB_PENALTY)
		return items[i].penalty < LB_INF;
	return items[i].type == LB_GLUE && i > 0 && items[i - 1].type == LB_BOX;
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

/* Adjustment ratio of a line from node a to break i. */
static double
line_ratio(const struct breaker *b, const struct node *a, size_t i)
{
	const struct lb_item *it = &b->items[i];
	double width = b->sum[i].width - a->after.width;

	if (it->type == LB_PENALTY)
		width += it->width;
	if (width < b->p->line_width) {
		double stretch = b->sum[i].stretch - a->after.stretch;

		return stretch > 0 ? (b->p->line_width - width) / stretch : INF_BAD;
	}
	if (width > b->p->line_width) {
		double shrink = b->sum[i].shrink - a->after.shrink;

		return shrink > 0 ? (b->p->line_width - width) / shrink : -INF_BAD;
	}
	return 0;
}

static int
fitness_class(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

static double
badness(double r)
{
	double bad = 100 * fabs(r) * fabs(r) * fabs(r);

	return bad > INF_BAD ? INF_BAD : bad;
}

static double
demerits(const struct breaker *b, const struct node *a, size_t i, double r, int fitness)
{
	const struct lb_item *it = &b->items[i];
	double d = b->p->line_penalty + badness(r);
	int pen = it->type == LB_PENALTY ? it->penalty : 0;

	d *= d;
	if (pen > 0)
		d += (double)pen * pen;
	else if (pen > -LB_INF)
		d -= (double)pen * pen;
	if (it->type == LB_PENALTY && it->flagged && a->flagged)
		d += b->p->double_hyphen_demerits;
	else if (pen <= -LB_INF && a->flagged)
		d += b->p->final_hyphen_demerits;
	if (abs(fitness - a->fitness) > 1)
		d += b->p->fitness_demerits;
	return d;
}

/* One pass of the total-fit algorithm. In an emergency pass, the last active node is
 * never lost: the line that would overflow is accepted as overfull. */
static int
total_fit_pass(struct breaker *b, double tolerance, int emergency)
{
	struct node start = {.pos = SIZE_MAX, .fitness = 1, .prev = -1, .next_active = -1};

	b->nnodes = 0;
	start.after = sums_after(b, 0);
	b->active = add_node(b, &start);
	for (size_t i = 0; i < b->n; i++) {
		/* The best way to break here, for each fitness class and number of
		 * hyphenated lines in a row: these are different states of the paragraph. */
		struct node best[4][LB_MAX_HYPHENS + 1];
		int have[4][LB_MAX_HYPHENS + 1] = {{0}};
		long prev_active = -1, a;
		int flagged;

		if (!is_legal_break(b->items, i))
			continue;
		flagged = b->items[i].type == LB_PENALTY && b->items[i].flagged;
		for (a = b->active; a != -1;) {
			struct node *na = &b->nodes[a];
			long next = na->next_active;
			double r = line_ratio(b, na, i);
			int forced = b->items[i].type == LB_PENALTY && b->items[i].penalty <= -LB_INF;
			int deactivate = r < -1 || forced;
			int overfull = 0;

			if (r < -1 && emergency && prev_active == -1 && next == -1) {
				overfull = 1;	/* the last hope: accept this line */
				r = -1;
			}
			if (r >= -1 && (badness(r) <= tolerance || overfull)) {
				int c = fitness_class(r);
				int h = flagged ? na->hyphens + 1 : 0;
				double d = demerits(b, na, i, r, c) + (overfull ? EMERGENCY_DEMERITS : 0);

				/* Never more than max_hyphens hyphenated lines in a row,
				 * but for a line that cannot be set otherwise. */
				if (h > b->p->max_hyphens) {
					if (!emergency) {
						d = -1;
					} else {
						h = b->p->max_hyphens;
						d += EMERGENCY_DEMERITS;
					}
				}
				if (d >= 0 && (!have[c][h] || na->total + d < best[c][h].total)) {
					best[c][h].total = na->total + d;
					best[c][h].prev = a;
					best[c][h].line = na->line + 1;
					best[c][h].fitness = c;
					best[c][h].hyphens = h;
					best[c][h].ratio = r;
					best[c][h].overfull = overfull;
					have[c][h] = 1;
				}
			}
			if (deactivate) {
				if (prev_active == -1)
					b->active = next;
				else
					b->nodes[prev_active].next_active = next;
			} else
				prev_active = a;
			a = next;
		}
		for (int c = 0; c < 4; c++)
			for (int h = 0; h <= LB_MAX_HYPHENS; h++) {
				if (!have[c][h])
					continue;
				best[c][h].pos = i;
				best[c][h].flagged = flagged;
				best[c][h].after = sums_after(b, i);
				best[c][h].next_active = b->active;
				b->active = add_node(b, &best[c][h]);
			}
		if (b->active == -1)
			return -1;	/* nothing fits: try a more tolerant pass */
	}
	return 0;
}

/* First fit: break at the last legal point where the line still fits. */
static int
greedy_pass(struct breaker *b)
{
	struct node start = {.pos = SIZE_MAX, .fitness = 1, .prev = -1};
	long cur;
	long candidate = -1;

	b->nnodes = 0;
	start.after = sums_after(b, 0);
	cur = add_node(b, &start);
	for (size_t i = 0; i < b->n; i++) {
		struct node *nc;
		double r;
		int forced;

		if (!is_legal_break(b->items, i))
			continue;
		nc = &b->nodes[cur];
		r = line_ratio(b, nc, i);
		forced = b->items[i].type == LB_PENALTY && b->items[i].penalty <= -LB_INF;
		if (r < -1 && candidate != -1) {
			/* The line up to i overflows: end it at the last point that fitted. */
			cur = candidate;
			candidate = -1;
			i = b->nodes[cur].pos;
			continue;
		}
		{
			struct node n = {0};
			int c = fitness_class(r < -1 ? -1 : r);

			n.pos = i;
			n.line = nc->line + 1;
			n.fitness = c;
			n.overfull = r < -1;
			n.ratio = r < -1 ? -1 : (r > INF_BAD ? INF_BAD : r);
			n.flagged = b->items[i].type == LB_PENALTY && b->items[i].flagged;
			n.total = nc->total + demerits(b, nc, i, n.ratio, c);
			n.after = sums_after(b, i);
			n.prev = cur;
			n.next_active = -1;
			if (forced || n.overfull) {
				cur = add_node(b, &n);
				candidate = -1;
			} else {
				/* add_node may move the array: store the candidate by value. */
				if (candidate == -1)
					candidate = add_node(b, &n);
				else
					b->nodes[candidate] = n;
			}
		}
	}
	b->active = cur;
	b->nodes[cur].next_active = -1;
	return 0;
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
}

int
lb_break(const struct lb_item *items, size_t n, const struct lb_params *p,
    struct lb_result *out)
{
	struct breaker b = {.items = items, .n = n, .p = p, .active = -1};
	long best = -1;
	int ret = 0;

	memset(out, 0, sizeof *out);
	if (n == 0 || items[n - 1].type != LB_PENALTY || items[n - 1].penalty > -LB_INF ||
	    p->max_hyphens < 0 || p->max_hyphens > LB_MAX_HYPHENS)
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
	if (p->method == LB_GREEDY)
		ret = greedy_pass(&b);
	else if (total_fit_pass(&b, p->tolerance, 0) != 0 &&
	    total_fit_pass(&b, INF_BAD, 0) != 0)
		ret = total_fit_pass(&b, INF_BAD, 1);
	if (ret == 0) {
		/* After the final forced break, the active nodes all end there. */
		for (long a = b.active; a != -1; a = b.nodes[a].next_active)
			if (b.nodes[a].pos == n - 1 &&
			    (best == -1 || b.nodes[a].total < b.nodes[best].total))
				best = a;
		if (best == -1)
			ret = -1;
		else
			collect(&b, best, out);
	}
	free(b.sum);
	free(b.nodes);
	return ret;
}

void
lb_result_free(struct lb_result *r)
{
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}
