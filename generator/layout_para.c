/* Lines: inline text -> boxes, glue and penalties (with hyphenation) -> broken lines
 * -> positioned text items. The bottom of the layout stage, calling no other part of
 * it: the one place that asks the fonts for widths and kerning, and the one builder of
 * text items (text_item, stage_text). It owns layout.text, layout.lines and
 * layout.paras, and the staged items. */
#include "layout_int.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "hyph.h"
#include "lang.h"
#include "text.h"
#include "typo.h"

#define CP_NBSP 0x00A0
#define CP_SHY 0x00AD
#define CP_HYPHEN 0x2010
#define CP_EN_DASH 0x2013
#define CP_EM_DASH 0x2014

/* Characters of a word or phrase quoted in a message. */
#define EXCERPT_CHARS 40

/* One character of the block being set. */
struct ch {
	uint32_t cp;
	unsigned char face;
	unsigned char nobreak;	/* inside <nobreak> */
	unsigned char link;	/* part of a web or e-mail address */
	unsigned char relaxed;	/* a space that must not break, in a phrase wider than the
				 * line: it may break after all, at a cost */
	int lang;		/* row of the language table (lang.h) */
	const char *uri;	/* target of the link (owned by the decl), else NULL */
};

/* A break point after a character of a word. */
enum brk {
	BRK_NONE,
	BRK_HYPHEN,		/* hyphenation: a hyphen is drawn if the line breaks here */
	BRK_HYPHEN_SHORT,	/* hyphenation leaving two letters on one side */
	BRK_EXPLICIT,		/* after a hyphen or dash written in the word */
	BRK_LINK,		/* inside a web or e-mail address */
	BRK_EMERGENCY		/* anywhere in a part too wide for any line */
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

/* Width of cp in face at size, in pt; -1 if the fonts have no glyph for it. The one
 * place that asks the fonts. */
static double
glyph_width(const struct metrics *m, enum face face, double size, uint32_t cp)
{
	int w;

	if (cp == CP_SHY)
		return 0;
	w = m->advance(m->ctx, face, cp);
	return w < 0 ? -1 : w * size / 1000.0;
}

/* The one report of a character the fonts cannot show: cp of the text at pos; str
 * quotes text that is not set in lines (metadata), or is NULL. */
static void
report_missing_glyph(struct setter *s, struct pos pos, uint32_t cp, const char *str)
{
	struct buf in = {0}, fonts = {0};
	const char *family = s->m->family;

	if (str)
		buf_printf(&in, " in \"%s\"", str);
	if (family != NULL && *family != '\0')
		buf_printf(&fonts, "the typeface %s", family);
	else
		buf_puts(&fonts, "the fonts");
	diag_report(s->d, DIAG_ERROR, s->decl->path, pos.line, pos.col,
	    "character U+%04X%s cannot be shown: %s %s no glyph for it; replace or remove it",
	    (unsigned)cp, in.data ? in.data : "", fonts.data,
	    family != NULL && *family != '\0' ? "has" : "have");
	buf_free(&in);
	buf_free(&fonts);
	s->failed = 1;
}

/* Width of cp in pt; reports a character the fonts cannot show, once per block. */
static double
advance(struct para *p, enum face face, uint32_t cp)
{
	double w = glyph_width(p->s->m, face, p->ps->size, cp);

	if (w < 0) {
		if (!p->missing_reported)
			report_missing_glyph(p->s, p->pos, cp, NULL);
		p->missing_reported = 1;
		return 0;
	}
	return w;
}

void
check_glyphs(struct setter *s, enum face face, const char *str, struct pos pos)
{
	size_t len = strlen(str), n;

	for (size_t i = 0; i < len; i += n) {
		uint32_t cp = utf8_decode(str + i, len - i, &n);

		if (glyph_width(s->m, face, BODY_SIZE, cp) < 0) {
			report_missing_glyph(s, pos, cp, str);
			return;
		}
	}
}

/* Whether cp is a space: glue between words, never kerned. */
static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == CP_NBSP;
}

