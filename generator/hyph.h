/* Hyphenation through libhyphen, one pattern file per language. */
#ifndef DECLGEN_HYPH_H
#define DECLGEN_HYPH_H

#include <stddef.h>

#include "lang.h"

struct hyph;

/* The patterns for each language of one document: by[i] for row i of the language
 * table (lang.h), NULL where the document needs none or none could be loaded. */
struct hyph_set {
	struct hyph *by[LANG_MAX];
};

struct decl;
struct diag;

/* Hyphenation for each language decl uses (its own and every run's): the patterns of
 * the language table's row (lang.h) from datadir (Debian's if they are missing),
 * loaded for that language's text only; German rows also get the project's exceptions,
 * the declaration's own language its <hyphenation> words. A language without patterns
 * gets none, with a warning naming it. Never NULL. In hyph_set.c. */
struct hyph_set *hyph_set_new(const char *datadir, const struct decl *decl,
    struct diag *d);

/* Frees every entry and the set; s may be NULL. */
void hyph_set_free(struct hyph_set *s);

/* Loads the patterns of a libhyphen pattern file (ISO-8859-1 or UTF-8, as its first line
 * says) that can match in the words of text (UTF-8): libhyphen takes seconds to load
 * all 78,000 German patterns, and a pattern that is no substring of any word can never
 * apply. The result hyphenates every word of text as the whole file would. For a file
 * built in (a .dic file of hyphen/, recognised by its contents: hyph_index.h) the patterns are looked
 * up per substring of each distinct word; any other file is scanned. Time and memory
 * grow with the text's length times the longest pattern, and with the file.
 * With text NULL, loads every pattern. Returns NULL if the file cannot be read. */
struct hyph *hyph_load(const char *path, const char *text, size_t len);
void hyph_free(struct hyph *h);

/* Adds an exception: a word with "-" where it may break ("Stau-be-cken"), in UTF-8.
 * It replaces the patterns for that word, whatever its case. Returns 0, or -1 if the
 * word holds anything but letters of ISO-8859-1 and hyphens, or more than
 * HYPH_WORD_MAX letters. */
int hyph_add_exception(struct hyph *h, const char *word);

/* Adds the exceptions of a file, one word a line ("#" starts a comment). Returns the
 * number added, or -1 if the file cannot be read or a line is not a word. */
int hyph_load_exceptions(struct hyph *h, const char *path);

/* Least letters before and after a break, as TeX's \lefthyphenmin and \righthyphenmin
 * (more where the pattern file asks for more). */
#define HYPH_MIN_LEFT 2
#define HYPH_MIN_RIGHT 2

/* Most letters of a word hyph_word hyphenates: a longer word is never broken. */
#define HYPH_WORD_MAX 127

/* Finds where word (UTF-8, wlen bytes, letters only) may be hyphenated. On return,
 * breaks[i] is 1 if a hyphen may follow the i-th code point. Returns the number of
 * code points, or 0 if the word cannot be hyphenated (not all letters, too short,
 * longer than max - 1 or HYPH_WORD_MAX code points). */
size_t hyph_word(const struct hyph *h, const char *word, size_t wlen,
    unsigned char *breaks, size_t max);

#endif
