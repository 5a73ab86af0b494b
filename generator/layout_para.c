/* Lines: inline text -> boxes, glue and penalties (with hyphenation) -> broken lines
 * -> positioned text items. */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hyph.h"
#include "text.h"
#include "typo.h"

#define CP_NBSP 0x00A0
#define CP_SHY 0x00AD
#define CP_HYPHEN 0x2010
#define CP_EN_DASH 0x2013
#define CP_EM_DASH 0x2014

/* One character of the block being set. */
struct ch {
	uint32_t cp;
	unsigned char face;
	unsigned char nobreak;	/* a space inside <nobreak> */
};

/* What an item of the breaker stands for. */
struct piece {
	size_t start, end;	/* box: characters [start, end) */
	unsigned char face;	/* box, and the hyphen of a penalty */
	unsigned char hyphen;	/* penalty: draw a hyphen if the line breaks here */
};

struct para {
	struct setter *s;
	const struct para_style *ps;
	struct pos pos;		/* of the block, for messages */
	struct ch *chars;
	size_t nchars, capchars;
	struct lb_item *items;
	struct piece *pieces;	/* what each item stands for */
	size_t nitems, capitems, cappieces;
	int missing_reported;
};

static enum face
face_for(enum face base, unsigned style)
{
	int italic = base == FACE_ITALIC || base == FACE_BOLD_ITALIC || (style & RUN_EM);
	int bold = base == FACE_BOLD || base == FACE_BOLD_ITALIC || (style & RUN_STRONG);

	return (enum face)((italic ? 1 : 0) + (bold ? 2 : 0));
}

/* Width of cp in pt; reports a character the fonts cannot show, once per block. */
static double
advance(struct para *p, enum face face, uint32_t cp)
{
	int w;

	if (cp == CP_SHY)
		return 0;
	w = p->s->m->advance(p->s->m->ctx, face, cp);
	if (w < 0) {
		if (!p->missing_reported)
			diag_report(p->s->d, DIAG_ERROR, p->s->decl->path, p->pos.line, p->pos.col,
			    "character U+%04X cannot be shown: the fonts have no glyph for it; "
			    "replace or remove it", (unsigned)cp);
		p->missing_reported = 1;
		p->s->failed = 1;
		return 0;
	}
	return w * p->ps->size / 1000.0;
}

double
text_width(const struct setter *s, enum face face, double size, const char *str)
{
	size_t len = strlen(str), n;
	double w = 0;

	for (size_t i = 0; i < len; i += n) {
		int a = s->m->advance(s->m->ctx, face, utf8_decode(str + i, len - i, &n));

		if (a > 0)
			w += a;
	}
	return w * size / 1000.0;
}

static void
add_char(struct para *p, uint32_t cp, enum face face, int nobreak)
{
	struct ch *c = ARRAY_PUSH(p->chars, p->nchars, p->capchars);

	c->cp = cp;
	c->face = (unsigned char)face;
	c->nobreak = (unsigned char)nobreak;
}

static struct lb_item *
add_item(struct para *p, enum lb_type type, double width, struct piece piece)
{
	size_t n = p->nitems;
	struct lb_item *it;

	/* Items and pieces are parallel arrays of the same capacity. */
	*ARRAY_PUSH(p->pieces, n, p->cappieces) = piece;
	it = ARRAY_PUSH(p->items, p->nitems, p->capitems);
	it->type = type;
	it->width = width;
	return it;
}

static void
add_penalty(struct para *p, int penalty, double width, int flagged, struct piece piece)
{
	struct lb_item *it = add_item(p, LB_PENALTY, width, piece);

	it->penalty = penalty;
	it->flagged = flagged;
}

static int
is_space(const struct ch *c)
{
	return c->cp == ' ' || c->cp == CP_NBSP;
}

static int
is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static int
is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

/* Marks where the word chars[ws, we) may break: brk[k] = 1 for a hyphenation after
 * character k (a hyphen is added), 2 after an explicit hyphen or dash (none added);
 * add_emergency_breaks adds 3, anywhere in a part too wide for any line. */