/* Kerning in pt between left and right set next to each other in face at size (see
 * metrics.h): none next to a space. */
static double
kern_width(const struct metrics *m, enum face face, double size, uint32_t left,
    uint32_t right)
{
	if (is_space_cp(left) || is_space_cp(right))
		return 0;
	return m->kern(m->ctx, face, left, right) * size / 1000.0;
}

/* Callers measure text whose glyphs are checked where it is set (advance) or by
 * check_glyphs (metadata), or the program's own words (labels, captions): a glyph
 * missing here was reported there and counts as nothing. The text is one item:
 * kerned, soft hyphens skipped. */
double
text_width(const struct setter *s, enum face face, double size, const char *str)
{
	size_t len = strlen(str), n;
	uint32_t prev = 0;	/* the last character measured, 0 before the first */
	double w = 0;

	for (size_t i = 0; i < len; i += n) {
		uint32_t cp = utf8_decode(str + i, len - i, &n);
		double a;

		if (cp == CP_SHY)
			continue;
		a = glyph_width(s->m, face, size, cp);
		if (prev != 0)
			w += kern_width(s->m, face, size, prev, cp);
		if (a > 0)
			w += a;
		prev = cp;
	}
	return w;
}

struct lay_item *
stage_item(struct setter *s)
{
	return ARRAY_PUSH(s->staged, s->nstaged, s->capstaged);
}

struct lay_item
text_item(struct setter *s, enum face face, double size, double x, enum align align,
    const char *str)
{
	struct lay_item it = {.kind = LAY_TEXT, .face = face, .size = size};
	double w = text_width(s, face, size, str);

	if (align == ALIGN_RIGHT)
		x -= w;
	else if (align == ALIGN_CENTER)
		x -= w / 2;
	it.x = x;
	it.x2 = x + w;
	it.off = s->out->text.len;
	buf_puts(&s->out->text, str);
	it.len = s->out->text.len - it.off;
	return it;
}

struct lay_item *
stage_text(struct setter *s, enum face face, double size, double x, enum align align,
    const char *str)
{
	struct lay_item *it = stage_item(s);

	*it = text_item(s, face, size, x, align, str);
	return it;
}

char *
strip_soft_hyphens(const char *str)
{
	size_t len = strlen(str), n = 0;
	char *out = xmalloc(len + 1);

	for (size_t i = 0; i < len; i++)
		if (str[i] == '\xC2' && str[i + 1] == '\xAD')
			i++;
		else
			out[n++] = str[i];
	out[n] = '\0';
	return out;
}

static void
add_run(struct para *p, const struct run *run, enum face face)
{
	size_t len = strlen(run->text), k;
	int link = (run->style & RUN_LINK) != 0;

	for (size_t j = 0; j < len; j += k) {
		struct ch *c = ARRAY_PUSH(p->chars, p->nchars, p->capchars);

		c->cp = utf8_decode(run->text + j, len - j, &k);
		c->face = (unsigned char)face;
		c->nobreak = (run->style & RUN_NOBREAK) != 0;
		c->link = (unsigned char)link;
		c->relaxed = 0;
		c->lang = run->lang;
		c->uri = link ? run->uri : NULL;
	}
}

static struct lb_item *
add_item(struct para *p, enum lb_type type, double width, struct piece piece)
{
	size_t n = p->nitems;
	struct lb_item *it;

	/* Items and pieces are parallel arrays: the i-th piece says what item i is. */
	assert(p->nitems == n);
	*ARRAY_PUSH(p->pieces, n, p->cappieces) = piece;
	it = ARRAY_PUSH(p->items, p->nitems, p->capitems);
	assert(n == p->nitems);
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
	return is_space_cp(c->cp);
}

/* Kerning in pt after chars[k], towards the next character before end that is not a
 * soft hyphen, if the two end up in one text item: same face, same link, no space
 * between them. */
