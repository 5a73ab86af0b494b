/* The way from a valid declaration to a PDF in memory: hyphenation, layout, render.
 * `declgen check` goes as far as the layout and `declgen render` all the way, through
 * the same functions, so check reports everything render would. */
#ifndef DECLGEN_PIPELINE_H
#define DECLGEN_PIPELINE_H

#include <stddef.h>

#include "layout.h"

struct decl;
struct diag;
struct hyph_set;
struct pipeline;

/* Longest quotation of a line in pipeline_stats, in bytes with its NUL. */
#define PIPELINE_QUOTE_MAX 64

/* What --stats prints: the layout's measures and its worst line, quoted. */
struct pipeline_stats {
	struct layout_stats layout;
	int worst_source_line;	/* source line of the worst line; 0 if unknown or none */
	char worst_words[PIPELINE_QUOTE_MAX];	/* its first words ("…" if cut); "" if none */
};

/* What the declarations of one process share, each part loaded once, on the first
 * declaration that needs it: the font families. */
struct pipeline_env;

/* The environment of the data directory datadir (copied); loads nothing yet. */
struct pipeline_env *pipeline_env_new(const char *datadir);
void pipeline_env_free(struct pipeline_env *env);

/* Lays decl out with the fonts of env, reporting every problem render would:
 * missing glyphs, words wider than the measure, loose lines. decl and env must
 * outlive the result. Returns NULL after reporting an error. */
struct pipeline *pipeline_layout(struct pipeline_env *env, const struct decl *decl,
    const struct layout_options *opt, struct diag *d);
void pipeline_free(struct pipeline *p);

/* Creates the renderer (libharu) and renders the layout: *pdf (owned by p, valid until
 * pipeline_free or the next pipeline_pdf) and *len. Returns 0,
 * or -1 after reporting an error. */
int pipeline_pdf(struct pipeline *p, const unsigned char **pdf, size_t *len);

void pipeline_get_stats(const struct pipeline *p, struct pipeline_stats *st);

/* pipeline_layout and pipeline_pdf in one, for one declaration of datadir (in an
 * environment of its own): on success returns 0, *pdf (owned by the
 * caller) and *len; stats, if not NULL, receives what the layout measured. Returns -1
 * after reporting an error. */
int pipeline_render(const char *datadir, const struct decl *decl,
    const struct layout_options *opt, struct diag *d, unsigned char **pdf, size_t *len,
    struct layout_stats *stats);

#endif
