/* The line breaker on synthetic boxes, glue and penalties: known inputs give known
 * breaks and demerits. */
#include "testutil.h"

#include <math.h>

#include "linebreak.h"

#define MAX_ITEMS 128

struct para {
	struct lb_item items[MAX_ITEMS];
	size_t n;
};

static void
box(struct para *p, double w)
{
	struct lb_item it = {.type = LB_BOX, .width = w};

	p->items[p->n++] = it;
}

static void
glue(struct para *p, double w, double stretch, double shrink)
{
	struct lb_item it = {.type = LB_GLUE, .width = w, .stretch = stretch, .shrink = shrink};

	p->items[p->n++] = it;
}

static void
penalty(struct para *p, double w, int pen, int flagged)
{
	struct lb_item it = {.type = LB_PENALTY, .width = w, .penalty = pen, .flagged = flagged};

	p->items[p->n++] = it;
}

/* Words of the given widths, spaces of 10 pt (+5 -3), and a \parfillskip. */
static void
words(struct para *p, const double *w, size_t n)
{
	p->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			glue(p, 10, 5, 3);
		box(p, w[i]);
	}
	penalty(p, 0, LB_INF, 0);
	glue(p, 0, 1e6, 0);
	penalty(p, 0, -LB_INF, 0);
}

static struct lb_result
run(const struct para *p, double width, enum lb_method m)
{
	struct lb_params params;
	struct lb_result r;

	lb_params_default(&params, width);
	params.method = m;
	assert_int_equal(lb_break(p->items, p->n, &params, &r), 0);
	return r;
}

/* A line whose width sums to the measure but for rounding fits: 0.1 + 0.2 is
 * 0.30000000000000004 in binary floating point, and nothing can shrink. */
static void
test_rounding_fits(void **state)
{
	struct para p = {.n = 0};
	struct lb_result r;

	(void)state;
	box(&p, 0.1);
	glue(&p, 0, 0, 0);
	box(&p, 0.2);
	penalty(&p, 0, -LB_INF, 0);
	for (int m = LB_TOTAL_FIT; m <= LB_GREEDY; m++) {
		r = run(&p, 0.3, (enum lb_method)m);
		assert_int_equal(r.nlines, 1);
		assert_int_equal(r.overfull, 0);
		lb_result_free(&r);
	}
}

/* Three 40 pt words and two spaces fill 140 pt exactly: ratio 0, demerits
 * (linepenalty 10 + badness 0)^2 = 100 for each of the two lines. */
static void
test_exact_fit(void **state)
{
	static const double w[] = {40, 40, 40, 40, 40, 40};
	struct para p;
	struct lb_result r;

	(void)state;
	words(&p, w, 6);
	r = run(&p, 140, LB_TOTAL_FIT);
	assert_int_equal(r.nlines, 2);
	assert_int_equal(r.lines[0].start, 0);
	assert_int_equal(r.lines[0].end, 5);	/* the glue after the third word */
	assert_int_equal(r.lines[1].start, 6);
	assert_true(r.lines[0].ratio == 0);
	assert_int_equal(r.overfull, 0);
	assert_true(r.demerits > 199.99 && r.demerits < 200.01);
	lb_result_free(&r);
}

/* A stretched line: two words of 40 and a space (90 pt) set in 95 pt use all 5 pt of
 * the space's stretch. */
static void
test_ratio_and_badness(void **state)
{
	static const double w[] = {40, 40, 40, 40};
	struct para p;
	struct lb_result r;

	(void)state;
	words(&p, w, 4);
	r = run(&p, 95, LB_TOTAL_FIT);
	assert_int_equal(r.nlines, 2);
	/* 90 pt natural in 95: ratio 5/5 = 1.0, badness 100. */
	assert_true(r.lines[0].ratio > 0.999 && r.lines[0].ratio < 1.001);
	/* (10 + 100)^2 + (10 + 0)^2; the classes loose (2) and decent (1) are adjacent,
	 * so no fitness demerits. */
	assert_true(r.demerits > 12199.99 && r.demerits < 12200.01);
	lb_result_free(&r);
}

