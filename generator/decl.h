/* The model of a joint declaration, as parsed and validated from XML.
 * A struct decl owns everything it points to; decl_free releases it all.
 * All text is UTF-8 in Unicode NFC, white space collapsed. */
#ifndef DECLGEN_DECL_H
#define DECLGEN_DECL_H

#include <stddef.h>

#include "limits.h"

struct buf;
struct diag;

/* Style flags of an inline run. */
enum {
	RUN_EM = 1 << 0,	/* <em>: italics */
	RUN_STRONG = 1 << 1,	/* <strong>: bold */
	RUN_NOBREAK = 1 << 2,	/* <nobreak>: spaces do not break */
	RUN_LINK = 1 << 3	/* a web or e-mail address: never hyphenated, breaks only
				 * after "/", "." or "-" without a hyphen; uri is its target */
};

struct pos {
	int line;	/* 1-based source line, 0 if unknown */
	int col;	/* 1-based source column, 0 if unknown */
};

/* A stretch of text in one style and language. Quotation marks of <q> are part of the
 * text, in the marks of the language. */
struct run {
	char *text;
	unsigned style;
	int lang;		/* row of the language table (lang.h) */
	char *uri;		/* RUN_LINK: "https://...", "mailto:..."; else NULL */
};

/* Inline text of one block. */
struct text {
	struct run *runs;
	size_t nruns;
	struct pos pos;
};

enum block_kind {
	BLOCK_HEADING,
	BLOCK_PARAGRAPH,
	BLOCK_LIST,
	BLOCK_MOTTO,
	BLOCK_NOTICE
};

/* Label style of a list: <list numbering="...">. */
enum numbering {
	NUM_BULLET,	/* no numbering attribute: "•" */
	NUM_ARABIC,	/* "1." */
	NUM_PAREN,	/* "(1)" */
	NUM_ALPHA,	/* "a)" */
	NUM_ROMAN	/* "I." */
};

struct item;

struct list {
	enum numbering numbering;
	int start;		/* number of the first item, 1 unless start="N" */
	struct item *items;
	size_t nitems;
	struct pos pos;
};

struct item {
	struct text text;
	struct list *sub;	/* a list ending the item (one level deep), or NULL */
};

struct block {
	enum block_kind kind;
	struct text text;	/* all kinds but BLOCK_LIST */
	struct list list;	/* BLOCK_LIST only */
	struct pos pos;
};

struct signatory {
	char *name;		/* NULL for an organisation signing as such */
	char *function;		/* NULL if not given */
	char **org;		/* organisation, one or more lines */
	size_t norg;
	int seal;		/* leave room for an official seal (its own or the grid's) */
	struct pos pos;
};

struct date {
	int year, month, day;	/* all 0 when not given */
	struct pos pos;
};

struct decl {
	char *path;		/* file name as given, for messages */
	char *id;
	char *language;		/* as written in <language> */
	int lang;		/* its row of the language table (lang.h) */
	struct pos language_pos;	/* of <language>, for messages */
	char *version;
	char *place;		/* NULL when left blank */
	struct date date;	/* year 0 when left blank */
	char **title;		/* title lines */
	size_t ntitle;
	struct pos title_pos;
	char *short_title;
	char *subtitle;		/* NULL if none */
	char **keywords;
	size_t nkeywords;
	char **regions;
	size_t nregions;
	char **hyphenation;	/* exceptions: words with "-" where they may break */
	size_t nhyphenation;
	struct pos hyphenation_pos;
	/* <typeface family>, white space collapsed; empty for the bundled Declgen Serif.
	 * Held in place: the schema bounds it, in characters of up to 4 bytes. */
	char typeface[4 * LIMIT_FAMILY_CHARS + 1];
	struct pos typeface_pos;
	struct block *blocks;
	size_t nblocks;
	struct text sig_heading;	/* nruns 0 if none */
	struct signatory *signatories;
	size_t nsignatories;
	int columns;		/* signature grid columns, 1 to 3 */
};

/* Parses and validates the file at path against the schema at schema_path.
 * Every problem is reported to d. Returns the model, or NULL if the file is invalid. */
struct decl *decl_parse_file(const char *path, const char *schema_path, struct diag *d);

/* The same for a document already in memory; path is used in messages only. */
struct decl *decl_parse_memory(const char *path, const char *data, size_t len,
    const char *schema_path, struct diag *d);

/* Semantic rules the schema cannot express; reports to d, returns the number of errors. */
unsigned decl_validate(const struct decl *decl, struct diag *d);

/* Whether two signatories name the same organisation, line for line, each line
 * compared as decl_fold_text folds it. */
int decl_same_org(const struct signatory *a, const struct signatory *b);

/* Appends s to out as it is compared for identity: without soft hyphens and other
 * invisible characters, every kind of space one space, none at either end. */
void decl_fold_text(const char *s, struct buf *out);

/* Whether s prints as nothing: only spaces and invisible characters. */
int decl_text_is_blank(const char *s);

/* Appends all running text of the body to b, blocks separated by newlines. */
void decl_body_text(const struct decl *decl, struct buf *b);

void decl_free(struct decl *decl);

#endif
