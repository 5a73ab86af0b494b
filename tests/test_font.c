/* The font stage: coverage from the cmap, widths equal to libharu's, damaged faces. */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <hb.h>

#include "font.h"
#include "render.h"

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

/* Every code point of the face's cmap, read with HarfBuzz directly. */
static hb_set_t *
cmap_of(const char *file)
{
	char path[512];
	hb_blob_t *blob;
	hb_face_t *face;
	hb_set_t *set = hb_set_create();

	snprintf(path, sizeof path, "%s/%s", FONTS, file);
	blob = hb_blob_create_from_file_or_fail(path);
	assert_non_null(blob);
	face = hb_face_create(blob, 0);
	hb_face_collect_unicodes(face, set);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return set;
}

static void
test_advances_equal_libharu(void **state)
{
	struct loaded x;
	struct diag d = {0};
	struct buf log = {0};
	struct render *r;
	const struct metrics *haru;

	(void)state;
	load(&x, FONTS);
	assert_non_null(x.f);
	d.log = &log;
	r = render_new(FONTS, "test", &d);
	assert_non_null(r);
	haru = render_metrics(r);
	for (int face = 0; face < FACE_COUNT; face++) {
		hb_set_t *cmap = cmap_of(faces[face]);
		hb_codepoint_t cp = HB_SET_VALUE_INVALID;
		unsigned compared = 0;

		while (hb_set_next(cmap, &cp)) {
			int want = haru->advance(haru->ctx, face, cp);

			if (width(&x, face, cp) != want)
				fail_msg("%s U+%04X: %d, libharu %d", faces[face], (unsigned)cp,
				    width(&x, face, cp), want);
			compared += want >= 0;
		}
		/* A whole Latin face, not an empty cmap. */
		assert_true(compared > 200);
		hb_set_destroy(cmap);
	}
	assert_int_equal(log.len, 0);
	render_free(r);
	buf_free(&log);
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

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_coverage),
	cmocka_unit_test(test_advances_equal_libharu),
	cmocka_unit_test(test_damaged_faces),
	cmocka_unit_test(test_copied_faces_load),
};

TEST_MAIN(tests)
