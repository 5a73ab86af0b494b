/* Setting lines (layout_para.c): hyphenation per language, links, names, loose lines,
 * phrases wider than the line, all through set_text with a fake fixed-width font. */
#include "testutil.h"
#include "fake_font.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "hyph.h"
#include "lang.h"
#include "layout_int.h"
#include "typo.h"

#define PATH "lines.xml"
#define EN_DASH "\xE2\x80\x93"
#define NBSP "\xC2\xA0"
#define SHY "\xC2\xAD"


/* At 10 pt a character of the fake font is 5 pt wide. */
#define SIZE 10.0
/* Paragraphs the property test generates. */
#define PROPERTY_RUNS 5000u
#define CHAR_W 5.0

/* What set_text needs, and what it produced. */
struct bench {
	struct decl decl;
	struct layout_options opt;
	struct diag d;
	struct buf log;
	struct setter s;
	struct set_line *lines;
	size_t nlines;
};

static void
bench_init(struct bench *b, const struct hyph_set *h)
{
	memset(b, 0, sizeof *b);
	b->decl.path = PATH;
	b->opt.method = LB_TOTAL_FIT;
	b->d.log = &b->log;
	b->s.decl = &b->decl;
	b->s.m = &fake;
	b->s.h = h;
	b->s.opt = &b->opt;
	b->s.d = &b->d;
	b->s.out = xcalloc(1, sizeof *b->s.out);
}

/* Forgets what was set, keeping the messages. */
static void
bench_clear(struct bench *b)
{
	free(b->lines);
	b->lines = NULL;
	b->nlines = 0;
	b->s.nstaged = 0;
	layout_free(b->s.out);
	b->s.out = xcalloc(1, sizeof *b->s.out);
}

static void
bench_free(struct bench *b)
{
	bench_clear(b);
	layout_free(b->s.out);
	free(b->s.staged);
	buf_free(&b->log);
}

static struct para_style
style(enum align align, double width)
{
	struct para_style ps = {.base = FACE_REGULAR, .size = SIZE, .x = 100, .width = width,
	    .align = align, .hyphenate = 1};

	return ps;
}

static void
set(struct bench *b, const struct text *t, const struct para_style *ps)
{
	bench_clear(b);
	b->nlines = set_text(&b->s, t, ps, &b->lines);
}

/* One run of German text at source line 3, column 7. */
static void __attribute__((unused))
set_plain(struct bench *b, const char *str, const struct para_style *ps)
{
	struct run run = {.text = (char *)str};
	struct text t = {.runs = &run, .nruns = 1, .pos = {3, 7}};

	set(b, &t, ps);
}

/* The text as set: items of a line joined by " " where there is a gap, lines by "|". */
static void
lines_text(const struct bench *b, struct buf *out)
{
	const struct layout *l = b->s.out;

	out->len = 0;
	buf_puts(out, "");
	for (size_t k = 0; k < b->nlines; k++) {
		const struct lay_item *prev = NULL;

		if (k > 0)
			buf_puts(out, "|");
		for (size_t i = b->lines[k].first; i < b->lines[k].first + b->lines[k].count; i++) {
			const struct lay_item *it = &b->s.staged[i];

			if (it->kind != LAY_TEXT)
				continue;
			if (prev && it->x > prev->x2 + 0.01)
				buf_puts(out, " ");
			buf_append(out, l->text.data + it->off, it->len);
			prev = it;
		}
	}
}

/* No line reaches beyond the measure ps or is overfull. */
static void
assert_within(const struct bench *b, const struct para_style *ps)
{
	for (size_t k = 0; k < b->s.out->nlines; k++) {
		const struct lay_line *ln = &b->s.out->lines[k];

		assert_false(ln->overfull);
		assert_true(ln->left >= ps->x - 0.01);
		assert_true(ln->right <= ps->x + ps->width + 0.01);
	}
}

/* Patterns of German (row 0) and English (row of "en") for the words of text. */
static struct hyph_set *
patterns(const char *text)
{
	struct hyph_set *h = xcalloc(1, sizeof *h);
	int en = lang_find("en");

	h->by[0] = hyph_load(HYPHEN_DIC, text, strlen(text));
	assert_non_null(h->by[0]);
	h->by[en] = hyph_load(lang_get(en)->system_patterns, text, strlen(text));
	assert_non_null(h->by[en]);
	return h;
}

