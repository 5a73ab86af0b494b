/* What layout asks of fonts, through function pointers so that layout never calls the
 * PDF library and can be tested with a fake font. */
#ifndef DECLGEN_METRICS_H
#define DECLGEN_METRICS_H

#include <stdint.h>

enum face {
	FACE_REGULAR,
	FACE_ITALIC,
	FACE_BOLD,
	FACE_BOLD_ITALIC,
	FACE_COUNT
};

struct metrics {
	/* Advance width of code point cp in face, in 1/1000 em; -1 if the face has no
	 * glyph for cp. */
	int (*advance)(void *ctx, enum face face, uint32_t cp);
	/* Kerning between two code points set next to each other in face, in 1/1000
	 * em (rounded to the nearest, halves away from zero), added to the left one's
	 * advance; 0 for none. Layout applies it between
	 * two characters that end up in one text item (same face, no space or line
	 * break between them, a soft hyphen skipped), and to a hyphen added at a
	 * break; the renderer draws every item the same way, so glyphs land where
	 * layout put them. */
	int (*kern)(void *ctx, enum face face, uint32_t left, uint32_t right);
	void *ctx;
	/* The typeface's family name, for messages; NULL or "" if unknown. */
	const char *family;
};

#endif
