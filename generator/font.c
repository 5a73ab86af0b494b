/* The font stage: owns the four faces of the family, each loaded once with HarfBuzz
 * (checked by font_check.c first), and answers coverage (from the cmap), advance
 * widths (from hmtx) and kerning for layout. */
#include "font.h"
#include "font_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "diag.h"
#include "font_check.h"
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

/* Loads the face at path into ff; reports why not and returns -1. */
static int
load_face(struct font_face *ff, const char *path, int bundled, struct diag *d)
{
	hb_face_t *face = font_check_load(path, bundled, &ff->blob, d);

	if (face == NULL)
		return -1;
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

/* Kerning between left and right in face, in 1/1000 em (negative: closer). To be
 * read from the face's GPOS and kern tables by shaping the pair with HarfBuzz. */
static int
kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	(void)ctx;
	(void)face;
	(void)left;
	(void)right;
	return 0;
}

struct font *
font_new_files(const char *const paths[FACE_COUNT], int bundled, struct diag *d)
{
	struct font *f = xcalloc(1, sizeof *f);
	int failed = 0;

	for (int i = 0; i < FACE_COUNT; i++)
		failed |= load_face(&f->faces[i], paths[i], bundled, d) != 0;
	if (failed) {
		font_free(f);
		return NULL;
	}
	f->metrics.advance = advance;
	f->metrics.kern = kern;
	f->metrics.ctx = f;
	return f;
}

struct font *
font_new(const char *dir, struct diag *d)
{
	struct buf paths[FACE_COUNT] = {0};
	const char *p[FACE_COUNT];
	struct font *f;

	for (int i = 0; i < FACE_COUNT; i++) {
		buf_printf(&paths[i], "%s/%s", dir, face_files[i]);
		p[i] = paths[i].data;
	}
	f = font_new_files(p, 1, d);
	for (int i = 0; i < FACE_COUNT; i++)
		buf_free(&paths[i]);
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
