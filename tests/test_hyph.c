/* Hyphenation: libhyphen through our filter gives exactly what the full pattern set
 * gives, and the rules around it (minima, one-letter segments, non-letters) hold. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "hyph.h"
#include "text.h"

#define HYPHEN_EN_US "hyphen/hyph_en_US.dic"
#define HYPHEN_EN_GB "hyphen/hyph_en_GB.dic"

/* "Ar-beits-markt" for the breaks hyph_word finds in word. */
static void
hyphenated(const struct hyph *h, const char *word, struct buf *out)
{
	unsigned char breaks[128];
	size_t n = hyph_word(h, word, strlen(word), breaks, sizeof breaks), k, i = 0;

	out->len = 0;
	buf_puts(out, "");
	for (size_t cp = 0; word[i]; cp++, i += k) {
		char enc[4];

		buf_append(out, enc, utf8_encode(utf8_decode(word + i, strlen(word + i), &k), enc));
		if (cp < n && breaks[cp])
			buf_puts(out, "-");
	}
}

/* All letter runs of both declarations, filtered load against the full one. */
static void
test_filter_is_exact(void **state)
{
	const char *files[] = {KREFELD, BERGISCH};
	struct buf text = {0}, a = {0}, b = {0};
	struct hyph *full, *filtered;
	size_t compared = 0, broken = 0;

	(void)state;
	for (size_t f = 0; f < 2; f++) {
		struct buf log = {0};
		struct diag d;
		struct decl *decl = parse_logged(files[f], &d, &log);

		assert_non_null(decl);
		decl_body_text(decl, &text);
		decl_free(decl);
		buf_free(&log);
	}
	/* The reference: every pattern (takes seconds). */
	full = hyph_load(HYPHEN_DIC, NULL, 0);
	filtered = hyph_load(HYPHEN_DIC, text.data, text.len);
	assert_non_null(full);
	assert_non_null(filtered);
	for (size_t i = 0; i < text.len;) {
		size_t e = i, k;
		struct buf word = {0};

		while (e < text.len) {
			uint32_t cp = utf8_decode(text.data + e, text.len - e, &k);

			if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			    (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)))
				break;
			e += k;
		}
		if (e == i) {
			utf8_decode(text.data + i, text.len - i, &k);
			i += k;
			continue;
		}
		buf_append(&word, text.data + i, e - i);
		hyphenated(full, word.data, &a);
		hyphenated(filtered, word.data, &b);
		assert_string_equal(a.data, b.data);
		compared++;
		broken += strchr(a.data, '-') != NULL;
		buf_free(&word);
		i = e;
	}
	assert_true(compared > 700);
	assert_true(broken > 350);
	hyph_free(full);
	hyph_free(filtered);
	buf_free(&text);
	buf_free(&a);
	buf_free(&b);
}

/* Each word with patterns filtered for it alone: the case where the filter has the
 * least to keep (a word start's lone dot, compound parts of the second level). */
static void
test_filter_single_words(void **state)
{
	static const char *const words[] = {"darum", "ihren", "Fachkräftebedarfs",
	    "Arbeitsmarktintegration", "sozialversicherungspflichtiger", "potenzialadäquaten",
	    "Willkommenskultur", "Berufsinformationszentrum", "Bewerbertagen", "Geflüchteten"};
	struct hyph *full = hyph_load(HYPHEN_DIC, NULL, 0);
	struct buf a = {0}, b = {0};

	(void)state;
	assert_non_null(full);
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		struct hyph *one = hyph_load(HYPHEN_DIC, words[i], strlen(words[i]));

		assert_non_null(one);
		hyphenated(full, words[i], &a);
		hyphenated(one, words[i], &b);
		assert_string_equal(a.data, b.data);
		hyph_free(one);
	}
	hyph_free(full);
	buf_free(&a);
	buf_free(&b);
}

/* The words of the declarations that Debian's hyph-de patterns break wrongly
 * (ar-beits-mark-tin-te-gra-ti-on), and others, as a German dictionary has them. */
