/* Ownership of the model (everything a struct decl points to is freed here), and the
 * identity of names and organisations as a reader sees them. */
#include "decl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "util.h"

static void
free_text(struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++) {
		free(t->runs[i].text);
		free(t->runs[i].uri);
	}
	free(t->runs);
}

/* Frees what the list holds (not the list itself); sublists are one level deep. */
static void
free_list(struct list *l)
{
	for (size_t k = 0; k < l->nitems; k++) {
		free_text(&l->items[k].text);
		if (l->items[k].sub != NULL) {
			free_list(l->items[k].sub);
			free(l->items[k].sub);
		}
	}
	free(l->items);
}

/* Characters that print as nothing: Unicode's format characters (soft hyphen, zero-width
 * space, joiners, word joiner, byte order mark, direction marks). */
static int
is_invisible(uint32_t cp)
{
	return cp >= 0x80 && cp <= 0x10FFFF &&
	    utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CF;
}

/* Every kind of space an author can type or paste: tabs and line ends, and Unicode's
 * separators (no-break space, U+2000..U+200A, narrow no-break space, U+2028...). */
static int
is_any_space(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
	if (cp > 0x10FFFF)
		return 0;
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Reads a string as it is compared for identity: invisible characters removed, every
 * run of spaces one space, none at either end. */
struct fold {
	const char *s;
	size_t len, at;
	int started;	/* a character has been returned */
};

#define FOLD_END 0x110000u	/* beyond Unicode: the end of the string */

static uint32_t
fold_next(struct fold *f)
{
	int space = 0;

	while (f->at < f->len) {
		size_t n = 1;
		uint32_t cp = (unsigned char)f->s[f->at];

		/* ASCII is read directly: the duplicate rule compares up to 500,000 pairs. */
		if (cp >= 0x80)
			cp = utf8_decode(f->s + f->at, f->len - f->at, &n);

		if (is_invisible(cp) || is_any_space(cp)) {
			space |= is_any_space(cp);
			f->at += n;
			continue;
		}
		if (space && f->started)
			return ' ';	/* cp is read again by the next call */
		f->at += n;
		f->started = 1;
		return cp;
	}
	return FOLD_END;
}

static struct fold
fold_start(const char *s)
{
	return (struct fold){.s = s, .len = strlen(s)};
}

/* Whether a and b are the same text to a reader: a soft hyphen, a zero-width character
 * or a no-break space for a space must not make two lines differ. */
static int
same_text(const char *a, const char *b)
{
	struct fold fa = fold_start(a), fb = fold_start(b);
	uint32_t ca, cb;

	do {
		ca = fold_next(&fa);
		cb = fold_next(&fb);
	} while (ca == cb && ca != FOLD_END);
	return ca == cb;
}

/* What same_text compares. */
void
decl_fold_text(const char *s, struct buf *out)
{
	struct fold f = fold_start(s);

	/* Folding never lengthens a string: one allocation, however long it is. */
	out->data = array_grow(out->data, &out->cap, out->len + f.len + 1, 1);
	for (uint32_t cp; (cp = fold_next(&f)) != FOLD_END;)
		out->len += utf8_encode(cp, out->data + out->len);
	out->data[out->len] = '\0';
}

int
decl_text_is_blank(const char *s)
{
	struct fold f = fold_start(s);

	return fold_next(&f) == FOLD_END;
}

int
decl_same_org(const struct signatory *a, const struct signatory *b)
{
	if (a->norg != b->norg)
		return 0;
	for (size_t i = 0; i < a->norg; i++)
		if (!same_text(a->org[i], b->org[i]))
			return 0;
	return 1;
}

static void
append_text(const struct text *t, struct buf *b)
{
	for (size_t i = 0; i < t->nruns; i++)
		buf_puts(b, t->runs[i].text);
	buf_puts(b, "\n");
}

static void
append_list(const struct list *l, struct buf *b)
{
	for (size_t k = 0; k < l->nitems; k++) {
		append_text(&l->items[k].text, b);
		if (l->items[k].sub != NULL)
			append_list(l->items[k].sub, b);
	}
}

void
decl_body_text(const struct decl *decl, struct buf *b)
{
	for (size_t i = 0; i < decl->nblocks; i++) {
		append_text(&decl->blocks[i].text, b);
		append_list(&decl->blocks[i].list, b);
	}
}

void
decl_free(struct decl *decl)
{
	if (decl == NULL)
		return;
	free(decl->path);
	free(decl->id);
	free(decl->language);
	free(decl->version);
	free(decl->place);
	free_strings(decl->title, decl->ntitle);
	free(decl->short_title);
	free(decl->subtitle);
	free_strings(decl->keywords, decl->nkeywords);
	free_strings(decl->regions, decl->nregions);
	free_strings(decl->hyphenation, decl->nhyphenation);
	for (size_t i = 0; i < decl->nblocks; i++) {
		struct block *b = &decl->blocks[i];

		free_text(&b->text);
		free_list(&b->list);
	}
	free(decl->blocks);
	free_text(&decl->sig_heading);
	for (size_t i = 0; i < decl->nsignatories; i++) {
		struct signatory *s = &decl->signatories[i];

		free(s->name);
		free(s->function);
		free_strings(s->org, s->norg);
	}
	free(decl->signatories);
	free(decl);
}