/* Every break the layout makes in word (of language lang) in a ragged measure, found
 * by setting it in every measure from 3 characters to its length: the word with "-"
 * where it broke, e.g. "Ab-tei-lung". A word follows it: the last word of a paragraph
 * breaks only before five letters or more. */
static void
breaks_of(const struct hyph_set *h, const char *word, int lang, struct buf *out)
{
	size_t n = strlen(word);
	char *seen = xcalloc(n + 1, 1);
	struct bench b;
	struct buf text = {0}, para = {0};

	bench_init(&b, h);
	buf_printf(&para, "%s x", word);
	for (size_t w = 3; w <= n + 1; w++) {
		struct para_style ps = style(ALIGN_LEFT, (double)w * CHAR_W);
		struct run run = {.text = para.data, .lang = lang};
		struct text t = {.runs = &run, .nruns = 1};
		size_t at = 0;

		b.d.warnings = 0;
		set(&b, &t, &ps);

		if (b.d.warnings)
			continue;	/* broken anywhere: no hyphenation point fits */
		lines_text(&b, &text);
		for (const char *p = text.data; *p; p++)
			if (*p == '|')
				seen[at] = 1;
			else if (*p != '-')
				at++;
	}
	out->len = 0;
	buf_puts(out, "");
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && seen[i])
			buf_puts(out, "-");
		buf_append(out, word + i, 1);
	}
	free(seen);
	buf_free(&text);
	buf_free(&para);
	bench_free(&b);
}

/* Where the text as set (lines_text of src) breaks: brk[i] is 1 after src[i] for a
 * break without a hyphen, 2 for one with an added hyphen; a break at a space is not
 * recorded. Fails if anything but breaks and hyphens differs. */
static void
map_breaks(const char *src, const char *out, unsigned char *brk)
{
	size_t i = 0, j = 0;

	memset(brk, 0, strlen(src));
	while (src[i] || out[j]) {
		if (out[j] == '|' && src[i] == ' ') {
			i++;
			j++;
		} else if (out[j] == '|') {
			assert_true(i > 0);
			brk[i - 1] = 1;
			j++;
		} else if (out[j] == '-' && src[i] != '-') {
			assert_true(i > 0 && out[j + 1] == '|');
			brk[i - 1] = 2;
			j += 2;
		} else {
			if (src[i] != out[j])
				fail_msg("set as \"%s\", from \"%s\"", out, src);
			i++;
			j++;
		}
	}
}

/* ----- hyphenation ----- */

/* Every word is hyphenated with the patterns of its own run's language. */
static void
test_hyphenation_follows_run_language(void **state)
{
	struct hyph_set *h = patterns("hyphenation Arbeitsmarkt");
	int en = lang_find("en");
	struct buf out = {0};

	(void)state;
	breaks_of(h, "hyphenation", 0, &out);
	assert_string_equal(out.data, "hy-phena-tion");
	breaks_of(h, "hyphenation", en, &out);
	assert_string_equal(out.data, "hy-phen-ation");
	breaks_of(h, "Arbeitsmarkt", 0, &out);
	assert_string_equal(out.data, "Ar-beits-markt");
	hyph_set_free(h);
	buf_free(&out);
}

/* set_string sets its text in the style's language. */
static void
test_string_in_style_language(void **state)
{
	struct hyph_set *h = patterns("hyphenation");
	struct para_style ps = style(ALIGN_LEFT, 9 * CHAR_W);
	struct bench b;
	struct buf text = {0};

	(void)state;
	bench_init(&b, h);
	ps.lang = lang_find("en");
	b.nlines = set_string(&b.s, "hyphenation", (struct pos){1, 1}, &ps, &b.lines);
	lines_text(&b, &text);
	assert_string_equal(text.data, "hyphen-|ation");
	ps.lang = 0;
	bench_clear(&b);
	b.nlines = set_string(&b.s, "hyphenation", (struct pos){1, 1}, &ps, &b.lines);
	lines_text(&b, &text);
	assert_string_equal(text.data, "hy-|phenation");
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&text);
}

/* Words of four letters or fewer are never broken ("ei-ne" was printed); five-letter
 * words may be. */
