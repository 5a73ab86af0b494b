/* Ownership of the model: everything a struct decl points to is freed here. */
#include "decl.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void
free_text(struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++) {
		free(t->runs[i].text);
		free(t->runs[i].uri);
	}
	free(t->runs);
}

/* Frees what the list holds (not the list itself); sublists are one level deep. */
static void
free_list(struct list *l)
{
	for (size_t k = 0; k < l->nitems; k++) {
		free_text(&l->items[k].text);
		if (l->items[k].sub != NULL) {
			free_list(l->items[k].sub);
			free(l->items[k].sub);
		}
	}
	free(l->items);
}

int
decl_same_org(const struct signatory *a, const struct signatory *b)
{
	if (a->norg != b->norg)
		return 0;
	for (size_t i = 0; i < a->norg; i++)
		if (strcmp(a->org[i], b->org[i]) != 0)
			return 0;
	return 1;
}

static void
append_text(const struct text *t, struct buf *b)
{
	for (size_t i = 0; i < t->nruns; i++)
		buf_puts(b, t->runs[i].text);
	buf_puts(b, "\n");
}

static void
append_list(const struct list *l, struct buf *b)
{
	for (size_t k = 0; k < l->nitems; k++) {
		append_text(&l->items[k].text, b);
		if (l->items[k].sub != NULL)
			append_list(l->items[k].sub, b);
	}
}

void
decl_body_text(const struct decl *decl, struct buf *b)
{
	for (size_t i = 0; i < decl->nblocks; i++) {
		append_text(&decl->blocks[i].text, b);
		append_list(&decl->blocks[i].list, b);
	}
}

void
decl_free(struct decl *decl)
{
	if (decl == NULL)
		return;
	free(decl->path);
	free(decl->id);
	free(decl->language);
	free(decl->version);
	free(decl->place);
	free_strings(decl->title, decl->ntitle);
	free(decl->short_title);
	free(decl->subtitle);
	free_strings(decl->keywords, decl->nkeywords);
	free_strings(decl->regions, decl->nregions);
	free_strings(decl->hyphenation, decl->nhyphenation);
	for (size_t i = 0; i < decl->nblocks; i++) {
		struct block *b = &decl->blocks[i];

		free_text(&b->text);
		free_list(&b->list);
	}
	free(decl->blocks);
	free_text(&decl->sig_heading);
	for (size_t i = 0; i < decl->nsignatories; i++) {
		struct signatory *s = &decl->signatories[i];

		free(s->name);
		free(s->function);
		free_strings(s->org, s->norg);
	}
	free(decl->signatories);
	free(decl);
}
