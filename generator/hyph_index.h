/* A pattern file's index, compiled at build time (tools/hyph_index.c) into
 * build/gen/hyph_index.inc and linked in (hyph_index.c): every state of libhyphen's
 * machine, that is every prefix of a pattern's letters and dots, with the one line that
 * gives libhyphen that state as the whole file does. hyph_load looks up the substrings of
 * a document's words instead of scanning all patterns. */
#ifndef DECLGEN_HYPH_INDEX_H
#define DECLGEN_HYPH_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct hyph_index {
	const char *raw;	/* the pattern file as installed, to recognise it by */
	size_t rawlen;
	/* The encoding line ("ISO8859-1") and the directives, as libhyphen reads them. */
	const char *head;
	/* Entry i: its key (a state: letters and dots, ISO-8859-1) is keys[key[i],
	 * key[i + 1]); its line, newline included, is lines[line[i], line[i + 1]): the
	 * last pattern with exactly those letters and dots; where no pattern has them,
	 * empty, or in a file where libhyphen needs such states, the bare key, which makes
	 * the state and hyphenates nothing (tools/hyph_index.c, prefixes_closed). */
	const char *keys;
	const uint32_t *key;
	const char *lines;
	const uint32_t *line;
	uint32_t nentries;
	/* Open addressing on hyph_index_hash(key) & mask: entry + 1, or 0 where empty. */
	const uint32_t *slots;
	uint32_t mask;
};

/* The indexes built in, and how many. */
extern const struct hyph_index *const hyph_indexes[];
extern const size_t hyph_nindexes;

/* FNV-1a, 32 bits, one byte at a time (the build tool and the lookup agree on it). */
#define HYPH_INDEX_BASIS 0x811c9dc5u

static inline uint32_t
hyph_index_step(uint32_t h, char c)
{
	return (h ^ (unsigned char)c) * 0x01000193u;
}

/* The entry whose key is s (len bytes, hashed to h), or -1. */
static inline long
hyph_index_find(const struct hyph_index *x, uint32_t h, const char *s, size_t len)
{
	for (uint32_t i = h & x->mask; x->slots[i]; i = (i + 1) & x->mask) {
		uint32_t e = x->slots[i] - 1;

		if (x->key[e + 1] - x->key[e] == len && memcmp(x->keys + x->key[e], s, len) == 0)
			return (long)e;
	}
	return -1;
}

#endif
