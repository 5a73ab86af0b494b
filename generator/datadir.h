/* Where declgen finds its schema, fonts and hyphenation patterns. */
#ifndef DECLGEN_DATADIR_H
#define DECLGEN_DATADIR_H

/* The data directory: $DECLGEN_DATADIR, else PREFIX/share/declgen beside an installed
 * binary, else the source tree above build/declgen. NULL if none holds the schema.
 * The result is owned by the caller. */
char *datadir_find(void);

/* A newly allocated "dir/name". */
char *datadir_path(const char *dir, const char *name);

#endif
