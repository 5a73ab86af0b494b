/* Finding a family's face files by the names inside them (name table and OS/2, read
 * through HarfBuzz), never by file names: a corporate typeface comes as files named
 * anything. Folders are read in name order, so the same files give the same choice. */
#include "font_family.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hb.h>
#include <hb-ot.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "font.h"
#include "font_check.h"
#include "limits.h"
#include "text.h"
#include "util.h"

/* OS/2: usWeightClass at bytes 4-5, fsSelection at 62-63 (bit 0 italic, bit 5 bold);
 * head: macStyle at bytes 44-45 (bit 0 bold, bit 1 italic). */
#define OS2_WEIGHT_OFFSET 4u
#define OS2_WIDTH_OFFSET 6u	/* usWidthClass: 1 ultra-condensed .. 5 normal .. 9 */
#define WIDTH_NORMAL 5u
#define OS2_SELECTION_OFFSET 62u
#define SELECTION_ITALIC 0x0001u
#define SELECTION_BOLD 0x0020u
#define HEAD_MACSTYLE_OFFSET 44u
#define MACSTYLE_BOLD 0x0001u
#define MACSTYLE_ITALIC 0x0002u
/* usWeightClass of a regular and of a bold face; from semibold on a face is bold. */
#define WEIGHT_REGULAR 400u
#define WEIGHT_BOLD 700u
#define WEIGHT_BOLD_MIN 600u
/* Most families named in a "did you mean" list. */
#define SUGGESTIONS_LISTED 8

/* One face file as its names describe it. */
struct face_info {
	char *path;
	char *family;		/* typographic family name (name ID 16), else name ID 1 */
	unsigned weight;	/* usWeightClass */
	unsigned width;		/* usWidthClass */
	int italic, bold;
	const char *unembeddable;	/* why its licence forbids embedding, or NULL */
};

/* The faces of one or more folders, in the order they were read. */
struct face_list {
	struct face_info *faces;
	size_t n, cap;
};

/* The request, for messages. */
struct request {
	const struct decl *decl;
	struct diag *d;
};

static void
report(const struct request *rq, enum diag_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports a message at the declaration's <typeface>. */
static void
report(const struct request *rq, enum diag_level level, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_report(rq->d, level, rq->decl->path, rq->decl->typeface_pos.line,
	    rq->decl->typeface_pos.col, "%s", b.data);
	buf_free(&b);
}

/* Big-endian 16-bit value at offset of table tag of face, or -1 if it is too short. */
static long
table_u16(hb_face_t *face, hb_tag_t tag, unsigned offset)
{
	hb_blob_t *blob = hb_face_reference_table(face, tag);
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(blob, &len);
	long v = p != NULL && len >= offset + 2 ? (long)p[offset] << 8 | p[offset + 1] : -1;

	hb_blob_destroy(blob);
	return v;
}

/* Name id of face in UTF-8 (English where the face has several languages), newly
 * allocated; NULL if the face lacks it. */
static char *
face_name(hb_face_t *face, hb_ot_name_id_t id)
{
	char name[4 * LIMIT_FAMILY_CHARS + 1];
	unsigned len = sizeof name;

	if (hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, name) == 0)
		return NULL;
	return xstrdup(name);
}