/* Total fit looks ahead. Words 15 10 20 15 10 10 10 in 100 pt: greedy squeezes five
 * words into line 1 (110 pt natural, ratio -10/12, badness 57.9: demerits 4606 + 100);
 * total fit sets four (90 pt, ratio 10/15, badness 29.6: demerits 1570.5 + 100). */
static void
test_total_fit_beats_greedy(void **state)
{
	static const double w[] = {15, 10, 20, 15, 10, 10, 10};
	struct para p;
	struct lb_result tf, gr;

	(void)state;
	words(&p, w, 7);
	tf = run(&p, 100, LB_TOTAL_FIT);
	gr = run(&p, 100, LB_GREEDY);
	assert_int_equal(gr.nlines, 2);
	assert_int_equal(gr.lines[0].end, 9);
	assert_true(gr.lines[0].ratio < -0.83 && gr.lines[0].ratio > -0.84);
	assert_true(gr.demerits > 4706.38 && gr.demerits < 4706.39);
	assert_int_equal(tf.nlines, 2);
	assert_int_equal(tf.lines[0].end, 7);
	assert_true(tf.lines[0].ratio > 0.666 && tf.lines[0].ratio < 0.667);
	assert_true(tf.demerits > 1670.50 && tf.demerits < 1670.51);
	lb_result_free(&tf);
	lb_result_free(&gr);
}

/* A hyphenation penalty adds its hyphen's width to the line and is flagged. */
static void
test_hyphen_break(void **state)
{
	struct para p = {.n = 0};
	struct lb_result r;

	(void)state;
	box(&p, 50);
	glue(&p, 10, 5, 3);
	box(&p, 30);		/* "Arbeits" */
	penalty(&p, 5, 50, 1);	/* "-" */
	box(&p, 40);		/* "markt" */
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	/* 50 + 10 + 30 + 5 = 95: the hyphen makes the line fit exactly. */
	r = run(&p, 95, LB_TOTAL_FIT);
	assert_int_equal(r.nlines, 2);
	assert_int_equal(r.lines[0].end, 3);
	assert_true(r.lines[0].ratio == 0);
	assert_int_equal(r.lines[1].start, 4);
	lb_result_free(&r);
}

/* A forbidden break (a non-breaking space) is never taken. */
static void
test_nobreak(void **state)
{
	struct para p = {.n = 0};
	struct lb_result r;

	(void)state;
	box(&p, 40);
	glue(&p, 10, 5, 3);
	box(&p, 40);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 10, 5, 3);	/* 40 x 40: no break here */
	box(&p, 40);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	r = run(&p, 95, LB_TOTAL_FIT);
	assert_int_equal(r.nlines, 2);
	assert_int_equal(r.lines[0].end, 1);
	lb_result_free(&r);
}

/* A word wider than the line cannot fit: the line is flagged overfull, nothing is
 * lost, and the other lines are set normally. */
static void
test_overlong_word(void **state)
{
	static const double w[] = {30, 300, 30, 30};
	struct para p;
	struct lb_result r;
	int seen = 0;

	(void)state;
	words(&p, w, 4);
	r = run(&p, 100, LB_TOTAL_FIT);
	assert_int_equal(r.overfull, 1);
	for (size_t i = 0; i < r.nlines; i++)
		if (r.lines[i].overfull) {
			seen = 1;
			assert_true(r.lines[i].start <= 2 && r.lines[i].end >= 2);
		}
	assert_true(seen);
	assert_int_equal(r.lines[r.nlines - 1].end, p.n - 1);
	lb_result_free(&r);
	r = run(&p, 100, LB_GREEDY);
	assert_int_equal(r.overfull, 1);
	lb_result_free(&r);
}

