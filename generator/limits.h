/* Bounds on untrusted input, in one place (documented in README.md). */
#ifndef DECLGEN_LIMITS_H
#define DECLGEN_LIMITS_H

/* Largest declaration file read, in bytes. */
#define LIMIT_INPUT_BYTES (4u * 1024u * 1024u)
/* Deepest element nesting accepted (the format needs 6). */
#define LIMIT_NESTING 32
/* Longest text of one block (paragraph, item, heading), in bytes. */
#define LIMIT_BLOCK_BYTES (64u * 1024u)
/* Most signatories in one declaration. */
#define LIMIT_SIGNATORIES 1000
/* Most pages one declaration may fill. */
#define LIMIT_PAGES 500
/* Most diagnostics printed for one file before the rest are summarised. */
#define LIMIT_DIAGNOSTICS 100
/* Largest number a numbered list may reach (the largest Roman numeral, MMMCMXCIX). */
#define LIMIT_LIST_NUMBER 3999
/* Most attributes (namespace declarations included) of one start tag; the schema uses
 * at most LIMIT_ATTRIBUTES_USED. libxml2 compares attributes pairwise. */
#define LIMIT_ATTRIBUTES 16
#define LIMIT_ATTRIBUTES_USED 4
/* Most elements in one file: 500 pages hold about 24,000 lines, so no more blocks than
 * that, each with a few inline elements, and 1000 signatories of at most 20. */
#define LIMIT_ELEMENTS 100000
/* Years a date of signing may have. */
#define LIMIT_YEAR_MIN 1900
#define LIMIT_YEAR_MAX 2999

/* Longest family name a declaration may ask for (<typeface family>), in characters:
 * the schema's maxLength. */
#define LIMIT_FAMILY_CHARS 64

/* Largest face file read, in bytes: a pan-Unicode face such as Noto Sans CJK is about
 * 16 MiB; a face a declaration can use holds far less. */
#define LIMIT_FONT_BYTES (32u * 1024u * 1024u)
#define LIMIT_FONT_BYTES_TEXT "32 MiB"
/* Most font files (.ttf, .otf) in one fonts folder searched for a family: a family of
 * many weights and widths has some 50. */
#define LIMIT_FONT_FILES 256

/* Longest link address accepted, in bytes: about the longest URL every browser handles
 * (2083 in Internet Explorer), and the schema's bound on href; an address is typed by
 * an author, so anything longer is a mistake. */
#define LINK_MAX_BYTES 2000

#endif