static void
test_german_words(void **state)
{
	static const char *const words[][2] = {
		{"Arbeitsmarktintegration", "Ar-beits-markt-in-te-gra-ti-on"},
		{"sozialversicherungspflichtiger", "so-zi-al-ver-si-che-rungs-pflich-ti-ger"},
		{"potenzialadäquaten", "po-ten-zi-al-ad-äqua-ten"},
		{"Fachkräftebedarfs", "Fach-kräf-te-be-darfs"},
		{"Willkommenskultur", "Will-kom-mens-kul-tur"},
		{"Berufsinformationszentrum", "Be-rufs-in-for-ma-ti-ons-zen-trum"},
		{"Bleibeperspektiven", "Blei-be-per-spek-ti-ven"},
		{"Unterstützungsmöglichkeiten", "Un-ter-stüt-zungs-mög-lich-kei-ten"},
		/* Ambiguous (Stau-becken, Staub-ecken): better not broken at all. */
		{"Staubecken", "Staubecken"},
	};
	struct buf text = {0}, out = {0};
	struct hyph *h;

	(void)state;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		buf_puts(&text, words[i][0]);
		buf_puts(&text, " ");
	}
	h = hyph_load(HYPHEN_DIC, text.data, text.len);
	assert_non_null(h);
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		hyphenated(h, words[i][0], &out);
		assert_string_equal(out.data, words[i][1]);
	}
	hyph_free(h);
	buf_free(&text);
	buf_free(&out);
}

/* An exception replaces the patterns, whatever the case; a later one wins. */
static void
test_exceptions(void **state)
{
	const char *text = "Staubecken Jobcenter";
	struct hyph *h = hyph_load(HYPHEN_DIC, text, strlen(text));
	struct buf out = {0};

	(void)state;
	assert_non_null(h);
	assert_int_equal(hyph_add_exception(h, "Stau-be-cken"), 0);
	hyphenated(h, "Staubecken", &out);
	assert_string_equal(out.data, "Stau-be-cken");
	hyphenated(h, "STAUBECKEN", &out);
	assert_string_equal(out.data, "STAU-BE-CKEN");
	assert_int_equal(hyph_add_exception(h, "job-center"), 0);
	hyphenated(h, "Jobcenter", &out);
	assert_string_equal(out.data, "Job-center");
	/* Not words: rejected. */
	assert_int_equal(hyph_add_exception(h, "20-11"), -1);
	assert_int_equal(hyph_add_exception(h, "-ab"), -1);
	assert_int_equal(hyph_add_exception(h, "ab-"), -1);
	assert_int_equal(hyph_add_exception(h, "a--b"), -1);
	/* The project's reviewed list loads. */
	assert_true(hyph_load_exceptions(h, "hyphen/exceptions") >= 0);
	assert_int_equal(hyph_load_exceptions(h, "/nonexistent"), -1);
	hyph_free(h);
	buf_free(&out);
}

static void
test_rules(void **state)
{
	const char *text = "Oberberg abc 2023";
	struct hyph *h = hyph_load(HYPHEN_DIC, text, strlen(text));
	unsigned char breaks[128];

	(void)state;
	assert_non_null(h);
	/* Too short, digits, and words longer than the buffer are left alone. */
	assert_int_equal(hyph_word(h, "abc", 3, breaks, sizeof breaks), 0);
	assert_int_equal(hyph_word(h, "2023", 4, breaks, sizeof breaks), 0);
	assert_int_equal(hyph_word(h, "Oberberg", 8, breaks, 4), 0);
	hyph_free(h);
}

/* Whether hyph_load(path) filtered for text hyphenates each of its words (separated by
 * single spaces) as the full pattern set does. */
static void
assert_filter_exact(const char *path, const struct hyph *full, const char *text)
{
	struct hyph *filtered = hyph_load(path, text, strlen(text));
	struct buf a = {0}, b = {0}, word = {0};

	assert_non_null(filtered);
	for (const char *w = text, *e; *w; w = *e ? e + 1 : e) {
		e = strchr(w, ' ');
		if (e == NULL)
			e = w + strlen(w);
		word.len = 0;
		buf_append(&word, w, (size_t)(e - w));
		hyphenated(full, word.data, &a);
		hyphenated(filtered, word.data, &b);
		assert_string_equal(a.data, b.data);
	}
	hyph_free(filtered);
	buf_free(&a);
	buf_free(&b);
	buf_free(&word);
}

/* Words longer than the longest pattern (compounds of 41 to HYPH_WORD_MAX letters) are
 * filtered exactly; a longer word is never hyphenated, filtered or not. */
