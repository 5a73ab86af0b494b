/* The catalogue of declarations (`declgen index DIR...`): one JSON document, of the
 * shape "declgen-index", version 1, for an archive's records:
 *
 *   {"shape":"declgen-index","version":1,"declarations":[
 *   {"source":PATH,"source_sha256":HEX,"content_sha256":HEX,"id":…,"title":[LINE…],
 *    "version":…,"date":"YYYY-MM-DD"|null,"place":…|null,"language":…,
 *    "signatories":[{"name":…|null,"function":…|null,"organisation":[LINE…]}…],
 *    "output":PATH|null,"output_sha256":HEX|null},
 *   …]}
 *
 * one declaration a line, in the order of the directories given and of the file names
 * in each. content_sha256 is `declgen hash` (the canonical form, canon.h),
 * source_sha256 the file's bytes; output is the PDF `declgen render -d DIR` writes, null
 * when there is none yet. A change of the shape changes its version. */
#ifndef DECLGEN_INDEX_H
#define DECLGEN_INDEX_H

#include <stddef.h>

struct buf;
struct decl;
struct diag;

#define INDEX_SHAPE "declgen-index"
#define INDEX_VERSION 1

/* The names of the *.xml files in dir (not below it), sorted bytewise: *paths (each
 * "DIR/NAME.xml", owned by the caller with the array) and *n. Returns 0, or -1 after
 * reporting that dir cannot be read (DIAG_FATAL). */
int index_sources(const char *dir, char ***paths, size_t *n, struct diag *d);

/* Appends the catalogue's opening and closing. */
void index_begin(struct buf *out);
void index_end(struct buf *out);

/* Appends the entry of decl, read from source, whose PDF is (or would be) output;
 * first says whether it is the first entry. */
void index_entry(struct buf *out, int first, const struct decl *decl, const char *source,
    const char *output);

#endif