static double
kern_after(const struct para *p, size_t k, size_t end)
{
	const struct ch *c = &p->chars[k];
	size_t j = k + 1;

	if (c->cp == CP_SHY)
		return 0;
	while (j < end && p->chars[j].cp == CP_SHY)
		j++;
	if (j >= end || p->chars[j].face != c->face || p->chars[j].uri != c->uri)
		return 0;
	return kern_width(p->s->m, (enum face)c->face, p->ps->size, c->cp, p->chars[j].cp);
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

static int
is_hyphen_or_dash(uint32_t cp)
{
	return cp == '-' || cp == CP_HYPHEN || cp == CP_EN_DASH;
}

/* Where an address may break after a character: after the last of "https://". */
static int
is_link_separator(uint32_t cp)
{
	return cp == '/' || cp == '.' || cp == '-';
}

/* The break points the text itself gives in the word chars[ws, we): hyphens and
 * dashes written between letters, soft hyphens, and inside an address after "/", "."
 * and "-" (never at "@": either half alone could pass for a word or an address). */
static void
mark_written_breaks(const struct para *p, size_t ws, size_t we, unsigned char *brk)
{
	const struct ch *c = p->chars;

	for (size_t k = ws; k + 1 < we; k++) {
		if (c[k].link && c[k + 1].link) {
			if (is_link_separator(c[k].cp) && !is_link_separator(c[k + 1].cp))
				brk[k - ws] = BRK_LINK;
			continue;
		}
		if (is_hyphen_or_dash(c[k].cp) && k > ws && is_letter(c[k - 1].cp) &&
		    is_letter(c[k + 1].cp))
			brk[k - ws] = BRK_EXPLICIT;
		if (c[k + 1].cp == CP_SHY && k > ws)
			brk[k - ws] = BRK_HYPHEN;
	}
}

/* The patterns for text in language lang, or NULL. */
static const struct hyph *
patterns_for(const struct para *p, int lang)
{
	if (p->s->h == NULL || lang < 0 || lang >= lang_count())
		return NULL;
	return p->s->h->by[lang];
}

/* Hyphenates the letters chars[a, b) of one word with the patterns of their language,
 * within its least letters before and after a hyphen; brk is the word's from a. */
static void
hyphenate_part(const struct para *p, size_t a, size_t b, int last_word, unsigned char *brk)
{
	const struct hyph *h = patterns_for(p, p->chars[a].lang);
	char utf8[4 * (HYPH_WORD_MAX + 1)];
	unsigned char breaks[HYPH_WORD_MAX + 1];
	size_t n = b - a, len = 0, upper = 0;
	const struct lang *lang;

	if (h == NULL || n < HYPH_MIN_WORD || n > (HYPH_WORD_MAX + 1))
		return;
	for (size_t k = a; k < b; k++) {
		upper += is_upper(p->chars[k].cp);
		len += utf8_encode(p->chars[k].cp, utf8 + len);
	}
	/* Acronyms are not hyphenated. */
	if (upper >= 2 || hyph_word(h, utf8, len, breaks, sizeof breaks) != n)
		return;
	lang = lang_get(p->chars[a].lang);
	for (size_t i = 0; i + 1 < n; i++) {
		size_t left = i + 1, right = n - left;

		if (!breaks[i] || left < (size_t)lang->left_min || right < (size_t)lang->right_min ||
		    (last_word && right < LAST_WORD_MIN_TAIL))
			continue;
		brk[i] = left <= 2 || right <= 2 ? BRK_HYPHEN_SHORT : BRK_HYPHEN;
	}
}

/* Whether the word chars[ws, we) is set as it stands: soft hyphens are the author's
 * choice and replace the patterns; numbers, dates, addresses, names and <nobreak>
 * text are never hyphenated. */
static int
keeps_whole(const struct para *p, size_t ws, size_t we)
{
	if (!p->ps->hyphenate || p->ps->name)
		return 1;
	for (size_t k = ws; k < we; k++) {
		const struct ch *c = &p->chars[k];

		if (c->cp == CP_SHY || (c->cp >= '0' && c->cp <= '9') || c->link || c->nobreak)
			return 1;
	}
	return 0;
}

/* Marks where the word chars[ws, we) may break: brk[k] (enum brk) for a break after
 * character ws + k. */
static void
find_breaks(struct para *p, size_t ws, size_t we, int last_word, unsigned char *brk)
{
	const struct ch *c = p->chars;

	memset(brk, BRK_NONE, we - ws);
	mark_written_breaks(p, ws, we, brk);
	if (keeps_whole(p, ws, we))
		return;
	for (size_t a = ws; a < we;) {
		size_t b = a;

		if (!is_letter(c[a].cp)) {
			a++;
			continue;
		}
		while (b < we && is_letter(c[b].cp))
			b++;
		hyphenate_part(p, a, b, last_word, brk + (a - ws));
		a = b;
	}
}

/* The text of chars[ws, we), at most max characters of it, for a message. */
static void
excerpt(const struct para *p, size_t ws, size_t we, size_t max, struct buf *out)
{
	char enc[4];
	size_t shown = 0;

	buf_puts(out, "");
	for (size_t k = ws; k < we && shown < max; k++) {
		uint32_t cp = p->chars[k].cp == CP_NBSP ? ' ' : p->chars[k].cp;

		if (cp == CP_SHY)
			continue;
		buf_append(out, enc, utf8_encode(cp, enc));
		shown++;
	}
	if (shown == max && we > ws + max)
		buf_puts(out, "\xE2\x80\xA6");
}

static int
is_hyphenation(unsigned char brk)
{
	return brk == BRK_HYPHEN || brk == BRK_HYPHEN_SHORT;
}

/* Width in pt of a hyphen added after chars[k], with its kerning. */
static double
hyphen_width(struct para *p, size_t k)
{
	enum face face = (enum face)p->chars[k].face;

	return advance(p, face, '-') + kern_width(p->s->m, face, p->ps->size, p->chars[k].cp, '-');
}

/* A part of the word that no break point splits and that is wider than the measure
 * (with the hyphen drawn at its end) gets a break point between any two characters,
 * at a cost (no hyphen is drawn): the line is set within the margins, and the author
 * is told, once a word. */
static void
add_emergency_breaks(struct para *p, size_t ws, size_t we, unsigned char *brk)
{
	size_t start = ws;
	double width = 0;
	int warned = 0;

	for (size_t k = ws; k < we; k++) {
		double hyphen;

		width += advance(p, p->chars[k].face, p->chars[k].cp);
		if (k + 1 < we && !brk[k - ws]) {
			width += kern_after(p, k, we);
			continue;
		}
		hyphen = k + 1 < we && is_hyphenation(brk[k - ws]) ?
		    hyphen_width(p, k) : 0;
		if (width + hyphen > p->ps->width) {
			for (size_t j = start; j < k; j++)
				brk[j - ws] = BRK_EMERGENCY;
			if (!warned) {
				struct buf word = {0};

				excerpt(p, ws, we, EXCERPT_CHARS, &word);
				diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line,
				    p->pos.col, "\"%s\" is wider than the line even with hyphenation "
				    "and is broken without hyphens; add soft hyphens (&#173;) or "
				    "shorten it", word.data);
				buf_free(&word);
			}
			warned = 1;
		}
		start = k + 1;
		width = 0;
	}
}

