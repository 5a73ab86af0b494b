/* UTF-8 helpers and Unicode normalisation. */
#ifndef DECLGEN_TEXT_H
#define DECLGEN_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (of len bytes left); stores its length in *n.
 * Returns the code point, or UINT32_MAX for invalid UTF-8 (with *n = 1). */
uint32_t utf8_decode(const char *s, size_t len, size_t *n);

/* Appends the UTF-8 encoding of cp to out (4 bytes at most); returns its length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Returns a newly allocated NFC form of s, or NULL if s is not valid UTF-8. */
char *text_nfc(const char *s);

#endif