/* Hyphenated lines in a row at the end of r. */
static int
max_hyphen_run(const struct para *p, const struct lb_result *r)
{
	int run = 0, most = 0;

	for (size_t i = 0; i < r->nlines; i++) {
		const struct lb_item *end = &p->items[r->lines[i].end];

		run = end->type == LB_PENALTY && end->flagged ? run + 1 : 0;
		if (run > most)
			most = run;
	}
	return most;
}

/* Words of random widths, each with a hyphenation point, from a fixed seed: a search
 * for paragraphs whose best setting has three hyphenated lines in a row. Where a
 * setting within tolerance keeps the limit of two at no more cost than first fit,
 * the limit must change the setting, at some cost; otherwise the limit is relaxed
 * and the setting still costs no more than first fit's. */
static void
test_at_most_two_hyphens_in_a_row(void **state)
{
	unsigned seed = 12345;
	int found = 0, relaxed = 0;

	(void)state;
	for (int trial = 0; trial < 2000; trial++) {
		struct para p = {.n = 0};
		struct lb_params free_params, params;
		struct lb_result unlimited, limited, greedy;

		for (int w = 0; w < 24 && p.n + 6 < MAX_ITEMS; w++) {
			seed = seed * 1103515245u + 12345u;
			if (w)
				glue(&p, 10, 5, 3);
			box(&p, 8 + (seed >> 16) % 16);
			penalty(&p, 5, 50, 1);
			box(&p, 8 + (seed >> 8) % 16);
		}
		penalty(&p, 0, LB_INF, 0);
		glue(&p, 0, 1e6, 0);
		penalty(&p, 0, -LB_INF, 0);
		lb_params_default(&free_params, 150);
		free_params.max_hyphens = LB_MAX_HYPHENS;
		lb_params_default(&params, 150);
		greedy = run(&p, 150, LB_GREEDY);
		assert_int_equal(lb_break(p.items, p.n, &free_params, &unlimited), 0);
		assert_int_equal(lb_break(p.items, p.n, &params, &limited), 0);
		if (!limited.relaxed && unlimited.overfull == 0 &&
		    max_hyphen_run(&p, &unlimited) > 2) {
			found++;
			assert_true(limited.demerits > unlimited.demerits);
		}
		relaxed += limited.relaxed;
		assert_true(limited.relaxed || max_hyphen_run(&p, &limited) <= 2);
		assert_true(limited.demerits <= greedy.demerits);
		lb_result_free(&unlimited);
		lb_result_free(&limited);
		lb_result_free(&greedy);
	}
	assert_true(found >= 10);
	assert_true(relaxed >= 10);
}

/* Words "40", "40-10", "40-10", "20-40", "40-20" in 100 pt: every setting within
 * tolerance ends three lines in a row with a hyphen ("40 40-" at ratio 1, "10 40-10
 * 20-" at -0.83, "40 40-" at 1, "20"). The limit of two is relaxed into demerits
 * rather than setting a line at ratio 3 (badness 2700) as first fit does. */
static void
test_relaxed_hyphen_limit(void **state)
{
	static const double parts[][2] = {{40, 0}, {40, 10}, {40, 10}, {20, 40}, {40, 20}};
	struct para p = {.n = 0};
	struct lb_params params;
	struct lb_result tf, gr, unlimited;

	(void)state;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (i)
			glue(&p, 10, 5, 3);
		box(&p, parts[i][0]);
		if (parts[i][1] > 0) {
			penalty(&p, 5, 50, 1);
			box(&p, parts[i][1]);
		}
	}
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	tf = run(&p, 100, LB_TOTAL_FIT);
	gr = run(&p, 100, LB_GREEDY);
	lb_params_default(&params, 100);
	params.max_hyphens = LB_MAX_HYPHENS;
	assert_int_equal(lb_break(p.items, p.n, &params, &unlimited), 0);
	assert_true(tf.relaxed);
	assert_int_equal(tf.nlines, 4);
	assert_int_equal(max_hyphen_run(&p, &tf), 3);
	for (size_t i = 0; i < tf.nlines; i++)
		assert_true(tf.lines[i].ratio <= 1.0 + 1e-9);
	/* The same breaks as without a limit, plus the price of the third hyphen. */
	assert_int_equal(unlimited.nlines, 4);
	for (size_t i = 0; i < tf.nlines; i++)
		assert_int_equal(tf.lines[i].end, unlimited.lines[i].end);
	lb_params_default(&params, 100);
	assert_true(fabs(tf.demerits - unlimited.demerits - params.excess_hyphen_demerits) < 1e-6);
	assert_true(gr.lines[1].ratio > 2.99);
	assert_true(tf.demerits < gr.demerits);
	lb_result_free(&tf);
	lb_result_free(&gr);
	lb_result_free(&unlimited);
}

