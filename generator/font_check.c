/* Checks of a face file before HarfBuzz reads it: HarfBuzz treats a damaged font as
 * an empty one, which would only show up later as "no glyph" for every character.
 * A face file is untrusted input, like the declaration. */
#include "font_check.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "diag.h"

/* The sfnt table directory (OpenType spec, "Organization of an OpenType font"): a
 * 12-byte header whose bytes 4-5 count the tables, then a 16-byte record per table
 * whose bytes 8-11 are its offset and 12-15 its length, all big-endian. */
#define SFNT_HEADER_BYTES 12u
#define SFNT_RECORD_BYTES 16u

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

hb_face_t *
font_check_load(const char *path, int bundled, hb_blob_t **blob, struct diag *d)
{
	hb_face_t *face;
	const char *problem;
	enum diag_level sev = bundled ? DIAG_FATAL : DIAG_ERROR;
	const char *fix = bundled ? "reinstall declgen" : "replace this font file";

	errno = 0;
	if ((*blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
		diag_report(d, sev, path, 0, 0, "cannot load this font: %s; %s",
		    errno ? strerror(errno) : "unreadable", fix);
		return NULL;
	}
	if ((problem = face_problem(*blob, &face)) != NULL) {
		diag_report(d, sev, path, 0, 0, "cannot load this font: %s; %s", problem, fix);
		hb_face_destroy(face);
		hb_blob_destroy(*blob);
		*blob = NULL;
		return NULL;
	}
	return face;
}