static void
test_filter_long_words(void **state)
{
	static const char *const parts[] = {"Arbeitsmarkt", "integrations", "beratungs",
	    "stellen", "koordinierungs", "ausschuss", "mitglieder", "versammlungs"};
	struct hyph *full = hyph_load(HYPHEN_DIC, NULL, 0);
	struct buf text = {0}, word = {0};
	unsigned char breaks[HYPH_WORD_MAX + 1];

	(void)state;
	assert_non_null(full);
	for (size_t i = 0; i < 40; i++) {
		word.len = 0;
		for (size_t k = 0; word.len < 41 + i * 2; k++)
			buf_puts(&word, parts[(i + k * 3) % 8]);
		buf_puts(&text, text.len ? " " : "");
		buf_append(&text, word.data, word.len < HYPH_WORD_MAX ? word.len : HYPH_WORD_MAX);
	}
	assert_filter_exact(HYPHEN_DIC, full, text.data);
	/* HYPH_WORD_MAX letters still break; one more, never. */
	word.len = 0;
	while (word.len < HYPH_WORD_MAX)
		buf_puts(&word, "Arbeitsmarkt");
	word.len = HYPH_WORD_MAX;
	buf_puts(&word, "");
	assert_int_equal(hyph_word(full, word.data, word.len, breaks, sizeof breaks),
	    HYPH_WORD_MAX);
	buf_puts(&word, "s");
	assert_int_equal(hyph_word(full, word.data, word.len, breaks, sizeof breaks), 0);
	hyph_free(full);
	buf_free(&text);
	buf_free(&word);
}

/* Pseudo-random words (a fixed linear congruential sequence) of len letters
 * separated by spaces, about size bytes in all. */
static char *
random_words(size_t size, size_t len, unsigned seed)
{
	char *t = malloc(size + 1);
	size_t i = 0;

	assert_non_null(t);
	while (i < size) {
		for (size_t k = 0; k < len && i < size; k++) {
			seed = seed * 1103515245u + 12345u;
			t[i++] = (char)('a' + (seed >> 16) % 26);
		}
		if (i < size)
			t[i++] = ' ';
	}
	t[size] = '\0';
	return t;
}

static double
cpu_seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
	return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Issue 8 item 4: a 4 MiB body of random 40-letter words took 25 s and 1.6 GB to
 * filter for (129-letter words: 60 s, 3.1 GB). Now well under a second each (the
 * bound here leaves room for sanitizers and a busy machine); and still exact. */
static void
test_filter_bounded(void **state)
{
	static const size_t lengths[] = {40, 129, 127, 8};
	struct hyph *full = hyph_load(HYPHEN_DIC, NULL, 0);

	(void)state;
	assert_non_null(full);
	for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
		char *text = random_words(4u << 20, lengths[i], (unsigned)i + 1);
		struct timespec start;
		struct hyph *h;
		double took;

		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
		h = hyph_load(HYPHEN_DIC, text, strlen(text));
		took = cpu_seconds_since(&start);
		assert_non_null(h);
		if (took > 5.0)
			fail_msg("filtering for 4 MiB of %zu-letter words took %.1f s",
			    lengths[i], took);
		hyph_free(h);
		/* Exact on a sample of those words. */
		text[(lengths[i] + 1) * 200 - 1] = '\0';
		assert_filter_exact(HYPHEN_DIC, full, text);
		free(text);
	}
	hyph_free(full);
}

/* Words made of syllables of both languages, filtered for all of them at once and for
 * each alone: the same breaks as the full sets of German and English patterns. */
static void
test_filter_generated(void **state)
{
	static const char *const syllables[] = {"ar", "beit", "in", "te", "gra", "tion",
	    "schaft", "ung", "ver", "ge", "flüch", "tet", "äu", "ßer", "hy", "phen", "dec",
	    "la", "ra", "or", "ga", "ni", "sa", "ti", "on", "st", "ck", "ch", "x", "q"};
	static const char *const files[] = {HYPHEN_DIC, HYPHEN_EN_US, HYPHEN_EN_GB};
	struct buf text = {0};
	unsigned seed = 7;

	(void)state;
	for (size_t w = 0; w < 2000; w++) {
		size_t n = 1 + w % 9;

		buf_puts(&text, w ? " " : "");
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_puts(&text, syllables[(seed >> 16) % (sizeof syllables /
			    sizeof *syllables)]);
		}
	}
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		struct hyph *full = hyph_load(files[f], NULL, 0);

		assert_non_null(full);
		assert_filter_exact(files[f], full, text.data);
		assert_filter_exact(files[f], full, "hyphenation");
		assert_filter_exact(files[f], full, "Geflüchteten");
		hyph_free(full);
	}
	buf_free(&text);
}

