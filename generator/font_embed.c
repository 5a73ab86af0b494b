/* The font stage's embedding side: reads the faces font.c loaded (font_int.h) for the
 * renderer. Table layouts from the OpenType specification (head, hhea, OS/2, post). */
#include "font_embed.h"
#include "font_int.h"

#include <stdint.h>
#include <string.h>

#include <hb-ot.h>
#include <hb-subset.h>

/* Offsets of the fields read, in bytes from the start of each table. */
#define HEAD_BBOX 36		/* xMin, yMin, xMax, yMax: int16 */
#define HEAD_MAC_STYLE 44	/* uint16, bit 1 italic */
#define HHEA_ASCENDER 4		/* int16 */
#define HHEA_DESCENDER 6	/* int16 */
#define OS2_WEIGHT 4		/* usWeightClass: uint16 */
#define OS2_FAMILY_CLASS 30	/* sFamilyClass: class in the high byte */
#define OS2_CAP_HEIGHT 88	/* sCapHeight: int16, table version 2 and later */
#define POST_ITALIC_ANGLE 4	/* 16.16 fixed */
#define POST_FIXED_PITCH 12	/* uint32 */
/* sFamilyClass classes 1 to 7 are the serif styles (oldstyle to freeform serifs). */
#define FAMILY_CLASS_SERIF_LAST 7

static const struct font_face *
face_of(const struct font *f, enum face face)
{
	return &f->faces[face];
}

unsigned
embed_glyph_count(const struct font *f, enum face face)
{
	return hb_face_get_glyph_count(hb_font_get_face(face_of(f, face)->font));
}

/* A table's bytes, read through a bounds check: absent fields read as 0. */
struct table {
	hb_blob_t *blob;
	const unsigned char *data;
	unsigned len;
};

static void
table_open(struct table *t, hb_face_t *face, hb_tag_t tag)
{
	t->blob = hb_face_reference_table(face, tag);
	t->data = (const unsigned char *)hb_blob_get_data(t->blob, &t->len);
}

static uint32_t
table_u(const struct table *t, unsigned off, unsigned bytes)
{
	uint32_t v = 0;

	if (off + bytes > t->len)
		return 0;
	for (unsigned i = 0; i < bytes; i++)
		v = v << 8 | t->data[off + i];
	return v;
}

static int
table_s16(const struct table *t, unsigned off)
{
	return (int16_t)(uint16_t)table_u(t, off, 2);
}

static int
has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t *blob = hb_face_reference_table(face, tag);
	int has = hb_blob_get_length(blob) > 0;

	hb_blob_destroy(blob);
	return has;
}

/* The PostScript name, kept to the characters a PDF name and a subset tag allow. */
static void
postscript_name(hb_face_t *face, char *out)
{
	char name[EMBED_NAME_MAX + 1];
	unsigned len = sizeof name;
	size_t n = 0;

	if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
	    &len, name) == 0)
		name[0] = '\0';
	for (const char *p = name; *p; p++)
		if (*p > ' ' && *p < 0x7F && strchr("[](){}<>/%#", *p) == NULL)
			out[n++] = *p;
	if (n == 0)
		memcpy(out, "Font", n = 4);
	out[n] = '\0';
}

void
embed_facts(const struct font *f, enum face face, struct embed_facts *facts)
{
	const struct font_face *ff = face_of(f, face);
	hb_face_t *hf = hb_font_get_face(ff->font);
	struct table head, hhea, os2, post;
	unsigned weight;

	memset(facts, 0, sizeof *facts);
	table_open(&head, hf, HB_TAG('h', 'e', 'a', 'd'));
	table_open(&hhea, hf, HB_TAG('h', 'h', 'e', 'a'));
	table_open(&os2, hf, HB_TAG('O', 'S', '/', '2'));
	table_open(&post, hf, HB_TAG('p', 'o', 's', 't'));
	postscript_name(hf, facts->name);
	facts->cff = has_table(hf, HB_TAG('C', 'F', 'F', ' '));
	for (int i = 0; i < 4; i++)
		facts->bbox[i] = milli_em_rounded(table_s16(&head, HEAD_BBOX + 2 * i), ff->upem);
	facts->ascent = milli_em_rounded(table_s16(&hhea, HHEA_ASCENDER), ff->upem);
	facts->descent = milli_em_rounded(table_s16(&hhea, HHEA_DESCENDER), ff->upem);
	facts->cap_height = table_u(&os2, 0, 2) >= 2 ?
	    milli_em_rounded(table_s16(&os2, OS2_CAP_HEIGHT), ff->upem) : facts->ascent;
	facts->italic_angle = (int32_t)table_u(&post, POST_ITALIC_ANGLE, 4) / 65536.0;
	/* The usual estimate (as in cairo): 10 for hairlines to 230 for the heaviest. */
	weight = table_u(&os2, OS2_WEIGHT, 2);
	weight = weight < 50 ? 400 : weight > 950 ? 950 : weight;
	facts->stem_v = (int)(10 + 220 * (weight - 50) / 900);
	/* A CIDFont's glyphs are chosen by CID, never by a standard encoding. */
	facts->flags = EMBED_FLAG_SYMBOLIC;
	if (table_u(&post, POST_FIXED_PITCH, 4) != 0)
		facts->flags |= EMBED_FLAG_FIXED_PITCH;
	if (table_u(&os2, OS2_FAMILY_CLASS, 1) >= 1 &&
	    table_u(&os2, OS2_FAMILY_CLASS, 1) <= FAMILY_CLASS_SERIF_LAST)
		facts->flags |= EMBED_FLAG_SERIF;
	if (facts->italic_angle != 0 || (table_u(&head, HEAD_MAC_STYLE, 2) & 2))
		facts->flags |= EMBED_FLAG_ITALIC;
	hb_blob_destroy(head.blob);
	hb_blob_destroy(hhea.blob);
	hb_blob_destroy(os2.blob);
	hb_blob_destroy(post.blob);
}

hb_blob_t *
embed_subset(const struct font *f, enum face face, const hb_set_t *gids)
{
	/* A PDF reader positions glyphs by the font's /W array and needs no layout tables;
	 * without GSUB the subsetter also adds no glyphs reachable by substitution. */
	static const hb_tag_t dropped[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
	};
	hb_subset_input_t *input = hb_subset_input_create_or_fail();
	hb_face_t *sub;
	hb_blob_t *blob;

	if (input == NULL)
		return NULL;
	hb_set_union(hb_subset_input_glyph_set(input), gids);
	for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++)
		hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
	/* CID = glyph id: the content streams draw by glyph id (CIDToGIDMap /Identity).
	 * Hinting changes nothing in a PDF reader's rendering of body text sizes. */
	hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(hb_font_get_face(face_of(f, face)->font), input);
	hb_subset_input_destroy(input);
	if (sub == NULL)
		return NULL;
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (hb_blob_get_length(blob) == 0) {
		hb_blob_destroy(blob);
		return NULL;
	}
	return blob;
}
