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
 * font stage reads, glyphs, a plausible units per em, a licence that allows embedding
 * (font_check_embedding). Reports as font_check_read does. Returns the face and
 * its file's bytes in *blob, or NULL (and *blob NULL) after reporting. The caller owns
 * the face and the blob. */
hb_face_t *font_check_load(const char *path, int bundled, hb_blob_t **blob, struct diag *d);

/* Why the licence of face (OS/2 fsType) forbids embedding its outlines in a PDF, with
 * what to do; NULL if it allows it. The family lookup asks this of the faces it
 * chooses before loading them, font_check_load of every face it loads. */
const char *font_check_embedding(hb_face_t *face);

/* Reports problem of the face file at path, with what to do: DIAG_FATAL and "reinstall
 * declgen" for a bundled face, else DIAG_ERROR and "replace this font file". */
void font_check_report(struct diag *d, int bundled, const char *path, const char *problem);

#endif
