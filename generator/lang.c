/* The table of supported languages and what depends on it. */
#include "lang.h"

#include <string.h>
#include <strings.h>

#include "util.h"

#define GERMAN_FURNITURE \
	.version = "Fassung", .page = "Seite", .of = "von", .place_date = "Ort, Datum", \
	.date = "Datum", .place_sep = ", den ", .seal = "Siegel"
#define GERMAN_QUOTES {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9A", "\xE2\x80\x98"}
#define ENGLISH_FURNITURE \
	.version = "Version", .page = "Page", .of = "of", .place_date = "Place, date", \
	.date = "Date", .place_sep = ", ", .seal = "Seal", .months = { "January", \
	"February", "March", "April", "May", "June", "July", "August", "September", \
	"October", "November", "December" }

static const struct lang table[] = {
	{.tag = "de", .patterns = "hyphen/hyph_de.dic",
	    .system_patterns = "/usr/share/hyphen/hyph_de_DE.dic", .left_min = 2, .right_min = 2,
	    .quote = GERMAN_QUOTES, GERMAN_FURNITURE},
	{.tag = "de-AT", .patterns = "hyphen/hyph_de.dic",
	    .system_patterns = "/usr/share/hyphen/hyph_de_AT.dic", .left_min = 2, .right_min = 2,
	    .quote = GERMAN_QUOTES, GERMAN_FURNITURE},
	/* Swiss German: guillemets pointing outwards, and no ß. */
	{.tag = "de-CH", .patterns = "hyphen/hyph_de.dic",
	    .system_patterns = "/usr/share/hyphen/hyph_de_CH.dic", .left_min = 2, .right_min = 2,
	    .quote = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\xB9", "\xE2\x80\xBA"}, .no_sharp_s = 1,
	    GERMAN_FURNITURE},
	{.tag = "en", .patterns = "hyphen/hyph_en_US.dic",
	    .system_patterns = "/usr/share/hyphen/hyph_en_US.dic", .left_min = 2, .right_min = 3,
	    .quote = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"},
	    ENGLISH_FURNITURE, .month_first = 1},
	{.tag = "en-GB", .patterns = "hyphen/hyph_en_GB.dic",
	    .system_patterns = "/usr/share/hyphen/hyph_en_GB.dic", .left_min = 2, .right_min = 3,
	    .quote = {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"},
	    ENGLISH_FURNITURE},
};

/* The compiler checks the table against LANG_MAX. */
typedef char lang_table_fits[sizeof table / sizeof *table <= LANG_MAX ? 1 : -1];

int
lang_count(void)
{
	return (int)(sizeof table / sizeof *table);
}

const struct lang *
lang_get(int i)
{
	return &table[i];
}

int
lang_find(const char *tag)
{
	size_t primary = strcspn(tag, "-");

	for (int i = 0; i < lang_count(); i++)
		if (strcasecmp(tag, table[i].tag) == 0)
			return i;
	/* A region the table does not name is its language: "de-DE" is "de", "en-US"
	 * is "en" (BCP 47's lookup, one step). */
	for (int i = 0; tag[primary] == '-' && i < lang_count(); i++)
		if (strlen(table[i].tag) == primary && strncasecmp(tag, table[i].tag, primary) == 0)
			return i;
	return -1;
}

void
lang_list(struct buf *b)
{
	for (int i = 0; i < lang_count(); i++)
		buf_printf(b, "%s%s", i ? ", " : "", table[i].tag);
}

void
lang_format_date(const struct lang *l, int year, int month, int day, struct buf *b)
{
	if (l->months[0] == NULL || month < 1 || month > 12)
		buf_printf(b, "%02d.%02d.%04d", day, month, year);
	else if (l->month_first)
		buf_printf(b, "%s %d, %04d", l->months[month - 1], day, year);
	else
		buf_printf(b, "%d %s %04d", day, l->months[month - 1], year);
}
