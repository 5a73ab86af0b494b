/* German hyphenation through libhyphen. */
#ifndef DECLGEN_HYPH_H
#define DECLGEN_HYPH_H

#include <stddef.h>

struct hyph;

/* Loads the patterns of a libhyphen pattern file (ISO-8859-1 encoded) that can match in
 * the words of text (UTF-8): libhyphen takes seconds to load all 78,000 German
 * patterns, and a pattern that is no substring of any word can never apply. With text
 * NULL, loads every pattern. Returns NULL if the file cannot be read. */
struct hyph *hyph_load(const char *path, const char *text, size_t len);
void hyph_free(struct hyph *h);

/* Least letters before and after a break, as TeX's \lefthyphenmin and \righthyphenmin. */
#define HYPH_MIN_LEFT 2
#define HYPH_MIN_RIGHT 2

/* Finds where word (UTF-8, wlen bytes, letters only) may be hyphenated. On return,
 * breaks[i] is 1 if a hyphen may follow the i-th code point. Returns the number of
 * code points, or 0 if the word cannot be hyphenated (not all letters, too short,
 * longer than max code points). */
size_t hyph_word(const struct hyph *h, const char *word, size_t wlen,
    unsigned char *breaks, size_t max);

#endif
