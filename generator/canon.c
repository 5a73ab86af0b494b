/* The canonical form of a declaration (canon.h). */
#include "canon.h"

#include <string.h>

#include "decl.h"
#include "lang.h"
#include "util.h"

/* "name LENGTH:VALUE\n"; a value that is absent is "name -\n", which no present value
 * can be mistaken for. */
static void
field(struct buf *out, const char *name, const char *value)
{
	if (value == NULL)
		buf_printf(out, "%s -\n", name);
	else
		buf_printf(out, "%s %zu:%s\n", name, strlen(value), value);
}

/* A field holding a string of the model, folded as the renderer compares text. */
static void
text_field(struct buf *out, const char *name, const char *value)
{
	struct buf folded = {0};

	if (value == NULL) {
		field(out, name, NULL);
		return;
	}
	decl_fold_text(value, &folded);
	field(out, name, folded.data ? folded.data : "");
	buf_free(&folded);
}

static void
number_field(struct buf *out, const char *name, long value)
{
	buf_printf(out, "%s %ld\n", name, value);
}

static void
strings_field(struct buf *out, const char *name, char *const *list, size_t n)
{
	number_field(out, name, (long)n);
	for (size_t i = 0; i < n; i++)
		text_field(out, name, list[i]);
}

void
canon_fold_run(const char *s, struct buf *out)
{
	struct buf folded = {0}, framed = {0};

	/* Folding drops the spaces at either end; framed in letters, they are inside. */
	buf_printf(&framed, "x%sx", s);
	decl_fold_text(framed.data, &folded);
	buf_append(out, folded.data + 1, folded.len - 2);
	buf_free(&folded);
	buf_free(&framed);
}

/* A run: its look (style flags, language tag, link target), then its text. */
static void
canon_run(const struct run *r, struct buf *out)
{
	struct buf folded = {0};

	number_field(out, "style", (long)r->style);
	field(out, "lang", r->lang >= 0 ? lang_get(r->lang)->tag : NULL);
	field(out, "uri", r->uri);
	canon_fold_run(r->text, &folded);
	field(out, "run", folded.data ? folded.data : "");
	buf_free(&folded);
}

static void
canon_text(const struct text *t, struct buf *out)
{
	number_field(out, "runs", (long)t->nruns);
	for (size_t i = 0; i < t->nruns; i++)
		canon_run(&t->runs[i], out);
}

static void
canon_list(const struct list *l, struct buf *out)
{
	number_field(out, "numbering", (long)l->numbering);
	number_field(out, "start", l->start);
	number_field(out, "items", (long)l->nitems);
	for (size_t k = 0; k < l->nitems; k++) {
		canon_text(&l->items[k].text, out);
		if (l->items[k].sub != NULL)
			canon_list(l->items[k].sub, out);
		else
			field(out, "sublist", NULL);
	}
}

static const char *const block_names[] = {
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "p",
	[BLOCK_LIST] = "list",
	[BLOCK_MOTTO] = "motto",
	[BLOCK_NOTICE] = "notice",
};

void
canon_block(const struct block *b, struct buf *out)
{
	field(out, "block", block_names[b->kind]);
	if (b->kind == BLOCK_LIST)
		canon_list(&b->list, out);
	else
		canon_text(&b->text, out);
}

void
canon_signatory(const struct signatory *s, struct buf *out)
{
	text_field(out, "name", s->name);
	text_field(out, "function", s->function);
	strings_field(out, "organisation", s->org, s->norg);
	number_field(out, "seal", s->seal != 0);
}

/* The date as ISO 8601, or absent. */
static void
date_field(struct buf *out, const struct date *d)
{
	struct buf iso = {0};

	if (d->year == 0) {
		field(out, "date", NULL);
		return;
	}
	buf_printf(&iso, "%04d-%02d-%02d", d->year, d->month, d->day);
	field(out, "date", iso.data);
	buf_free(&iso);
}

void
canon_decl(const struct decl *decl, struct buf *out)
{
	buf_printf(out, "%s\n", CANON_VERSION);
	text_field(out, "id", decl->id);
	text_field(out, "language", decl->language);
	text_field(out, "version", decl->version);
	text_field(out, "place", decl->place);
	date_field(out, &decl->date);
	strings_field(out, "title", decl->title, decl->ntitle);
	text_field(out, "short-title", decl->short_title);
	text_field(out, "subtitle", decl->subtitle);
	strings_field(out, "keywords", decl->keywords, decl->nkeywords);
	strings_field(out, "regions", decl->regions, decl->nregions);
	/* The typeface sets every line; written only when named, so that the hash of a
	 * declaration in the default face is what it was before <typeface> existed. */
	if (decl->typeface[0] != '\0')
		text_field(out, "typeface", decl->typeface);
	/* Exceptions change where words break, so they change the PDF. */
	strings_field(out, "hyphenation", decl->hyphenation, decl->nhyphenation);
	number_field(out, "blocks", (long)decl->nblocks);
	for (size_t i = 0; i < decl->nblocks; i++)
		canon_block(&decl->blocks[i], out);
	field(out, "signatures", "");
	canon_text(&decl->sig_heading, out);
	number_field(out, "columns", decl->columns);
	number_field(out, "signatories", (long)decl->nsignatories);
	for (size_t i = 0; i < decl->nsignatories; i++)
		canon_signatory(&decl->signatories[i], out);
}
