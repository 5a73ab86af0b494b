/* Finding the face files of the family a declaration names (<typeface family>), by the
 * names inside the files, among the bundled faces and in a "fonts" folder next to the
 * declaration. */
#ifndef DECLGEN_FONT_FAMILY_H
#define DECLGEN_FONT_FAMILY_H

#include "metrics.h"

struct decl;
struct diag;

/* The face files to set a declaration in, one per style (metrics.h); a style the
 * family lacks names the face set in its place. */
struct font_family {
	const char *paths[FACE_COUNT];	/* owned */
	int bundled;			/* the faces come with declgen */
};

/* Finds the faces of decl->typeface (family names compared without ASCII case) in the
 * folder "fonts" next to decl->path, then in bundled_dir (the data directory's fonts);
 * the first folder holding a face of the family wins. Without a typeface, the bundled
 * Declgen Serif. Reports at the <typeface>: a family without a regular face (an error
 * naming the folders searched and the families nearest to the name), a missing style
 * (a warning naming the face used instead), a font file that cannot be read (an error
 * naming it). Returns 0 and fills out, or -1 after reporting. Free with
 * font_family_free. */
int font_family_find(const struct decl *decl, const char *bundled_dir,
    struct font_family *out, struct diag *d);
void font_family_free(struct font_family *f);

/* The folder searched first for a declaration at path: "DIR/fonts" beside it. */
char *font_family_folder(const char *path);

#endif
