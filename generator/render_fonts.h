/* Private to render: the embedded fonts, their metrics and their ToUnicode maps. */
#ifndef DECLGEN_RENDER_FONTS_H
#define DECLGEN_RENDER_FONTS_H

#include <stdint.h>

#include <hpdf.h>

#include "metrics.h"

struct diag;

struct fonts {
	HPDF_Doc pdf;
	const char *dir;
	const char *file;	/* the declaration, for messages */
	struct diag *diag;
	HPDF_FontDef defs[FACE_COUNT];	/* loaded on first use */
	HPDF_Font fonts[FACE_COUNT];	/* created on first drawing */
	int failed[FACE_COUNT];
	uint8_t *used[FACE_COUNT];	/* bit set of code points drawn, 65536 bits */
	struct metrics metrics;
};

void fonts_init(struct fonts *f, HPDF_Doc pdf, const char *dir, const char *file,
    struct diag *d);
void fonts_free(struct fonts *f);

/* The font for face, ready to draw with (UTF-8 encoding); NULL after an error. */
HPDF_Font fonts_get(struct fonts *f, enum face face);

/* Notes the code points of UTF-8 text drawn in face, for the ToUnicode map. */
void fonts_mark_used(struct fonts *f, enum face face, const char *text, size_t len);

/* Replaces libharu's ToUnicode CMaps (begincidrange, which readers reject) by
 * bfchar maps of the code points drawn. Returns 0 or -1. */
int fonts_fix_tounicode(struct fonts *f);

#endif
