/* The language table: tags found as BCP 47 lookup finds them, dates as each language
 * writes them. */
#include "testutil.h"

#include "lang.h"

static const char *
tag_of(const char *tag)
{
	int i = lang_find(tag);

	return i < 0 ? "(none)" : lang_get(i)->tag;
}

static void
test_find(void **state)
{
	(void)state;
	assert_string_equal(tag_of("de"), "de");
	assert_string_equal(tag_of("DE"), "de");
	assert_string_equal(tag_of("de-CH"), "de-CH");
	assert_string_equal(tag_of("de-ch"), "de-CH");
	assert_string_equal(tag_of("de-AT"), "de-AT");
	assert_string_equal(tag_of("de-DE"), "de");
	assert_string_equal(tag_of("de-LI"), "de");
	assert_string_equal(tag_of("en-US"), "en");
	assert_string_equal(tag_of("en-GB"), "en-GB");
	assert_string_equal(tag_of("en-AU"), "en");
	assert_string_equal(tag_of("fr"), "(none)");
	assert_string_equal(tag_of("fr-CH"), "(none)");
	assert_string_equal(tag_of("d"), "(none)");
	assert_string_equal(tag_of("deu"), "(none)");
	assert_string_equal(tag_of(""), "(none)");
}

static void
test_dates(void **state)
{
	struct buf b = {0};

	(void)state;
	lang_format_date(lang_get(lang_find("de")), 2024, 1, 22, &b);
	assert_string_equal(b.data, "22.01.2024");
	b.len = 0;
	lang_format_date(lang_get(lang_find("en-GB")), 2024, 1, 22, &b);
	assert_string_equal(b.data, "22 January 2024");
	b.len = 0;
	lang_format_date(lang_get(lang_find("en")), 2024, 9, 5, &b);
	assert_string_equal(b.data, "September 5, 2024");
	buf_free(&b);
}

static void
test_list(void **state)
{
	struct buf b = {0};

	(void)state;
	lang_list(&b);
	assert_string_equal(b.data, "de, de-AT, de-CH, en, en-GB");
	buf_free(&b);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_find),
	cmocka_unit_test(test_dates),
	cmocka_unit_test(test_list),
};

TEST_MAIN(tests)