static void
test_short_words_never_broken(void **state)
{
	static const char *const whole[] = {"eine", "Eier", "Uhren", "oben"};
	struct hyph_set *h = patterns("eine Eier Uhren oben Ebene");
	struct buf out = {0};

	(void)state;
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
		breaks_of(h, whole[i], 0, &out);
		if (strcmp(whole[i], "Uhren") != 0)
			assert_string_equal(out.data, whole[i]);
	}
	breaks_of(h, "Uhren", 0, &out);
	assert_string_equal(out.data, "Uh-ren");
	breaks_of(h, "Ebene", 0, &out);
	assert_string_equal(out.data, "Ebe-ne");
	hyph_set_free(h);
	buf_free(&out);
}

/* Abbreviations of several parts are never parted, in any alignment ("e. V." ended a
 * line with "e." in a signature block); a full stop after a longer word still breaks. */
static void
test_abbreviations_kept_together(void **state)
{
	const char *text = "Förderverein der Handelskammer e. V., z. B. Kurse, u. a. Messen; "
	    "Abs. 2 und Nr. 3";
	struct hyph_set *h = patterns(text);
	struct buf out = {0};
	struct bench b;
	int abs_parted = 0;

	(void)state;
	bench_init(&b, h);
	for (int align = ALIGN_JUSTIFY; align <= ALIGN_LEFT; align++)
		for (int width = 8; width <= 60; width++) {
			struct para_style ps = style((enum align)align, width * CHAR_W);

			b.nlines = 0;
			bench_clear(&b);
			b.nlines = set_string(&b.s, text, (struct pos){1, 1}, &ps, &b.lines);
			assert_within(&b, &ps);
			lines_text(&b, &out);
			if (strstr(out.data, "e.|") || strstr(out.data, "z.|") ||
			    strstr(out.data, "u.|"))
				fail_msg("width %d: an abbreviation parted: %s", width, out.data);
			abs_parted += strstr(out.data, "Abs.|") != NULL;
		}
	assert_true(abs_parted > 0);
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&out);
}

/* The worst stretch of a justified line of what b set. */
static double
worst_ratio(const struct bench *b)
{
	double worst = 0;

	for (size_t k = 0; k < b->s.out->nlines; k++)
		if (b->s.out->lines[k].justified && b->s.out->lines[k].ratio > worst)
			worst = b->s.out->lines[k].ratio;
	return worst;
}

/* A break that leaves two letters on a side ("Ab-", "-de") costs more than others: it
 * is taken only where not taking it leaves a loose line. Sliding the word along lines
 * of acronyms (never hyphenated), whenever it breaks as "Ab-", the same paragraph
 * without that break point (a soft hyphen allows only "Abtei-lung") has a line
 * stretched beyond 1.0. */
static void
test_two_letter_breaks_cost_more(void **state)
{
	static const char *const fill[] = {"AAAAAAA ", "BBB ", "CCCCCCCCC ", "DDDDD ", "EE "};
	struct hyph_set *h = patterns("Abteilung kommt heute morgen zum Ende");
	struct buf text = {0}, para = {0}, alt = {0};
	struct bench b;
	int taken = 0;

	(void)state;
	bench_init(&b, h);
	for (int width = 30; width <= 46; width += 4)
		for (int k = 0; k < 40; k++) {
			struct para_style ps = style(ALIGN_JUSTIFY, width * CHAR_W);
			double loose;

			para.len = alt.len = 0;
			buf_puts(&para, "");
			for (int i = 0; i < k; i++)
				buf_puts(&para, fill[(i * 7 + k) % 5]);
			buf_puts(&alt, para.data);
			buf_puts(&para, "Abteilung kommt heute morgen zum Ende.");
			buf_puts(&alt, "Abtei" SHY "lung kommt heute morgen zum Ende.");
			set_plain(&b, alt.data, &ps);
			loose = worst_ratio(&b);
			set_plain(&b, para.data, &ps);
			lines_text(&b, &text);
			if (strstr(text.data, "Ab-|") == NULL)
				continue;
			if (loose <= 1.0)
				fail_msg("width %d, k %d: \"Ab-\" where the alternative stretches only "
				    "%.2f: %s", width, k, loose, text.data);
			taken++;
		}
	/* It is taken where it must be. */
	assert_true(taken > 0);
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&text);
	buf_free(&para);
	buf_free(&alt);
}

/* ----- links ----- */

#define WEB "https://www.arbeitsagentur.de/bildung/ausbildungsplatzsuche"
#define MAIL "poststelle@kreis-viersen.de"

