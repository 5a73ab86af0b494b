/* Render: laid-out pages -> PDF through libharu. The only stage that calls libharu. */
#ifndef DECLGEN_RENDER_H
#define DECLGEN_RENDER_H

#include <stddef.h>

struct decl;
struct diag;
struct font;
struct layout;
struct render;

/* Starts a PDF document drawn with the faces of font (which must outlive it), embedding
 * the glyphs drawn. Problems are reported to d under the name file. Returns NULL on an
 * error. */
struct render *render_new(const struct font *font, const char *file, struct diag *d);
void render_free(struct render *r);

/* Draws the pages and the document information; then produces the PDF in memory:
 * *pdf (owned by r) and *len. Returns 0, or -1 after reporting an error. */
int render_document(struct render *r, const struct decl *decl, const struct layout *l,
    const unsigned char **pdf, size_t *len);

#endif
