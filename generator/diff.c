/* Comparing two versions of a declaration (diff.h). Blocks and signatories are matched
 * by a longest common subsequence of their canonical forms; in each gap between
 * matches, an old and a new element of the same kind (a block) or the same name (a
 * signatory) are one changed element, shown word by word, the rest removed or added. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "decl.h"
#include "json.h"
#include "util.h"

/* Most cells of one table of the longest common subsequence (4 bytes each: 16 MiB).
 * Beyond it (two blocks of about 2000 differing words each, or two declarations of
 * 2000 differing blocks), the differing middle is shown as removed and added whole.
 * Common beginnings and ends are taken off first and cost nothing. */
#define DIFF_MAX_CELLS (4u * 1024u * 1024u)

enum op {
	OP_SAME = '=',
	OP_DEL = '-',
	OP_INS = '+'
};

/* An edit script: one op per step, old and new read in order. */
struct script {
	char *ops;
	size_t n, cap;
};

static void
push_ops(struct script *s, char op, size_t count)
{
	while (count-- > 0)
		*ARRAY_PUSH(s->ops, s->n, s->cap) = op;
}

/* The script of a longest common subsequence of a[0..n) and b[0..m), which share
 * neither their first nor their last element. */
static void
lcs_middle(char *const *a, size_t n, char *const *b, size_t m, struct script *s)
{
	uint32_t *len;		/* L(i, j): length of an LCS of a[i..n) and b[j..m) */
	size_t i, j;

#define L(i, j) len[(i) * (m + 1) + (j)]
	if (n == 0 || m == 0 || (n + 1) * (m + 1) > DIFF_MAX_CELLS) {
		push_ops(s, OP_DEL, n);
		push_ops(s, OP_INS, m);
		return;
	}
	len = xcalloc((n + 1) * (m + 1), sizeof *len);
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
			L(i, j) = strcmp(a[i], b[j]) == 0 ? L(i + 1, j + 1) + 1 :
			    L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
	for (i = 0, j = 0; i < n && j < m;) {
		if (strcmp(a[i], b[j]) == 0) {
			push_ops(s, OP_SAME, 1);
			i++, j++;
		} else if (L(i + 1, j) >= L(i, j + 1)) {
			push_ops(s, OP_DEL, 1);	/* removals first: "[-old-]{+new+}" */
			i++;
		} else {
			push_ops(s, OP_INS, 1);
			j++;
		}
	}
#undef L
	push_ops(s, OP_DEL, n - i);
	push_ops(s, OP_INS, m - j);
	free(len);
}

/* The edit script from a[0..n) to b[0..m), strings compared exactly. */
static void
lcs_script(char *const *a, size_t n, char *const *b, size_t m, struct script *s)
{
	size_t pre = 0, suf = 0;

	while (pre < n && pre < m && strcmp(a[pre], b[pre]) == 0)
		pre++;
	while (suf < n - pre && suf < m - pre && strcmp(a[n - 1 - suf], b[m - 1 - suf]) == 0)
		suf++;
	push_ops(s, OP_SAME, pre);
	lcs_middle(a + pre, n - pre - suf, b + pre, m - pre - suf, s);
	push_ops(s, OP_SAME, suf);
}

/* The words of a folded text (single spaces, none at the ends). */
struct words {
	char *data;	/* the text, a NUL for each space */
	char **w;
	size_t n, cap;
};

static void
words_split(struct words *ws, const char *folded)
{
	memset(ws, 0, sizeof *ws);
	ws->data = xstrdup(folded);
	for (char *s = ws->data; *s;) {
		char *sp = strchr(s, ' ');

		*ARRAY_PUSH(ws->w, ws->n, ws->cap) = s;
		if (sp == NULL)
			break;
		*sp = '\0';
		s = sp + 1;
	}
}

static void
words_free(struct words *ws)
{
	free(ws->data);
	free(ws->w);
}