/* The stretch at the end of a ragged line. A name's line may be as short as it takes
 * to keep "von der" with the word after it: with the whole measure as its stretch, no
 * short line is beyond the tolerance, so only NAME_BIND_PENALTY decides. */
static double
ragged_stretch(const struct para_style *ps)
{
	return ps->name ? ps->width : RAGGED_STRETCH;
}

/* The penalty of a break of the given kind whose line, if it breaks there, grows by
 * width. */
static void
add_break_penalty(struct para *p, enum brk kind, double width, struct piece pen)
{
	switch (kind) {
	case BRK_HYPHEN:
		add_penalty(p, HYPHEN_PENALTY, width, 1, pen);
		break;
	case BRK_HYPHEN_SHORT:
		add_penalty(p, HYPHEN_PENALTY + HYPH_SHORT_PENALTY, width, 1, pen);
		break;
	case BRK_EXPLICIT:
		add_penalty(p, EXHYPHEN_PENALTY, width, 1, pen);
		break;
	case BRK_LINK:
		add_penalty(p, LINK_BREAK_PENALTY, width, 0, pen);
		break;
	default:
		add_penalty(p, EMERGENCY_PENALTY, width, 0, pen);
		p->items[p->nitems - 1].cut = 1;
		break;
	}
}

/* Adds a break point of the given kind after chars[k] of the word ending at we. The box
 * before it holds the kerning towards the next letter; if the line breaks here, that
 * kerning goes (and a hyphen with its own kerning comes): the penalty's width says so,
 * as Knuth's pre-break text does. */
