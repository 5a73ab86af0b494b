/* Writing JSON: strings escaped so that any bytes make valid JSON. */
#ifndef DECLGEN_JSON_H
#define DECLGEN_JSON_H

struct buf;

/* Appends s as a JSON string, quotes included: '"' and '\\' escaped, control
 * characters (C0, DEL, and C1 as "\u0085") as \uXXXX escapes, every byte that is not
 * part of valid UTF-8 as U+FFFD. NULL is written as null. */
void json_string(struct buf *b, const char *s);

/* Appends "\"key\":" and the string value (null for NULL). */
void json_key_string(struct buf *b, const char *key, const char *value);

/* Appends "\"key\":" and the number, in the C locale's form. */
void json_key_number(struct buf *b, const char *key, long value);

#endif