/* One block or signatory as compared and shown. */
struct elem {
	char *key;		/* canonical form: equal keys are the same content */
	char *pair;		/* what an old and a new one share to count as changed */
	char *text;		/* readable text, folded */
	const char *what;	/* "paragraph", "signatory"... */
	size_t index;		/* 1-based, among the blocks or the signatories */
	int line;		/* of the source */
};

struct elems {
	struct elem *e;
	size_t n, cap;
	char **keys;		/* e[i].key, for lcs_script */
};

static void
elems_free(struct elems *es)
{
	for (size_t i = 0; i < es->n; i++) {
		free(es->e[i].key);
		free(es->e[i].pair);
		free(es->e[i].text);
	}
	free(es->e);
	free(es->keys);
}

/* The folded text of raw: one space between words, none at the ends. */
static char *
folded(const struct buf *raw)
{
	struct buf f = {0};

	decl_fold_text(raw->data ? raw->data : "", &f);
	return f.data ? f.data : xstrdup("");
}

static void
text_raw(const struct text *t, struct buf *raw)
{
	for (size_t i = 0; i < t->nruns; i++)
		buf_puts(raw, t->runs[i].text);
}

/* A list as text: "• item • item ◦ subitem" (sublists one level deep). */
static void
list_raw(const struct list *l, const char *mark, struct buf *raw)
{
	for (size_t k = 0; k < l->nitems; k++) {
		buf_printf(raw, " %s ", mark);
		text_raw(&l->items[k].text, raw);
		if (l->items[k].sub != NULL)
			list_raw(l->items[k].sub, "\xE2\x97\xA6", raw);
	}
}

static const char *const block_names[] = {
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "paragraph",
	[BLOCK_LIST] = "list",
	[BLOCK_MOTTO] = "motto",
	[BLOCK_NOTICE] = "notice",
};

static void
block_elems(const struct decl *decl, struct elems *es)
{
	for (size_t i = 0; i < decl->nblocks; i++) {
		const struct block *b = &decl->blocks[i];
		struct elem *e = ARRAY_PUSH(es->e, es->n, es->cap);
		struct buf key = {0}, raw = {0};

		canon_block(b, &key);
		if (b->kind == BLOCK_LIST)
			list_raw(&b->list, "\xE2\x80\xA2", &raw);
		else
			text_raw(&b->text, &raw);
		e->key = key.data;
		e->pair = xstrdup(block_names[b->kind]);
		e->text = folded(&raw);
		e->what = block_names[b->kind];
		e->index = i + 1;
		e->line = b->pos.line;
		buf_free(&raw);
	}
}

/* "Name, Function, Organisation line, ... (seal)": what the grid shows. */
static void
signatory_raw(const struct signatory *s, struct buf *raw)
{
	const char *sep = "";

	if (s->name != NULL) {
		buf_puts(raw, s->name);
		sep = ", ";
	}
	if (s->function != NULL) {
		buf_printf(raw, "%s%s", sep, s->function);
		sep = ", ";
	}
	for (size_t k = 0; k < s->norg; k++) {
		buf_printf(raw, "%s%s", sep, s->org[k]);
		sep = ", ";
	}
	if (s->seal)
		buf_puts(raw, " (seal)");
}

static void
signatory_elems(const struct decl *decl, struct elems *es)
{
	for (size_t i = 0; i < decl->nsignatories; i++) {
		const struct signatory *s = &decl->signatories[i];
		struct elem *e = ARRAY_PUSH(es->e, es->n, es->cap);
		struct buf key = {0}, raw = {0}, pair = {0};

		canon_signatory(s, &key);
		signatory_raw(s, &raw);
		/* A person is the same signatory with another function or organisation;
		 * an organisation signing as such is the same with its first line. */
		buf_puts(&pair, s->name != NULL ? s->name : s->norg > 0 ? s->org[0] : "");
		e->key = key.data;
		e->pair = folded(&pair);
		e->text = folded(&raw);
		e->what = "signatory";
		e->index = i + 1;
		e->line = s->pos.line;
		buf_free(&raw);
		buf_free(&pair);
	}
}