/* Fills fi from face: family, weight and style. */
static void
identify(hb_face_t *face, struct face_info *fi)
{
	long weight = table_u16(face, HB_TAG('O', 'S', '/', '2'), OS2_WEIGHT_OFFSET);
	long sel = table_u16(face, HB_TAG('O', 'S', '/', '2'), OS2_SELECTION_OFFSET);
	long mac = table_u16(face, HB_TAG('h', 'e', 'a', 'd'), HEAD_MACSTYLE_OFFSET);
	long width = table_u16(face, HB_TAG('O', 'S', '/', '2'), OS2_WIDTH_OFFSET);

	if ((fi->family = face_name(face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY)) == NULL)
		fi->family = face_name(face, HB_OT_NAME_ID_FONT_FAMILY);
	sel = sel < 0 ? 0 : sel;
	mac = mac < 0 ? 0 : mac;
	/* A face without OS/2 (an old Macintosh TrueType font) has only macStyle. */
	if (weight < 0)
		weight = mac & MACSTYLE_BOLD ? WEIGHT_BOLD : WEIGHT_REGULAR;
	fi->weight = (unsigned)weight;
	fi->width = width < 0 ? WIDTH_NORMAL : (unsigned)width;
	fi->italic = (sel & SELECTION_ITALIC) || (mac & MACSTYLE_ITALIC);
	fi->bold = fi->weight >= WEIGHT_BOLD_MIN || (sel & SELECTION_BOLD);
}