static void
find_breaks(struct para *p, size_t ws, size_t we, int last_word, unsigned char *brk)
{
	const struct ch *c = p->chars;
	int soft = 0, digits = 0;

	memset(brk, 0, we - ws);
	for (size_t k = ws; k < we; k++) {
		soft |= c[k].cp == CP_SHY;
		digits |= c[k].cp >= '0' && c[k].cp <= '9';
	}
	for (size_t k = ws; k + 1 < we; k++) {
		uint32_t cp = c[k].cp;

		if ((cp == '-' || cp == CP_HYPHEN || cp == CP_EN_DASH) && k > ws &&
		    is_letter(c[k - 1].cp) && is_letter(c[k + 1].cp))
			brk[k - ws] = 2;
		if (c[k + 1].cp == CP_SHY && k > ws)
			brk[k - ws] = 1;
	}
	/* Soft hyphens are the author's choice: they replace the patterns. Numbers, dates
	 * and acronyms are never hyphenated. */
	if (soft || digits || !p->ps->hyphenate || p->s->h == NULL ||
	    p->s->h->by[p->s->decl->lang] == NULL)
		return;
	for (size_t a = ws; a < we;) {
		size_t b = a, upper = 0;
		char utf8[512];
		size_t len = 0;
		unsigned char breaks[128];

		if (!is_letter(c[a].cp)) {
			a++;
			continue;
		}
		while (b < we && is_letter(c[b].cp) && len + 4 < sizeof utf8) {
			upper += is_upper(c[b].cp);
			len += utf8_encode(c[b].cp, utf8 + len);
			b++;
		}
		if (upper < 2 && hyph_word(p->s->h->by[p->s->decl->lang], utf8, len, breaks, sizeof breaks) == b - a)
			for (size_t i = 0; i + 1 < b - a; i++)
				if (breaks[i] && (!last_word || b - a - i - 1 >= LAST_WORD_MIN_TAIL))
					brk[a + i - ws] = 1;
		a = b;
	}
}

/* The first characters of chars[ws, we), for a message. */
static void
word_excerpt(const struct para *p, size_t ws, size_t we, struct buf *out)
{
	char enc[4];

	for (size_t k = ws; k < we && k < ws + 40; k++)
		buf_append(out, enc, utf8_encode(p->chars[k].cp, enc));
	if (we > ws + 40)
		buf_puts(out, "\xE2\x80\xA6");
}

/* A part of the word that no break point splits and that is wider than the measure
 * gets a break point between any two characters, at a cost (no hyphen is drawn):
 * the line is set within the margins, and the author is told. */
static void
add_emergency_breaks(struct para *p, size_t ws, size_t we, unsigned char *brk)
{
	size_t start = ws;
	double width = 0;

	for (size_t k = ws; k < we; k++) {
		width += advance(p, p->chars[k].face, p->chars[k].cp);
		if (k + 1 < we && !brk[k - ws])
			continue;
		if (width > p->ps->width) {
			struct buf word = {0};

			for (size_t j = start; j < k; j++)
				brk[j - ws] = 3;
			word_excerpt(p, ws, we, &word);
			diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line,
			    p->pos.col, "\"%s\" is wider than the line even with hyphenation and "
			    "is broken without hyphens; add soft hyphens (&#173;) or shorten it",
			    word.data);
			buf_free(&word);
		}
		start = k + 1;
		width = 0;
	}
}

/* Adds the word chars[ws, we), the paragraph's last if last_word. */
static void
add_word(struct para *p, size_t ws, size_t we, int last_word)
{
	unsigned char *brk = xmalloc(we - ws);
	size_t start = ws;
	double width = 0;

	find_breaks(p, ws, we, last_word, brk);
	add_emergency_breaks(p, ws, we, brk);
	for (size_t k = ws; k < we; k++) {
		const struct ch *c = &p->chars[k];
		int last = k + 1 == we;

		width += advance(p, c->face, c->cp);
		if (last || brk[k - ws] || p->chars[k + 1].face != c->face) {
			struct piece box = {.start = start, .end = k + 1, .face = c->face};

			add_item(p, LB_BOX, width, box);
			start = k + 1;
			width = 0;
		}
		if (!last && brk[k - ws]) {
			struct piece pen = {.face = c->face, .hyphen = brk[k - ws] == 1};

			if (brk[k - ws] == 1)
				add_penalty(p, HYPHEN_PENALTY, advance(p, c->face, '-'), 1, pen);
			else if (brk[k - ws] == 2)
				add_penalty(p, EXHYPHEN_PENALTY, 0, 1, pen);
			else
				add_penalty(p, EMERGENCY_PENALTY, 0, 0, pen);
		}
	}
	free(brk);
}

