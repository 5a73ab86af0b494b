/* The font stage: coverage from the cmap, widths equal to libharu's, kerning equal to
 * HarfBuzz's and never a ligature, the kerning cache, damaged faces. */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <hb.h>
#include <math.h>

#include "font.h"
#include "font_int.h"

static const char *const faces[FACE_COUNT] = {
	"DeclgenSerif-Regular.ttf", "DeclgenSerif-Italic.ttf",
	"DeclgenSerif-Bold.ttf", "DeclgenSerif-BoldItalic.ttf",
};

struct loaded {
	struct font *f;
	const struct metrics *m;
	struct diag d;
	struct buf log;
};

static void
load(struct loaded *x, const char *dir)
{
	memset(x, 0, sizeof *x);
	x->d.log = &x->log;
	x->f = font_new(dir, &x->d);
	x->m = x->f ? font_metrics(x->f) : NULL;
}

static void
unload(struct loaded *x)
{
	font_free(x->f);
	buf_free(&x->log);
}

static int
width(const struct loaded *x, enum face face, uint32_t cp)
{
	return x->m->advance(x->m->ctx, face, cp);
}

static void
test_coverage(void **state)
{
	/* German letters, quotation marks and dashes, as UTF-32. */
	static const uint32_t german[] = {
		0xE4, 0xF6, 0xFC, 0xC4, 0xD6, 0xDC, 0xDF, 0x201E, 0x201C, 0x201A, 0x2018,
		0x2013, 0x2014, 0xB7, 0xA0,
	};
	struct loaded x;

	(void)state;
	load(&x, FONTS);
	assert_non_null(x.f);
	assert_int_equal(x.log.len, 0);
	for (int face = 0; face < FACE_COUNT; face++) {
		for (uint32_t cp = 0x20; cp < 0x7F; cp++)
			assert_true(width(&x, face, cp) > 0);
		for (size_t i = 0; i < sizeof german / sizeof *german; i++)
			assert_true(width(&x, face, german[i]) > 0);
		/* CJK, an emoji beyond the BMP, a control character: no glyph. */
		assert_int_equal(width(&x, face, 0x4E2D), -1);
		assert_int_equal(width(&x, face, 0x1F600), -1);
		assert_int_equal(width(&x, face, 0x07), -1);
	}
	/* Widths are the face's own: bold is wider than regular. */
	assert_true(width(&x, FACE_BOLD, 'm') > width(&x, FACE_REGULAR, 'm'));
	unload(&x);
}

/* Every code point of a face's cmap has its hmtx advance in 1/1000 em, truncated (the
 * renderer writes the same numbers into /W), read with HarfBuzz directly. */
static void
test_advances_are_the_faces(void **state)
{
	struct loaded x;

	(void)state;
	load(&x, FONTS);
	assert_non_null(x.f);
	for (int face = 0; face < FACE_COUNT; face++) {
		char path[512];
		hb_blob_t *blob;
		hb_face_t *hf;
		hb_font_t *font;
		hb_set_t *cmap = hb_set_create();
		hb_codepoint_t cp = HB_SET_VALUE_INVALID;
		unsigned compared = 0, upem;

		snprintf(path, sizeof path, "%s/%s", FONTS, faces[face]);
		blob = hb_blob_create_from_file_or_fail(path);
		assert_non_null(blob);
		hf = hb_face_create(blob, 0);
		hb_face_collect_unicodes(hf, cmap);
		upem = hb_face_get_upem(hf);
		font = hb_font_create(hf);
		hb_font_set_scale(font, (int)upem, (int)upem);
		while (hb_set_next(cmap, &cp)) {
			hb_codepoint_t gid;
			int want;

			if (cp > 0xFFFF || !hb_font_get_nominal_glyph(font, cp, &gid) || gid == 0)
				continue;
			want = (int)((long)hb_font_get_glyph_h_advance(font, gid) * 1000 / upem);
			if (width(&x, face, cp) != want)
				fail_msg("%s U+%04X: %d, hmtx %d", faces[face], (unsigned)cp,
				    width(&x, face, cp), want);
			compared++;
		}
		/* A whole Latin face, not an empty cmap. */
		assert_true(compared > 200);
		hb_set_destroy(cmap);
		hb_font_destroy(font);
		hb_face_destroy(hf);
		hb_blob_destroy(blob);
	}
	unload(&x);
}

