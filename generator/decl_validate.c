/* Semantic rules the schema cannot express, one table entry each. */
#include "decl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "diag.h"
#include "lang.h"
#include "limits.h"
#include "text.h"
#include "util.h"

typedef unsigned rule_fn(const struct decl *, struct diag *);

/* A check of one block's inline text; what names it in messages ("<p>"). */
typedef unsigned text_check(const struct decl *, const struct text *, const char *what,
    struct diag *);

/* A check of one metadata string (never NULL) at pos (0 where the model keeps none). */
typedef unsigned string_check(const struct decl *, const char *s, const char *what,
    struct pos pos, struct diag *);

static const struct pos no_pos;

static const char *const block_names[] = {
	[BLOCK_HEADING] = "<heading>",
	[BLOCK_PARAGRAPH] = "<p>",
	[BLOCK_LIST] = "<list>",
	[BLOCK_MOTTO] = "<motto>",
	[BLOCK_NOTICE] = "<notice>",
};

/* Runs check on every item of l and of its sublists (one level deep, by the schema). */
static unsigned
each_item(const struct decl *decl, const struct list *l, text_check *check, struct diag *d)
{
	unsigned n = 0;

	for (size_t k = 0; k < l->nitems; k++) {
		n += check(decl, &l->items[k].text, "<item>", d);
		if (l->items[k].sub != NULL)
			n += each_item(decl, l->items[k].sub, check, d);
	}
	return n;
}

/* Runs check on every inline text: blocks, list items, the signatures heading. */
static unsigned
each_text(const struct decl *decl, text_check *check, struct diag *d)
{
	unsigned n = 0;

	for (size_t i = 0; i < decl->nblocks; i++) {
		const struct block *b = &decl->blocks[i];

		if (b->kind == BLOCK_LIST)
			n += each_item(decl, &b->list, check, d);
		else
			n += check(decl, &b->text, block_names[b->kind], d);
	}
	if (decl->sig_heading.pos.line != 0 || decl->sig_heading.nruns != 0)
		n += check(decl, &decl->sig_heading, "<heading>", d);
	return n;
}

static unsigned
check_optional(const struct decl *decl, const char *s, const char *what, struct pos pos,
    string_check *check, struct diag *d)
{
	return s != NULL ? check(decl, s, what, pos, d) : 0;
}

static unsigned
check_lines(const struct decl *decl, char *const *lines, size_t n, const char *what,
    struct pos pos, string_check *check, struct diag *d)
{
	unsigned errors = 0;

	for (size_t i = 0; i < n; i++)
		errors += check_optional(decl, lines[i], what, pos, check, d);
	return errors;
}

/* Runs check on every metadata string that is printed or written into the PDF. The
 * model keeps positions only for the title and the signatories. */
