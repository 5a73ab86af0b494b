/* The font stage: the four faces of a family, loaded with HarfBuzz, answering what
 * layout asks (metrics.h). It never calls the PDF library, so layout and `declgen
 * check` need none. */
#ifndef DECLGEN_FONT_H
#define DECLGEN_FONT_H

#include <stdint.h>

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

/* The families a process has loaded, each once: a batch of declarations loads and
 * measures its faces once, not once a declaration. Holds FONT_CACHE_FAMILIES at most
 * (the least recently asked for goes first), so memory stays flat however many
 * families a batch names. */
#define FONT_CACHE_FAMILIES 4

struct font_cache;

struct font_cache *font_cache_new(void);
void font_cache_free(struct font_cache *c);

/* The family whose faces are at paths (as font_new_files), loaded on the first request
 * and kept; the same paths, spelt the same, are the same family. A failure is reported
 * as font_new_files does, at every request, and not kept. The font stays owned by c
 * and valid until font_cache_free, or until FONT_CACHE_FAMILIES other families have
 * been asked for since. */
struct font *font_cache_get(struct font_cache *c, const char *const paths[FACE_COUNT],
    int bundled, struct diag *d);
/* The bundled family of dir, as font_new and font_cache_get. */
struct font *font_cache_get_bundled(struct font_cache *c, const char *dir, struct diag *d);

/* The faces' metrics for layout: advance widths and kerning as font_advance and
 * font_kern answer them. Valid while f lives. */
const struct metrics *font_metrics(const struct font *f);

/* The glyph id of code point cp in face, 0 if the face has none (where advance
 * answers -1). */
uint32_t font_glyph(const struct font *f, enum face face, uint32_t cp);

/* What font_metrics answers, for callers that hold the font: the advance width of cp
 * in face in 1/1000 em (truncated), -1 without a glyph; and the kerning between left
 * and right in face in 1/1000 em (rounded to the nearest, halves away from zero), as
 * HarfBuzz positions the pair with kerning and mark positioning on and ligatures off,
 * 0 for none or where either has no glyph. Layout and renderer read the very same
 * numbers. Not const: f remembers what it looked up. */
int font_advance(struct font *f, enum face face, uint32_t cp);
int font_kern(struct font *f, enum face face, uint32_t left, uint32_t right);

/* The file name, in the fonts' directory, of a face of the family. */
const char *font_face_file(enum face face);

#endif