/* Faces with kerning and fi/fl ligatures in their 'liga' feature: TrueType with GPOS
 * 'kern' and a 'kern' table (Debian's fonts-dejavu-core), and CFF-flavoured OpenType
 * with GPOS 'kern' only (fonts-texgyre). */
#define KERNED_FACE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define KERNED_CFF_FACE "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyreheros-regular.otf"
static const char *const kerned_faces[] = {KERNED_FACE, KERNED_CFF_FACE};

/* The kerned face at path as all four faces of a family. */
static void
load_kerned(struct loaded *x, const char *path)
{
	const char *const paths[FACE_COUNT] = {path, path, path, path};

	memset(x, 0, sizeof *x);
	x->d.log = &x->log;
	x->f = font_new_files(paths, 0, &x->d);
	if (x->f == NULL)
		fail_msg("cannot load %s (packages fonts-dejavu-core, fonts-texgyre): %s", path,
		    x->log.data ? x->log.data : "");
	x->m = font_metrics(x->f);
}

/* Shapes text (UTF-8) in the font at path with features (HarfBuzz's syntax, comma
 * separated, "" for none): the glyph count, and the first glyph's advance and nominal
 * advance in font units, and the face's units per em. */
struct shaped {
	unsigned glyphs;
	int x_advance, nominal;
	unsigned upem;
};

static struct shaped
shape_directly(const char *path, const char *text, const char *features)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	hb_face_t *face;
	hb_font_t *font;
	hb_buffer_t *buf = hb_buffer_create();
	hb_feature_t feat[8];
	unsigned n = 0;
	struct shaped r;

	assert_non_null(blob);
	face = hb_face_create(blob, 0);
	font = hb_font_create(face);
	for (const char *s = features; *s != '\0'; s += strcspn(s, ","), s += *s == ',') {
		assert_true(n < 8);
		assert_true(hb_feature_from_string(s, (int)strcspn(s, ","), &feat[n++]));
	}
	hb_buffer_add_utf8(buf, text, -1, 0, -1);
	hb_buffer_guess_segment_properties(buf);
	hb_shape(font, buf, feat, n);
	r.glyphs = hb_buffer_get_length(buf);
	r.x_advance = hb_buffer_get_glyph_positions(buf, NULL)[0].x_advance;
	r.nominal = hb_font_get_glyph_h_advance(font,
	    hb_buffer_get_glyph_infos(buf, NULL)[0].codepoint);
	r.upem = hb_face_get_upem(face);
	hb_buffer_destroy(buf);
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return r;
}

#define NO_LIGATURES "liga=0,clig=0,dlig=0,hlig=0"

/* The classic kerning pairs come closer, by exactly what hb_shape positions. */
static void
expect_kern_equals_harfbuzz(const char *path)
{
	static const char *const pairs[] = {"AV", "Te", "Vo", "We", "Ta", "LT", "P."};
	struct loaded x;

	load_kerned(&x, path);
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		const char *p = pairs[i];
		struct shaped s = shape_directly(path, p, NO_LIGATURES);
		/* lround: to the nearest, halves away from zero, as font.h says. */
		long want = lround((s.x_advance - s.nominal) * 1000.0 / s.upem);

		for (int face = 0; face < FACE_COUNT; face++) {
			int got = x.m->kern(x.m->ctx, face, (uint8_t)p[0], (uint8_t)p[1]);

			if (got >= 0 || got != want)
				fail_msg("%s in %s: kern %d, HarfBuzz %ld", p, path, got, want);
			assert_int_equal(font_kern(x.f, face, (uint8_t)p[0], (uint8_t)p[1]), got);
		}
	}
	/* Pairs that do not kern, and a character the face lacks. */
	assert_int_equal(font_kern(x.f, FACE_REGULAR, 'n', 'n'), 0);
	assert_int_equal(font_kern(x.f, FACE_REGULAR, 'A', 0x4E2D), 0);
	assert_int_equal(font_kern(x.f, FACE_REGULAR, 0x1F600, 'A'), 0);
	assert_int_equal(x.log.len, 0);
	unload(&x);
}

static void
test_kern_equals_harfbuzz(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof kerned_faces / sizeof *kerned_faces; i++)
		expect_kern_equals_harfbuzz(kerned_faces[i]);
}