/* Whether a break after src[i], inside an address, is one it may have: after "/", "."
 * or "-" (not inside "//") or before "@". */
static int
link_break_ok(const char *src, size_t i)
{
	return strchr("/.-", src[i]) && !strchr("/.-", src[i + 1]) && src[i + 1] != '@';
}

/* An address is never hyphenated: it breaks only after "/", "." or "-", never at "@",
 * with no hyphen added; every piece of it links to its target, and nothing else does. */
static void
test_links(void **state)
{
	const char *web_uri = WEB, *mail_uri = "mailto:" MAIL;
	struct run runs[] = {
		{.text = "Mehr unter "},
		{.text = WEB, .style = RUN_LINK, .uri = (char *)web_uri},
		{.text = " oder per Mail an "},
		{.text = MAIL, .style = RUN_LINK, .uri = (char *)mail_uri},
		{.text = " bis Freitag."},
	};
	struct text t = {.runs = runs, .nruns = 5};
	struct hyph_set *h = patterns("Mehr unter https www arbeitsagentur de bildung "
	    "ausbildungsplatzsuche oder per Mail an poststelle kreis viersen bis Freitag");
	const char *src = "Mehr unter " WEB " oder per Mail an " MAIL " bis Freitag.";
	size_t web = strlen("Mehr unter "), mail = strstr(src, MAIL) - src;
	unsigned char *brk = xmalloc(strlen(src));
	struct buf text = {0};
	struct bench b;
	int inside = 0;

	(void)state;
	bench_init(&b, h);
	for (int align = ALIGN_JUSTIFY; align <= ALIGN_LEFT; align++)
		/* From the longest part between break points, "ausbildungsplatzsuche". */
		for (int width = 22; width <= 70; width++) {
			struct para_style ps = style((enum align)align, width * CHAR_W);
			int linked[2] = {0, 0};

			set(&b, &t, &ps);
			assert_within(&b, &ps);
			lines_text(&b, &text);
			map_breaks(src, text.data, brk);
			for (size_t i = 0; i < strlen(src); i++) {
				int in_web = i >= web && i < web + strlen(WEB);
				int in_mail = i >= mail && i < mail + strlen(MAIL);

				if (!brk[i] || !(in_web || in_mail) || i + 1 == web + strlen(WEB) ||
				    i + 1 == mail + strlen(MAIL))
					continue;
				if (brk[i] == 2 || !link_break_ok(src, i))
					fail_msg("width %d: the address broken badly: %s", width, text.data);
				inside++;
			}
			/* Every text item of an address links to it; no other does. */
			for (size_t i = 0; i < b.s.nstaged; i++) {
				const struct lay_item *it = &b.s.staged[i];
				char *piece = xstrndup(b.s.out->text.data + it->off, it->len);

				if (it->uri == web_uri)
					assert_non_null(strstr(WEB, piece));
				else if (it->uri == mail_uri)
					assert_non_null(strstr(MAIL, piece));
				else
					assert_true(it->uri == NULL && !strchr(piece, '/') && !strchr(piece, '@'));
				linked[0] |= it->uri == web_uri;
				linked[1] |= it->uri == mail_uri;
				free(piece);
			}
			assert_true(linked[0] && linked[1]);
		}
	assert_true(inside > 0);
	free(brk);
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&text);
}

/* ----- names ----- */

/* A person's name is never hyphenated, and its particles and titles stay with the
 * word after them where the measure holds them all (the longest such group is "von der
 * Mustermannsburg", 23 characters); where it does not, the name still breaks there
 * rather than run past the margin. */
