/* The font stage's embedding side, for the renderer: glyph ids, the facts a PDF font
 * descriptor states, and subsets of the faces (HarfBuzz's subsetter). Never calls the
 * PDF library. */
#ifndef DECLGEN_FONT_EMBED_H
#define DECLGEN_FONT_EMBED_H

#include <hb.h>

#include "metrics.h"

struct font;

/* Longest PostScript name kept, in bytes (Type 1 and CFF allow 63). */
#define EMBED_NAME_MAX 63

/* Font descriptor flags (PDF 32000-1, 9.8.2, table 123). */
#define EMBED_FLAG_FIXED_PITCH (1u << 0)
#define EMBED_FLAG_SERIF (1u << 1)
#define EMBED_FLAG_SYMBOLIC (1u << 2)
#define EMBED_FLAG_ITALIC (1u << 6)

/* What a PDF says about a face (PDF 32000-1, 9.8), from its head, hhea, OS/2 and post
 * tables; lengths in 1/1000 em. */
struct embed_facts {
	char name[EMBED_NAME_MAX + 1];	/* PostScript name, printable ASCII, no delimiters */
	int cff;		/* outlines in a 'CFF ' table (an "OTTO" file), else glyf */
	unsigned flags;		/* EMBED_FLAG_* */
	int bbox[4];		/* head: xMin, yMin, xMax, yMax */
	double italic_angle;	/* post: degrees, counter-clockwise from vertical */
	int ascent, descent;	/* hhea: above (positive) and below (negative) the baseline */
	int cap_height;		/* OS/2 sCapHeight, or the ascent where OS/2 has none */
	int stem_v;		/* estimated from OS/2 usWeightClass: fonts do not record it */
};

/* Number of glyphs of face. */
unsigned embed_glyph_count(const struct font *f, enum face face);

void embed_facts(const struct font *f, enum face face, struct embed_facts *facts);

/* The face's font file cut to the glyphs in gids (and the components of composite
 * glyphs), each keeping its glyph id, without hinting instructions or layout tables.
 * Returns a blob the caller destroys, or NULL if HarfBuzz cannot subset the face. */
hb_blob_t *embed_subset(const struct font *f, enum face face, const hb_set_t *gids);

#endif