/* Debian's English patterns (UTF-8 files) through the same filter: US and British
 * breaks, at least three letters after a break as the files ask. */
static void
test_english_words(void **state)
{
	static const char *const words[][3] = {
		/* word, en (US), en-GB */
		{"hyphenation", "hy-phen-ation", "hy-phen-ation"},
		{"declaration", "dec-la-ra-tion", "de-clar-ation"},
		{"integration", "in-te-gra-tion", "in-teg-ra-tion"},
		{"organisation", "or-gan-isa-tion", "or-gan-isa-tion"},
		{"Declaration", "Dec-la-ra-tion", "De-clar-ation"},
	};
	struct buf text = {0}, out = {0};

	(void)state;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		buf_puts(&text, words[i][0]);
		buf_puts(&text, " ");
	}
	for (int gb = 0; gb < 2; gb++) {
		struct hyph *h = hyph_load(gb ? HYPHEN_EN_GB : HYPHEN_EN_US, text.data, text.len);

		assert_non_null(h);
		for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
			hyphenated(h, words[i][0], &out);
			assert_string_equal(out.data, words[i][1 + gb]);
		}
		/* No break leaves fewer than three letters at the end ("integra-ti-on"). */
		hyphenated(h, "nation", &out);
		assert_string_equal(out.data, "na-tion");
		hyph_free(h);
	}
	buf_free(&text);
	buf_free(&out);
}

/* German words keep German breaks: English patterns do not give them, and loading
 * English patterns for the same text does not change what the German ones give. */
static void
test_english_not_german(void **state)
{
	const char *text = "Arbeitsmarktintegration Willkommenskultur";
	struct hyph *en = hyph_load(HYPHEN_EN_US, text, strlen(text));
	struct hyph *de = hyph_load(HYPHEN_DIC, text, strlen(text));
	struct buf out = {0};

	(void)state;
	assert_non_null(en);
	assert_non_null(de);
	hyphenated(en, "Arbeitsmarktintegration", &out);
	assert_string_not_equal(out.data, "Ar-beits-markt-in-te-gra-ti-on");
	hyphenated(de, "Arbeitsmarktintegration", &out);
	assert_string_equal(out.data, "Ar-beits-markt-in-te-gra-ti-on");
	hyphenated(de, "Willkommenskultur", &out);
	assert_string_equal(out.data, "Will-kom-mens-kul-tur");
	hyph_free(en);
	hyph_free(de);
	buf_free(&out);
}

/* Exceptions work with English patterns as with German ones. */
static void
test_english_exceptions(void **state)
{
	const char *text = "project present";
	struct hyph *h = hyph_load(HYPHEN_EN_GB, text, strlen(text));
	struct buf out = {0};

	(void)state;
	assert_non_null(h);
	assert_int_equal(hyph_add_exception(h, "pro-ject"), 0);
	hyphenated(h, "Project", &out);
	assert_string_equal(out.data, "Pro-ject");
	assert_int_equal(hyph_add_exception(h, "pres-ent"), 0);
	hyphenated(h, "present", &out);
	assert_string_equal(out.data, "pres-ent");
	hyph_free(h);
	buf_free(&out);
}

/* Writes data to a new temporary file; returns its name (to unlink and free). */
static char *
temp_file(const char *data)
{
	char *name = xstrdup("/tmp/test_hyph-XXXXXX");
	int fd = mkstemp(name);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
	close(fd);
	return name;
}

/* A pattern file names its encoding on its first line: UTF-8 and ISO-8859-1 files with
 * the same patterns hyphenate alike, letters beyond ASCII included; a pattern with a
 * character outside ISO-8859-1 is left out, not misread. */