static void
test_names(void **state)
{
	static const char *const binding[] = {"Prof.", "Dr.", "h.c.", "von", "der", "zu",
	    "Dipl.-Ing."};
	const char *name = "Prof. Dr. h.c. Hans-Jürgen Freiherr von der Mustermannsburg "
	    "zu Weilerbach Dipl.-Ing. Erika Gräfin Schulenburg";
	struct hyph_set *h = patterns(name);
	unsigned char *brk = xmalloc(strlen(name));
	struct buf text = {0};
	struct bench b;
	int parted = 0;

	(void)state;
	bench_init(&b, h);
	for (int width = 6; width <= 50; width++) {
		struct para_style ps = style(ALIGN_LEFT, width * CHAR_W);

		ps.name = 1;
		b.nlines = 0;
		bench_clear(&b);
		b.nlines = set_string(&b.s, name, (struct pos){2, 3}, &ps, &b.lines);
		assert_within(&b, &ps);
		lines_text(&b, &text);
		map_breaks(name, text.data, brk);
		for (size_t i = 0; i < strlen(name); i++)
			assert_int_not_equal(brk[i], 2);	/* no hyphen added */
		for (size_t i = 0; i < sizeof binding / sizeof *binding; i++) {
			struct buf end = {0};
			const char *at;

			buf_printf(&end, " %s|", binding[i]);
			at = strstr(text.data, end.data);
			if (at == NULL && strncmp(text.data, end.data + 1, end.len - 1) == 0)
				at = text.data;
			if (at != NULL && width >= 23)
				fail_msg("width %d: \"%s\" parted: %s", width, binding[i], text.data);
			parted += at != NULL;
			buf_free(&end);
		}
	}
	assert_true(parted > 0);
	free(brk);
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&text);
}

/* ----- phrases wider than the line ----- */

static int
occurrences(const char *s, const char *what)
{
	int n = 0;

	for (const char *at = strstr(s, what); at; at = strstr(at + 1, what))
		n++;
	return n;
}

/* A phrase that must not break but is wider than the line is broken at its spaces,
 * with a warning that quotes it beyond its first word; no line passes the margin. */
static void
test_wide_phrases_broken(void **state)
{
	static const struct {
		const char *before, *phrase, *after, *quoted;
		unsigned style;
		enum align align;
		const char *said;
	} cases[] = {
		{"Wir danken ", "Herrn Bundesminister für Arbeit und Soziales Hubertus Heil",
		    " sehr.", "\"Herrn Bundesminister für Arbeit und Sozi", RUN_NOBREAK, ALIGN_JUSTIFY,
		    "must not break"},
		{"Am ", "Montag," NBSP "dem" NBSP "20." NBSP "November" NBSP "2024" NBSP "um" NBSP
		    "zehn" NBSP "Uhr" NBSP "morgens", " beginnt es.", "\"Montag, dem 20. November",
		    0, ALIGN_JUSTIFY, "must not break"},
		{"", "Gemeinsame Erklärung zur Integration von Geflüchteten", "",
		    "\"Gemeinsame Erklärung zur Integration", RUN_NOBREAK | RUN_STRONG, ALIGN_LEFT,
		    "must not break"},
		{"", "Ende " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " "
		    EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH " " EN_DASH,
		    "", "\"Ende " EN_DASH " " EN_DASH, 0, ALIGN_JUSTIFY, "must not break"},
		/* One word, broken anywhere. */
		{"", "---------------------------------------------", "", "\"-----", 0,
		    ALIGN_CENTER, "is wider than the line"},
	};
	struct bench b;

	(void)state;
	bench_init(&b, NULL);
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		struct run runs[] = {{.text = (char *)cases[c].before},
		    {.text = (char *)cases[c].phrase, .style = cases[c].style},
		    {.text = (char *)cases[c].after}};
		struct text t = {.runs = runs, .nruns = 3, .pos = {5, 9}};
		struct para_style ps = style(cases[c].align, 20 * CHAR_W);
		struct buf want = {0};

		b.log.len = 0;
		b.d.warnings = 0;
		set(&b, &t, &ps);
		assert_within(&b, &ps);
		assert_true(b.nlines > 1);
		buf_printf(&want, PATH ":5:9: warning: %s", cases[c].quoted);
		if (!log_has(&b.log, want.data))
			fail_msg("case %zu: %s", c, b.log.data ? b.log.data : "no warning");
		/* Once (its lines may be loose, which is said too); never "does not fit". */
		assert_int_equal(occurrences(b.log.data, cases[c].said), 1);
		assert_null(strstr(b.log.data, "does not fit"));
		buf_free(&want);
	}
	bench_free(&b);
}

/* ----- loose lines ----- */

/* A justified line stretched beyond the tolerance is a warning with the file, the
 * text's line and the line's words, as TeX's "Underfull \hbox"; the line records its
 * source position, and the statistics name it as the worst. A 30-digit number (never
 * hyphenated) in a 32-character measure leaves "ab cd" alone on the first line, and
 * itself alone on the next, two characters short of the margin with nothing to
 * stretch. A number that fills its line exactly is no loose line. */