static void
elems_keys(struct elems *es)
{
	es->keys = xcalloc(es->n + 1, sizeof *es->keys);
	for (size_t i = 0; i < es->n; i++)
		es->keys[i] = es->e[i].key;
}

/* ----- the report ----- */

struct report {
	struct buf *out;
	enum diff_format format;
	size_t changes;
};

/* Starts a change: the separator of the JSON array, or nothing. */
static void
begin_change(struct report *r)
{
	if (r->format == DIFF_JSON && r->changes > 0)
		buf_puts(r->out, ",");
	r->changes++;
}

/* A metadata field whose value changed; NULL for absent. */
static void
report_field(struct report *r, const char *name, const char *old, const char *new)
{
	const char *change = old == NULL ? "added" : new == NULL ? "removed" : "changed";

	begin_change(r);
	if (r->format == DIFF_JSON) {
		buf_puts(r->out, "{");
		json_key_string(r->out, "change", change);
		buf_puts(r->out, ",\"what\":\"field\",");
		json_key_string(r->out, "field", name);
		buf_puts(r->out, ",");
		json_key_string(r->out, "old", old);
		buf_puts(r->out, ",");
		json_key_string(r->out, "new", new);
		buf_puts(r->out, "}");
		return;
	}
	buf_printf(r->out, "%s %s: ", change, name);
	if (old != NULL)
		buf_printf(r->out, "\"%s\"", old);
	if (old != NULL && new != NULL)
		buf_puts(r->out, " -> ");
	if (new != NULL)
		buf_printf(r->out, "\"%s\"", new);
	buf_puts(r->out, "\n");
}

static void
json_side(struct buf *out, const char *key, const struct elem *e)
{
	json_string(out, key);
	buf_puts(out, ":{");
	json_key_number(out, "index", (long)e->index);
	buf_puts(out, ",");
	json_key_number(out, "line", e->line);
	buf_puts(out, ",");
	json_key_string(out, "text", e->text);
	buf_puts(out, "}");
}

/* An element only one side has: "added paragraph 4 (line 14): TEXT". */
static void
report_one(struct report *r, const char *change, const char *side, const struct elem *e)
{
	begin_change(r);
	if (r->format == DIFF_JSON) {
		buf_puts(r->out, "{");
		json_key_string(r->out, "change", change);
		buf_puts(r->out, ",");
		json_key_string(r->out, "what", e->what);
		buf_puts(r->out, ",");
		json_side(r->out, side, e);
		buf_puts(r->out, "}");
		return;
	}
	buf_printf(r->out, "%s %s %zu (line %d): %s\n", change, e->what, e->index, e->line,
	    e->text);
}

/* Appends s escaped as inside a JSON string, without the quotes. */
static void
append_json_chars(struct buf *out, const char *s)
{
	struct buf w = {0};

	json_string(&w, s);
	buf_append(out, w.data + 1, w.len - 2);
	buf_free(&w);
}

/* The words of a changed element, consecutive words of one op together: in text
 * "same [-old-]{+new+} same", in JSON [{"op":"=","text":"same"},...]. */
static void
report_words(struct report *r, const struct words *a, const struct words *b,
    const struct script *s)
{
	size_t i = 0, j = 0;

	buf_puts(r->out, r->format == DIFF_JSON ? ",\"words\":[" : "    ");
	for (size_t k = 0; k < s->n; k++) {
		char op = s->ops[k];
		const char *word = op == OP_INS ? b->w[j] : a->w[i];
		int first = k == 0 || s->ops[k - 1] != op;
		int last = k + 1 == s->n || s->ops[k + 1] != op;

		if (r->format == DIFF_JSON) {
			if (first)
				buf_printf(r->out, "%s{\"op\":\"%c\",\"text\":\"", k ? "," : "", op);
			buf_puts(r->out, first ? "" : " ");
			append_json_chars(r->out, word);
			if (last)
				buf_puts(r->out, "\"}");
		} else {
			buf_puts(r->out, k == 0 ? "" : " ");
			if (first && op != OP_SAME)
				buf_puts(r->out, op == OP_DEL ? "[-" : "{+");
			buf_puts(r->out, word);
			if (last && op != OP_SAME)
				buf_puts(r->out, op == OP_DEL ? "-]" : "+}");
		}
		i += op != OP_INS;
		j += op != OP_DEL;
	}
	buf_puts(r->out, r->format == DIFF_JSON ? "]" : "\n");
}