static void
add_break(struct para *p, size_t k, size_t we, enum brk kind)
{
	enum face face = (enum face)p->chars[k].face;
	struct piece pen = {.face = face, .hyphen = is_hyphenation(kind)}, none = {0};
	double width = (pen.hyphen ? hyphen_width(p, k) : 0) - kern_after(p, k, we);
	int ragged = p->ps->align != ALIGN_JUSTIFY;
	struct lb_item *g;

	/* A ragged line ending inside a word gets the stretch that a line ending at a
	 * space gets (see add_space); unbroken, the two glues cancel out. */
	if (ragged) {
		add_penalty(p, LB_INF, 0, 0, none);
		g = add_item(p, LB_GLUE, 0, none);
		g->stretch = ragged_stretch(p->ps);
	}
	add_break_penalty(p, kind, width, pen);
	if (ragged) {
		g = add_item(p, LB_GLUE, 0, none);
		g->stretch = -ragged_stretch(p->ps);
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

		width += advance(p, c->face, c->cp) + kern_after(p, k, we);
		/* A box is one face and one link target. */
		if (last || brk[k - ws] || c[1].face != c->face || c[1].uri != c->uri) {
			struct piece box = {.start = start, .end = k + 1, .face = c->face};

			add_item(p, LB_BOX, width, box);
			start = k + 1;
			width = 0;
		}
		if (!last && brk[k - ws])
			add_break(p, k, we, brk[k - ws]);
	}
	free(brk);
}

/* Whether chars[k, end of its word) is a short abbreviation: one or two letters and a
 * full stop, followed by a comma, semicolon, colon or bracket only if last ("V.,"
 * ends "e. V., z. B.": the comma parts the two). */
static int
is_short_abbreviation(const struct para *p, size_t k, int last)
{
	size_t letters = 0;

	while (k < p->nchars && is_letter(p->chars[k].cp) && letters < 3) {
		k++;
		letters++;
	}
	if (letters == 0 || letters > 2 || k == p->nchars || p->chars[k].cp != '.')
		return 0;
	for (k++; k < p->nchars && !is_space(&p->chars[k]); k++)
		if (!last || p->chars[k].cp > 0x7F || !strchr(",;:)", (int)p->chars[k].cp))
			return 0;
	return 1;
}

/* Whether the space chars[at], before the word starting at next, must not break: a
 * no-break space, a space inside <nobreak>, one before a dash (no line may start with
 * a dash), or one inside an abbreviation of several parts ("e. V.", "z. B.", "u. a."),
 * which German typesetting never parts. */
static int
space_binds(const struct para *p, size_t at, size_t next)
{
	const struct ch *c = &p->chars[at];
	int dash = next < p->nchars && (p->chars[next].cp == CP_EN_DASH ||
	    p->chars[next].cp == CP_EM_DASH) && (next + 1 == p->nchars ||
	    is_space(&p->chars[next + 1]));
	size_t ws = at;

	if (c->cp == CP_NBSP || c->nobreak || dash)
		return 1;
	while (ws > 0 && !is_space(&p->chars[ws - 1]))
		ws--;
	return next < p->nchars && is_short_abbreviation(p, ws, 0) &&
	    is_short_abbreviation(p, next, 1);
}

/* Whether the word chars[ws, we) of a person's name goes with the word after it: a
 * particle ("von", "van der") or an abbreviation, which in a name is a title ("Dr.",
 * "Dipl.-Ing.", "h.c.") or an initial. */
