/* Comparing two versions of a declaration by content (`declgen diff`): changed, added
 * and removed metadata, blocks and signatories, words inside a changed block. Only
 * what the canonical form (canon.h) holds counts: the source's formatting does not. */
#ifndef DECLGEN_DIFF_H
#define DECLGEN_DIFF_H

struct buf;
struct decl;

enum diff_format {
	DIFF_TEXT,	/* readable lines, words as [-removed-] and {+added+} */
	DIFF_JSON	/* one JSON object (shape "declgen-diff", version 1) */
};

/* Appends to out what changed from old to new. Returns 0 when the content is the same
 * (out then says nothing in the text form), 1 when it differs. */
int diff_decls(const struct decl *old, const struct decl *new, enum diff_format format,
    struct buf *out);

#endif