/* First fit scores its third hyphen in a row with the same demerits as total fit:
 * the two totals compare. */
static void
test_greedy_pays_for_excess_hyphens(void **state)
{
	struct para p = {.n = 0};
	struct lb_params params;
	struct lb_result r;
	double line = 10 * 10;	/* (linepenalty 10 + badness 0)^2 */

	(void)state;
	/* "45-50" four times, 50 pt lines: first fit breaks at every hyphen. */
	for (int i = 0; i < 4; i++) {
		if (i)
			glue(&p, 0, 0, 0);
		box(&p, 45);
		penalty(&p, 5, 0, 1);
		box(&p, 50);
	}
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	lb_params_default(&params, 50);
	params.method = LB_GREEDY;
	assert_int_equal(lb_break(p.items, p.n, &params, &r), 0);
	assert_int_equal(r.nlines, 8);
	/* Eight exact lines; hyphens end lines 1, 3, 5, 7, never two in a row, but the
	 * next-to-last. */
	assert_true(fabs(r.demerits - (8 * line + params.final_hyphen_demerits)) < 1e-6);
	lb_result_free(&r);
	/* Without the spaces' breaks, the hyphens come in a row. */
	p.n = 0;
	for (int i = 0; i < 4; i++) {
		box(&p, 45);
		penalty(&p, 5, 0, 1);
	}
	box(&p, 50);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	params.line_width = 50;
	assert_int_equal(lb_break(p.items, p.n, &params, &r), 0);
	assert_int_equal(r.nlines, 5);
	/* Hyphens end lines 1-4: three double-hyphen demerits, two lines beyond the
	 * limit, a hyphen on the next-to-last line. */
	assert_true(params.excess_hyphen_demerits > 0);
	assert_true(fabs(r.demerits - (5 * line + 3 * params.double_hyphen_demerits +
	    2 * params.excess_hyphen_demerits + params.final_hyphen_demerits)) < 1e-6);
	lb_result_free(&r);
	/* Total fit has no other choice, and scores it the same. */
	params.method = LB_TOTAL_FIT;
	assert_int_equal(lb_break(p.items, p.n, &params, &r), 0);
	assert_int_equal(r.nlines, 5);
	assert_true(r.relaxed);
	assert_true(fabs(r.demerits - (5 * line + 3 * params.double_hyphen_demerits +
	    2 * params.excess_hyphen_demerits + params.final_hyphen_demerits)) < 1e-6);
	lb_result_free(&r);
}

/* A penalty below zero invites a break: its demerits can be negative, and the line is
 * still a candidate (a negative total is not a forbidden one). */
static void
test_encouraged_break(void **state)
{
	struct para p = {.n = 0};
	struct lb_result r;

	(void)state;
	/* "20 5" twice in 35 pt: the first line may end at the penalty or at the space
	 * after it; the penalty of -200 takes 200^2 off its demerits of 10^2. */
	box(&p, 20);
	glue(&p, 10, 5, 3);
	box(&p, 5);
	penalty(&p, 0, -200, 0);
	glue(&p, 10, 5, 3);
	box(&p, 20);
	glue(&p, 10, 5, 3);
	box(&p, 5);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	r = run(&p, 35, LB_TOTAL_FIT);
	assert_int_equal(r.nlines, 2);
	assert_int_equal(r.lines[0].end, 3);
	assert_true(fabs(r.demerits - (100 - 40000 + 100)) < 1e-6);
	lb_result_free(&r);
}