static void
test_loose_line_warns(void **state)
{
	struct para_style ps = style(ALIGN_JUSTIFY, 32 * CHAR_W);
	struct layout_stats st;
	struct bench b;

	(void)state;
	bench_init(&b, NULL);
	set_plain(&b, "ab cd 123456789012345678901234567890 ef gh ij kl mn op qr st uv wx yz "
	    "ab cd ef gh ij kl mn op qr.", &ps);
	assert_true(log_has(&b.log, PATH ":3:7: warning: loose line"));
	assert_non_null(strstr(b.log.data, ": \"ab cd\";"));
	/* (The number of points follows the locale.) */
	assert_non_null(strstr(b.log.data, "loose line (a single word, "));
	assert_non_null(strstr(b.log.data, " pt short of the margin): "
	    "\"123456789012345678901234567890\""));
	assert_int_equal(b.d.warnings, 2);
	assert_int_equal(b.s.out->lines[0].pos.line, 3);
	assert_int_equal(b.s.out->lines[0].pos.col, 7);
	layout_get_stats(b.s.out, &st);
	assert_int_equal(st.worst_line, 1);
	assert_true(st.worst_ratio > 1.26);
	b.log.len = 0;
	b.d.warnings = 0;
	set_plain(&b, "12345678901234567890123456789012 ab cd ef gh ij kl mn op qr st uv wx yz "
	    "ab cd ef gh ij kl mn op qr.", &ps);
	assert_int_equal(b.d.warnings, 0);
	/* Set well, the same words raise no warning. */
	b.log.len = 0;
	b.d.warnings = 0;
	set_plain(&b, "ab cd 12345 67890 12345 67890 12345 67890 ef gh ij kl mn op qr st uv wx "
	    "yz ab cd ef gh ij kl mn op qr.", &ps);
	assert_int_equal(b.d.warnings, 0);
	layout_get_stats(b.s.out, &st);
	assert_true(st.worst_ratio <= 1.26);
	assert_true(st.worst_line == 0 || b.s.out->lines[st.worst_line - 1].ratio == st.worst_ratio);
	bench_free(&b);
}

/* ----- property: no line beyond the measure ----- */

/* A font of varied widths: 300 to 999/1000 em by code point. */
static int
varied_advance(void *ctx, enum face face, uint32_t cp)
{
	(void)ctx;
	return 300 + (int)((cp * 37 + (uint32_t)face * 101) % 700);
}

static const struct metrics varied = {varied_advance, fake_kern, NULL, "Varied"};

/* xorshift32: the generator's whole state is in the caller's variable. */
static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static const char *const vocabulary[] = {
	"Die", "Partner", "der", "Erklärung", "verpflichten", "sich,", "Geflüchteten",
	"den", "Zugang", "zum", "Arbeitsmarkt", "zu", "erleichtern.", "Ausbildungsplatzsuche",
	"Arbeitsmarktintegrationsmaßnahmen", "Win-Win-Situation", "IHK", "20.", "2024",
	"Dipl.-Ing.", "z.B.", EN_DASH, "\xE2\x80\x94", "-", "----------", "eine", "Ebene",
	"Jobcenter", "Rhein-Kreis", "Neuss", "„Wir", "schaffen", "das“", "hyphenation",
	"cooperation", "employment", "partnership", "Kooperationsvereinbarung",
	"Donaudampfschifffahrtsgesellschaftskapitänsmütze", "0800123456789012345",
};

static const char *const addresses[] = {
	"https://www.arbeitsagentur.de/bildung/ausbildungsplatzsuche/suchergebnisse",
	"poststelle@kreis-viersen.de", "www.ihk-krefeld.de",
};

/* Appends one random word to b: from the vocabulary, sometimes with soft hyphens,
 * sometimes a long string of letters. */
static void
random_word(uint32_t *rng, struct buf *b)
{
	uint32_t r = next_random(rng) % 100;

	if (r < 5) {
		size_t n = 20 + next_random(rng) % 120;

		for (size_t i = 0; i < n; i++) {
			buf_append(b, &"abcdefghijklmnopqrstuvwxyz"[next_random(rng) % 26], 1);
			if (next_random(rng) % 30 == 0)
				buf_puts(b, SHY);
		}
		return;
	}
	buf_puts(b, vocabulary[next_random(rng) % (sizeof vocabulary / sizeof *vocabulary)]);
}

