/* Loading a face file safely: the checks before HarfBuzz reads it. */
#ifndef DECLGEN_FONT_CHECK_H
#define DECLGEN_FONT_CHECK_H

#include <hb.h>

struct diag;

/* Reads the face file at path (a regular file of at most LIMIT_FONT_BYTES, never waited
 * for) and checks that it is one TrueType or OpenType face whose tables all lie within
 * it: enough to read its names. A problem is reported to d naming the file and what to
 * do: DIAG_FATAL for a face that comes with declgen (bundled), DIAG_ERROR for one a user
 * supplied. Returns NULL after reporting. The caller owns the blob. */
hb_blob_t *font_check_read(const char *path, int bundled, struct diag *d);

/* font_check_read, then checks that the face can be set and embedded: the tables the
 * font stage reads, glyphs, a plausible units per em, and a licence (OS/2 fsType) that
 * allows embedding its outlines. Reports as font_check_read does. Returns the face and
 * its file's bytes in *blob, or NULL (and *blob NULL) after reporting. The caller owns
 * the face and the blob. */
hb_face_t *font_check_load(const char *path, int bundled, hb_blob_t **blob, struct diag *d);

#endif