/* A relaxable break (one a rule forbids, such as too short a tail of the last word)
 * is never taken by first fit nor while the strict rules find a setting; only when
 * they do not. */
static void
test_relaxable_break(void **state)
{
	struct para p = {.n = 0};
	struct lb_result tf, gr;

	(void)state;
	/* "45 40-30" in 100 pt: "45 40-" fits exactly; without that break, "45" alone is
	 * infinitely bad (nothing to stretch) and "45 4030" overflows. */
	box(&p, 45);
	glue(&p, 10, 5, 3);
	box(&p, 40);
	penalty(&p, 5, 50, 1);
	p.items[p.n - 1].relaxable = 1;
	box(&p, 30);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	gr = run(&p, 100, LB_GREEDY);
	assert_int_equal(gr.lines[0].end, 1);
	tf = run(&p, 100, LB_TOTAL_FIT);
	assert_true(tf.relaxed);
	assert_int_equal(tf.nlines, 2);
	assert_int_equal(tf.lines[0].end, 3);
	assert_true(tf.lines[0].ratio == 0);
	/* 10^2 + 50^2 for the first line, 10^2 + a hyphen on the next-to-last line. */
	assert_true(fabs(tf.demerits - (100 + 2500 + 100 + 5000)) < 1e-6);
	assert_true(tf.demerits < gr.demerits);
	lb_result_free(&tf);
	lb_result_free(&gr);
	/* Where the strict rules find a setting ("40 40" fills 90 pt, then the word
	 * "20|20" whole on the last line), the relaxable break is not taken. */
	p.n = 0;
	box(&p, 40);
	glue(&p, 10, 5, 3);
	box(&p, 40);
	glue(&p, 10, 5, 3);
	box(&p, 20);
	penalty(&p, 5, 50, 1);
	p.items[p.n - 1].relaxable = 1;
	box(&p, 20);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	tf = run(&p, 90, LB_TOTAL_FIT);
	assert_false(tf.relaxed);
	assert_int_equal(tf.nlines, 2);
	assert_int_equal(tf.lines[0].end, 3);
	lb_result_free(&tf);
}

/* A word wider than the line, with a relaxable break right after its first part:
 * first fit, which never breaks there, sets "150-10" overfull and "10"; total fit must
 * not score worse by taking the relaxable break ("150-" overfull and its penalty). */
static void
test_relaxable_break_in_overfull_line(void **state)
{
	struct para p = {.n = 0};
	struct lb_result tf, gr;

	(void)state;
	box(&p, 150);
	penalty(&p, 5, 50, 1);
	p.items[p.n - 1].relaxable = 1;
	box(&p, 10);
	glue(&p, 10, 5, 3);
	box(&p, 10);
	penalty(&p, 0, LB_INF, 0);
	glue(&p, 0, 1e6, 0);
	penalty(&p, 0, -LB_INF, 0);
	gr = run(&p, 100, LB_GREEDY);
	tf = run(&p, 100, LB_TOTAL_FIT);
	assert_int_equal(gr.overfull, 1);
	assert_int_equal(gr.lines[0].end, 3);
	assert_int_equal(tf.overfull, 1);
	assert_true(tf.demerits <= gr.demerits);
	assert_int_equal(tf.lines[0].end, 3);
	lb_result_free(&tf);
	lb_result_free(&gr);
}

