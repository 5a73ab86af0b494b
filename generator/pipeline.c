/* Hyphenation, layout and render wired together for one declaration. Layout measures
 * with the font stage; the renderer (libharu) is created only to write the PDF. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "lang.h"
#include "render.h"
#include "util.h"

struct pipeline {
	const struct decl *decl;
	char *fonts;			/* the fonts' directory: render uses it while it lives */
	struct diag *diag;
	struct font *font;		/* the faces layout measures with */
	struct render *render;		/* the PDF, once pipeline_pdf made it */
	struct hyph_set *hyph;
	struct layout *layout;
};

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
pipeline_hyphenation(const char *datadir, const struct decl *decl, struct diag *d)
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

struct pipeline *
pipeline_layout(const char *datadir, const struct decl *decl,
    const struct layout_options *opt, struct diag *d)
{
	struct pipeline *p = xcalloc(1, sizeof *p);

	p->decl = decl;
	p->diag = d;
	p->fonts = datadir_path(datadir, "fonts");
	p->font = font_new(p->fonts, d);
	if (p->font != NULL) {
		p->hyph = pipeline_hyphenation(datadir, decl, d);
		p->layout = layout_new(decl, font_metrics(p->font), p->hyph, opt, d);
	}
	if (p->layout == NULL) {
		pipeline_free(p);
		return NULL;
	}
	return p;
}

void
pipeline_free(struct pipeline *p)
{
	if (p == NULL)
		return;
	layout_free(p->layout);
	hyph_set_free(p->hyph);
	render_free(p->render);
	font_free(p->font);
	free(p->fonts);
	free(p);
}

int
pipeline_pdf(struct pipeline *p, const unsigned char **pdf, size_t *len)
{
	render_free(p->render);
	if ((p->render = render_new(p->fonts, p->decl->path, p->diag)) == NULL)
		return -1;
	return render_document(p->render, p->decl, p->layout, pdf, len);
}

/* The words of line n (1 + its index) as set, a space wherever two items of it are
 * apart; cut after a word (or within one long word) to fit out, with "…". */
static void
quote_line(const struct layout *l, size_t n, char *out, size_t size)
{
	static const char ellipsis[] = "\xE2\x80\xA6";
	const struct lay_item *prev = NULL;
	struct buf b = {0};
	size_t cut;

	for (size_t i = 0; i < l->nitems; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind != LAY_TEXT || it->line != n)
			continue;
		if (prev != NULL && it->x > prev->x2 + 0.01)
			buf_puts(&b, " ");
		buf_append(&b, lay_text(l, it), it->len);
		prev = it;
	}
	cut = b.len;
	if (cut >= size) {
		/* Room for " …" and the NUL. */
		size_t room = size - sizeof ellipsis - 1;

		for (cut = room; cut > 0 && b.data[cut] != ' '; cut--)
			continue;
		/* One long word: cut it between two characters. */
		for (cut = cut ? cut : room; ((unsigned char)b.data[cut] & 0xC0) == 0x80; cut--)
			continue;
	}
	snprintf(out, size, "%.*s%s%s", (int)cut, b.data ? b.data : "",
	    cut < b.len && b.data[cut] == ' ' ? " " : "", cut < b.len ? ellipsis : "");
	buf_free(&b);
}

void
pipeline_get_stats(const struct pipeline *p, struct pipeline_stats *st)
{
	const struct layout *l = p->layout;
	size_t n;

	memset(st, 0, sizeof *st);
	layout_get_stats(l, &st->layout);
	n = st->layout.worst_line;
	if (n == 0 || n > l->nlines)
		return;
	st->worst_source_line = l->lines[n - 1].pos.line;
	quote_line(l, n, st->worst_words, sizeof st->worst_words);
}

int
pipeline_render(const char *datadir, const struct decl *decl,
    const struct layout_options *opt, struct diag *d, unsigned char **pdf, size_t *len,
    struct layout_stats *stats)
{
	struct pipeline *p = pipeline_layout(datadir, decl, opt, d);
	const unsigned char *out;

	*pdf = NULL;
	*len = 0;
	if (p == NULL || pipeline_pdf(p, &out, len) != 0) {
		pipeline_free(p);
		return -1;
	}
	*pdf = xmalloc(*len);
	memcpy(*pdf, out, *len);
	if (stats)
		layout_get_stats(p->layout, stats);
	pipeline_free(p);
	return 0;
}
