/* Semantic rules the schema cannot express, one table entry each. */
#include "decl.h"

#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "limits.h"
#include "text.h"

typedef unsigned rule_fn(const struct decl *, struct diag *);

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
	if (dt->year < 1900 || dt->year > 2999 || dt->month < 1 || dt->month > 12 ||
	    dt->day < 1 || dt->day > days[dt->month - 1] + (dt->month == 2 && is_leap(dt->year))) {
		diag_report(d, DIAG_ERROR, decl->path, dt->pos.line, dt->pos.col,
		    "date of signing %04d-%02d-%02d does not exist; write YYYY-MM-DD",
		    dt->year, dt->month, dt->day);
		return 1;
	}
	return 0;
}

static int
text_is_empty(const struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++)
		if (t->runs[i].text[0] != '\0')
			return 0;
	return 1;
}

static const char *const block_names[] = {
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "p",
	[BLOCK_LIST] = "list",
	[BLOCK_MOTTO] = "motto",
	[BLOCK_NOTICE] = "notice",
};

static unsigned
rule_text_not_empty(const struct decl *decl, struct diag *d)
{
	unsigned n = 0;

	for (size_t i = 0; i < decl->nblocks; i++) {
		const struct block *b = &decl->blocks[i];

		if (b->kind != BLOCK_LIST && text_is_empty(&b->text)) {
			diag_report(d, DIAG_ERROR, decl->path, b->pos.line, b->pos.col,
			    "<%s> has no text; write its text or remove it", block_names[b->kind]);
			n++;
		}
		for (size_t k = 0; k < b->list.nitems; k++)
			if (text_is_empty(&b->list.items[k].text)) {
				diag_report(d, DIAG_ERROR, decl->path, b->list.items[k].text.pos.line,
				    b->list.items[k].text.pos.col,
				    "<item> has no text; write its text or remove it");
				n++;
			}
	}
	if (decl->sig_heading.pos.line && text_is_empty(&decl->sig_heading)) {
		diag_report(d, DIAG_ERROR, decl->path, decl->sig_heading.pos.line,
		    decl->sig_heading.pos.col, "<heading> has no text; write its text or remove it");
		n++;
	}
	return n;
}

static int
same_signatory(const struct signatory *a, const struct signatory *b)
{
	if ((a->name == NULL) != (b->name == NULL))
		return 0;
	if (a->name != NULL)
		return strcmp(a->name, b->name) == 0;
	/* Organisations signing as such are the same if every line is. */
	return decl_same_org(a, b);
}

static unsigned
rule_unique_signatories(const struct decl *decl, struct diag *d)
{
	unsigned n = 0;

	if (decl->nsignatories > LIMIT_SIGNATORIES) {
		diag_report(d, DIAG_ERROR, decl->path, decl->signatories[LIMIT_SIGNATORIES].pos.line,
		    0, "more than %d signatories", LIMIT_SIGNATORIES);
		return 1;
	}
	for (size_t i = 1; i < decl->nsignatories; i++)
		for (size_t k = 0; k < i; k++) {
			const struct signatory *a = &decl->signatories[k], *b = &decl->signatories[i];

			if (!same_signatory(a, b))
				continue;
			diag_report(d, DIAG_ERROR, decl->path, b->pos.line, b->pos.col,
			    "duplicate signatory \"%s\" (first listed at line %d); remove one",
			    b->name ? b->name : b->org[0], a->pos.line);
			n++;
			break;
		}
	return n;
}

/* C0 controls cannot reach us (XML forbids them); C1 controls can, and print as nothing. */
static unsigned
check_controls(const struct decl *decl, const struct text *t, struct diag *d)
{
	for (size_t i = 0; i < t->nruns; i++) {
		const char *s = t->runs[i].text;
		size_t len = strlen(s), n;

		for (size_t k = 0; k < len; k += n) {
			uint32_t cp = utf8_decode(s + k, len - k, &n);

			if (cp >= 0x80 && cp <= 0x9F) {
				diag_report(d, DIAG_ERROR, decl->path, t->pos.line, t->pos.col,
				    "control character U+%04X in text; remove it", (unsigned)cp);
				return 1;
			}
		}
	}
	return 0;
}

static unsigned
rule_no_control_characters(const struct decl *decl, struct diag *d)
{
	unsigned n = 0;

	for (size_t i = 0; i < decl->nblocks; i++) {
		n += check_controls(decl, &decl->blocks[i].text, d);
		for (size_t k = 0; k < decl->blocks[i].list.nitems; k++)
			n += check_controls(decl, &decl->blocks[i].list.items[k].text, d);
	}
	return n + check_controls(decl, &decl->sig_heading, d);
}

static rule_fn *const rules[] = {
	rule_date_exists,
	rule_text_not_empty,
	rule_unique_signatories,
	rule_no_control_characters,
};

unsigned
decl_validate(const struct decl *decl, struct diag *d)
{
	unsigned errors = 0;

	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		errors += rules[i](decl, d);
	return errors;
}