static unsigned
each_string(const struct decl *decl, string_check *check, struct diag *d)
{
	unsigned n = 0;

	n += check_lines(decl, decl->title, decl->ntitle, "<line> of <title>", decl->title_pos,
	    check, d);
	n += check_optional(decl, decl->short_title, "<short-title>", no_pos, check, d);
	n += check_optional(decl, decl->subtitle, "<subtitle>", no_pos, check, d);
	n += check_optional(decl, decl->version, "<version>", no_pos, check, d);
	n += check_optional(decl, decl->place, "<place>", no_pos, check, d);
	n += check_lines(decl, decl->keywords, decl->nkeywords, "<keyword>", no_pos, check, d);
	n += check_lines(decl, decl->regions, decl->nregions, "<region>", no_pos, check, d);
	for (size_t i = 0; i < decl->nsignatories; i++) {
		const struct signatory *s = &decl->signatories[i];

		n += check_optional(decl, s->name, "<name>", s->pos, check, d);
		n += check_optional(decl, s->function, "<function>", s->pos, check, d);
		n += check_lines(decl, s->org, s->norg, "<line> of <organisation>", s->pos,
		    check, d);
	}
	return n;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
rule_date_exists(const struct decl *decl, struct diag *d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const struct date *dt = &decl->date;

	if (dt->year == 0)
		return 0;
	if (dt->year < LIMIT_YEAR_MIN || dt->year > LIMIT_YEAR_MAX || dt->month < 1 ||
	    dt->month > 12 || dt->day < 1 || dt->day > days[dt->month - 1] + (dt->month == 2 && is_leap(dt->year))) {
		diag_report(d, DIAG_ERROR, decl->path, dt->pos.line, dt->pos.col,
		    "date of signing %04d-%02d-%02d does not exist; write YYYY-MM-DD",
		    dt->year, dt->month, dt->day);
		return 1;
	}
	return 0;
}

/* Reports an unsupported language; what says where it was given. */
static void
report_language(const struct decl *decl, struct pos pos, const char *what, struct diag *d)
{
	struct buf tags = {0};

	lang_list(&tags);
	diag_report(d, DIAG_ERROR, decl->path, pos.line, pos.col,
	    "%s is not supported; write one of: %s", what, tags.data);
	buf_free(&tags);
}

static unsigned
text_language(const struct decl *decl, const struct text *t, const char *what,
    struct diag *d)
{
	struct buf msg = {0};

	for (size_t i = 0; i < t->nruns; i++)
		if (t->runs[i].lang < 0) {
			buf_printf(&msg, "the xml:lang of text in %s", what);
			report_language(decl, t->pos, msg.data, d);
			buf_free(&msg);
			return 1;
		}
	return 0;
}

static unsigned
rule_language_supported(const struct decl *decl, struct diag *d)
{
	struct buf msg = {0};

	/* Without its <language> (a schema error) there is nothing more to say. */
	if (decl->language == NULL)
		return 0;
	if (decl->lang >= 0)
		return each_text(decl, text_language, d);
	/* Runs without an xml:lang of their own have the document's language: reporting
	 * each of them would only repeat this message. */
	buf_printf(&msg, "language \"%s\"", decl->language);
	report_language(decl, decl->language_pos, msg.data, d);
	buf_free(&msg);
	return 1;
}

/* A text is empty when it prints as nothing (soft hyphens and no-break spaces alone). */
static unsigned
text_not_empty(const struct decl *decl, const struct text *t, const char *what,
    struct diag *d)
{
	for (size_t i = 0; i < t->nruns; i++)
		if (!decl_text_is_blank(t->runs[i].text))
			return 0;
	diag_report(d, DIAG_ERROR, decl->path, t->pos.line, t->pos.col,
	    "%s has no text; write its text or remove it", what);
	return 1;
}

static unsigned
string_not_empty(const struct decl *decl, const char *s, const char *what, struct pos pos,
    struct diag *d)
{
	if (!decl_text_is_blank(s))
		return 0;
	diag_report(d, DIAG_ERROR, decl->path, pos.line, pos.col,
	    "%s has no text; write its text or remove it", what);
	return 1;
}

static unsigned
rule_text_not_empty(const struct decl *decl, struct diag *d)
{
	return each_text(decl, text_not_empty, d) + each_string(decl, string_not_empty, d);
}

/* A signatory as it is compared for identity: its name (or none) and organisation
 * lines, each folded (decl_fold_text), so the same person for the same organisation, or
 * the same organisation signing as such, gives the same key. A folded line holds no
 * line end, so the lines cannot run into each other. */
struct signatory_key {
	char *key;
	size_t index;	/* in decl->signatories */
};

static char *
signatory_key(const struct signatory *s)
{
	struct buf b = {0};

	buf_puts(&b, s->name != NULL ? "N" : "O");
	if (s->name != NULL)
		decl_fold_text(s->name, &b);
	for (size_t i = 0; i < s->norg; i++) {
		buf_puts(&b, "\n");
		decl_fold_text(s->org[i], &b);
	}
	return b.data;
}

/* Orders by key, then by position in the file. */
static int
compare_keys(const void *pa, const void *pb)
{
	const struct signatory_key *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c != 0 ? c : (a->index > b->index) - (a->index < b->index);
}

static void
report_duplicate(const struct decl *decl, const struct signatory *first,
    const struct signatory *again, struct diag *d)
{
	const char *org = again->org[0];

	if (again->name != NULL)
		diag_report(d, DIAG_ERROR, decl->path, again->pos.line, again->pos.col,
		    "duplicate signatory \"%s\" for \"%s\" (first listed at line %d); remove one",
		    again->name, org, first->pos.line);
	else
		diag_report(d, DIAG_ERROR, decl->path, again->pos.line, again->pos.col,
		    "duplicate signatory \"%s\" (first listed at line %d); remove one",
		    org, first->pos.line);
}

/* Sorting the keys finds duplicates in O(n log n): comparing every pair of 1000
 * signatories with long names took seconds. Messages follow the file's order. */
static unsigned
report_duplicates(const struct decl *decl, struct diag *d)
{
	size_t count = decl->nsignatories, nkeys = 0;
	struct signatory_key *keys = xcalloc(count, sizeof *keys);
	size_t *first = xcalloc(count, sizeof *first);	/* first listing of each */
	unsigned n = 0;

	for (size_t i = 0; i < count; i++) {
		first[i] = i;
		/* Without an organisation (a schema error) it cannot be compared. */
		if (decl->signatories[i].norg > 0)
			keys[nkeys++] = (struct signatory_key){
			    signatory_key(&decl->signatories[i]), i};
	}
	qsort(keys, nkeys, sizeof *keys, compare_keys);
	for (size_t k = 1; k < nkeys; k++)
		if (strcmp(keys[k].key, keys[k - 1].key) == 0)
			first[keys[k].index] = first[keys[k - 1].index];
	for (size_t i = 0; i < count; i++)
		if (first[i] != i) {
			report_duplicate(decl, &decl->signatories[first[i]],
			    &decl->signatories[i], d);
			n++;
		}
	for (size_t k = 0; k < nkeys; k++)
		free(keys[k].key);
	free(keys);
	free(first);
	return n;
}

static unsigned
rule_unique_signatories(const struct decl *decl, struct diag *d)
{
	if (decl->nsignatories > LIMIT_SIGNATORIES) {
		diag_report(d, DIAG_ERROR, decl->path, decl->signatories[LIMIT_SIGNATORIES].pos.line,
		    0, "more than %d signatories", LIMIT_SIGNATORIES);
		return 1;
	}
	return report_duplicates(decl, d);
}

/* Unicode's control characters (C0, DEL, C1: U+0085 is one) print as nothing or break
 * lines. XML forbids most of C0 and the parser turns tabs and line ends into spaces;
 * they are allowed here so that this rule never contradicts the parser. */
static int
is_control(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return 0;
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* The first control character in s, or 0. */
static uint32_t
find_control(const char *s)
{
	size_t len = strlen(s), n;

	for (size_t k = 0; k < len; k += n) {
		uint32_t cp = utf8_decode(s + k, len - k, &n);

		if (is_control(cp))
			return cp;
	}
	return 0;
}

static unsigned
string_controls(const struct decl *decl, const char *s, const char *what, struct pos pos,
    struct diag *d)
{
	uint32_t cp = find_control(s);

	if (cp == 0)
		return 0;
	diag_report(d, DIAG_ERROR, decl->path, pos.line, pos.col,
	    "control character U+%04X in %s; remove it", (unsigned)cp, what);
	return 1;
}

/* Body text is named "text" (tests/e2e-hostile.sh expects it); one message a block. */
static unsigned
text_controls(const struct decl *decl, const struct text *t, const char *what,
    struct diag *d)
{
	(void)what;
	for (size_t i = 0; i < t->nruns; i++)
		if (string_controls(decl, t->runs[i].text, "text", t->pos, d))
			return 1;
	return 0;
}

static unsigned
rule_no_control_characters(const struct decl *decl, struct diag *d)
{
	return each_text(decl, text_controls, d) + each_string(decl, string_controls, d);
}

/* Whether characters of category c print as nothing: separators (spaces, U+2028) and
 * format characters (soft hyphen, zero-width space, direction marks). */
static int
is_unseen(utf8proc_category_t c)
{
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	    c == UTF8PROC_CATEGORY_ZP || c == UTF8PROC_CATEGORY_CF;
}

/* Why uri cannot be a link's target and how to fix it, or NULL when it is a plausible
 * web or e-mail address. Only http, https and mailto: a "javascript:" or "file:" link in
 * a signing copy would run code or open local files in the reader's viewer. */
static const char *
link_problem(const char *uri)
{
	size_t len = strlen(uri), n;

	for (size_t k = 0; k < len; k += n) {
		uint32_t cp = utf8_decode(uri + k, len - k, &n);

		/* Tabs and line ends too: is_control lets them pass in text. */
		if (cp <= ' ' || is_control(cp) || cp > 0x10FFFF ||
		    is_unseen(utf8proc_category((utf8proc_int32_t)cp)))
			return "holds a space or an invisible character; remove it (a space in an "
			    "address is written %20)";
	}
	if (text_has_prefix_ci(uri, len, "https://") || text_has_prefix_ci(uri, len, "http://")) {
		const char *host = strstr(uri, "//") + 2;

		return *host == '\0' || strchr("/?#", *host) ?
		    "names no host; write the host after \"//\"" : NULL;
	}
	if (text_has_prefix_ci(uri, len, "mailto:")) {
		const char *at = strchr(uri, '@');

		return at == NULL || at == uri + strlen("mailto:") || at[1] == '\0' ?
		    "is not an e-mail address; write mailto:name@example.org" : NULL;
	}
	return "is not a web or e-mail address; write one that starts with https://, http:// "
	    "or mailto:";
}

static unsigned
text_links(const struct decl *decl, const struct text *t, const char *what, struct diag *d)
{
	unsigned n = 0;

	(void)what;	/* the position names the element */
	for (size_t i = 0; i < t->nruns; i++) {
		const char *uri = t->runs[i].uri, *problem;

		if (!(t->runs[i].style & RUN_LINK) || uri == NULL)
			continue;
		if (strlen(uri) > LINK_MAX_BYTES) {
			diag_report(d, DIAG_ERROR, decl->path, t->pos.line, t->pos.col,
			    "link address of %zu bytes is longer than the limit of %d; "
			    "shorten it", strlen(uri), LINK_MAX_BYTES);
			n++;
		} else if ((problem = link_problem(uri)) != NULL) {
			diag_report(d, DIAG_ERROR, decl->path, t->pos.line, t->pos.col,
			    "link address \"%s\" %s", uri, problem);
			n++;
		}
	}
	return n;
}

static unsigned
rule_links_plausible(const struct decl *decl, struct diag *d)
{
	return each_text(decl, text_links, d);
}

static rule_fn *const rules[] = {
	rule_date_exists,
	rule_language_supported,
	rule_text_not_empty,
	rule_unique_signatories,
	rule_no_control_characters,
	rule_links_plausible,
};

unsigned
decl_validate(const struct decl *decl, struct diag *d)
{
	unsigned errors = 0;

	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		errors += rules[i](decl, d);
	return errors;
}