/* The shaping kern measures with never ligates: "fi" and the "fl" of "Auflage" stay two
 * glyphs, the face's own, in faces whose default shaping does join them; the kerning
 * is the pair's own, not the ligature's advance taken for the first glyph's. */
static void
expect_never_ligates(const char *path, const char *pair, int kerning)
{
	struct loaded x;
	const hb_glyph_info_t *info;
	const hb_glyph_position_t *pos;
	uint32_t l = (uint8_t)pair[0], r = (uint8_t)pair[1];

	load_kerned(&x, path);
	assert_int_equal(shape_directly(path, pair, "").glyphs, 1);
	assert_int_equal(font_shape_pair(&x.f->faces[FACE_REGULAR], l, r, &info, &pos), 2);
	assert_int_equal(info[0].codepoint, font_glyph(x.f, FACE_REGULAR, l));
	assert_int_equal(info[1].codepoint, font_glyph(x.f, FACE_REGULAR, r));
	assert_int_equal(font_kern(x.f, FACE_REGULAR, l, r), kerning);
	unload(&x);
}

static void
test_kern_never_ligates(void **state)
{
	(void)state;
	expect_never_ligates(KERNED_FACE, "fi", 0);
	expect_never_ligates(KERNED_FACE, "fl", 0);
	expect_never_ligates(KERNED_CFF_FACE, "fi", 0);
	/* -5 font units of 1000: f and l of TeX Gyre Heros kern. */
	expect_never_ligates(KERNED_CFF_FACE, "fl", -5);
}

/* Declgen Serif has no kerning: every pair is 0, answered without shaping. */
static void
test_kern_zero_without_kerning(void **state)
{
	struct loaded x;

	(void)state;
	load(&x, FONTS);
	assert_non_null(x.f);
	for (int face = 0; face < FACE_COUNT; face++) {
		for (uint32_t l = 0x20; l < 0x7F; l++)
			for (uint32_t r = 0x20; r < 0x7F; r++)
				assert_int_equal(x.m->kern(x.m->ctx, face, l, r), 0);
		assert_null(x.f->faces[face].kern);
	}
	unload(&x);
}

/* A pair is shaped once, then answered from the cache; a full cache starts over,
 * bounded, and answers the same. */
static void
test_kern_cache(void **state)
{
	struct loaded x;
	struct kern_cache *k;
	int av;

	(void)state;
	load_kerned(&x, KERNED_FACE);
	k = x.f->faces[FACE_BOLD].kern;
	assert_non_null(k);
	assert_int_equal(k->shaped, 0);
	av = font_kern(x.f, FACE_BOLD, 'A', 'V');
	assert_int_equal(k->shaped, 1);
	assert_int_equal(font_kern(x.f, FACE_BOLD, 'A', 'V'), av);
	assert_int_equal(k->shaped, 1);
	assert_int_equal(k->used, 1);
	/* The reverse pair is another pair; the other faces have caches of their own. */
	font_kern(x.f, FACE_BOLD, 'V', 'A');
	assert_int_equal(k->shaped, 2);
	assert_int_equal(x.f->faces[FACE_REGULAR].kern->shaped, 0);
	/* A character without a glyph is not shaped. */
	assert_int_equal(font_kern(x.f, FACE_BOLD, 'A', 0x4E2D), 0);
	assert_int_equal(k->shaped, 2);
	/* Past KERN_FULL distinct pairs the table is emptied, never overfilled. */
	for (uint32_t l = 0x41; l < 0x41 + 40; l++)
		for (uint32_t r = 0x61; r < 0x61 + 26; r++) {
			font_kern(x.f, FACE_BOLD, l, r);
			assert_true(k->used <= KERN_FULL);
		}
	assert_true(k->shaped > KERN_FULL);
	assert_int_equal(font_kern(x.f, FACE_BOLD, 'A', 'V'), av);
	unload(&x);
}

static void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* A fonts directory with the three other faces intact and the bold face's file
 * holding bold_len bytes of bold (NULL: no bold file). */
