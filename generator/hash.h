/* SHA-256 of bytes and of a declaration's canonical form (canon.h), in hex. */
#ifndef DECLGEN_HASH_H
#define DECLGEN_HASH_H

#include <stddef.h>

struct decl;

/* Hex digits of a SHA-256, and room for them with their NUL. */
#define HASH_HEX_LEN 64
#define HASH_HEX_SIZE (HASH_HEX_LEN + 1)

/* Writes the SHA-256 of the len bytes at data as lower-case hex to hex. */
void hash_sha256_hex(const void *data, size_t len, char hex[HASH_HEX_SIZE]);

/* Writes the SHA-256 of decl's canonical form to hex: the declaration's source hash. */
void hash_decl(const struct decl *decl, char hex[HASH_HEX_SIZE]);

/* The SHA-256 of the file at path, at most max_bytes long. Returns 0, or an errno
 * value as read_file does. */
int hash_file(const char *path, size_t max_bytes, char hex[HASH_HEX_SIZE]);

#endif