static int
name_binds(const struct para *p, size_t ws, size_t we)
{
	static const char *const particles[] = {"von", "vom", "van", "de", "der", "den",
	    "zu", "zum", "zur", "ten", "ter", "du", "da", "di", "del", "della", "la", "le"};
	char word[8];
	size_t len = 0;

	if (we - ws >= 2 && p->chars[we - 1].cp == '.')
		return 1;
	for (size_t k = ws; k < we; k++) {
		if (p->chars[k].cp > 0x7F || len + 1 >= sizeof word)
			return 0;
		word[len++] = (char)p->chars[k].cp;
	}
	word[len] = '\0';
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (strcasecmp(word, particles[i]) == 0)
			return 1;
	return 0;
}

/* The penalty for breaking at the space chars[at], before the word starting at next. */
static int
space_penalty(const struct para *p, size_t at, size_t next)
{
	size_t ws = at;

	if (space_binds(p, at, next))
		return p->chars[at].relaxed ? EMERGENCY_PENALTY : LB_INF;
	if (!p->ps->name)
		return 0;
	while (ws > 0 && !is_space(&p->chars[ws - 1]))
		ws--;
	return name_binds(p, ws, at) ? NAME_BIND_PENALTY : 0;
}

/* The glue of one space before the word starting at next. */
static void
add_space(struct para *p, size_t at, size_t next)
{
	const struct ch *c = &p->chars[at];
	struct piece none = {0};
	double w = advance(p, c->face, ' ');
	int penalty = space_penalty(p, at, next);
	struct lb_item *g;

	if (p->ps->align == ALIGN_JUSTIFY) {
		if (penalty != 0)
			add_penalty(p, penalty, 0, 0, none);
		g = add_item(p, LB_GLUE, w, none);
		g->stretch = w * SPACE_STRETCH;
		g->shrink = w * SPACE_SHRINK;
		return;
	}
	if (penalty >= LB_INF) {
		add_penalty(p, LB_INF, 0, 0, none);
		add_item(p, LB_GLUE, w, none);
		return;
	}
	/* Ragged: the stretch is at the end of each line, not between words. The line
	 * breaks at the penalty; a costly one must not be bypassed by breaking at the glue
	 * before it. */
	if (penalty != 0)
		add_penalty(p, LB_INF, 0, 0, none);
	g = add_item(p, LB_GLUE, 0, none);
	g->stretch = ragged_stretch(p->ps);
	add_penalty(p, penalty, 0, 0, none);
	g = add_item(p, LB_GLUE, w, none);
	g->stretch = -ragged_stretch(p->ps);
}

/* The narrowest a space can be set. */
static double
space_min_width(struct para *p, size_t at)
{
	double w = advance(p, p->chars[at].face, ' ');

	return p->ps->align == ALIGN_JUSTIFY ? w * (1 - SPACE_SHRINK) : w;
}

/* Lets the phrase chars[start, end), held together by spaces that must not break but
 * wider than the line, break at those spaces, and tells the author. */
static void
relax_phrase(struct para *p, size_t start, size_t end)
{
	struct buf phrase = {0};

	for (size_t k = start; k < end; k++)
		if (is_space(&p->chars[k]))
			p->chars[k].relaxed = 1;
	excerpt(p, start, end, EXCERPT_CHARS, &phrase);
	diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line, p->pos.col,
	    "\"%s\" must not break (<nobreak>, no-break spaces or dashes) but is wider than "
	    "the line; it is broken at its spaces; shorten it", phrase.data);
	buf_free(&phrase);
}

/* No line is set beyond the margin: a phrase whose spaces must not break (see
 * space_binds) that is wider than the line even with its spaces shrunk is broken at
 * them as a last resort. */
