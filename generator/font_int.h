/* Private to the font stage (font*.c): the faces as loaded, for the parts of the
 * stage that measure (font.c) and that embed (the renderer's subsetting). */
#ifndef DECLGEN_FONT_INT_H
#define DECLGEN_FONT_INT_H

#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "metrics.h"

/* Code points whose widths a face remembers once looked up: Basic Latin to Latin
 * Extended-B, nearly all the letters of German text. Layout asks for the same few
 * letters thousands of times, and a lookup through HarfBuzz costs some 350
 * instructions. */
#define CACHED_CPS 0x250u
/* A width not looked up yet, in font_face.width. */
#define WIDTH_UNKNOWN (-2)

/* The kerning pairs a kerned face remembers once shaped: an open-addressing table of
 * KERN_SLOTS slots (linear probing), emptied when KERN_FULL are taken, so that its
 * memory stays bounded whatever the text. A declaration has some 400 distinct pairs
 * of adjacent characters (both in declarations/, the showcase: 380 to 414), and a
 * batch keeps its faces, so most pairs are shaped once a process; shaping one costs
 * some 6,000 instructions, a hit some 50. */
#define KERN_SLOT_BITS 10
#define KERN_SLOTS (1u << KERN_SLOT_BITS)
#define KERN_FULL (KERN_SLOTS / 4 * 3)

struct kern_cache {
	hb_buffer_t *buf;		/* reused for every pair shaped */
	size_t used;			/* slots taken */
	unsigned long shaped;		/* pairs shaped so far: the misses */
	uint64_t key[KERN_SLOTS];	/* the pair (font.c's pair_key); 0: empty */
	int value[KERN_SLOTS];		/* its kerning, 1/1000 em */
};

struct font_face {
	hb_blob_t *blob;	/* the file's bytes */
	hb_font_t *font;	/* scaled to font units */
	unsigned upem;		/* font units per em, from head */
	int width[CACHED_CPS];	/* 1/1000 em, -1 for no glyph, or WIDTH_UNKNOWN */
	/* NULL for a face without kerning (no GPOS 'kern' feature, no 'kern' table):
	 * it answers 0 without shaping. */
	struct kern_cache *kern;
};

/* Bytes kept of a family's name, for messages. */
#define FAMILY_NAME_BYTES 64

struct font {
	struct font_face faces[FACE_COUNT];
	struct metrics metrics;
	char family[FAMILY_NAME_BYTES];	/* the regular face's family name, or "" */
};

/* Shapes the pair left, right in ff as kerning measures it: left to right, Latin
 * script, no language, kerning and mark positioning on, ligatures off. Returns the
 * number of glyphs (2 unless the face merges them) and sets *info and *pos, valid
 * until ff shapes again. ff must have kerning (ff->kern not NULL). */
unsigned font_shape_pair(struct font_face *ff, uint32_t left, uint32_t right,
    const hb_glyph_info_t **info, const hb_glyph_position_t **pos);

/* units font units in 1/1000 em, rounded to the nearest, halves away from zero: every
 * kerning value and the font descriptor's metrics (advance widths are truncated, as
 * libharu's were). */
static inline int
milli_em_rounded(long units, unsigned upem)
{
	long n = (units < 0 ? -units : units) * 1000;
	long q = (2 * n + (long)upem) / (2 * (long)upem);

	return (int)(units < 0 ? -q : q);
}

#endif
