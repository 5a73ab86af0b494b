/* Private to render: the faces as the document uses them, embedded by us as subsets
 * (Type0 fonts, Identity-H, CID = glyph id) through libharu's object API. */
#ifndef DECLGEN_RENDER_FONTS_H
#define DECLGEN_RENDER_FONTS_H

#include <stdint.h>

#include <hb.h>
#include <hpdf.h>

#include "metrics.h"

struct diag;
struct font;

/* One face as drawn so far. */
struct doc_face {
	HPDF_Dict type0;	/* the Type0 font, made on first use, completed by fonts_finish */
	hb_set_t *gids;		/* glyph ids drawn */
	uint32_t *text;		/* per glyph id: the code point it was first drawn for, or 0 */
	int *width;		/* per glyph id: its advance as drawn, 1/1000 em */
	unsigned nglyphs;	/* of the face: the length of text and width */
};

struct fonts {
	HPDF_Doc pdf;
	const struct font *font;
	const struct metrics *metrics;	/* the font's, as layout measured with them */
	const char *file;		/* the declaration, for messages */
	struct diag *diag;
	struct doc_face faces[FACE_COUNT];
};

void fonts_init(struct fonts *f, HPDF_Doc pdf, const struct font *font, const char *file,
    struct diag *d);
void fonts_free(struct fonts *f);

/* The Type0 font of face, to select in a page's content; NULL if libharu failed. */
HPDF_Dict fonts_get(struct fonts *f, enum face face);

/* The glyph id that draws code point cp in face, noted as drawn for cp; *width is its
 * advance as layout measured it (metrics.h), 1/1000 em. */
hb_codepoint_t fonts_use(struct fonts *f, enum face face, uint32_t cp, int *width);

/* Completes every font used: the subset of its glyphs, the descriptor, the widths and
 * the ToUnicode map. Returns 0, or -1: after reporting a face HarfBuzz cannot subset,
 * or with libharu's error set. */
int fonts_finish(struct fonts *f);

#endif
