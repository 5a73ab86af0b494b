/* German hyphenation through libhyphen. */
#ifndef DECLGEN_HYPH_H
#define DECLGEN_HYPH_H

#include <stddef.h>

struct hyph;

/* Loads a libhyphen pattern file (ISO-8859-1 encoded); NULL if it cannot be read. */
struct hyph *hyph_load(const char *path);
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