static void
test_pattern_encodings(void **state)
{
	char *utf8 = temp_file("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n"
	    "\xC3\xA4" "1b\nk1l\n\xEF\xAC\x81" "1m\n");
	char *latin = temp_file("ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n"
	    "\xE4" "1b\nk1l\n");
	const char *text = "Bäbkllo Mäbe";
	struct buf out = {0};

	(void)state;
	for (int full = 0; full < 2; full++)
		for (int f = 0; f < 2; f++) {
			struct hyph *h = hyph_load(f ? latin : utf8, full ? NULL : text,
			    full ? 0 : strlen(text));

			assert_non_null(h);
			hyphenated(h, "Bäbkllo", &out);
			assert_string_equal(out.data, "Bä-bk-llo");
			hyphenated(h, "Mäbe", &out);
			assert_string_equal(out.data, "Mä-be");
			hyph_free(h);
		}
	unlink(utf8);
	unlink(latin);
	free(utf8);
	free(latin);
	buf_free(&out);
}

static void
test_missing_file(void **state)
{
	(void)state;
	assert_null(hyph_load("/nonexistent/hyph.dic", "x", 1));
}

/* A German word list (wngerman), one word a line, as one text of words separated by
 * single spaces. */
#define WORD_LIST "/usr/share/dict/ngerman"

static char *
word_list(void)
{
	char *text;
	size_t len;

	assert_int_equal(read_file(WORD_LIST, 16u << 20, &text, &len), 0);
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			text[i] = ' ';
	while (len > 0 && text[len - 1] == ' ')
		text[--len] = '\0';
	return text;
}

/* Replaces each character of t that is no letter of ISO-8859-1 by spaces, so that its
 * words are separated by spaces (some by several). */
static void
blank_non_letters(struct buf *t)
{
	for (size_t i = 0, k; i < t->len; i += k) {
		uint32_t cp = utf8_decode(t->data + i, t->len - i, &k);

		if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)))
			memset(t->data + i, ' ', k);
	}
}

/* The proof that the index (hyph_index.h) selects exactly: every word of both
 * declarations, each declaration alone, and of a German word list of 356,000 words,
 * all at once and a sample one word at a time (where the index keeps the least),
 * hyphenates as the full pattern file does. hyph_de.dic has no comments and no two
 * patterns with one key, so the reference hands libhyphen the file as it is. */
static void
test_index_is_exact(void **state)
{
	const char *files[] = {KREFELD, BERGISCH};
	struct hyph *full = hyph_load(HYPHEN_DIC, NULL, 0);
	char *list = word_list();
	size_t words = 0;

	(void)state;
	assert_non_null(full);
	for (size_t f = 0; f < 2; f++) {
		struct buf text = {0}, log = {0};
		struct diag d;
		struct decl *decl = parse_logged(files[f], &d, &log);

		assert_non_null(decl);
		decl_body_text(decl, &text);
		blank_non_letters(&text);
		assert_filter_exact(HYPHEN_DIC, full, text.data);
		decl_free(decl);
		buf_free(&log);
		buf_free(&text);
	}
	assert_filter_exact(HYPHEN_DIC, full, list);
	for (char *w = list, *e; *w; w = *e ? e + 1 : e, words++) {
		e = w + strcspn(w, " ");
		if (words % 400 == 0) {
			char one[256] = "";

			memcpy(one, w, (size_t)(e - w) < sizeof one - 1 ? (size_t)(e - w) :
			    sizeof one - 1);
			assert_filter_exact(HYPHEN_DIC, full, one);
		}
	}
	assert_true(words > 300000);
	free(list);
	hyph_free(full);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_filter_is_exact),
	cmocka_unit_test(test_index_is_exact),
	cmocka_unit_test(test_filter_single_words),
	cmocka_unit_test(test_german_words),
	cmocka_unit_test(test_exceptions),
	cmocka_unit_test(test_rules),
	cmocka_unit_test(test_missing_file),
	cmocka_unit_test(test_filter_long_words),
	cmocka_unit_test(test_filter_bounded),
	cmocka_unit_test(test_filter_generated),
	cmocka_unit_test(test_english_words),
	cmocka_unit_test(test_english_not_german),
	cmocka_unit_test(test_english_exceptions),
	cmocka_unit_test(test_pattern_encodings),
};

TEST_MAIN(tests)
