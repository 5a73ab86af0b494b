/* Hyphenation: libhyphen over only the patterns a document can use, and exceptions. */
#include "hyph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "hyph_index.h"
#include "text.h"
#include "util.h"

/* Largest pattern file read, in bytes. */
#define MAX_PATTERN_FILE (16u * 1024u * 1024u)

/* A word whose breaks are given, not computed. */
struct exception {
	char *word;		/* lowercase ISO-8859-1, without hyphens */
	unsigned char *breaks;	/* breaks[i]: a hyphen may follow letter i */
};

struct hyph {
	HyphenDict *dict;
	struct exception *exceptions;
	size_t nexceptions, capexceptions;
};

/* Lowercase ISO-8859-1 letter for cp, or 0 if cp is not a letter of that set. */
static unsigned char
latin1_lower(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return (unsigned char)cp;
	if (cp >= 'A' && cp <= 'Z')
		return (unsigned char)(cp + 32);
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return (unsigned char)cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return (unsigned char)(cp + 32);
	return 0;
}

/* A set of strings, kept as 64-bit hashes: a collision only keeps a pattern more. */
struct hashset {
	uint64_t *slots;	/* 0 = empty */
	size_t mask;
	size_t count;
};

/* FNV-1a, built up a byte at a time; 0 marks an empty slot, so it is never a hash. */
#define FNV_BASIS 0xcbf29ce484222325u

static uint64_t
fnv_step(uint64_t h, char c)
{
	return (h ^ (unsigned char)c) * 0x100000001b3u;
}

static uint64_t
fnv_done(uint64_t h)
{
	return h ? h : 1;
}

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = FNV_BASIS;

	for (size_t i = 0; i < len; i++)
		h = fnv_step(h, s[i]);
	return fnv_done(h);
}