/* A random text of up to 8 runs in random styles and languages, its words joined by
 * spaces or no-break spaces. The runs' strings are kept in texts. */
static void
random_text(uint32_t *rng, struct run *runs, struct buf *texts, struct text *t)
{
	t->nruns = 1 + next_random(rng) % 8;
	for (size_t i = 0; i < t->nruns; i++) {
		size_t words = 1 + next_random(rng) % 12;
		uint32_t r = next_random(rng) % 100;

		texts[i].len = 0;
		memset(&runs[i], 0, sizeof runs[i]);
		runs[i].style = (r < 15 ? RUN_NOBREAK : 0) | (r % 7 == 0 ? RUN_EM : 0) |
		    (r % 5 == 0 ? RUN_STRONG : 0);
		runs[i].lang = next_random(rng) % 4 == 0 ? lang_find("en") : 0;
		if (r >= 90) {
			runs[i].style = RUN_LINK;
			runs[i].uri = (char *)addresses[r % 3];
			buf_puts(&texts[i], addresses[r % 3]);
		} else
			for (size_t w = 0; w < words; w++) {
				if (w > 0 || i > 0)
					buf_puts(&texts[i], next_random(rng) % 10 == 0 ? NBSP : " ");
				random_word(rng, &texts[i]);
			}
		runs[i].text = texts[i].data;
	}
}

/* Over thousands of random paragraphs (nobreak runs, no-break spaces, dashes, long
 * words, addresses, names, every alignment, measures from a third of the text width
 * to all of it), no line is overfull or reaches beyond its measure. A failing seed is
 * printed, to be replayed. */
static void
test_no_line_beyond_the_measure(void **state)
{
	struct buf vocab = {0}, texts[8] = {{0}};
	struct run runs[8];
	struct hyph_set *h;
	struct bench b;

	(void)state;
	for (size_t i = 0; i < sizeof vocabulary / sizeof *vocabulary; i++)
		buf_printf(&vocab, "%s ", vocabulary[i]);
	h = patterns(vocab.data);
	bench_init(&b, h);
	b.s.m = &varied;
	for (uint32_t seed = 1; seed <= PROPERTY_RUNS; seed++) {
		uint32_t rng = seed * 2654435761u;
		struct text t = {.runs = runs};
		struct para_style ps = style((enum align)(next_random(&rng) % 4),
		    140 + next_random(&rng) % 320);

		ps.size = 8 + next_random(&rng) % 7;
		b.opt.method = next_random(&rng) % 3 == 0 ? LB_GREEDY : LB_TOTAL_FIT;
		ps.name = next_random(&rng) % 10 == 0;
		ps.hyphenate = next_random(&rng) % 5 != 0;
		random_text(&rng, runs, texts, &t);
		set(&b, &t, &ps);
		for (size_t k = 0; k < b.s.out->nlines; k++) {
			const struct lay_line *ln = &b.s.out->lines[k];

			if (ln->overfull || ln->left < ps.x - 0.01 || ln->right > ps.x + ps.width + 0.01)
				fail_msg("seed %u: line %zu from %.2f to %.2f, measure %.2f to %.2f",
				    seed, k, ln->left, ln->right, ps.x, ps.x + ps.width);
		}
		for (size_t i = 0; i < b.s.nstaged; i++)
			if (b.s.staged[i].x2 > ps.x + ps.width + 0.01)
				fail_msg("seed %u: an item ends at %.2f", seed, b.s.staged[i].x2);
		b.log.len = 0;
		b.d.printed = 0;
	}
	bench_free(&b);
	hyph_set_free(h);
	buf_free(&vocab);
	for (size_t i = 0; i < 8; i++)
		buf_free(&texts[i]);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_hyphenation_follows_run_language),
	cmocka_unit_test(test_string_in_style_language),
	cmocka_unit_test(test_short_words_never_broken),
	cmocka_unit_test(test_two_letter_breaks_cost_more),
	cmocka_unit_test(test_links),
	cmocka_unit_test(test_names),
	cmocka_unit_test(test_abbreviations_kept_together),
	cmocka_unit_test(test_wide_phrases_broken),
	cmocka_unit_test(test_loose_line_warns),
	cmocka_unit_test(test_no_line_beyond_the_measure),
};

TEST_MAIN(tests)