/* Whether name ends in ".ttf" or ".otf" (any case) and is not hidden. */
static int
is_font_file(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && len > 4 && (strcasecmp(name + len - 4, ".ttf") == 0 ||
	    strcasecmp(name + len - 4, ".otf") == 0);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The font files of dir in name order, at most LIMIT_FONT_FILES, into *names. A
 * folder that does not exist holds none. Returns their number, or -1 after reporting. */
static long
list_font_files(const struct request *rq, const char *dir, int bundled, char ***names)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0, cap = 0;

	*names = NULL;
	if (dp == NULL && errno == ENOENT && !bundled)
		return 0;
	if (dp == NULL) {
		report(rq, bundled ? DIAG_FATAL : DIAG_ERROR, "cannot read the folder %s: %s",
		    dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(dp)) != NULL && n <= LIMIT_FONT_FILES) {
		if (!is_font_file(e->d_name))
			continue;
		*names = array_grow(*names, &cap, n + 1, sizeof **names);
		(*names)[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (n > LIMIT_FONT_FILES) {
		report(rq, bundled ? DIAG_FATAL : DIAG_ERROR, "the folder %s holds more than "
		    "%d font files; keep only the faces of the typefaces you use", dir,
		    LIMIT_FONT_FILES);
		free_strings(*names, n);
		*names = NULL;
		return -1;
	}
	qsort(*names, n, sizeof **names, compare_names);
	return (long)n;
}

/* Adds every face file of dir to list. Returns 0, or -1 if any could not be read
 * (each reported). */
static int
scan_dir(const struct request *rq, const char *dir, int bundled, struct face_list *list)
{
	char **names;
	long n = list_font_files(rq, dir, bundled, &names);
	int failed = n < 0;

	for (long i = 0; i < n; i++) {
		char *path = datadir_path(dir, names[i]);
		hb_blob_t *blob = font_check_read(path, bundled, rq->d);
		hb_face_t *face;
		struct face_info *fi;

		if (blob == NULL) {
			failed = 1;
			free(path);
			continue;
		}
		face = hb_face_create(blob, 0);
		list->faces = array_grow(list->faces, &list->cap, list->n + 1,
		    sizeof *list->faces);
		fi = &list->faces[list->n++];
		fi->path = path;
		identify(face, fi);
		fi->unembeddable = font_check_embedding(face);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
	}
	free_strings(names, n < 0 ? 0 : (size_t)n);
	return failed ? -1 : 0;
}

static void
free_face_list(struct face_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free(list->faces[i].path);
		free(list->faces[i].family);
	}
	free(list->faces);
}

/* How far fi is from the face a style wants: the width first (a family's condensed
 * faces share its name, and the normal width is what a family name means), then the
 * weight (400 upright or italic, 700 bold). */
static unsigned
distance(const struct face_info *fi, unsigned want)
{
	unsigned width = fi->width > WIDTH_NORMAL ? fi->width - WIDTH_NORMAL :
	    WIDTH_NORMAL - fi->width;

	return width * 1000 + (fi->weight > want ? fi->weight - want : want - fi->weight);
}

/* The face of family in list for a style: the nearest (distance), the first read of
 * equals; NULL if none. */
static const struct face_info *
pick(const struct face_list *list, const char *family, int italic, int bold)
{
	const struct face_info *best = NULL;
	unsigned want = bold ? WEIGHT_BOLD : WEIGHT_REGULAR;

	for (size_t i = 0; i < list->n; i++) {
		const struct face_info *fi = &list->faces[i];

		if (fi->family == NULL || strcasecmp(fi->family, family) != 0 ||
		    fi->italic != italic || fi->bold != bold)
			continue;
		if (best == NULL || distance(fi, want) < distance(best, want))
			best = fi;
	}
	return best;
}

/* Whether list holds any face of family. */
static int
has_family(const struct face_list *list, const char *family)
{
	for (size_t i = 0; i < list->n; i++)
		if (list->faces[i].family && strcasecmp(list->faces[i].family, family) == 0)
			return 1;
	return 0;
}

static const char *const style_names[FACE_COUNT] = {
	[FACE_REGULAR] = "regular", [FACE_ITALIC] = "italic",
	[FACE_BOLD] = "bold", [FACE_BOLD_ITALIC] = "bold italic",
};

/* Whether the licences of the chosen faces allow embedding them; reports each face
 * that does not, once. Returns 0, or -1 after reporting. */
static int
embeddable(const struct request *rq, const struct face_info *const face[FACE_COUNT],
    int bundled)
{
	int ret = 0;

	for (int i = 0; i < FACE_COUNT; i++) {
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen |= face[j] == face[i];
		if (face[i] == NULL || seen || face[i]->unembeddable == NULL)
			continue;
		font_check_report(rq->d, bundled, face[i]->path, face[i]->unembeddable);
		ret = -1;
	}
	return ret;
}

/* Fills out with the faces of family in list, a missing style set in the nearest
 * face it has (bold italic in bold, else italic; the others in regular) with a
 * warning. Returns 0, or -1 if the family has no regular face (reported). */
static int
choose_faces(const struct request *rq, const struct face_list *list, const char *family,
    const char *dir, struct font_family *out)
{
	const struct face_info *face[FACE_COUNT];

	for (int i = 0; i < FACE_COUNT; i++)
		face[i] = pick(list, family, i == FACE_ITALIC || i == FACE_BOLD_ITALIC,
		    i == FACE_BOLD || i == FACE_BOLD_ITALIC);
	if (face[FACE_REGULAR] == NULL) {
		report(rq, DIAG_ERROR, "the typeface \"%s\" in %s has no regular face (upright, "
		    "not bold); add its regular face to %s", family, dir, dir);
		return -1;
	}
	for (int i = 0; i < FACE_COUNT; i++) {
		const struct face_info *use = face[i];
		int instead = FACE_REGULAR;

		if (use == NULL && i == FACE_BOLD_ITALIC)
			instead = face[FACE_BOLD] ? FACE_BOLD : face[FACE_ITALIC] ?
			    FACE_ITALIC : FACE_REGULAR;
		if (use == NULL) {
			use = face[instead];
			report(rq, DIAG_WARNING, "the typeface \"%s\" has no %s face: %s text is "
			    "set in its %s face", family, style_names[i], style_names[i],
			    style_names[instead]);
		}
		out->paths[i] = xstrdup(use->path);
	}
	return embeddable(rq, face, out->bundled);
}

char *
font_family_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct buf b = {0};

	if (slash != NULL)
		buf_append(&b, path, (size_t)(slash - path) + 1);
	buf_puts(&b, "fonts");
	return b.data;
}

/* ASCII lowercase copy of s into out (size bytes). */
static void
lower(const char *s, char *out, size_t size)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < size; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	out[i] = '\0';
}

