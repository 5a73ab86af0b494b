/* The font stage: the four faces of a family, loaded with HarfBuzz, answering what
 * layout asks (metrics.h). It never calls the PDF library, so layout and `declgen
 * check` need none. */
#ifndef DECLGEN_FONT_H
#define DECLGEN_FONT_H

#include "metrics.h"

struct diag;
struct font;

/* Loads the four faces of the bundled family from dir (the data directory's fonts/),
 * each once. A face file that is missing, unreadable, truncated or not a font is
 * reported to d naming the file (DIAG_FATAL: the bundled faces come with declgen).
 * Returns NULL after reporting. Free with font_free. */
struct font *font_new(const char *dir, struct diag *d);

/* Loads the faces at paths (a face a family lacks may name the regular file). A
 * problem is reported naming the file: DIAG_FATAL if bundled (the faces come with
 * declgen), DIAG_ERROR otherwise (a user's face). Returns NULL after reporting. */
struct font *font_new_files(const char *const paths[FACE_COUNT], int bundled,
    struct diag *d);
void font_free(struct font *f);

/* The faces' metrics for layout: advance widths in 1/1000 em from the faces' hmtx,
 * -1 for a code point without a glyph. Valid while f lives. */
const struct metrics *font_metrics(const struct font *f);

/* The file name, in the fonts' directory, of a face of the family. */
const char *font_face_file(enum face face);

#endif
