/* Hyphenation: libhyphen through our filter gives exactly what the full pattern set
 * gives, and the rules around it (minima, one-letter segments, non-letters) hold. */
#include "testutil.h"

#include <stdio.h>

#include "hyph.h"
#include "text.h"

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

static void
test_missing_file(void **state)
{
	(void)state;
	assert_null(hyph_load("/nonexistent/hyph.dic", "x", 1));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_filter_is_exact),
	cmocka_unit_test(test_filter_single_words),
	cmocka_unit_test(test_german_words),
	cmocka_unit_test(test_exceptions),
	cmocka_unit_test(test_rules),
	cmocka_unit_test(test_missing_file),
};

TEST_MAIN(tests)
