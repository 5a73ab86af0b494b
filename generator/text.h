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

/* Finds the first web or e-mail address in the word s[0..len) ("https://...",
 * "http://...", "www...." or "name@domain.tld"), without the sentence punctuation or
 * closing quotation mark that follows it. Returns 1 and its offset and length in *at and
 * *alen, or 0 if there is none. */
int text_find_address(const char *s, size_t len, size_t *at, size_t *alen);

/* Whether s[0..len) is, as a whole, an address text_find_address would find. */
int text_is_address(const char *s, size_t len);

/* Returns the link target of the address s[0..len), newly allocated: "http://" is put
 * before "www.", "mailto:" before an e-mail address; a scheme is kept as written. */
char *text_address_uri(const char *s, size_t len);

/* Returns a valid identifier (lowercase letters, digits and single hyphens, at most
 * max bytes) made from s, newly allocated: "Aachen-Düren" gives "aachen-dueren".
 * Empty if s has no letter or digit. */
char *text_identifier(const char *s, size_t max);

/* Whether s[0..len) starts with prefix, ASCII letters compared without case. */
int text_has_prefix_ci(const char *s, size_t len, const char *prefix);

/* Edit distance between a and b, a swap of two neighbours counting as one edit
 * (optimal string alignment: "titel" is one edit from "title"), or INT_MAX if either is
 * longer than 64 bytes. */
int text_distance(const char *a, const char *b);

#endif
