/* The font stage: owns the four faces of the family, each loaded once with HarfBuzz,
 * and answers coverage (from the cmap) and advance widths (from hmtx) for layout.
 * A face file is checked before HarfBuzz reads it: HarfBuzz treats a damaged font as
 * an empty one, which would only show up later as "no glyph" for every character. */
#include "font.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "diag.h"
#include "util.h"

static const char *const face_files[FACE_COUNT] = {
	[FACE_REGULAR] = "DeclgenSerif-Regular.ttf",
	[FACE_ITALIC] = "DeclgenSerif-Italic.ttf",
	[FACE_BOLD] = "DeclgenSerif-Bold.ttf",
	[FACE_BOLD_ITALIC] = "DeclgenSerif-BoldItalic.ttf",
};

const char *
font_face_file(enum face face)
{
	return face_files[face];
}

/* The sfnt table directory (OpenType spec, "Organization of an OpenType font"): a
 * 12-byte header whose bytes 4-5 count the tables, then a 16-byte record per table
 * whose bytes 8-11 are its offset and 12-15 its length, all big-endian. */
#define SFNT_HEADER_BYTES 12u
#define SFNT_RECORD_BYTES 16u

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

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether data starts with a TrueType or OpenType (CFF) header. */
static int
is_sfnt(const unsigned char *data, size_t len)
{
	return len >= SFNT_HEADER_BYTES && (be32(data) == 0x00010000u ||
	    memcmp(data, "true", 4) == 0 || memcmp(data, "OTTO", 4) == 0);
}

/* Whether the table directory and every table it lists lie within the file. */
static int
sfnt_complete(const unsigned char *data, size_t len)
{
	size_t ntables = (size_t)data[4] << 8 | data[5];

	if (ntables == 0 || len < SFNT_HEADER_BYTES + ntables * SFNT_RECORD_BYTES)
		return 0;
	for (size_t i = 0; i < ntables; i++) {
		const unsigned char *rec = data + SFNT_HEADER_BYTES + i * SFNT_RECORD_BYTES;
		uint64_t end = (uint64_t)be32(rec + 8) + be32(rec + 12);

		if (end > len)
			return 0;
	}
	return 1;
}

/* Whether face has the tables layout reads: units per em, glyphs, widths, a cmap. */
static int
has_tables(hb_face_t *face)
{
	static const hb_tag_t needed[] = {
		HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'),
		HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'),
		HB_TAG('c', 'm', 'a', 'p'),
	};
	int ok = hb_face_get_glyph_count(face) > 0;

	for (size_t i = 0; ok && i < sizeof needed / sizeof *needed; i++) {
		hb_blob_t *table = hb_face_reference_table(face, needed[i]);

		ok = hb_blob_get_length(table) > 0;
		hb_blob_destroy(table);
	}
	return ok;
}

/* What is wrong with the font file in blob, or NULL if it can be used. */
static const char *
face_problem(hb_blob_t *blob, hb_face_t **face)
{
	unsigned len;
	const unsigned char *data = (const unsigned char *)hb_blob_get_data(blob, &len);

	*face = NULL;
	if (data == NULL || !is_sfnt(data, len))
		return "not a TrueType or OpenType font";
	if (!sfnt_complete(data, len))
		return "the font file is truncated";
	*face = hb_face_create(blob, 0);
	if (!has_tables(*face))
		return "the font lacks a table it needs (head, hhea, hmtx, maxp or cmap)";
	return NULL;
}

/* Loads the face at path into ff; reports why not and returns -1. */
static int
load_face(struct font_face *ff, const char *path, struct diag *d)
{
	hb_face_t *face;
	const char *problem;

	errno = 0;
	if ((ff->blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "cannot load this font: %s; "
		    "reinstall declgen", errno ? strerror(errno) : "unreadable");
		return -1;
	}
	if ((problem = face_problem(ff->blob, &face)) != NULL) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "cannot load this font: %s; "
		    "reinstall declgen", problem);
		hb_face_destroy(face);
		return -1;
	}
	for (size_t i = 0; i < CACHED_CPS; i++)
		ff->width[i] = WIDTH_UNKNOWN;
	ff->upem = hb_face_get_upem(face);
	ff->font = hb_font_create(face);
	hb_font_set_scale(ff->font, (int)ff->upem, (int)ff->upem);
	/* The font holds its own reference to the face. */
	hb_face_destroy(face);
	return 0;
}

/* Advance width of cp in ff, in 1/1000 em, truncated as libharu writes the /W array
 * so that layout and PDF agree; -1 where the face has no glyph. */
static int
lookup_advance(const struct font_face *ff, uint32_t cp)
{
	hb_codepoint_t gid;

	/* The renderer draws by code point (Identity-H), in the Basic Multilingual Plane
	 * only, until it draws by glyph id. */
	if (cp > 0xFFFF)
		return -1;
	if (!hb_font_get_nominal_glyph(ff->font, cp, &gid) || gid == 0)
		return -1;
	return (int)((unsigned long)hb_font_get_glyph_h_advance(ff->font, gid) * 1000 /
	    ff->upem);
}

static int
advance(void *ctx, enum face face, uint32_t cp)
{
	struct font_face *ff = &((struct font *)ctx)->faces[face];

	if (cp >= CACHED_CPS)
		return lookup_advance(ff, cp);
	if (ff->width[cp] == WIDTH_UNKNOWN)
		ff->width[cp] = lookup_advance(ff, cp);
	return ff->width[cp];
}

struct font *
font_new(const char *dir, struct diag *d)
{
	struct font *f = xcalloc(1, sizeof *f);
	int failed = 0;

	for (int i = 0; i < FACE_COUNT; i++) {
		struct buf path = {0};

		buf_printf(&path, "%s/%s", dir, face_files[i]);
		failed |= load_face(&f->faces[i], path.data, d) != 0;
		buf_free(&path);
	}
	if (failed) {
		font_free(f);
		return NULL;
	}
	f->metrics.advance = advance;
	f->metrics.ctx = f;
	return f;
}

void
font_free(struct font *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < FACE_COUNT; i++) {
		hb_font_destroy(f->faces[i].font);
		hb_blob_destroy(f->faces[i].blob);
	}
	free(f);
}

const struct metrics *
font_metrics(const struct font *f)
{
	return &f->metrics;
}