/* Whether the family of face i of list is that of an earlier face. */
static int
named_before(const struct face_list *list, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (list->faces[j].family && strcasecmp(list->faces[j].family,
		    list->faces[i].family) == 0)
			return 1;
	return 0;
}

/* Appends to b the family of list nearest to family ("did you mean") if one is near,
 * else the families list holds. */
static void
suggest(const struct face_list *list, const char *family, struct buf *b)
{
	char want[4 * LIMIT_FAMILY_CHARS + 1], have[4 * LIMIT_FAMILY_CHARS + 1];
	const char *best = NULL;
	int best_distance = (int)strlen(family) / 3 + 1;
	size_t listed = 0;

	lower(family, want, sizeof want);
	for (size_t i = 0; i < list->n; i++) {
		int dist;

		if (list->faces[i].family == NULL)
			continue;
		lower(list->faces[i].family, have, sizeof have);
		if ((dist = text_distance(want, have)) <= best_distance) {
			best = list->faces[i].family;
			best_distance = dist - 1;
		}
	}
	if (best != NULL) {
		buf_printf(b, "; did you mean \"%s\"?", best);
		return;
	}
	for (size_t i = 0; i < list->n && listed < SUGGESTIONS_LISTED; i++) {
		if (list->faces[i].family == NULL || named_before(list, i))
			continue;
		buf_printf(b, "%s\"%s\"", listed++ ? ", " : "; the typefaces found are ",
		    list->faces[i].family);
	}
}

/* Reports that family is in neither folder, with the families that are. */
static void
report_not_found(const struct request *rq, const struct face_list *all, const char *family,
    const char *user_dir, const char *bundled_dir)
{
	struct buf hint = {0};

	suggest(all, family, &hint);
	report(rq, DIAG_ERROR, "no typeface \"%s\" in %s or among the typefaces of declgen "
	    "(%s)%s", family, user_dir, bundled_dir, hint.data ? hint.data : "");
	buf_free(&hint);
}

/* Finds decl->typeface in user_dir, else in bundled_dir, reading their faces into
 * list. A file that cannot be read may be a face of the family: no choice is made
 * without it. Returns 0 and fills out, or -1 after reporting. */
static int
find_in_folders(const struct request *rq, const char *user_dir, const char *bundled_dir,
    struct face_list *list, struct font_family *out)
{
	const char *family = rq->decl->typeface;

	if (scan_dir(rq, user_dir, 0, list) != 0)
		return -1;
	if (has_family(list, family))
		return choose_faces(rq, list, family, user_dir, out);
	if (scan_dir(rq, bundled_dir, 1, list) != 0)
		return -1;
	if (has_family(list, family)) {
		out->bundled = 1;
		return choose_faces(rq, list, family, bundled_dir, out);
	}
	report_not_found(rq, list, family, user_dir, bundled_dir);
	return -1;
}

/* The bundled Declgen Serif, by its file names. */
static void
default_family(const char *bundled_dir, struct font_family *out)
{
	for (int i = 0; i < FACE_COUNT; i++)
		out->paths[i] = datadir_path(bundled_dir, font_face_file((enum face)i));
	out->bundled = 1;
}

int
font_family_find(const struct decl *decl, const char *bundled_dir, struct font_family *out,
    struct diag *d)
{
	struct request rq = {.decl = decl, .d = d};
	struct face_list list = {0};
	char *user_dir;
	int ret;

	memset(out, 0, sizeof *out);
	if (decl->typeface[0] == '\0') {
		default_family(bundled_dir, out);
		return 0;
	}
	user_dir = font_family_folder(decl->path);
	ret = find_in_folders(&rq, user_dir, bundled_dir, &list, out);
	free(user_dir);
	free_face_list(&list);
	if (ret != 0)
		font_family_free(out);
	return ret;
}

void
font_family_free(struct font_family *f)
{
	for (int i = 0; i < FACE_COUNT; i++) {
		free((char *)f->paths[i]);
		f->paths[i] = NULL;
	}
}