/* A changed element: its place on both sides, then the words. Where the words are
 * the same, only what the words do not show changed (emphasis, a link's target, a
 * language, a list's numbering, a seal). */
static void
report_changed(struct report *r, const struct elem *old, const struct elem *new)
{
	struct words a, b;
	struct script s = {0};

	words_split(&a, old->text);
	words_split(&b, new->text);
	lcs_script(a.w, a.n, b.w, b.n, &s);
	begin_change(r);
	if (r->format == DIFF_JSON) {
		buf_puts(r->out, "{\"change\":\"changed\",");
		json_key_string(r->out, "what", old->what);
		buf_puts(r->out, ",");
		json_side(r->out, "old", old);
		buf_puts(r->out, ",");
		json_side(r->out, "new", new);
		report_words(r, &a, &b, &s);
		buf_puts(r->out, "}");
	} else {
		buf_printf(r->out, "changed %s %zu -> %zu (line %d -> %d):\n", old->what,
		    old->index, new->index, old->line, new->line);
		if (strcmp(old->text, new->text) == 0)
			buf_puts(r->out, "    (same words; emphasis, links, language or "
			    "numbering changed)\n");
		else
			report_words(r, &a, &b, &s);
	}
	free(s.ops);
	words_free(&a);
	words_free(&b);
}

/* One gap between matches: old[0..n) removed, new[0..m) added, except that each old
 * element is paired, in order, with the next new one it shares its pair with. */
static void
report_gap(struct report *r, const struct elem *old, size_t n, const struct elem *new,
    size_t m)
{
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k = j;

		while (k < m && strcmp(old[i].pair, new[k].pair) != 0)
			k++;
		if (k == m) {
			report_one(r, "removed", "old", &old[i]);
			continue;
		}
		for (; j < k; j++)
			report_one(r, "added", "new", &new[j]);
		report_changed(r, &old[i], &new[k]);
		j = k + 1;
	}
	for (; j < m; j++)
		report_one(r, "added", "new", &new[j]);
}

static void
compare_elems(struct report *r, struct elems *a, struct elems *b)
{
	struct script s = {0};
	size_t i = 0, j = 0, k = 0;

	elems_keys(a);
	elems_keys(b);
	lcs_script(a->keys, a->n, b->keys, b->n, &s);
	while (k < s.n) {
		size_t di = 0, dj = 0;

		if (s.ops[k] == OP_SAME) {
			i++, j++, k++;
			continue;
		}
		for (; k < s.n && s.ops[k] != OP_SAME; k++) {
			di += s.ops[k] == OP_DEL;
			dj += s.ops[k] == OP_INS;
		}
		report_gap(r, a->e + i, di, b->e + j, dj);
		i += di;
		j += dj;
	}
	free(s.ops);
}

/* ----- metadata ----- */

/* The folded strings joined by " / ", or NULL for none. */
static char *
joined(char *const *list, size_t n)
{
	struct buf raw = {0};
	char *s;

	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		buf_printf(&raw, "%s%s", i ? " / " : "", list[i]);
	s = folded(&raw);
	buf_free(&raw);
	return s;
}

static char *
folded_or_null(const char *s)
{
	struct buf raw = {0};
	char *f;

	if (s == NULL)
		return NULL;
	buf_puts(&raw, s);
	f = folded(&raw);
	buf_free(&raw);
	return f;
}

