/* Private to the font stage (font*.c): the faces as loaded, for the parts of the
 * stage that measure (font.c) and that embed (the renderer's subsetting). */
#ifndef DECLGEN_FONT_INT_H
#define DECLGEN_FONT_INT_H

#include <hb.h>

#include "metrics.h"

/* Code points whose widths a face remembers once looked up: Basic Latin to Latin
 * Extended-B, nearly all the letters of German text. Layout asks for the same few
 * letters thousands of times, and a lookup through HarfBuzz costs some 350
 * instructions. */
#define CACHED_CPS 0x250u
/* A width not looked up yet, in font_face.width. */
#define WIDTH_UNKNOWN (-2)

struct font_face {
	hb_blob_t *blob;	/* the file's bytes */
	hb_font_t *font;	/* scaled to font units */
	unsigned upem;		/* font units per em, from head */
	int width[CACHED_CPS];	/* 1/1000 em, -1 for no glyph, or WIDTH_UNKNOWN */
};

struct font {
	struct font_face faces[FACE_COUNT];
	struct metrics metrics;
};

#endif
