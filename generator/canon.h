/* The canonical form of a declaration: a serialisation of the validated model that
 * holds every field that reaches the PDF, in document order, and nothing of how the
 * XML was written (indentation, line wrapping, attribute order, character references,
 * encoding). Its SHA-256 identifies a declaration's content (`declgen hash`).
 *
 * The form is text, one field a line: "NAME LENGTH:VALUE\n", where LENGTH is VALUE's
 * length in bytes, so a value may hold any character without ambiguity. The first line
 * is the form's version; a change of the form changes the version, and so every hash. */
#ifndef DECLGEN_CANON_H
#define DECLGEN_CANON_H

struct block;
struct buf;
struct decl;
struct signatory;

/* The first line of the form: "declgen-canonical 1". */
#define CANON_VERSION "declgen-canonical 1"

/* Appends the canonical form of decl to out. */
void canon_decl(const struct decl *decl, struct buf *out);

/* Appends the form of one block or one signatory, as canon_decl writes it: two blocks
 * (signatories) are the same content exactly when these are equal. */
void canon_block(const struct block *b, struct buf *out);
void canon_signatory(const struct signatory *s, struct buf *out);

/* Appends s folded as the renderer and the duplicate rule compare text (decl_fold_text:
 * invisible characters removed, every run of spaces one space), but keeping one space
 * at either end if s has one there: a run of a paragraph meets its neighbours there. */
void canon_fold_run(const char *s, struct buf *out);

#endif