/* The glue of one space before the word starting at next. */
static void
add_space(struct para *p, size_t at, size_t next)
{
	const struct ch *c = &p->chars[at];
	struct piece none = {0};
	double w = advance(p, c->face, ' ');
	/* No line may start with a dash: the space before it does not break. */
	int dash = next < p->nchars && (p->chars[next].cp == CP_EN_DASH ||
	    p->chars[next].cp == CP_EM_DASH) && (next + 1 == p->nchars || is_space(&p->chars[next + 1]));
	int nobreak = c->cp == CP_NBSP || c->nobreak || dash;
	struct lb_item *g;

	if (nobreak)
		add_penalty(p, LB_INF, 0, 0, none);
	if (p->ps->align == ALIGN_JUSTIFY) {
		g = add_item(p, LB_GLUE, w, none);
		g->stretch = w * SPACE_STRETCH;
		g->shrink = w * SPACE_SHRINK;
		return;
	}
	if (nobreak) {
		add_item(p, LB_GLUE, w, none);
		return;
	}
	/* Ragged: the stretch is at the end of each line, not between words. */
	g = add_item(p, LB_GLUE, 0, none);
	g->stretch = RAGGED_STRETCH;
	add_penalty(p, 0, 0, 0, none);
	g = add_item(p, LB_GLUE, w, none);
	g->stretch = -RAGGED_STRETCH;
}

static void
build_items(struct para *p)
{
	struct piece none = {0};
	struct lb_item *fill;
	size_t i = 0;

	while (i < p->nchars) {
		size_t we = i;

		if (is_space(&p->chars[i])) {
			size_t next = i + 1;

			while (next < p->nchars && is_space(&p->chars[next]))
				next++;
			add_space(p, i, next);
			i++;
			continue;
		}
		while (we < p->nchars && !is_space(&p->chars[we]))
			we++;
		add_word(p, i, we, we == p->nchars);
		i = we;
	}
	/* \parfillskip: the last line may be short. */
	add_penalty(p, LB_INF, 0, 0, none);
	fill = add_item(p, LB_GLUE, 0, none);
	fill->stretch = 1e6;
	add_penalty(p, -LB_INF, 0, 0, none);
}

/* Appends the UTF-8 text of chars [start, end) to a text item in face at (x, 0),
 * continuing the previous item of the line when it ends exactly there. */
static void
emit_text(struct para *p, size_t line_first, enum face face, double x, double w,
    size_t start, size_t end, const char *extra)
{
	struct setter *s = p->s;
	struct lay_item *prev = s->nstaged > line_first ? &s->staged[s->nstaged - 1] : NULL;
	struct lay_item *it;
	char enc[4];

	if (prev && prev->kind == LAY_TEXT && prev->face == face &&
	    prev->off + prev->len == s->out->text.len && prev->x2 > x - 0.001 && prev->x2 < x + 0.001)
		it = prev;
	else {
		it = stage_item(s);
		it->kind = LAY_TEXT;
		it->face = face;
		it->size = p->ps->size;
		it->x = x;
		it->off = s->out->text.len;
		it->line = s->out->nlines;	/* the line being placed is the last */
	}
	for (size_t k = start; k < end; k++)
		if (p->chars[k].cp != CP_SHY)
			buf_append(&s->out->text, enc, utf8_encode(p->chars[k].cp, enc));
	if (extra)
		buf_puts(&s->out->text, extra);
	it->len = s->out->text.len - it->off;
	it->x2 = x + w;		/* where the text ends, until the item is final */
}

static double
natural_width(const struct para *p, const struct lb_line *l)
{
	double w = 0;

	for (size_t i = l->start; i < l->end; i++)
		if (p->items[i].type != LB_PENALTY)
			w += p->items[i].width;
	if (p->items[l->end].type == LB_PENALTY)
		w += p->items[l->end].width;
	return w;
}

