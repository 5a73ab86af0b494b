/* Make dependency files (`declgen render -M`, `--depfile FILE`): the files a PDF was
 * made from, so that make re-renders exactly the PDFs a changed file affects. */
#ifndef DECLGEN_DEPFILE_H
#define DECLGEN_DEPFILE_H

struct buf;
struct decl;
struct diag;

/* Appends to out the rule "TARGET: INPUT SCHEMAS FACES PATTERNS" for the PDF target
 * made from decl (read from input) with the data of datadir, and an empty rule for each
 * prerequisite (as gcc -MP), so that a file that is deleted stops no make. Names are
 * escaped for make. */
void depfile_rules(struct buf *out, const char *target, const char *input,
    const char *datadir, const struct decl *decl);

/* Writes rules to the file at path, replacing it whole (through a temporary file beside
 * it). Returns 0, or -1 after reporting the error to d (DIAG_FATAL). */
int depfile_write(const char *path, const struct buf *rules, struct diag *d);

#endif