static int
set_has(const struct hashset *set, uint64_t h)
{
	for (size_t i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
		if (set->slots[i] == h)
			return 1;
	return 0;
}

static void
set_add(struct hashset *set, uint64_t h)
{
	size_t i;

	if ((set->count + 1) * 2 > set->mask + 1) {
		struct hashset big = {xcalloc((set->mask + 1) * 2, sizeof *big.slots),
		    (set->mask + 1) * 2 - 1, 0};

		for (size_t k = 0; k <= set->mask; k++)
			if (set->slots[k])
				set_add(&big, set->slots[k]);
		free(set->slots);
		*set = big;
	}
	for (i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
		if (set->slots[i] == h)
			return;
	set->slots[i] = h;
	set->count++;
}

/* libhyphen reads a pattern up to the first blank or control character, and a "/"
 * starts a replacement. */
static int
pattern_end(char c)
{
	return (unsigned char)c <= ' ' || c == '/';
}

/* Not a directive (LEFTHYPHENMIN 2, NEXTLEVEL, ...). */
static int
is_pattern(const char *line, size_t len)
{
	return len > 0 && !(line[0] >= 'A' && line[0] <= 'Z');
}

/* A comment or blank line: libhyphen reads "#" lines as patterns (that never match a
 * word) and leaks on the repeated banner of Debian's file. */
static int
is_comment(const char *line, size_t len)
{
	return len == 0 || line[0] == '#' || line[0] == '%';
}

/* Where the line that starts at i of data (len bytes) ends: its newline, or len. */
static size_t
line_end(const char *data, size_t len, size_t i)
{
	const char *nl = memchr(data + i, '\n', len - i);

	return nl ? (size_t)(nl - data) : len;
}

/* Where each kept pattern stands in the kept text, by the hash of its letters. */
struct offsets {
	uint64_t *keys;		/* 0 = empty */
	size_t *at;
	size_t mask, count;
};

/* Records that the pattern with letters hash h stands at offset at; returns where an
 * earlier pattern with the same letters stood, or SIZE_MAX. */
static size_t
offsets_put(struct offsets *m, uint64_t h, size_t at)
{
	size_t i, old;

	if ((m->count + 1) * 2 > m->mask + 1) {
		struct offsets big = {xcalloc((m->mask + 1) * 2, sizeof *big.keys),
		    xcalloc((m->mask + 1) * 2, sizeof *big.at), (m->mask + 1) * 2 - 1, 0};

		for (size_t k = 0; k <= m->mask; k++)
			if (m->keys[k])
				offsets_put(&big, m->keys[k], m->at[k]);
		free(m->keys);
		free(m->at);
		*m = big;
	}
	for (i = h & m->mask; m->keys[i] && m->keys[i] != h; i = (i + 1) & m->mask)
		;
	old = m->keys[i] ? m->at[i] : SIZE_MAX;
	if (!m->keys[i])
		m->count++;
	m->keys[i] = h;
	m->at[i] = at;
	return old;
}

static uint64_t
letters_hash(const char *line, size_t len)
{
	uint64_t h = FNV_BASIS;

	for (size_t i = 0; i < len && !pattern_end(line[i]); i++)
		if (!(line[i] >= '0' && line[i] <= '9'))
			h = fnv_step(h, line[i]);
	return fnv_done(h);
}

/* Adds, for each pattern of the file (data, dlen bytes, ISO-8859-1), the hash of the
 * letters of each of its prefixes: a substring of a word that is no such prefix can
 * neither match a pattern nor lead to one, so longer substrings need not be tried. */
static void
add_pattern_prefixes(struct hashset *prefixes, const char *data, size_t dlen)
{
	for (size_t i = line_end(data, dlen, 0) + 1, e; i < dlen; i = e + 1) {
		uint64_t h = FNV_BASIS;

		e = line_end(data, dlen, i);
		if (is_comment(data + i, e - i) || !is_pattern(data + i, e - i))
			continue;
		for (size_t k = i; k < e && !pattern_end(data[k]); k++)
			if (data[k] != '.' && !(data[k] >= '0' && data[k] <= '9')) {
				h = fnv_step(h, data[k]);
				set_add(prefixes, fnv_done(h));
			}
	}
}

/* Adds each substring of word w (n letters) that is a pattern's prefix (in prefixes). */
static void
add_word_substrings(struct hashset *set, const struct hashset *prefixes, const char *w,
    size_t n)
{
	for (size_t a = 0; a < n; a++) {
		uint64_t h = FNV_BASIS;

		for (size_t b = a; b < n; b++) {
			h = fnv_step(h, w[b]);
			if (!set_has(prefixes, fnv_done(h)))
				break;
			set_add(set, fnv_done(h));
		}
	}
}

/* Calls fn(w, n, arg) once for each distinct word of text (UTF-8, len bytes): its n
 * letters in lowercase ISO-8859-1. Words longer than hyph_word hyphenates are left out. */
static void
each_distinct_word(const char *text, size_t len,
    void (*fn)(const char *w, size_t n, void *arg), void *arg)
{
	struct hashset words = {xcalloc(1024, sizeof *words.slots), 1023, 0};
	char w[HYPH_WORD_MAX];
	size_t n = 0, k;

	for (size_t i = 0; i <= len; i += k) {
		uint32_t cp = i < len ? utf8_decode(text + i, len - i, &k) : 0;
		unsigned char c = i < len ? latin1_lower(cp) : 0;

		if (i == len)
			k = 1;
		if (c) {
			if (n < sizeof w)
				w[n] = (char)c;
			n++;
			continue;
		}
		if (n > 0 && n <= sizeof w && !set_has(&words, hash(w, n))) {
			set_add(&words, hash(w, n));
			fn(w, n, arg);
		}
		n = 0;
	}
	free(words.slots);
}

/* The substrings of words patterns can use, and the patterns' prefixes that bound them. */
struct substrings {
	struct hashset *set;
	const struct hashset *prefixes;
};

static void
add_word(const char *w, size_t n, void *arg)
{
	struct substrings *s = arg;

	add_word_substrings(s->set, s->prefixes, w, n);
}

/* Adds the substrings of the words of text that patterns can use: each distinct word
 * once, none of a word longer than hyph_word hyphenates. So the set never holds more
 * than the patterns' prefixes, and the time is bounded by the text's length times the
 * longest pattern. */
static void
add_substrings(struct hashset *set, const struct hashset *prefixes, const char *text,
    size_t len)
{
	struct substrings s = {set, prefixes};

	each_distinct_word(text, len, add_word, &s);
}

/* Whether libhyphen needs the pattern on line to give on the words of the text (whose
 * substrings are in subs) exactly what the full set gives. libhyphen is a state
 * machine whose states are the patterns' prefixes; at each letter it is in the state of
 * the longest suffix of the text read that is such a prefix, and applies that state's
 * pattern, if any. So it needs every pattern that occurs in a word, and every state
 * the words can reach: one pattern for each prefix that occurs in a word.
 * A dot, a word boundary, stands only at a pattern's ends; as libhyphen's second level
 * hyphenates the parts of compounds, a boundary can fall anywhere in a word, so a
 * prefix occurs if its letters do. */
static int
pattern_needed(const char *line, size_t len, const struct hashset *subs,
    struct hashset *states)
{
	uint64_t full = FNV_BASIS, letters = FNV_BASIS;
	int needed = 0, in_text = 1, empty = 1;

	for (size_t i = 0; i < len && !pattern_end(line[i]) && in_text; i++) {
		if (line[i] >= '0' && line[i] <= '9')
			continue;
		full = fnv_step(full, line[i]);
		if (line[i] != '.') {
			letters = fnv_step(letters, line[i]);
			empty = 0;
			in_text = set_has(subs, fnv_done(letters));
		}
		/* A state no pattern kept so far provides. */
		if (in_text && !set_has(states, fnv_done(full))) {
			set_add(states, fnv_done(full));
			needed = 1;
		}
	}
	return needed || (in_text && !empty);
}

/* Whether the pattern file's first line names UTF-8 (else ISO-8859-1 is assumed). */
static int
names_utf8(const char *data, size_t len)
{
	size_t e = line_end(data, len, 0);

	while (e > 0 && (data[e - 1] == '\r' || data[e - 1] == ' '))
		e--;
	return e == 5 && memcmp(data, "UTF-8", 5) == 0;
}

/* Converts a UTF-8 pattern file to ISO-8859-1, the encoding words are hyphenated in
 * (Debian's English patterns are UTF-8). A pattern with a character outside that set
 * (the ligatures "ﬁ", "ﬂ") can never match such a word and is left out. */
static void
to_latin1_file(const char *data, size_t len, struct buf *out)
{
	buf_puts(out, "ISO8859-1\n");
	for (size_t i = line_end(data, len, 0) + 1, e; i < len; i = e + 1) {
		size_t start = out->len, k;
		int ok = 1;

		e = line_end(data, len, i);
		for (size_t j = i; j < e && ok; j += k) {
			uint32_t cp = utf8_decode(data + j, e - j, &k);
			char c = (char)cp;

			ok = cp <= 0xFF;
			if (ok)
				buf_append(out, &c, 1);
		}
		if (ok)
			buf_puts(out, "\n");
		else
			out->len = start;
	}
}

/* The lines of the pattern file (data, dlen bytes, ISO-8859-1) libhyphen needs to
 * hyphenate the words of text (UTF-8, len bytes) as the whole file would: the encoding
 * line, the directives, and the patterns that can match (every one if text is NULL). */
static void
select_patterns(const char *data, size_t dlen, const char *text, size_t len,
    struct buf *kept)
{
	struct hashset prefixes = {xcalloc(1024, sizeof *prefixes.slots), 1023, 0};
	struct hashset subs = {xcalloc(1024, sizeof *subs.slots), 1023, 0};
	struct hashset states = {xcalloc(1024, sizeof *states.slots), 1023, 0};
	struct offsets seen = {xcalloc(1024, sizeof *seen.keys), xcalloc(1024, sizeof *seen.at),
	    1023, 0};

	if (text != NULL) {
		add_pattern_prefixes(&prefixes, data, dlen);
		add_substrings(&subs, &prefixes, text, len);
	}
	for (size_t i = 0, e; i < dlen; i = e + 1) {
		e = line_end(data, dlen, i);
		/* Each level of patterns is a state machine of its own. */
		if (e - i >= 9 && memcmp(data + i, "NEXTLEVEL", 9) == 0) {
			memset(states.slots, 0, (states.mask + 1) * sizeof *states.slots);
			states.count = 0;
			memset(seen.keys, 0, (seen.mask + 1) * sizeof *seen.keys);
			seen.count = 0;
		}
		if (i > 0 && is_comment(data + i, e - i))
			continue;
		if (i > 0 && is_pattern(data + i, e - i)) {
			size_t earlier;

			if (text != NULL && !pattern_needed(data + i, e - i, &subs, &states))
				continue;
			/* libhyphen keeps the last of two patterns with the same letters and
			 * leaks the first: make the first a comment. */
			earlier = offsets_put(&seen, letters_hash(data + i, e - i), kept->len);
			if (earlier != SIZE_MAX)
				kept->data[earlier] = '%';
		}
		buf_append(kept, data + i, e - i + (e < dlen));
	}
	free(prefixes.slots);
	free(subs.slots);
	free(states.slots);
	free(seen.keys);
	free(seen.at);
}

/* The lines of an indexed pattern file a document needs (kept), and which of its states
 * have them already. */
struct selection {
	const struct hyph_index *x;
	unsigned char *taken;	/* taken[e]: entry e's line is in kept */
	struct buf *kept;
};

/* Adds the line of the state with key s (len bytes, hash h), if there is one; returns
 * whether there is. */
static int
take_state(struct selection *sel, uint32_t h, const char *s, size_t len)
{
	const struct hyph_index *x = sel->x;
	long e = hyph_index_find(x, h, s, len);

	if (e < 0)
		return 0;
	if (!sel->taken[e]) {
		sel->taken[e] = 1;
		buf_append(sel->kept, x->lines + x->line[e], x->line[e + 1] - x->line[e]);
	}
	return 1;
}

/* Takes every state the word w (n letters) can bring libhyphen's machine to, with or
 * without a word boundary before and after (see pattern_needed: a boundary may fall
 * anywhere). A substring that is no state has no longer one that is: states are the
 * prefixes of patterns. */
static void
take_word(const char *w, size_t n, void *arg)
{
	struct selection *sel = arg;
	char key[HYPH_WORD_MAX + 2];

	for (size_t a = 0; a < n; a++)
		for (int dot = 0; dot < 2; dot++) {
			uint32_t h = HYPH_INDEX_BASIS;
			size_t k = 0;

			if (dot) {
				key[k++] = '.';
				h = hyph_index_step(h, '.');
			}
			for (size_t b = a; b < n; b++) {
				key[k++] = w[b];
				h = hyph_index_step(h, w[b]);
				if (!take_state(sel, h, key, k))
					break;
				key[k] = '.';
				take_state(sel, hyph_index_step(h, '.'), key, k + 1);
			}
		}
}

/* The lines of the indexed pattern file x libhyphen needs to hyphenate the words of
 * text (UTF-8, len bytes) as the whole file would: its directives, and for each state
 * the words can reach the one line that makes it (tools/hyph_index.c). A lookup per
 * substring, no scan of the patterns. */
static void
select_indexed(const struct hyph_index *x, const char *text, size_t len, struct buf *kept)
{
	struct selection sel = {x, xcalloc(x->nentries, 1), kept};

	buf_puts(kept, x->head);
	/* The word boundary before the first letter. */
	take_state(&sel, hyph_index_step(HYPH_INDEX_BASIS, '.'), ".", 1);
	each_distinct_word(text, len, take_word, &sel);
	free(sel.taken);
}

/* The built-in index of the pattern file data (len bytes), or NULL. */
static const struct hyph_index *
find_index(const char *data, size_t len)
{
	for (size_t i = 0; i < hyph_nindexes; i++)
		if (hyph_indexes[i]->rawlen == len && memcmp(hyph_indexes[i]->raw, data, len) == 0)
			return hyph_indexes[i];
	return NULL;
}

struct hyph *
hyph_load(const char *path, const char *text, size_t len)
{
	struct buf latin = {0}, kept = {0};
	char *data;
	size_t dlen;
	struct hyph *h = NULL;
	const struct hyph_index *x;
	FILE *f;

	if (read_file(path, MAX_PATTERN_FILE, &data, &dlen) != 0)
		return NULL;
	if (text != NULL && (x = find_index(data, dlen)) != NULL)
		select_indexed(x, text, len, &kept);
	else if (names_utf8(data, dlen)) {
		to_latin1_file(data, dlen, &latin);
		select_patterns(latin.data, latin.len, text, len, &kept);
	} else
		select_patterns(data, dlen, text, len, &kept);
	free(data);
	buf_free(&latin);
	if (kept.len > 0 && (f = fmemopen(kept.data, kept.len, "r")) != NULL) {
		HyphenDict *dict = hnj_hyphen_load_file(f);

		fclose(f);
		if (dict != NULL) {
			h = xcalloc(1, sizeof *h);
			h->dict = dict;
		}
	}
	buf_free(&kept);
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < h->nexceptions; i++) {
		free(h->exceptions[i].word);
		free(h->exceptions[i].breaks);
	}
	free(h->exceptions);
	hnj_hyphen_free(h->dict);
	free(h);
}

/* Lowercase ISO-8859-1 of the letters of UTF-8 word (wlen bytes) into out (max bytes
 * with the NUL); with breaks non-NULL, "-" marks a break after the letter before it.
 * Returns the number of letters, or 0 if word has anything else. */
static size_t
to_latin1(const char *word, size_t wlen, char *out, size_t max, unsigned char *breaks)
{
	size_t n = 0, k;

	for (size_t i = 0; i < wlen; i += k) {
		uint32_t cp = utf8_decode(word + i, wlen - i, &k);
		unsigned char c = latin1_lower(cp);

		if (cp == '-' && breaks != NULL && n > 0 && !breaks[n - 1]) {
			breaks[n - 1] = 1;
			continue;
		}
		if (c == 0 || n + 1 >= max)
			return 0;
		if (breaks != NULL)
			breaks[n] = 0;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

int
hyph_add_exception(struct hyph *h, const char *word)
{
	char latin[HYPH_WORD_MAX + 1];
	unsigned char breaks[HYPH_WORD_MAX + 1];
	size_t n = to_latin1(word, strlen(word), latin, sizeof latin, breaks);
	struct exception *e;

	if (n == 0 || word[strlen(word) - 1] == '-')
		return -1;
	/* A later exception for the same word replaces the earlier one. */
	for (size_t i = 0; i < h->nexceptions; i++)
		if (strcmp(h->exceptions[i].word, latin) == 0) {
			memcpy(h->exceptions[i].breaks, breaks, n);
			return 0;
		}
	e = ARRAY_PUSH(h->exceptions, h->nexceptions, h->capexceptions);
	e->word = xstrdup(latin);
	e->breaks = xmalloc(n);
	memcpy(e->breaks, breaks, n);
	return 0;
}

int
hyph_load_exceptions(struct hyph *h, const char *path)
{
	char *data;
	size_t len;
	int count = 0;

	if (read_file(path, MAX_PATTERN_FILE, &data, &len) != 0)
		return -1;
	for (char *line = data, *next; line < data + len && count >= 0; line = next) {
		char *end = memchr(line, '\n', (size_t)(data + len - line));
		char *hash;

		next = end ? end + 1 : data + len;
		if (end)
			*end = '\0';
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		for (char *t = line + strlen(line); t > line && (t[-1] == ' ' || t[-1] == '\t' ||
		    t[-1] == '\r');)
			*--t = '\0';
		if (*line == '\0')
			continue;
		count = hyph_add_exception(h, line) == 0 ? count + 1 : -1;
	}
	free(data);
	return count;
}

/* The least letters before and after a break: ours, or more if the patterns ask
 * (English patterns are made for three after). */
static size_t
min_left(const struct hyph *h)
{
	return h->dict->lhmin > HYPH_MIN_LEFT ? (size_t)h->dict->lhmin : HYPH_MIN_LEFT;
}

static size_t
min_right(const struct hyph *h)
{
	return h->dict->rhmin > HYPH_MIN_RIGHT ? (size_t)h->dict->rhmin : HYPH_MIN_RIGHT;
}

size_t
hyph_word(const struct hyph *h, const char *word, size_t wlen,
    unsigned char *breaks, size_t max)
{
	char latin[HYPH_WORD_MAX + 1];
	char hyphens[HYPH_WORD_MAX + 6];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	size_t n, last = 0;
	const struct exception *ex = NULL;

	if (max > sizeof latin)
		max = sizeof latin;
	n = to_latin1(word, wlen, latin, max, NULL);
	if (n < min_left(h) + min_right(h))
		return 0;
	for (size_t i = 0; i < h->nexceptions && ex == NULL; i++)
		if (strcmp(h->exceptions[i].word, latin) == 0)
			ex = &h->exceptions[i];
	if (ex != NULL) {
		for (size_t i = 0; i < n; i++)
			hyphens[i] = (char)('0' + ex->breaks[i]);
	} else {
		/* libhyphen dereferences rep, pos and cut: they must not be NULL. */
		if (hnj_hyphen_hyphenate2(h->dict, latin, (int)n, hyphens, NULL, &rep, &pos,
		    &cut) != 0)
			return 0;
		if (rep != NULL) {
			/* Non-standard breaks (replacements) do not occur in our patterns. */
			for (size_t i = 0; i < n; i++)
				free(rep[i]);
			free(rep);
			free(pos);
			free(cut);
		}
	}
	memset(breaks, 0, n);
	for (size_t i = min_left(h) - 1; i + min_right(h) < n; i++) {
		if (!(hyphens[i] & 1))
			continue;
		/* A break one letter after the previous one leaves a one-letter segment. */
		if (last && i - last < 2 && ex == NULL)
			continue;
		breaks[i] = 1;
		last = i;
	}
	return n;
}

void
hyph_set_free(struct hyph_set *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < LANG_MAX; i++)
		hyph_free(s->by[i]);
	free(s);
}