static void
relax_wide_phrases(struct para *p)
{
	size_t start = 0;	/* of the phrase being measured */
	double width = 0;	/* its narrowest */
	int bound = 0;		/* it has a space that must not break */

	for (size_t i = 0; i <= p->nchars; i++) {
		if (i < p->nchars && !is_space(&p->chars[i])) {
			width += advance(p, p->chars[i].face, p->chars[i].cp) +
			    kern_after(p, i, p->nchars);
			continue;
		}
		if (i < p->nchars) {
			size_t next = i + 1;

			while (next < p->nchars && is_space(&p->chars[next]))
				next++;
			if (space_binds(p, i, next)) {
				width += space_min_width(p, i);
				bound = 1;
				continue;
			}
		}
		if (bound && width > p->ps->width)
			relax_phrase(p, start, i);
		start = i + 1;
		width = 0;
		bound = 0;
	}
}

static void
build_items(struct para *p)
{
	struct piece none = {0};
	struct lb_item *fill;
	size_t i = 0;

	relax_wide_phrases(p);
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
 * continuing the previous item of the line when it ends exactly there and links to the
 * same target. */
static void
emit_text(struct para *p, size_t line_first, enum face face, double x, double w,
    size_t start, size_t end, const char *extra)
{
	struct setter *s = p->s;
	struct lay_item *prev = s->nstaged > line_first ? &s->staged[s->nstaged - 1] : NULL;
	const char *uri = start < end ? p->chars[start].uri : NULL;
	struct lay_item *it;
	char enc[4];

	if (prev && prev->kind == LAY_TEXT && prev->face == face && prev->uri == uri &&
	    prev->off + prev->len == s->out->text.len && fabs(prev->x2 - x) < POSITION_EPSILON)
		it = prev;
	else {
		it = stage_text(s, face, p->ps->size, x, ALIGN_LEFT, "");
		it->line = s->out->nlines;	/* the line being placed is the last */
		it->uri = uri;
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
place_marker(struct setter *s, const struct para_style *ps)
{
	stage_text(s, ps->base, ps->size, ps->marker_right, ALIGN_RIGHT, ps->marker);
}

static void
place_bar(struct setter *s, const struct para_style *ps)
{
	struct lay_item *it = stage_item(s);

	it->kind = LAY_RULE;
	it->x = it->x2 = ps->bar_x;
	it->y = ps->bar_top;
	it->y2 = -ps->bar_bottom;
	it->thickness = NOTICE_BAR;
	it->gray = NOTICE_GRAY;
}

/* Places line l and records it in s->out->lines; returns the record. */
static struct lay_line *
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
	rec->pos = p->pos;
	rec->left = x;
	rec->width = ps->width;
	rec->ratio = r;
	rec->justified = justify;
	rec->overfull = l->overfull;
	/* The label first: text is read in the order it is drawn. */
	if (ps->marker && l->start == 0)
		place_marker(s, ps);
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
		rec->hyphenated = 1;
	} else if (end->type == LB_PENALTY && s->nstaged > out->first &&
	    s->staged[s->nstaged - 1].kind == LAY_TEXT)
		/* The line's last letter is not kerned towards the next line's first. */
		s->staged[s->nstaged - 1].x2 += end->width;
	if (end->type == LB_PENALTY)
		x += end->width;
	rec->right = x;
	if (ps->bar_x > 0)
		place_bar(s, ps);
	out->count = s->nstaged - out->first;
	return rec;
}

/* The characters of line l: from its first box to its last. */
static void
line_span(const struct para *p, const struct lb_line *l, size_t *start, size_t *end)
{
	size_t last = l->end;

	while (last > l->start && p->items[last - 1].type != LB_BOX)
		last--;
	*start = p->pieces[l->start].start;
	*end = last > l->start ? p->pieces[last - 1].end : *start;
}

static void
warn_overfull(struct para *p, const struct lb_line *l)
{
	struct buf words = {0};
	size_t start, end;

	line_span(p, l, &start, &end);
	excerpt(p, start, end, EXCERPT_CHARS, &words);
	diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line, p->pos.col,
	    "\"%s\" does not fit in the line even with hyphenation (%.1f pt too wide); "
	    "add soft hyphens (&#173;) or shorten it", words.data,
	    natural_width(p, l) - p->ps->width);
	buf_free(&words);
}

