/* Checks of a face file before HarfBuzz reads it: HarfBuzz treats a damaged font as
 * an empty one, which would only show up later as "no glyph" for every character.
 * A face file is untrusted input, like the declaration. */
#include "font_check.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "limits.h"
#include "util.h"

/* The sfnt table directory (OpenType spec, "Organization of an OpenType font"): a
 * 12-byte header whose bytes 4-5 count the tables, then a 16-byte record per table
 * whose bytes 8-11 are its offset and 12-15 its length, all big-endian. */
#define SFNT_HEADER_BYTES 12u
#define SFNT_RECORD_BYTES 16u

/* Units per em the OpenType spec allows (head.unitsPerEm, bytes 18-19 of head). */
#define HEAD_UPEM_OFFSET 18u
#define UPEM_MIN 16u
#define UPEM_MAX 16384u

/* OS/2 fsType (bytes 8-9 of the table): bit 1 "restricted licence embedding" (the face
 * must not be embedded at all), bit 9 "bitmap embedding only" (no outlines). */
#define OS2_FSTYPE_OFFSET 8u
#define FSTYPE_RESTRICTED 0x0002u
#define FSTYPE_BITMAP_ONLY 0x0200u

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

/* What is wrong with the structure of the font file in blob, or NULL if its tables can
 * be read. */
static const char *
file_problem(hb_blob_t *blob)
{
	unsigned len;
	const unsigned char *data = (const unsigned char *)hb_blob_get_data(blob, &len);

	if (data != NULL && len >= 4 && memcmp(data, "ttcf", 4) == 0)
		return "a font collection (.ttc or .otc) holds several faces; save the face "
		    "you need as a .ttf or .otf file of its own";
	if (data == NULL || !is_sfnt(data, len))
		return "not a TrueType or OpenType font";
	if (!sfnt_complete(data, len))
		return "the font file is truncated";
	return NULL;
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
	int ok = 1;

	for (size_t i = 0; ok && i < sizeof needed / sizeof *needed; i++) {
		hb_blob_t *table = hb_face_reference_table(face, needed[i]);

		ok = hb_blob_get_length(table) > 0;
		hb_blob_destroy(table);
	}
	return ok;
}

/* The big-endian 16-bit number at offset of face's table tag, 0 if the table is
 * missing or too short: fsType 0 (installable) for a face without an OS/2 table, as
 * the OpenType spec reads an old Macintosh TrueType font; unitsPerEm as the file has it,
 * which HarfBuzz reads as 1000 when out of range, hiding it. */
static unsigned
table_u16(hb_face_t *face, hb_tag_t tag, unsigned offset)
{
	hb_blob_t *table = hb_face_reference_table(face, tag);
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(table, &len);
	unsigned v = 0;

	if (p != NULL && len >= offset + 2)
		v = (unsigned)p[offset] << 8 | p[offset + 1];
	hb_blob_destroy(table);
	return v;
}

/* What keeps face from being set and embedded, or NULL if nothing does. */
static const char *
face_problem(hb_face_t *face)
{
	unsigned upem = table_u16(face, HB_TAG('h', 'e', 'a', 'd'), HEAD_UPEM_OFFSET);

	if (!has_tables(face))
		return "the font lacks a table it needs (head, hhea, hmtx, maxp or cmap)";
	if (hb_face_get_glyph_count(face) == 0)
		return "the font has no glyphs";
	if (upem < UPEM_MIN || upem > UPEM_MAX)
		return "its units per em are not between 16 and 16384";
	return font_check_embedding(face);
}

const char *
font_check_embedding(hb_face_t *face)
{
	unsigned fs_type = table_u16(face, HB_TAG('O', 'S', '/', '2'), OS2_FSTYPE_OFFSET);

	if (fs_type & FSTYPE_RESTRICTED)
		return "its licence forbids embedding it in a document (OS/2 fsType: "
		    "restricted license embedding); use a face whose licence allows embedding";
	if (fs_type & FSTYPE_BITMAP_ONLY)
		return "its licence allows embedding it only as bitmaps (OS/2 fsType: bitmap "
		    "embedding only); use a face whose licence allows embedding its outlines";
	return NULL;
}

void
font_check_report(struct diag *d, int bundled, const char *path, const char *problem)
{
	diag_report(d, bundled ? DIAG_FATAL : DIAG_ERROR, path, 0, 0,
	    "cannot load this font: %s; %s", problem,
	    bundled ? "reinstall declgen" : "replace this font file");
}

hb_blob_t *
font_check_read(const char *path, int bundled, struct diag *d)
{
	hb_blob_t *blob;
	const char *problem;
	char *data;
	size_t len;
	int err = read_file(path, LIMIT_FONT_BYTES, &data, &len);

	if (err != 0) {
		font_check_report(d, bundled, path, err == EFBIG ? "the file is larger than "
		    LIMIT_FONT_BYTES_TEXT : err == EINVAL ? "not a regular file" :
		    strerror(err));
		return NULL;
	}
	blob = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, data, free);
	if ((problem = file_problem(blob)) != NULL) {
		font_check_report(d, bundled, path, problem);
		hb_blob_destroy(blob);
		return NULL;
	}
	return blob;
}

hb_face_t *
font_check_load(const char *path, int bundled, hb_blob_t **blob, struct diag *d)
{
	hb_face_t *face;
	const char *problem;

	if ((*blob = font_check_read(path, bundled, d)) == NULL)
		return NULL;
	face = hb_face_create(*blob, 0);
	if ((problem = face_problem(face)) != NULL) {
		font_check_report(d, bundled, path, problem);
		hb_face_destroy(face);
		hb_blob_destroy(*blob);
		*blob = NULL;
		return NULL;
	}
	return face;
}