static void
test_malformed_input(void **state)
{
	struct para p = {.n = 0};
	struct lb_params params;
	struct lb_result r;

	(void)state;
	box(&p, 10);		/* no final forced break */
	lb_params_default(&params, 100);
	assert_int_equal(lb_break(p.items, p.n, &params, &r), -1);
	assert_int_equal(lb_break(p.items, 0, &params, &r), -1);
	penalty(&p, 0, -LB_INF, 0);
	assert_int_equal(lb_break(p.items, p.n, &params, &r), 0);
	lb_result_free(&r);
	params.method = (enum lb_method)(LB_GREEDY + 1);
	assert_int_equal(lb_break(p.items, p.n, &params, &r), -1);
	assert_null(r.lines);
	params.method = LB_TOTAL_FIT;
	params.max_hyphens = LB_MAX_HYPHENS + 1;
	assert_int_equal(lb_break(p.items, p.n, &params, &r), -1);
}

/* Random words of 3 to 40 letters of 5 pt with a hyphen (3 pt, penalty 50) after every
 * third letter, in a measure of few words: many break points, and many fitness classes
 * and runs of hyphens at each, as in random text. */
#define LOOSE_WORDS 60
#define LOOSE_ITEMS (LOOSE_WORDS * 30 + 3)

static size_t
loose_words(struct lb_item *items, unsigned seed)
{
	struct lb_item space = {.type = LB_GLUE, .width = 4, .stretch = 2, .shrink = 1.3};
	struct lb_item hyphen = {.type = LB_PENALTY, .width = 3, .penalty = 50, .flagged = 1};
	struct lb_item keep = {.type = LB_PENALTY, .penalty = LB_INF};
	struct lb_item fill = {.type = LB_GLUE, .stretch = 1e6};
	struct lb_item end = {.type = LB_PENALTY, .penalty = -LB_INF};
	size_t n = 0;

	for (int w = 0; w < LOOSE_WORDS; w++) {
		int letters;

		seed = seed * 1103515245u + 12345u;
		letters = 3 + (int)((seed >> 16) % 38);
		if (w)
			items[n++] = space;
		for (int l = 0; l < letters; l += 3) {
			int run = letters - l < 3 ? letters - l : 3;
			struct lb_item part = {.type = LB_BOX, .width = 5.0 * run};

			if (l)
				items[n++] = hyphen;
			items[n++] = part;
		}
	}
	items[n++] = keep;
	items[n++] = fill;
	items[n++] = end;
	return n;
}

/* FNV-1a over the lines' ends and ratios. */
static unsigned long
lines_hash(const struct lb_result *r)
{
	unsigned long h = 14695981039346656037ul;

	for (size_t k = 0; k < r->nlines; k++) {
		unsigned long v[2];

		v[0] = r->lines[k].end;
		memcpy(&v[1], &r->lines[k].ratio, sizeof v[1]);
		for (int j = 0; j < 2; j++)
			for (int s = 0; s < 64; s += 8)
				h = (h ^ ((v[j] >> s) & 0xff)) * 1099511628211ul;
	}
	return h;
}

/* Breaks of loose_words as the breaker set them before it computed a line once for all
 * nodes at a break position and dropped outscored candidates (lb_break's demerits and
 * lines_hash): both changes only save time. */