static char *
date_string(const struct date *d)
{
	struct buf b = {0};

	if (d->year == 0)
		return NULL;
	buf_printf(&b, "%04d-%02d-%02d", d->year, d->month, d->day);
	return b.data;
}

static char *
text_string(const struct text *t)
{
	struct buf raw = {0};
	char *s;

	if (t->nruns == 0)
		return NULL;
	text_raw(t, &raw);
	s = folded(&raw);
	buf_free(&raw);
	return s;
}

static char *
number_string(long n)
{
	struct buf b = {0};

	buf_printf(&b, "%ld", n);
	return b.data;
}

/* The metadata of one declaration as the fields compared. */
enum {
	F_ID, F_LANGUAGE, F_VERSION, F_PLACE, F_DATE, F_TITLE, F_SHORT_TITLE, F_SUBTITLE,
	F_KEYWORDS, F_REGIONS, F_TYPEFACE, F_HYPHENATION, F_SIGNATURES_HEADING, F_COLUMNS,
	F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"id", "language", "version", "place", "date", "title", "short-title", "subtitle",
	"keywords", "regions", "typeface", "hyphenation", "signatures heading", "columns"
};

static void
meta_fields(const struct decl *d, char *f[F_COUNT])
{
	f[F_ID] = folded_or_null(d->id);
	f[F_LANGUAGE] = folded_or_null(d->language);
	f[F_VERSION] = folded_or_null(d->version);
	f[F_PLACE] = folded_or_null(d->place);
	f[F_DATE] = date_string(&d->date);
	f[F_TITLE] = joined(d->title, d->ntitle);
	f[F_SHORT_TITLE] = folded_or_null(d->short_title);
	f[F_SUBTITLE] = folded_or_null(d->subtitle);
	f[F_KEYWORDS] = joined(d->keywords, d->nkeywords);
	f[F_REGIONS] = joined(d->regions, d->nregions);
	f[F_TYPEFACE] = folded_or_null(d->typeface[0] != '\0' ? d->typeface : NULL);
	f[F_HYPHENATION] = joined(d->hyphenation, d->nhyphenation);
	f[F_SIGNATURES_HEADING] = text_string(&d->sig_heading);
	f[F_COLUMNS] = number_string(d->columns);
}

static void
compare_meta(struct report *r, const struct decl *old, const struct decl *new)
{
	char *a[F_COUNT], *b[F_COUNT];

	meta_fields(old, a);
	meta_fields(new, b);
	for (int i = 0; i < F_COUNT; i++) {
		if ((a[i] == NULL) != (b[i] == NULL) ||
		    (a[i] != NULL && strcmp(a[i], b[i]) != 0))
			report_field(r, field_names[i], a[i], b[i]);
		free(a[i]);
		free(b[i]);
	}
}

int
diff_decls(const struct decl *old, const struct decl *new, enum diff_format format,
    struct buf *out)
{
	struct report r = {out, format, 0};
	struct elems a = {0}, b = {0};
	struct buf ca = {0}, cb = {0};
	int same;

	canon_decl(old, &ca);
	canon_decl(new, &cb);
	same = ca.len == cb.len && memcmp(ca.data, cb.data, ca.len) == 0;
	buf_free(&ca);
	buf_free(&cb);
	if (format == DIFF_JSON) {
		buf_puts(out, "{\"shape\":\"declgen-diff\",\"version\":1,");
		json_key_string(out, "old", old->path);
		buf_puts(out, ",");
		json_key_string(out, "new", new->path);
		buf_printf(out, ",\"same\":%s,\"changes\":[", same ? "true" : "false");
	}
	compare_meta(&r, old, new);
	block_elems(old, &a);
	block_elems(new, &b);
	compare_elems(&r, &a, &b);
	elems_free(&a);
	elems_free(&b);
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	signatory_elems(old, &a);
	signatory_elems(new, &b);
	compare_elems(&r, &a, &b);
	elems_free(&a);
	elems_free(&b);
	if (format == DIFF_JSON)
		buf_puts(out, "]}\n");
	return !same;
}
