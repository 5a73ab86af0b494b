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
#include <hb-ot.h>

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

/* Whether face kerns: a 'kern' feature in its GPOS table, or a 'kern' table. */
static int
has_kerning(hb_face_t *face)
{
	hb_tag_t tags[64];
	unsigned start = 0, count;
	hb_blob_t *table;
	int kerns;

	do {
		count = sizeof tags / sizeof *tags;
		hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, start, &count, tags);
		for (unsigned i = 0; i < count; i++)
			if (tags[i] == HB_TAG('k', 'e', 'r', 'n'))
				return 1;
		start += count;
	} while (count == sizeof tags / sizeof *tags);
	table = hb_face_reference_table(face, HB_TAG('k', 'e', 'r', 'n'));
	kerns = hb_blob_get_length(table) > 0;
	hb_blob_destroy(table);
	return kerns;
}

/* The kerning cache of a kerned face, with its shaping buffer allocated up front, so
 * that the buffer never grows while a pair is shaped (where no one could report it).
 * NULL after reporting that memory is exhausted. */
static struct kern_cache *
kern_cache_new(const char *path, struct diag *d)
{
	struct kern_cache *k = xcalloc(1, sizeof *k);

	k->buf = hb_buffer_create();
	if (!hb_buffer_pre_allocate(k->buf, 8)) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "out of memory");
		hb_buffer_destroy(k->buf);
		free(k);
		return NULL;
	}
	return k;
}

static void
kern_cache_free(struct kern_cache *k)
{
	if (k == NULL)
		return;
	hb_buffer_destroy(k->buf);
	free(k);
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
	if (has_kerning(face) && (ff->kern = kern_cache_new(path, d)) == NULL) {
		hb_face_destroy(face);
		return -1;
	}
	/* The font holds its own reference to the face. */
	hb_face_destroy(face);
	return 0;
}

/* The glyph of cp in ff, 0 for none. */
static hb_codepoint_t
nominal_glyph(const struct font_face *ff, uint32_t cp)
{
	hb_codepoint_t gid;

	/* The Basic Multilingual Plane only, as when the renderer drew by code point; it
	 * draws by glyph id now, so this can go once a test face beyond the plane has a
	 * test. */
	if (cp > 0xFFFF || !hb_font_get_nominal_glyph(ff->font, cp, &gid))
		return 0;
	return gid;
}

/* Advance width of cp in ff, in 1/1000 em, truncated (as libharu's /W arrays were, so
 * that layouts did not move when the renderer began writing /W itself from these same
 * numbers); -1 where the face has no glyph. */
