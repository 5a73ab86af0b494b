/* The way from a valid declaration to a PDF in memory, as `declgen render` takes it:
 * hyphenation, layout, render. */
#ifndef DECLGEN_PIPELINE_H
#define DECLGEN_PIPELINE_H

#include <stddef.h>

#include "layout.h"

struct decl;
struct diag;
struct hyph_set;

/* Hyphenation for each language of decl: the patterns of datadir (Debian's if they are
 * missing), then the project's exceptions, then the declaration's own. A language
 * without patterns gets none, with a warning. Free with hyph_set_free. */
struct hyph_set *pipeline_hyphenation(const char *datadir, const struct decl *decl,
    struct diag *d);

/* Lays decl out and renders it with the fonts of datadir. On success returns 0, *pdf
 * (owned by the caller) and *len; stats, if not NULL, receives what the layout
 * measured. Returns -1 after reporting an error. */
int pipeline_render(const char *datadir, const struct decl *decl,
    const struct layout_options *opt, struct diag *d, unsigned char **pdf, size_t *len,
    struct layout_stats *stats);

#endif
