/* Hyphenation, layout and render wired together for one declaration, with what the
 * declarations of a process share (the font families) loaded once. Layout measures
 * with the font stage; the renderer is created only to write the PDF. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "font.h"
#include "font_family.h"
#include "hyph.h"
#include "render.h"
#include "util.h"

struct pipeline_env {
	char *datadir;
	char *fonts;			/* the fonts' directory */
	struct font_cache *families;	/* loaded on first need */
};

struct pipeline {
	const struct decl *decl;
	struct pipeline_env *env;
	struct diag *diag;
	struct font *font;		/* the faces layout measures with, env's */
	struct render *render;		/* the PDF, once pipeline_pdf made it */
	struct hyph_set *hyph;
	struct layout *layout;
};

struct pipeline_env *
pipeline_env_new(const char *datadir)
{
	struct pipeline_env *env = xcalloc(1, sizeof *env);

	env->datadir = xstrdup(datadir);
	env->fonts = datadir_path(datadir, "fonts");
	env->families = font_cache_new();
	return env;
}

void
pipeline_env_free(struct pipeline_env *env)
{
	if (env == NULL)
		return;
	font_cache_free(env->families);
	free(env->fonts);
	free(env->datadir);
	free(env);
}

struct pipeline *
pipeline_layout(struct pipeline_env *env, const struct decl *decl,
    const struct layout_options *opt, struct diag *d)
{
	struct pipeline *p = xcalloc(1, sizeof *p);
	struct font_family family;

	p->decl = decl;
	p->env = env;
	p->diag = d;
	if (font_family_find(decl, env->fonts, &family, d) == 0) {
		p->font = font_cache_get(env->families, family.paths, family.bundled, d);
		font_family_free(&family);
	}
	if (p->font != NULL) {
		p->hyph = hyph_set_new(env->datadir, decl, d);
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
	free(p);
}

int
pipeline_pdf(struct pipeline *p, const unsigned char **pdf, size_t *len)
{
	render_free(p->render);
	if ((p->render = render_new(p->font, p->decl->path, p->diag)) == NULL)
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
		if (prev != NULL && it->x > prev->x2 + LAY_WORD_GAP)
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
	struct pipeline_env *env = pipeline_env_new(datadir);
	struct pipeline *p = pipeline_layout(env, decl, opt, d);
	const unsigned char *out;
	int ret = -1;

	*pdf = NULL;
	*len = 0;
	if (p != NULL && pipeline_pdf(p, &out, len) == 0) {
		*pdf = xmalloc(*len);
		memcpy(*pdf, out, *len);
		if (stats)
			layout_get_stats(p->layout, stats);
		ret = 0;
	}
	pipeline_free(p);
	pipeline_env_free(env);
	return ret;
}