static int
lookup_advance(const struct font_face *ff, uint32_t cp)
{
	hb_codepoint_t gid = nominal_glyph(ff, cp);

	if (gid == 0)
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

unsigned
font_shape_pair(struct font_face *ff, uint32_t left, uint32_t right,
    const hb_glyph_info_t **info, const hb_glyph_position_t **pos)
{
	/* German compounds must not ligate across their joints ("Auflage"): every
	 * ligature is off; kern and mark positioning are on by default. */
	static const hb_feature_t features[] = {
		{HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
		{HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
		{HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
		{HB_TAG('h', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
	};
	const uint32_t pair[2] = {left, right};
	hb_buffer_t *buf = ff->kern->buf;
	unsigned n;

	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf32(buf, pair, 2, 0, 2);
	/* One script and no language for every pair, so that a pair kerns the same
	 * wherever it stands and whatever the locale: declgen sets Latin text. */
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
	hb_shape(ff->font, buf, features, sizeof features / sizeof *features);
	*info = hb_buffer_get_glyph_infos(buf, &n);
	*pos = hb_buffer_get_glyph_positions(buf, &n);
	return n;
}

/* Kerning of the pair shaped in ff: the left glyph's shaped advance minus its nominal
 * one, in 1/1000 em; 0 if shaping did not keep two glyphs. */
static int
shape_kern(struct font_face *ff, uint32_t left, uint32_t right)
{
	const hb_glyph_info_t *info;
	const hb_glyph_position_t *pos;

	if (font_shape_pair(ff, left, right, &info, &pos) != 2)
		return 0;
	return milli_em_rounded((long)pos[0].x_advance -
	    hb_font_get_glyph_h_advance(ff->font, info[0].codepoint), ff->upem);
}

/* The cache key of a pair: never 0, which marks an empty slot. */
static uint64_t
pair_key(uint32_t left, uint32_t right)
{
	return ((uint64_t)left + 1) << 32 | right;
}

/* The slot of key in k: where it is, or the empty slot where it belongs. */
static size_t
kern_slot(const struct kern_cache *k, uint64_t key)
{
	/* Fibonacci hashing: the top bits of the key times 2^64 / golden ratio. */
	size_t i = (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - KERN_SLOT_BITS));

	while (k->key[i] != 0 && k->key[i] != key)
		i = (i + 1) & (KERN_SLOTS - 1);
	return i;
}

static int
kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	struct font_face *ff = &((struct font *)ctx)->faces[face];
	struct kern_cache *k = ff->kern;
	uint64_t key = pair_key(left, right);
	size_t i;

	if (k == NULL)
		return 0;
	i = kern_slot(k, key);
	if (k->key[i] == key)
		return k->value[i];
	if (k->used == KERN_FULL) {
		memset(k->key, 0, sizeof k->key);
		k->used = 0;
		i = kern_slot(k, key);
	}
	k->key[i] = key;
	/* A character without a glyph is an error layout reports: no kerning for it. */
	if (nominal_glyph(ff, left) == 0 || nominal_glyph(ff, right) == 0) {
		k->value[i] = 0;
	} else {
		k->value[i] = shape_kern(ff, left, right);
		k->shaped++;
	}
	k->used++;
	return k->value[i];
}

/* The family name of ff (typographic family, name ID 16, else family, ID 1) into out,
 * in the first language the face names it in; "" if it names none. */
static void
read_family(const struct font_face *ff, char *out, unsigned size)
{
	static const hb_ot_name_id_t ids[] = {
		HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY
	};
	hb_face_t *face = hb_font_get_face(ff->font);
	unsigned n;
	const hb_ot_name_entry_t *names = hb_ot_name_list_names(face, &n);

	out[0] = '\0';
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
		for (unsigned i = 0; i < n; i++) {
			unsigned len = size;

			if (names[i].name_id == ids[k] && hb_ot_name_get_utf8(face, ids[k],
			    names[i].language, &len, out) > 0)
				return;
		}
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
	read_family(&f->faces[FACE_REGULAR], f->family, sizeof f->family);
	f->metrics.advance = advance;
	f->metrics.kern = kern;
	f->metrics.ctx = f;
	f->metrics.family = f->family;
	return f;
}

/* The paths of the bundled faces in dir, in bufs (freed by the caller) and p. */
static void
bundled_paths(const char *dir, struct buf bufs[FACE_COUNT], const char *p[FACE_COUNT])
{
	for (int i = 0; i < FACE_COUNT; i++) {
		buf_printf(&bufs[i], "%s/%s", dir, face_files[i]);
		p[i] = bufs[i].data;
	}
}

struct font *
font_new(const char *dir, struct diag *d)
{
	struct buf bufs[FACE_COUNT] = {0};
	const char *p[FACE_COUNT];
	struct font *f;

	bundled_paths(dir, bufs, p);
	f = font_new_files(p, 1, d);
	for (int i = 0; i < FACE_COUNT; i++)
		buf_free(&bufs[i]);
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
		kern_cache_free(f->faces[i].kern);
	}
	free(f);
}

const struct metrics *
font_metrics(const struct font *f)
{
	return &f->metrics;
}

uint32_t
font_glyph(const struct font *f, enum face face, uint32_t cp)
{
	return nominal_glyph(&f->faces[face], cp);
}

int
font_advance(struct font *f, enum face face, uint32_t cp)
{
	return advance(f, face, cp);
}

int
font_kern(struct font *f, enum face face, uint32_t left, uint32_t right)
{
	return kern(f, face, left, right);
}

/* A family in the cache, keyed by its face paths. */
struct cached_family {
	char *paths[FACE_COUNT];
	struct font *font;		/* NULL: the slot is free */
	unsigned long asked;		/* the cache's request count when last asked for */
};

struct font_cache {
	struct cached_family families[FONT_CACHE_FAMILIES];
	unsigned long requests;
};

struct font_cache *
font_cache_new(void)
{
	return xcalloc(1, sizeof(struct font_cache));
}

static void
cached_family_clear(struct cached_family *cf)
{
	for (int i = 0; i < FACE_COUNT; i++)
		free(cf->paths[i]);
	font_free(cf->font);
	memset(cf, 0, sizeof *cf);
}

void
font_cache_free(struct font_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < FONT_CACHE_FAMILIES; i++)
		cached_family_clear(&c->families[i]);
	free(c);
}

static int
same_paths(const struct cached_family *cf, const char *const paths[FACE_COUNT])
{
	for (int i = 0; i < FACE_COUNT; i++)
		if (strcmp(cf->paths[i], paths[i]) != 0)
			return 0;
	return 1;
}

/* The slot of the family at paths, or else the one to load it into: a free slot, or
 * the least recently asked for. */
static struct cached_family *
cache_slot(struct font_cache *c, const char *const paths[FACE_COUNT])
{
	struct cached_family *victim = &c->families[0];

	for (size_t i = 0; i < FONT_CACHE_FAMILIES; i++) {
		struct cached_family *cf = &c->families[i];

		if (cf->font != NULL && same_paths(cf, paths))
			return cf;
		if (victim->font != NULL && (cf->font == NULL || cf->asked < victim->asked))
			victim = cf;
	}
	return victim;
}

struct font *
font_cache_get(struct font_cache *c, const char *const paths[FACE_COUNT], int bundled,
    struct diag *d)
{
	struct cached_family *cf = cache_slot(c, paths);
	struct font *f;

	if (cf->font == NULL || !same_paths(cf, paths)) {
		if ((f = font_new_files(paths, bundled, d)) == NULL)
			return NULL;
		cached_family_clear(cf);
		for (int i = 0; i < FACE_COUNT; i++)
			cf->paths[i] = xstrdup(paths[i]);
		cf->font = f;
	}
	cf->asked = ++c->requests;
	return cf->font;
}

struct font *
font_cache_get_bundled(struct font_cache *c, const char *dir, struct diag *d)
{
	struct buf bufs[FACE_COUNT] = {0};
	const char *p[FACE_COUNT];
	struct font *f;

	bundled_paths(dir, bufs, p);
	f = font_cache_get(c, p, 1, d);
	for (int i = 0; i < FACE_COUNT; i++)
		buf_free(&bufs[i]);
	return f;
}