static void
make_fonts_dir(char *dir, const char *bold, size_t bold_len)
{
	char path[512];

	assert_non_null(mkdtemp(dir));
	for (int face = 0; face < FACE_COUNT; face++) {
		char src[512], *data;
		size_t len;

		snprintf(path, sizeof path, "%s/%s", dir, faces[face]);
		if (face == FACE_BOLD) {
			if (bold != NULL)
				write_bytes(path, bold, bold_len);
			continue;
		}
		snprintf(src, sizeof src, "%s/%s", FONTS, faces[face]);
		assert_int_equal(read_file(src, 1 << 24, &data, &len), 0);
		write_bytes(path, data, len);
		free(data);
	}
}

static void
remove_fonts_dir(const char *dir)
{
	char path[512];

	for (int face = 0; face < FACE_COUNT; face++) {
		snprintf(path, sizeof path, "%s/%s", dir, faces[face]);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* Loading a fonts directory whose bold face is bold_len bytes of bold (NULL: none)
 * fails with one error, naming the bold face's file. */
static void
expect_bold_rejected(const char *bold, size_t bold_len, const char *why)
{
	char dir[] = "/tmp/test_font.XXXXXX", prefix[600];
	struct loaded x;

	make_fonts_dir(dir, bold, bold_len);
	load(&x, dir);
	snprintf(prefix, sizeof prefix, "%s/%s: error: cannot load this font: %s", dir,
	    faces[FACE_BOLD], why);
	assert_null(x.f);
	assert_int_equal(x.d.worst, DIAG_FATAL);
	if (!log_has(&x.log, prefix))
		fail_msg("expected \"%s\", got \"%s\"", prefix, x.log.data ? x.log.data : "");
	assert_int_equal(log_count(&x.log), 1);
	unload(&x);
	remove_fonts_dir(dir);
}

/* Renames the table tag of font (len bytes) to "xxxx" in its table directory (12
 * bytes of header, then 16 bytes a table, tag first), so that the font lacks it. */
static void
rename_table(char *font, size_t len, const char *tag)
{
	size_t ntables = (size_t)(unsigned char)font[4] << 8 | (unsigned char)font[5];

	for (size_t i = 0; i < ntables && 12 + 16 * (i + 1) <= len; i++)
		if (memcmp(font + 12 + 16 * i, tag, 4) == 0) {
			memcpy(font + 12 + 16 * i, "xxxx", 4);
			return;
		}
	fail_msg("no table %s", tag);
}

static void
test_damaged_faces(void **state)
{
	static const char text[] = "This is not a font, only text long enough to be one.\n";
	char *bold, path[512];
	size_t len;

	(void)state;
	snprintf(path, sizeof path, "%s/%s", FONTS, faces[FACE_BOLD]);
	assert_int_equal(read_file(path, 1 << 24, &bold, &len), 0);
	expect_bold_rejected(NULL, 0, strerror(ENOENT));
	expect_bold_rejected(bold, 100, "the font file is truncated");
	/* The table directory whole, the tables cut. */
	expect_bold_rejected(bold, len / 2, "the font file is truncated");
	expect_bold_rejected(text, sizeof text - 1, "not a TrueType or OpenType font");
	rename_table(bold, len, "hmtx");
	expect_bold_rejected(bold, len, "the font lacks a table it needs");
	expect_bold_rejected("", 0, "not a TrueType or OpenType font");
	free(bold);
}

/* The intact copy loads: the failures above are the damage, not the directory. */
static void
test_copied_faces_load(void **state)
{
	char dir[] = "/tmp/test_font.XXXXXX", path[512], *bold;
	struct loaded x;
	size_t len;

	(void)state;
	snprintf(path, sizeof path, "%s/%s", FONTS, faces[FACE_BOLD]);
	assert_int_equal(read_file(path, 1 << 24, &bold, &len), 0);
	make_fonts_dir(dir, bold, len);
	load(&x, dir);
	assert_non_null(x.f);
	assert_int_equal(x.log.len, 0);
	unload(&x);
	remove_fonts_dir(dir);
	free(bold);
}

/* The bundled paths in dir spelt with n "./" more, so that each n names another
 * family of the cache with the same files. */
static void
spelt_paths(const char *dir, int n, char bufs[FACE_COUNT][600], const char *p[FACE_COUNT])
{
	for (int face = 0; face < FACE_COUNT; face++) {
		int len = snprintf(bufs[face], sizeof bufs[face], "%s/", dir);

		for (int i = 0; i < n; i++)
			len += snprintf(bufs[face] + len, sizeof bufs[face] - (size_t)len, "./");
		snprintf(bufs[face] + len, sizeof bufs[face] - (size_t)len, "%s", faces[face]);
		p[face] = bufs[face];
	}
}

/* A family is loaded once and kept: asked for again, it is answered even after its
 * files are gone. Past FONT_CACHE_FAMILIES families the least recently asked for is
 * dropped (asked for again, it is loaded again: here it fails, as its files are gone),
 * and a failure is reported at every request. */
static void
test_font_cache(void **state)
{
	char dir[] = "/tmp/test_font.XXXXXX", path[512], *bold;
	char bufs[FONT_CACHE_FAMILIES + 1][FACE_COUNT][600];
	const char *p[FONT_CACHE_FAMILIES + 1][FACE_COUNT];
	struct font *got[FONT_CACHE_FAMILIES + 1];
	struct font_cache *c = font_cache_new();
	struct diag d = {0};
	struct buf log = {0};
	size_t len;

	(void)state;
	d.log = &log;
	snprintf(path, sizeof path, "%s/%s", FONTS, faces[FACE_BOLD]);
	assert_int_equal(read_file(path, 1 << 24, &bold, &len), 0);
	make_fonts_dir(dir, bold, len);
	free(bold);
	for (int n = 0; n <= FONT_CACHE_FAMILIES; n++)
		spelt_paths(dir, n, bufs[n], p[n]);
	/* Families 0 to FONT_CACHE_FAMILIES - 1 fill the cache; 0 is asked for again
	 * last, so 1 is the least recently asked for. */
	for (int n = 0; n < FONT_CACHE_FAMILIES; n++)
		assert_non_null(got[n] = font_cache_get(c, p[n], 1, &d));
	assert_ptr_equal(font_cache_get(c, p[0], 1, &d), got[0]);
	assert_ptr_not_equal(got[0], got[1]);
	assert_non_null(got[FONT_CACHE_FAMILIES] = font_cache_get(c, p[FONT_CACHE_FAMILIES], 1, &d));
	assert_int_equal(log.len, 0);
	remove_fonts_dir(dir);
	/* Kept, whatever happened to the files. */
	assert_ptr_equal(font_cache_get(c, p[0], 1, &d), got[0]);
	assert_ptr_equal(font_cache_get(c, p[FONT_CACHE_FAMILIES], 1, &d), got[FONT_CACHE_FAMILIES]);
	for (int n = 2; n < FONT_CACHE_FAMILIES; n++)
		assert_ptr_equal(font_cache_get(c, p[n], 1, &d), got[n]);
	assert_int_equal(log.len, 0);
	/* Dropped: loaded anew, and the files are gone. Twice asked, twice reported. */
	assert_null(font_cache_get(c, p[1], 1, &d));
	assert_null(font_cache_get(c, p[1], 1, &d));
	assert_int_equal(d.worst, DIAG_FATAL);
	assert_int_equal(log_count(&log), 2 * FACE_COUNT);
	font_cache_free(c);
	buf_free(&log);
}

/* The bundled family through the cache is the one font_new loads. */
static void
test_font_cache_bundled(void **state)
{
	struct font_cache *c = font_cache_new();
	struct diag d = {0};
	struct font *f;
	struct loaded x;

	(void)state;
	f = font_cache_get_bundled(c, FONTS, &d);
	assert_non_null(f);
	assert_ptr_equal(font_cache_get_bundled(c, FONTS, &d), f);
	load(&x, FONTS);
	for (int face = 0; face < FACE_COUNT; face++)
		for (uint32_t cp = 0x20; cp < 0x17F; cp++)
			assert_int_equal(font_advance(f, face, cp), width(&x, face, cp));
	unload(&x);
	font_cache_free(c);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_coverage),
	cmocka_unit_test(test_advances_are_the_faces),
	cmocka_unit_test(test_kern_equals_harfbuzz),
	cmocka_unit_test(test_kern_never_ligates),
	cmocka_unit_test(test_kern_zero_without_kerning),
	cmocka_unit_test(test_kern_cache),
	cmocka_unit_test(test_damaged_faces),
	cmocka_unit_test(test_copied_faces_load),
	cmocka_unit_test(test_font_cache),
	cmocka_unit_test(test_font_cache_bundled),
};

TEST_MAIN(tests)
