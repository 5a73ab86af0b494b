/* The languages a declaration can be written in: one table row each (lang.c), holding
 * everything that differs between them: hyphenation patterns, quotation marks and the
 * words of the page furniture. A third language is a row and a pattern file. */
#ifndef DECLGEN_LANG_H
#define DECLGEN_LANG_H

#include <stddef.h>

struct buf;

/* Most rows the table may have: arrays indexed by language are this long. */
#define LANG_MAX 8

struct lang {
	const char *tag;		/* BCP 47, matched case-insensitively: "de-CH" */
	const char *patterns;		/* libhyphen pattern file in the data directory */
	const char *system_patterns;	/* Debian's, used when ours is missing */
	int left_min, right_min;	/* least letters before and after a hyphen */
	const char *quote[4];		/* outer open, outer close, inner open, inner close */
	int no_sharp_s;			/* ß is written "ss" (Swiss German) */
	/* Page furniture. */
	const char *version;		/* "Fassung" in "Kurztitel · Fassung 1.0" */
	const char *page;		/* "Seite" in "Seite 1 von 2" */
	const char *of;			/* "von" */
	const char *place_date;		/* caption under a blank for place and date */
	const char *date;		/* caption under a blank for the date alone */
	const char *place_sep;		/* between a known place and a blank date: ", den " */
	const char *seal;		/* caption of the room left for a seal */
	const char *months[12];		/* for a date written out; NULL: numeric DD.MM.YYYY */
	int month_first;		/* "January 22, 2024" rather than "22 January 2024" */
};

/* Row of the language tag names, case-insensitive; a tag whose region the table does
 * not have is its bare language ("de-DE" is "de"); -1 if the language is not there. */
int lang_find(const char *tag);

/* Row i of the table, 0 <= i < lang_count(). Row 0 is German. */
const struct lang *lang_get(int i);
int lang_count(void);

/* Appends "de, de-AT, de-CH, en, en-GB" (every tag) to b, for messages. */
void lang_list(struct buf *b);

/* Appends the date as the language writes it: "22.01.2024", "22 January 2024". */
void lang_format_date(const struct lang *l, int year, int month, int day, struct buf *b);

#endif
