/* Build tool: compiles libhyphen pattern files into the index hyph_load looks words up
 * in (generator/hyph_index.h), written as C to standard output.
 *
 *     hyph_index FILE... > build/gen/hyph_index.inc
 *
 * A file is read as hyph_load reads it: the first line names the encoding (UTF-8 files
 * are converted to ISO-8859-1, without the patterns that have other characters), "#"
 * and "%" lines are comments, a line starting with a capital is a directive. Every
 * prefix of a pattern's letters and dots is a state of libhyphen's machine and becomes
 * an entry. Exits 1 on a file it cannot read or a two-level file (NEXTLEVEL). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../generator/hyph_index.h"

/* A growable byte or word array; the tool exits when memory runs out. */
struct bytes {
	char *data;
	size_t len, cap;
};

struct words {
	uint32_t *data;
	size_t len, cap;
};

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = need * 2;
	if ((p = realloc(p, *cap * size)) == NULL) {
		fputs("hyph_index: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static void
put(struct bytes *b, const char *s, size_t len)
{
	b->data = grow(b->data, &b->cap, b->len + len + 1, 1);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void
put_word(struct words *w, uint32_t v)
{
	w->data = grow(w->data, &w->cap, w->len + 1, sizeof *w->data);
	w->data[w->len++] = v;
}

static int
read_all(const char *path, struct bytes *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		put(b, chunk, n);
	put(b, "", 0);
	fclose(f);
	return 0;
}

/* The code point of the UTF-8 sequence at s (len bytes > 0), its length in *n. */
static uint32_t
decode(const unsigned char *s, size_t len, size_t *n)
{
	size_t need = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	uint32_t cp = need == 1 ? s[0] : s[0] & (0x3Fu >> (need - 1));

	if (need > len)
		need = len;
	for (size_t i = 1; i < need; i++)
		cp = cp << 6 | (s[i] & 0x3Fu);
	*n = need;
	return cp;
}

/* The file in ISO-8859-1, as hyph.c's to_latin1_file makes it. */
static void
to_latin1(const struct bytes *in, struct bytes *out)
{
	const char *nl = memchr(in->data, '\n', in->len);
	size_t i = nl ? (size_t)(nl - in->data) + 1 : in->len;

	put(out, "ISO8859-1\n", 10);
	while (i < in->len) {
		size_t e = i, start = out->len, k;
		int ok = 1;

		while (e < in->len && in->data[e] != '\n')
			e++;
		for (size_t j = i; j < e && ok; j += k) {
			uint32_t cp = decode((const unsigned char *)in->data + j, e - j, &k);
			char c = (char)cp;

			ok = cp <= 0xFF;
			if (ok)
				put(out, &c, 1);
		}
		if (ok)
			put(out, "\n", 1);
		else
			out->len = start;
		i = e + 1;
	}
}

/* One state: its key in the pooled keys, and the pattern line with exactly that key
 * (NULL: the state is only a prefix of patterns). */
struct state {
	size_t key, keylen;
	const char *line;
	size_t linelen;
};

/* The states of one file, with a hash table on their keys. */
struct index {
	struct bytes keys, head;
	struct state *states;
	size_t n, cap;
	uint32_t *slots, mask;
};

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t h = HYPH_INDEX_BASIS;

	for (size_t i = 0; i < len; i++)
		h = hyph_index_step(h, s[i]);
	return h;
}

static long
find(const struct index *x, const char *s, size_t len)
{
	for (uint32_t i = hash(s, len) & x->mask; x->slots[i]; i = (i + 1) & x->mask) {
		const struct state *st = &x->states[x->slots[i] - 1];

		if (st->keylen == len && memcmp(x->keys.data + st->key, s, len) == 0)
			return (long)(x->slots[i] - 1);
	}
	return -1;
}

static void
insert_slot(struct index *x, size_t e)
{
	uint32_t i = hash(x->keys.data + x->states[e].key, x->states[e].keylen) & x->mask;

	while (x->slots[i])
		i = (i + 1) & x->mask;
	x->slots[i] = (uint32_t)e + 1;
}

/* Doubles the table when it is half full: a lookup that misses stays short. */
static void
rehash(struct index *x)
{
	uint32_t size = x->mask ? (x->mask + 1) * 2 : 1024;

	free(x->slots);
	if ((x->slots = calloc(size, sizeof *x->slots)) == NULL) {
		fputs("hyph_index: out of memory\n", stderr);
		exit(1);
	}
	x->mask = size - 1;
	for (size_t e = 0; e < x->n; e++)
		insert_slot(x, e);
}

/* The state for key s (len bytes), made if new. */
static struct state *
state(struct index *x, const char *s, size_t len)
{
	long e = x->mask ? find(x, s, len) : -1;
	struct state *st;

	if (e >= 0)
		return &x->states[e];
	if ((x->n + 1) * 2 > x->mask)
		rehash(x);
	x->states = grow(x->states, &x->cap, x->n + 1, sizeof *x->states);
	st = &x->states[x->n];
	st->key = x->keys.len;
	st->keylen = len;
	st->line = NULL;
	st->linelen = 0;
	put(&x->keys, s, len);
	insert_slot(x, x->n++);
	return st;
}

/* libhyphen reads a pattern up to the first blank or control character; "/" starts a
 * replacement. Its key is its letters and dots, without the digits. */
static size_t
pattern_key(const char *line, size_t len, char *key)
{
	size_t n = 0;

	for (size_t i = 0; i < len && (unsigned char)line[i] > ' ' && line[i] != '/'; i++)
		if (!(line[i] >= '0' && line[i] <= '9'))
			key[n++] = line[i];
	return n;
}

/* Adds the line (len bytes, newline included) of the file at path to x. */
static void
add_line(struct index *x, const char *path, const char *line, size_t len)
{
	char key[256];
	struct state *st;
	size_t n;

	if (len > sizeof key) {
		fprintf(stderr, "hyph_index: %s: a line longer than %zu bytes\n", path, sizeof key);
		exit(1);
	}
	if (len == 1 || line[0] == '#' || line[0] == '%')
		return;
	if (len >= 9 && memcmp(line, "NEXTLEVEL", 9) == 0) {
		fprintf(stderr, "hyph_index: %s: two levels of patterns are not supported\n", path);
		exit(1);
	}
	/* Directives, and what has no key (libhyphen loads it as it is), go to the head. */
	n = line[0] >= 'A' && line[0] <= 'Z' ? 0 : pattern_key(line, len, key);
	if (n == 0) {
		put(&x->head, line, len);
		return;
	}
	for (size_t k = 1; k < n; k++)
		state(x, key, k);
	/* libhyphen keeps the last of two patterns with the same key. */
	st = state(x, key, n);
	st->line = line;
	st->linelen = len;
}

/* Writes s (len bytes) as the initializer of a char array named name, suffix i. */
static void
write_chars(const char *name, int i, const char *s, size_t len)
{
	printf("static const char %s%d[] = {", name, i);
	for (size_t k = 0; k < len; k++)
		printf("%s%d,", k % 24 ? "" : "\n", (signed char)s[k]);
	printf("0};\n");
}

static void
write_words(const char *name, int i, const uint32_t *w, size_t len)
{
	printf("static const uint32_t %s%d[] = {", name, i);
	for (size_t k = 0; k < len; k++)
		printf("%s%lu,", k % 12 ? "" : "\n", (unsigned long)w[k]);
	printf("};\n");
}

/* Whether a state that is only a prefix of patterns never has a pattern as its suffix.
 * libhyphen applies the pattern of the state its machine is in, the longest suffix of
 * the text read that is a state; substrings.pl, which makes pattern files for it, turns
 * every prefix with a pattern as suffix into a pattern of its own. In such a file a
 * machine without the states no word reaches is in a suffix of the state the whole
 * file's machine is in, and applies the same pattern: that one if it is a pattern (the
 * word reaches it, so it was kept), else none (had the suffix a pattern, the state would
 * have one). So only patterns the words reach need be loaded. */
static int
prefixes_closed(const struct index *x)
{
	for (size_t e = 0; e < x->n; e++) {
		const struct state *st = &x->states[e];

		for (size_t j = 1; st->line == NULL && j < st->keylen; j++) {
			long f = find(x, x->keys.data + st->key + j, st->keylen - j);

			if (f >= 0 && x->states[f].line != NULL)
				return 0;
		}
	}
	return 1;
}

/* Writes the index of file number i (raw: its bytes) as C. A state that is only a
 * prefix gets an empty line where the file is closed (prefixes_closed), else its bare
 * key, which makes the state and hyphenates nothing. */
static void
write_index(int i, const struct bytes *raw, const struct index *x)
{
	struct bytes lines = {0};
	struct words key = {0}, line = {0};
	int closed = prefixes_closed(x);

	for (size_t e = 0; e < x->n; e++) {
		const struct state *st = &x->states[e];

		put_word(&key, (uint32_t)st->key);
		put_word(&line, (uint32_t)lines.len);
		if (st->line != NULL)
			put(&lines, st->line, st->linelen);
		else if (!closed) {
			put(&lines, x->keys.data + st->key, st->keylen);
			put(&lines, "\n", 1);
		}
	}
	put_word(&key, (uint32_t)x->keys.len);
	put_word(&line, (uint32_t)lines.len);
	write_chars("raw", i, raw->data, raw->len);
	write_chars("head", i, x->head.data, x->head.len);
	write_chars("keys", i, x->keys.data, x->keys.len);
	write_words("key", i, key.data, key.len);
	write_chars("lines", i, lines.data, lines.len);
	write_words("line", i, line.data, line.len);
	write_words("slots", i, x->slots, (size_t)x->mask + 1);
	printf("/* %zu states; closed as substrings.pl makes files: %s. */\n", x->n,
	    closed ? "yes" : "no");
	printf("static const struct hyph_index index%d = {raw%d, %zu, head%d, keys%d, key%d, "
	    "lines%d, line%d, %zu, slots%d, %lu};\n", i, i, raw->len, i, i, i, i, i, x->n, i,
	    (unsigned long)x->mask);
	free(lines.data);
	free(key.data);
	free(line.data);
}

/* Indexes the pattern file at path as number i. */
static void
index_file(int i, const char *path)
{
	struct bytes raw = {0}, latin = {0};
	struct index x = {0};
	const struct bytes *text = &raw;
	size_t first;

	if (read_all(path, &raw) != 0) {
		fprintf(stderr, "hyph_index: cannot read %s\n", path);
		exit(1);
	}
	first = strcspn(raw.data, "\n");
	if (first >= 5 && memcmp(raw.data, "UTF-8", 5) == 0 &&
	    strspn(raw.data + 5, "\r ") == first - 5) {
		to_latin1(&raw, &latin);
		text = &latin;
		first = strcspn(latin.data, "\n");
	}
	put(&x.head, text->data, first < text->len ? first + 1 : first);
	for (size_t k = first + 1, e; k < text->len; k = e + 1) {
		const char *nl = memchr(text->data + k, '\n', text->len - k);

		e = nl ? (size_t)(nl - text->data) : text->len;
		add_line(&x, path, text->data + k, e - k + (e < text->len));
	}
	write_index(i, &raw, &x);
	/* The lines point into text: freed only now. */
	free(raw.data);
	free(latin.data);
	free(x.keys.data);
	free(x.head.data);
	free(x.states);
	free(x.slots);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: hyph_index FILE... > INDEX.inc\n", stderr);
		return 1;
	}
	printf("/* Generated by tools/hyph_index.c from");
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("; do not edit. */\n");
	for (int i = 1; i < argc; i++)
		index_file(i - 1, argv[i]);
	printf("const struct hyph_index *const hyph_indexes[] = {");
	for (int i = 1; i < argc; i++)
		printf("&index%d, ", i - 1);
	printf("};\nconst size_t hyph_nindexes = %d;\n", argc - 1);
	return 0;
}
