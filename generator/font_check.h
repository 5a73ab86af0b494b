/* Loading a face file safely: the checks before HarfBuzz reads it. */
#ifndef DECLGEN_FONT_CHECK_H
#define DECLGEN_FONT_CHECK_H

#include <hb.h>

struct diag;

/* Reads the face file at path into *blob and returns its face, checked to have the
 * tables the font stage reads. A file that is unreadable, truncated or not a font is
 * reported to d naming the file: DIAG_FATAL for a face that comes with declgen
 * (bundled), DIAG_ERROR for one a user supplied. Returns NULL (and *blob NULL) after
 * reporting. The caller owns the face and the blob. */
hb_face_t *font_check_load(const char *path, int bundled, hb_blob_t **blob, struct diag *d);

#endif
