/* The hyphenation a declaration needs: for each language its text uses, the patterns
 * that can match in that text, with the project's and the declaration's exceptions. */
#include "hyph.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "lang.h"
#include "util.h"

/* The text of each language a declaration uses, to choose the patterns it needs:
 * text[i] for row i of the language table. */
struct lang_text {
	struct buf text[LANG_MAX];
	int used[LANG_MAX];
};

static void
add_run_text(struct lang_text *lt, int lang, const char *s)
{
	if (lang < 0 || lang >= lang_count())
		return;
	buf_puts(&lt->text[lang], s);
	lt->used[lang] = 1;
}

/* Each run goes to its language; a change of language ends a word. */
static void
add_text(struct lang_text *lt, const struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++) {
		add_run_text(lt, t->runs[i].lang, t->runs[i].text);
		if (i + 1 == t->nruns || t->runs[i + 1].lang != t->runs[i].lang)
			add_run_text(lt, t->runs[i].lang, "\n");
	}
}

/* The model nests a list one level deep at most. */
static void
add_list(struct lang_text *lt, const struct list *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		add_text(lt, &l->items[i].text);
		if (l->items[i].sub != NULL)
			add_list(lt, l->items[i].sub);
	}
}

static void
collect_text(struct lang_text *lt, const struct decl *decl)
{
	memset(lt, 0, sizeof *lt);
	if (decl->lang >= 0)
		lt->used[decl->lang] = 1;
	for (size_t i = 0; i < decl->nblocks; i++) {
		add_text(lt, &decl->blocks[i].text);
		add_list(lt, &decl->blocks[i].list);
	}
	add_text(lt, &decl->sig_heading);
	/* Functions and organisations are set in the declaration's language. */
	for (size_t i = 0; i < decl->nsignatories; i++) {
		const struct signatory *sg = &decl->signatories[i];

		if (sg->function != NULL)
			add_run_text(lt, decl->lang, sg->function);
		for (size_t k = 0; k < sg->norg; k++)
			add_run_text(lt, decl->lang, sg->org[k]);
		add_run_text(lt, decl->lang, "\n");
	}
}

static int
is_german(const struct lang *l)
{
	return strncasecmp(l->tag, "de", 2) == 0 && (l->tag[2] == '\0' || l->tag[2] == '-');
}

/* The project's exception list, which is German. */
static void
add_project_exceptions(const char *datadir, struct hyph *h, struct diag *d)
{
	char *exceptions = datadir_path(datadir, "hyphen/exceptions");

	if (hyph_load_exceptions(h, exceptions) < 0)
		diag_report(d, DIAG_WARNING, exceptions, 0, 0,
		    "cannot read the hyphenation exceptions; reinstall declgen");
	free(exceptions);
}

/* The declaration's own <hyphenation> words, in its language; added last, they win. */
static void
add_declaration_exceptions(const struct decl *decl, struct hyph *h, struct diag *d)
{
	for (size_t i = 0; i < decl->nhyphenation; i++)
		if (hyph_add_exception(h, decl->hyphenation[i]) != 0)
			diag_report(d, DIAG_WARNING, decl->path, decl->hyphenation_pos.line,
			    decl->hyphenation_pos.col, "hyphenation exception \"%s\" has letters "
			    "the %s patterns cannot hyphenate; it is ignored", decl->hyphenation[i],
			    lang_get(decl->lang)->tag);
}

/* The patterns of row i that can match in text. */
static struct hyph *
load_patterns(const char *datadir, const struct decl *decl, int i, const struct buf *text,
    struct diag *d)
{
	const struct lang *l = lang_get(i);
	const char *s = text->data ? text->data : "";
	char *ours = datadir_path(datadir, l->patterns);
	struct hyph *h = hyph_load(ours, s, text->len);

	if (h == NULL && l->system_patterns != NULL)
		h = hyph_load(l->system_patterns, s, text->len);
	if (h == NULL)
		diag_report(d, DIAG_WARNING, decl->path, 0, 0, "no hyphenation patterns for "
		    "language %s (%s): its text is set without hyphenation; reinstall declgen",
		    l->tag, ours);
	if (h != NULL && is_german(l))
		add_project_exceptions(datadir, h, d);
	if (h != NULL && i == decl->lang)
		add_declaration_exceptions(decl, h, d);
	free(ours);
	return h;
}

struct hyph_set *
hyph_set_new(const char *datadir, const struct decl *decl, struct diag *d)
{
	struct hyph_set *set = xcalloc(1, sizeof *set);
	struct lang_text lt;

	collect_text(&lt, decl);
	for (int i = 0; i < lang_count(); i++) {
		if (lt.used[i])
			set->by[i] = load_patterns(datadir, decl, i, &lt.text[i], d);
		buf_free(&lt.text[i]);
	}
	return set;
}
