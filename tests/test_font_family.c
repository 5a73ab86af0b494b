/* Issue 9: a declaration's <typeface family> is found by the names inside the font
 * files, in a "fonts" folder next to it before the bundled faces; missing styles are
 * set in a face the family has, with a warning; a family without a regular face, or
 * none at all, is an error that says what was found. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include "font_family.h"

#define HEROS(style) FONTS "/texgyreheros-" style ".otf"

/* A scratch folder holding a declaration's path and its "fonts" folder. */
struct scratch {
	char dir[64];
	char fonts[80];
	char xml[80];
	char cwd[1024];
};

static void
scratch_new(struct scratch *s)
{
	snprintf(s->dir, sizeof s->dir, "/tmp/declgen-family-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->fonts, sizeof s->fonts, "%s/fonts", s->dir);
	snprintf(s->xml, sizeof s->xml, "%s/t.xml", s->dir);
	assert_int_equal(mkdir(s->fonts, 0700), 0);
	assert_non_null(getcwd(s->cwd, sizeof s->cwd));
}

/* Puts the font file src into the scratch fonts folder as name (a symbolic link). */
static void
scratch_font(const struct scratch *s, const char *src, const char *name)
{
	char from[1200], to[200];

	snprintf(from, sizeof from, "%s/%s", s->cwd, src);
	snprintf(to, sizeof to, "%s/%s", s->fonts, name);
	assert_int_equal(symlink(from, to), 0);
}

/* Writes a file of text into the scratch fonts folder as name. */
static void
scratch_file(const struct scratch *s, const char *name, const char *text)
{
	char to[200];
	FILE *f;

	snprintf(to, sizeof to, "%s/%s", s->fonts, name);
	assert_non_null(f = fopen(to, "w"));
	fputs(text, f);
	fclose(f);
}

static void
scratch_free(struct scratch *s)
{
	DIR *dp = opendir(s->fonts);
	struct dirent *e;
	char path[400];

	while (dp != NULL && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", s->fonts, e->d_name);
		unlink(path);
	}
	if (dp != NULL)
		closedir(dp);
	rmdir(s->fonts);
	rmdir(s->dir);
}

/* Looks family up for a declaration at path; messages into log. */
static int
find(const char *path, const char *family, struct font_family *out, struct diag *d,
    struct buf *log)
{
	struct decl decl = {.path = (char *)path, .typeface_pos = {10, 5}};

	snprintf(decl.typeface, sizeof decl.typeface, "%s", family);
	memset(d, 0, sizeof *d);
	log->len = 0;
	d->log = log;
	return font_family_find(&decl, FONTS, out, d);
}

/* Whether path ends in tail. */
static void
assert_ends(const char *path, const char *tail)
{
	size_t n = strlen(path), m = strlen(tail);

	if (n < m || strcmp(path + n - m, tail) != 0)
		fail_msg("%s does not end in %s", path, tail);
}

static void
test_default_is_declgen_serif(void **state)
{
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	assert_int_equal(find("t.xml", "", &f, &d, &log), 0);
	assert_int_equal(f.bundled, 1);
	assert_string_equal(f.paths[FACE_REGULAR], FONTS "/DeclgenSerif-Regular.ttf");
	assert_string_equal(f.paths[FACE_BOLD_ITALIC], FONTS "/DeclgenSerif-BoldItalic.ttf");
	assert_int_equal(log.len, 0);
	font_family_free(&f);
	buf_free(&log);
}

/* The bundled sans, each style by OS/2 and name table; names compared without case. */
static void
test_bundled_family(void **state)
{
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	assert_int_equal(find("no/such/dir/t.xml", "tex gyre HEROS", &f, &d, &log), 0);
	assert_int_equal(f.bundled, 1);
	assert_string_equal(f.paths[FACE_REGULAR], HEROS("regular"));
	assert_string_equal(f.paths[FACE_ITALIC], HEROS("italic"));
	assert_string_equal(f.paths[FACE_BOLD], HEROS("bold"));
	assert_string_equal(f.paths[FACE_BOLD_ITALIC], HEROS("bolditalic"));
	font_family_free(&f);
	assert_int_equal(find("t.xml", "Declgen Serif", &f, &d, &log), 0);
	assert_string_equal(f.paths[FACE_ITALIC], FONTS "/DeclgenSerif-Italic.ttf");
	assert_int_equal(d.errors + d.warnings, 0);
	font_family_free(&f);
	buf_free(&log);
}

/* Files named anything are told apart by what they hold; the declaration's own folder
 * wins over the bundled faces of the same family. */
static void
test_own_folder_by_content(void **state)
{
	struct scratch s;
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	scratch_new(&s);
	scratch_font(&s, HEROS("bolditalic"), "a.otf");
	scratch_font(&s, HEROS("regular"), "b.OTF");
	scratch_font(&s, HEROS("italic"), "c.otf");
	scratch_font(&s, HEROS("bold"), "d.otf");
	scratch_file(&s, "notes.txt", "not a font, not looked at");
	assert_int_equal(find(s.xml, "TeX Gyre Heros", &f, &d, &log), 0);
	assert_int_equal(f.bundled, 0);
	assert_ends(f.paths[FACE_BOLD_ITALIC], "/fonts/a.otf");
	assert_ends(f.paths[FACE_REGULAR], "/fonts/b.OTF");
	assert_ends(f.paths[FACE_ITALIC], "/fonts/c.otf");
	assert_ends(f.paths[FACE_BOLD], "/fonts/d.otf");
	assert_int_equal(d.errors + d.warnings, 0);
	font_family_free(&f);
	scratch_free(&s);
	buf_free(&log);
}

/* A family of regular and bold: italic in regular, bold italic in bold, each said. */
static void
test_missing_styles(void **state)
{
	struct scratch s;
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	scratch_new(&s);
	scratch_font(&s, HEROS("regular"), "r.otf");
	scratch_font(&s, HEROS("bold"), "b.otf");
	assert_int_equal(find(s.xml, "TeX Gyre Heros", &f, &d, &log), 0);
	assert_ends(f.paths[FACE_ITALIC], "/r.otf");
	assert_ends(f.paths[FACE_BOLD_ITALIC], "/b.otf");
	expect_message(&log, "t.xml:10:5: warning: the typeface \"TeX Gyre Heros\" has no "
	    "italic face: italic text is set in its regular face\n");
	expect_message(&log, "warning: the typeface \"TeX Gyre Heros\" has no bold italic "
	    "face: bold italic text is set in its bold face\n");
	assert_int_equal(d.warnings, 2);
	assert_int_equal(d.errors, 0);
	font_family_free(&f);
	scratch_free(&s);
	buf_free(&log);
}

/* A family with only a bold face in the own folder: an error, no bundled stand-in. */
static void
test_no_regular_face(void **state)
{
	struct scratch s;
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	scratch_new(&s);
	scratch_font(&s, HEROS("bold"), "b.otf");
	assert_int_equal(find(s.xml, "TeX Gyre Heros", &f, &d, &log), -1);
	expect_message(&log, "t.xml:10:5: error: the typeface \"TeX Gyre Heros\" in ");
	expect_message(&log, "/fonts has no regular face (upright, not bold); add its "
	    "regular face to ");
	assert_int_equal(d.errors, 1);
	assert_null(f.paths[FACE_REGULAR]);
	scratch_free(&s);
	buf_free(&log);
}

static void
test_not_found(void **state)
{
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	assert_int_equal(find("t.xml", "Tex Gyre Hero", &f, &d, &log), -1);
	expect_message(&log, "t.xml:10:5: error: no typeface \"Tex Gyre Hero\" in fonts or "
	    "among the typefaces of declgen (fonts); did you mean \"TeX Gyre Heros\"?\n");
	assert_int_equal(find("t.xml", "Helvetica", &f, &d, &log), -1);
	expect_message(&log, "; the typefaces found are \"Declgen Serif\", \"TeX Gyre "
	    "Heros\"\n");
	assert_int_equal(d.errors, 1);
	buf_free(&log);
}

/* A file in the own folder that is no font could be a face of the family: an error
 * naming it, not a guess. */
static void
test_bad_file_in_folder(void **state)
{
	struct scratch s;
	struct font_family f;
	struct diag d;
	struct buf log = {0};

	(void)state;
	scratch_new(&s);
	scratch_font(&s, HEROS("regular"), "r.otf");
	scratch_file(&s, "x.ttf", "<html>not a font</html>");
	assert_int_equal(find(s.xml, "TeX Gyre Heros", &f, &d, &log), -1);
	expect_message(&log, "/fonts/x.ttf: error: cannot load this font: not a TrueType or "
	    "OpenType font; replace this font file\n");
	assert_int_equal(d.errors, 1);
	scratch_free(&s);
	buf_free(&log);
}

/* More font files than LIMIT_FONT_FILES are refused before any is read. */
static void
test_too_many_files(void **state)
{
	struct scratch s;
	struct font_family f;
	struct diag d;
	struct buf log = {0};
	char name[32];

	(void)state;
	scratch_new(&s);
	for (int i = 0; i <= LIMIT_FONT_FILES; i++) {
		snprintf(name, sizeof name, "f%04d.ttf", i);
		scratch_file(&s, name, "");
	}
	assert_int_equal(find(s.xml, "TeX Gyre Heros", &f, &d, &log), -1);
	expect_message(&log, "/fonts holds more than 256 font files; keep only the faces of "
	    "the typefaces you use\n");
	assert_int_equal(log_count(&log), 1);
	scratch_free(&s);
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_default_is_declgen_serif),
	cmocka_unit_test(test_bundled_family),
	cmocka_unit_test(test_own_folder_by_content),
	cmocka_unit_test(test_missing_styles),
	cmocka_unit_test(test_no_regular_face),
	cmocka_unit_test(test_not_found),
	cmocka_unit_test(test_bad_file_in_folder),
	cmocka_unit_test(test_too_many_files),
};

TEST_MAIN(tests)