static int
has_glue(const struct para *p, const struct lb_line *l)
{
	for (size_t i = l->start; i < l->end; i++)
		if (p->items[i].type == LB_GLUE)
			return 1;
	return 0;
}

/* A justified line stretched beyond the tolerance: its spaces show as holes. Reported
 * as TeX reports an "Underfull \hbox", with the line's words. A single word ending
 * short of the margin at a space has nothing to stretch and is as loose as a line
 * gets; the parts of a word broken anywhere end inside the word and were reported. */
static void
warn_loose(struct para *p, const struct lb_line *l, const struct lay_line *rec)
{
	double badness = 100 * rec->ratio * rec->ratio * rec->ratio;
	double gap = rec->left + rec->width - rec->right;
	int single = !has_glue(p, l);
	struct buf words = {0}, how = {0};
	size_t start, end;

	if (!rec->justified || (single ? p->items[l->end].type != LB_GLUE || gap < 0.01 :
	    badness <= LOOSE_BADNESS))
		return;
	if (single)
		buf_printf(&how, "a single word, %.1f pt short of the margin", gap);
	else
		buf_printf(&how, "stretch ratio %.2f, badness %.0f", rec->ratio,
		    badness > 10000 ? 10000 : badness);
	line_span(p, l, &start, &end);
	excerpt(p, start, end, SIZE_MAX, &words);
	diag_report(p->s->d, DIAG_WARNING, p->s->decl->path, p->pos.line, p->pos.col,
	    "loose line (%s): \"%s%s\"; add soft hyphens (&#173;) or rephrase the paragraph",
	    how.data, words.data, rec->hyphenated ? "-" : "");
	buf_free(&how);
	buf_free(&words);
}

/* Breaks the paragraph into lines and places them; returns the number of lines. */
static size_t
set_lines(struct para *p, struct set_line **lines)
{
	struct setter *s = p->s;
	struct lb_params params;
	struct lb_result res;
	size_t n;

	lb_params_default(&params, p->ps->width);
	params.method = s->opt->method;
	if (lb_break(p->items, p->nitems, &params, &res) != 0) {
		/* A paragraph never disappears in silence. */
		diag_report(s->d, DIAG_FATAL, s->decl->path, p->pos.line, p->pos.col,
		    "internal error: this text could not be broken into lines; please report it");
		s->failed = 1;
		return 0;
	}
	*lines = xcalloc(res.nlines, sizeof **lines);
	for (n = 0; n < res.nlines; n++) {
		const struct lay_line *rec;

		if (res.lines[n].overfull)
			warn_overfull(p, &res.lines[n]);
		rec = place_line(p, &res.lines[n], n + 1 == res.nlines, &(*lines)[n]);
		warn_loose(p, &res.lines[n], rec);
	}
	s->out->paras[s->out->nparas - 1].demerits = res.demerits;
	s->out->paras[s->out->nparas - 1].nlines = n;
	lb_result_free(&res);
	return n;
}

size_t
set_text(struct setter *s, const struct text *t, const struct para_style *ps,
    struct set_line **lines)
{
	struct para p = {.s = s, .ps = ps, .pos = t->pos};
	struct lay_para *para;
	size_t n;

	*lines = NULL;
	for (size_t i = 0; i < t->nruns; i++)
		add_run(&p, &t->runs[i], face_for(ps->base, t->runs[i].style));
	build_items(&p);
	para = ARRAY_PUSH(s->out->paras, s->out->nparas, s->out->capparas);
	para->justified = ps->align == ALIGN_JUSTIFY;
	n = set_lines(&p, lines);
	free(p.chars);
	free(p.items);
	free(p.pieces);
	return n;
}

size_t
set_string(struct setter *s, const char *str, struct pos pos,
    const struct para_style *ps, struct set_line **lines)
{
	struct run run = {.text = (char *)str, .style = 0, .lang = ps->lang};
	struct text t = {.runs = &run, .nruns = 1, .pos = pos};

	return set_text(s, &t, ps, lines);
}