static const struct {
	unsigned seed;
	double width;
	size_t nlines;
	int relaxed;
	double demerits;
	unsigned long hash;
} loose_settings[] = {
	{1, 120, 61, 1, 0x1.2cefb5c7ecb98p+31, 0xd5d31ccd14f50e6dul},
	{1, 200, 34, 1, 0x1.69849ebf490c9p+28, 0x8ccc39a1c44fd2c9ul},
	{1, 453, 15, 1, 0x1.15dd552c5681ep+19, 0xbcc5e07abdcc5839ul},
	{2, 120, 67, 1, 0x1.7ee288fa7a164p+31, 0xc4a9aa15d1a651a7ul},
	{2, 200, 38, 1, 0x1.106a5a5a4dcbcp+29, 0x3611fb8c905016dful},
	{2, 453, 17, 1, 0x1.402118db3d06ep+20, 0x61b6ca5ced82d94bul},
	{3, 120, 62, 1, 0x1.3923a3e6c2p+31, 0xa85d81cfdd881266ul},
	{3, 200, 35, 1, 0x1.b9095f8c846ccp+28, 0x105f84f38dd7ec39ul},
	{3, 453, 15, 1, 0x1.abd3c2516718ep+19, 0x248b695d57539a7ful},
	{4, 120, 67, 1, 0x1.85f2ed6c3c164p+31, 0x9d4ac96958bf8e21ul},
	{4, 200, 39, 1, 0x1.254faf95ab3ebp+29, 0x8882158fe98d03b3ul},
	{4, 453, 17, 1, 0x1.04c25396ff5a5p+22, 0x8aa72f82188fa6bul},
	{5, 120, 64, 1, 0x1.3d026feddf987p+31, 0x178938ba1ec95764ul},
	{5, 200, 37, 1, 0x1.640a320ea7a6cp+29, 0xb6c6273866d45118ul},
	{5, 453, 16, 1, 0x1.e646f242df066p+22, 0x490dac3fb8576a10ul},
	{6, 120, 62, 1, 0x1.5272e3dafe164p+31, 0x65c5d7f270ee655dul},
	{6, 200, 35, 1, 0x1.2d89d432a37ddp+28, 0xa19ccd9e20200a0ful},
	{6, 453, 16, 1, 0x1.5a29e96edfe0fp+19, 0xb55e63f613f5f831ul},
	{7, 120, 60, 1, 0x1.1fa454be068dap+31, 0xafdf09df7ba6162aul},
	{7, 200, 34, 1, 0x1.fcb3bf17c0797p+28, 0x67e2fcfe45be9c6eul},
	{7, 453, 15, 1, 0x1.f9e4d36832deap+18, 0xe4599a3f294ba11aul},
	{8, 120, 60, 1, 0x1.134696d3955ccp+31, 0x3773e4968c0206beul},
	{8, 200, 34, 1, 0x1.174f19f8328d1p+28, 0x6f960d30e2703314ul},
	{8, 453, 15, 1, 0x1.fbb26774279ffp+18, 0x764a90f95c44c554ul},
};

static void
test_loose_words_unchanged(void **state)
{
	static struct lb_item items[LOOSE_ITEMS];

	(void)state;
	for (size_t k = 0; k < sizeof loose_settings / sizeof loose_settings[0]; k++) {
		struct lb_params params;
		struct lb_result r;
		size_t n = loose_words(items, loose_settings[k].seed);

		lb_params_default(&params, loose_settings[k].width);
		assert_int_equal(lb_break(items, n, &params, &r), 0);
		assert_int_equal(r.nlines, loose_settings[k].nlines);
		assert_int_equal(r.relaxed, loose_settings[k].relaxed);
		assert_true(r.demerits == loose_settings[k].demerits);
		assert_int_equal(lines_hash(&r), loose_settings[k].hash);
		lb_result_free(&r);
	}
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_exact_fit),
	cmocka_unit_test(test_rounding_fits),
	cmocka_unit_test(test_ratio_and_badness),
	cmocka_unit_test(test_total_fit_beats_greedy),
	cmocka_unit_test(test_hyphen_break),
	cmocka_unit_test(test_nobreak),
	cmocka_unit_test(test_overlong_word),
	cmocka_unit_test(test_at_most_two_hyphens_in_a_row),
	cmocka_unit_test(test_relaxed_hyphen_limit),
	cmocka_unit_test(test_greedy_pays_for_excess_hyphens),
	cmocka_unit_test(test_encouraged_break),
	cmocka_unit_test(test_relaxable_break),
	cmocka_unit_test(test_relaxable_break_in_overfull_line),
	cmocka_unit_test(test_malformed_input),
	cmocka_unit_test(test_loose_words_unchanged),
};

TEST_MAIN(tests)