static void
place_line(struct para *p, const struct lb_line *l, int last, struct set_line *out)
{
	struct setter *s = p->s;
	const struct para_style *ps = p->ps;
	int justify = ps->align == ALIGN_JUSTIFY && !last;
	double r = justify || l->ratio < 0 ? l->ratio : 0;
	double natural = natural_width(p, l);
	double x = ps->x;
	const struct lb_item *end = &p->items[l->end];
	struct lay_line *rec;
	int glue = 0;

	if (ps->align == ALIGN_CENTER)
		x += (ps->width - natural) / 2;
	else if (ps->align == ALIGN_RIGHT)
		x += ps->width - natural;
	out->first = s->nstaged;
	rec = ARRAY_PUSH(s->out->lines, s->out->nlines, s->out->caplines);
	rec->para = s->out->nparas;
	rec->left = x;
	rec->width = ps->width;
	rec->ratio = r;
	rec->justified = justify;
	rec->overfull = l->overfull;
	for (size_t i = l->start; i < l->end; i++) {
		const struct lb_item *it = &p->items[i];
		const struct piece *pc = &p->pieces[i];

		if (it->type == LB_BOX) {
			emit_text(p, out->first, pc->face, x, it->width, pc->start, pc->end, NULL);
			x += it->width;
		} else if (it->type == LB_GLUE) {
			x += it->width + (r > 0 ? r * it->stretch : r * it->shrink);
			glue = 1;
		}
	}
	/* A line without spaces (a broken long word) has nothing to stretch. */
	if (!glue)
		rec->ratio = 0;
	if (end->type == LB_PENALTY && p->pieces[l->end].hyphen) {
		emit_text(p, out->first, p->pieces[l->end].face, x, end->width, 0, 0, "-");
		x += end->width;
		rec->hyphenated = 1;
	}
	rec->right = x;
	if (ps->marker && l->start == 0) {
		double w = text_width(s, ps->base, ps->size, ps->marker);
		struct lay_item *it = stage_item(s);

		it->kind = LAY_TEXT;
		it->face = ps->base;
		it->size = ps->size;
		it->x = ps->marker_right - w;
		it->x2 = ps->marker_right;
		it->off = s->out->text.len;
		buf_puts(&s->out->text, ps->marker);
		it->len = s->out->text.len - it->off;
	}
	if (ps->bar_x > 0) {
		struct lay_item *it = stage_item(s);

		it->kind = LAY_RULE;
		it->x = it->x2 = ps->bar_x;
		it->y = ps->bar_top;
		it->y2 = -ps->bar_bottom;
		it->thickness = NOTICE_BAR;
		it->gray = NOTICE_GRAY;
	}
	out->count = s->nstaged - out->first;
}

static void
warn_overfull(struct para *p, const struct lb_line *l)
{
	size_t widest = l->start;

	for (size_t i = l->start; i < l->end; i++)
		if (p->items[i].type == LB_BOX && p->items[i].width > p->items[widest].width)
			widest = i;
	{
		struct buf word = {0};

		word_excerpt(p, p->pieces[widest].start, p->pieces[widest].end, &word);
		diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line, p->pos.col,
		    "\"%s\" does not fit in the line even with hyphenation (%.1f pt too wide); "
		    "add soft hyphens (&#173;) or shorten it", word.data ? word.data : "",
		    natural_width(p, l) - p->ps->width);
		buf_free(&word);
	}
}

size_t
set_text(struct setter *s, const struct text *t, const struct para_style *ps,
    struct set_line **lines)
{
	struct para p = {.s = s, .ps = ps, .pos = t->pos};
	struct lb_params params;
	struct lb_result res;
	struct lay_para *para;
	size_t n = 0;

	*lines = NULL;
	for (size_t i = 0; i < t->nruns; i++) {
		const char *str = t->runs[i].text;
		size_t len = strlen(str), k;
		enum face face = face_for(ps->base, t->runs[i].style);

		for (size_t j = 0; j < len; j += k)
			add_char(&p, utf8_decode(str + j, len - j, &k), face,
			    (t->runs[i].style & RUN_NOBREAK) != 0);
	}
	build_items(&p);
	para = ARRAY_PUSH(s->out->paras, s->out->nparas, s->out->capparas);
	para->justified = ps->align == ALIGN_JUSTIFY;
	lb_params_default(&params, ps->width);
	params.method = s->opt->method;
	if (lb_break(p.items, p.nitems, &params, &res) == 0) {
		*lines = xcalloc(res.nlines, sizeof **lines);
		for (n = 0; n < res.nlines; n++) {
			if (res.lines[n].overfull)
				warn_overfull(&p, &res.lines[n]);
			place_line(&p, &res.lines[n], n + 1 == res.nlines, &(*lines)[n]);
		}
		/* place_line may have moved the array. */
		s->out->paras[s->out->nparas - 1].demerits = res.demerits;
		s->out->paras[s->out->nparas - 1].nlines = n;
		lb_result_free(&res);
	}
	free(p.chars);
	free(p.items);
	free(p.pieces);
	return n;
}

size_t
set_string(struct setter *s, const char *str, struct pos pos,
    const struct para_style *ps, struct set_line **lines)
{
	struct run run = {.text = (char *)str, .style = 0};
	struct text t = {.runs = &run, .nruns = 1, .pos = pos};

	return set_text(s, &t, ps, lines);
}
