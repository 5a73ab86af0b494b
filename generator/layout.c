/* Layout, the stage's entry (layout.h): the document's structure (dateline, title,
 * body blocks, signature grid) as vboxes of staged items, set through layout_para.c and
 * paginated by layout_page.c. It owns the vboxes and the layout's statistics; it writes
 * no text, line or page of struct layout itself. */
#include "layout_int.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "limits.h"
#include "lang.h"
#include "text.h"
#include "typo.h"

struct vbox *
add_vbox(struct setter *s)
{
	struct vbox *b = ARRAY_PUSH(s->boxes, s->nboxes, s->capboxes);

	b->first = s->nstaged;
	b->first_line = s->out->nlines;
	return b;
}

static void
stage_rule(struct setter *s, double x1, double y1, double x2, double y2, double thickness,
    double gray)
{
	struct lay_item *it = stage_item(s);

	it->kind = LAY_RULE;
	it->x = x1;
	it->y = y1;
	it->x2 = x2;
	it->y2 = y2;
	it->thickness = thickness;
	it->gray = gray;
}

/* Turns n lines just set into one vbox each, leading apart. The first may follow a page
 * break only if break_first; inside, a page may break only where it leaves at least two
 * lines on each side (no orphans, no widows). */
static void
stack_lines(struct setter *s, const struct set_line *lines, size_t n, double leading,
    double space, int break_first)
{
	size_t line0 = s->out->nlines - n;

	for (size_t k = 0; k < n; k++) {
		struct vbox *b = add_vbox(s);

		b->space = k == 0 ? space : 0;
		b->ascent = leading * ASCENT_SHARE;
		b->depth = leading - b->ascent;
		b->break_before = k == 0 ? break_first : k >= 2 && n - k >= 2;
		b->grid = leading == LEADING;
		b->first = lines[k].first;
		b->count = lines[k].count;
		b->first_line = line0 + k;
		b->nlines = 1;
	}
}

/* A style for text of the declaration's language (its runs may name their own). */
static struct para_style
style(const struct setter *s, enum face base, double size, double x, double width,
    enum align align, int hyphenate)
{
	struct para_style ps = {.base = base, .size = size, .x = x, .width = width,
	    .align = align, .hyphenate = hyphenate, .lang = s->lang};

	return ps;
}

/* Sets t and stacks its lines; returns the number of lines. */
static size_t
add_paragraph(struct setter *s, const struct text *t, const struct para_style *ps,
    double leading, double space, int break_first)
{
	struct set_line *lines;
	size_t n = set_text(s, t, ps, &lines);

	stack_lines(s, lines, n, leading, space, break_first);
	free(lines);
	return n;
}

static size_t
add_string(struct setter *s, const char *str, struct pos pos, const struct para_style *ps,
    double leading, double space, int break_first)
{
	struct set_line *lines;
	size_t n = set_string(s, str, pos, ps, &lines);

	stack_lines(s, lines, n, leading, space, break_first);
	free(lines);
	return n;
}

/* "Krefeld, 22.01.2024" in the declaration's language, or what of it is known; NULL
 * if nothing is. */
static char *
dateline(const struct setter *s)
{
	const struct decl *decl = s->decl;
	const struct lang *lang = lang_get(s->lang);
	struct buf b = {0};

	if (decl->place) {
		char *place = strip_soft_hyphens(decl->place);

		buf_puts(&b, place);
		free(place);
	}
	if (decl->place && decl->date.year)
		buf_puts(&b, ", ");
	if (decl->date.year)
		lang_format_date(lang, decl->date.year, decl->date.month, decl->date.day, &b);
	return b.data;
}

static void
lay_title(struct setter *s)
{
	const struct decl *decl = s->decl;
	char *date = dateline(s);
	double space = 0;
	struct para_style ps;
	size_t lines = 0;

	if (date != NULL) {
		ps = style(s, FACE_REGULAR, DATELINE_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_RIGHT, 0);
		add_string(s, date, decl->date.pos, &ps, LEADING, 0, 0);
		space = TITLE_SPACE_BEFORE;
		free(date);
	}
	ps = style(s, FACE_BOLD, TITLE_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_CENTER, 0);
	for (size_t i = 0; i < decl->ntitle; i++) {
		lines += add_string(s, decl->title[i], decl->title_pos, &ps, TITLE_LEADING, space, 0);
		space = 0;
	}
	if (lines * TITLE_LEADING > PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
		diag_report(s->d, DIAG_WARNING, decl->path, decl->title_pos.line,
		    decl->title_pos.col, "the title takes %zu lines, more than a page; shorten it",
		    lines);
	if (decl->subtitle) {
		ps = style(s, FACE_ITALIC, SUBTITLE_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_CENTER, 0);
		add_string(s, decl->subtitle, decl->title_pos, &ps, SUBTITLE_LEADING, LEADING / 2, 0);
	}
}

/* Appends the label of item number n (from 1) in the list's numbering: "•", "3.",
 * "(3)", "c)", "III."; letters go on past z as aa, ab...; roman numerals reach
 * 3999, the schema's bound. */
static void
list_label(enum numbering numbering, int n, struct buf *b)
{
	static const struct {
		int value;
		const char *digits;
	} roman[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
	    {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"},
	    {1, "I"}};
	char letters[16];
	size_t k = sizeof letters;

	switch (numbering) {
	case NUM_BULLET:
		buf_puts(b, "\xE2\x80\xA2");
		break;
	case NUM_ARABIC:
		buf_printf(b, "%d.", n);
		break;
	case NUM_PAREN:
		buf_printf(b, "(%d)", n);
		break;
	case NUM_ALPHA:
		/* Bijective base 26: 1 a, 26 z, 27 aa. */
		letters[--k] = '\0';
		for (int v = n; v > 0 && k > 0; v = (v - 1) / 26)
			letters[--k] = (char)('a' + (v - 1) % 26);
		buf_printf(b, "%s)", letters + k);
		break;
	case NUM_ROMAN:
		for (size_t i = 0; i < sizeof roman / sizeof *roman; i++)
			for (; n >= roman[i].value; n -= roman[i].value)
				buf_puts(b, roman[i].digits);
		buf_puts(b, ".");
		break;
	}
}

/* Sets the items of list at x in width: labels right-aligned in the hanging indent,
 * which is wide enough for the widest label; an item's nested list is indented one
 * more step (the model has one level of nesting). */
static void
lay_items(struct setter *s, const struct list *list, double x, double width, double space,
    int break_first, int nested)
{
	struct para_style ps;
	struct buf *labels = xcalloc(list->nitems, sizeof *labels);
	double widest = 0, indent;

	for (size_t i = 0; i < list->nitems; i++) {
		list_label(list->numbering, list->start + (int)i, &labels[i]);
		widest = fmax(widest, text_width(s, FACE_REGULAR, BODY_SIZE, labels[i].data));
	}
	indent = fmax(LIST_INDENT, LIST_LABEL_INDENT + widest + LIST_LABEL_GAP);
	ps = style(s, FACE_REGULAR, BODY_SIZE, x + indent, width - indent, ALIGN_JUSTIFY, 1);
	ps.marker_right = x + indent - LIST_LABEL_GAP;
	for (size_t i = 0; i < list->nitems; i++) {
		const struct item *it = &list->items[i];

		ps.marker = labels[i].data;
		add_paragraph(s, &it->text, &ps, LEADING, i == 0 ? space : 0,
		    i == 0 ? break_first : 1);
		assert(it->sub == NULL || !nested);
		if (it->sub && !nested)
			lay_items(s, it->sub, ps.x, ps.width, 0, 1, 1);
		buf_free(&labels[i]);
	}
	free(labels);
}

static void
lay_list(struct setter *s, const struct block *b, double space, int break_first)
{
	lay_items(s, &b->list, MARGIN_LEFT, TEXT_WIDTH, space, break_first, 0);
}

static void
add_rule_box(struct setter *s, double width, double space, int break_before)
{
	struct vbox *b = add_vbox(s);

	b->space = space;
	b->break_before = break_before;
	stage_rule(s, MARGIN_LEFT + (TEXT_WIDTH - width) / 2, 0,
	    MARGIN_LEFT + (TEXT_WIDTH + width) / 2, 0, MOTTO_RULE, 0);
	b->count = 1;
}

static void
lay_blocks(struct setter *s)
{
	int keep = 1;		/* keep the first block with the title */
	double height = 0;	/* pt: of the vboxes so far, spaces left out */
	size_t counted = 0;	/* vboxes in height */

	for (size_t i = 0; i < s->decl->nblocks; i++) {
		const struct block *b = &s->decl->blocks[i];
		double space = i == 0 ? TITLE_SPACE_AFTER : PARA_SPACE;
		struct para_style ps;
		size_t first_box = s->nboxes;

		switch (b->kind) {
		case BLOCK_HEADING:
			ps = style(s, FACE_BOLD, HEADING_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_LEFT, 0);
			add_paragraph(s, &b->text, &ps, HEADING_LEADING,
			    i == 0 ? space : HEADING_SPACE_BEFORE, !keep);
			for (size_t k = first_box + 1; k < s->nboxes; k++)
				s->boxes[k].break_before = 0;
			keep = 1;
			continue;
		case BLOCK_PARAGRAPH:
			ps = style(s, FACE_REGULAR, BODY_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_JUSTIFY, 1);
			add_paragraph(s, &b->text, &ps, LEADING, space, !keep);
			break;
		case BLOCK_LIST:
			lay_list(s, b, space, !keep);
			break;
		case BLOCK_MOTTO:
			/* Rules half a line above and below the text. */
			add_rule_box(s, MOTTO_RULE_WIDTH, space, !keep);
			ps = style(s, FACE_BOLD, MOTTO_SIZE, MARGIN_LEFT, TEXT_WIDTH, ALIGN_CENTER, 0);
			add_paragraph(s, &b->text, &ps, LEADING, LEADING / 2, 0);
			for (size_t k = first_box + 1; k < s->nboxes; k++)
				s->boxes[k].break_before = 0;
			add_rule_box(s, MOTTO_RULE_WIDTH, LEADING / 4, 0);
			break;
		case BLOCK_NOTICE:
			ps = style(s, FACE_ITALIC, BODY_SIZE, MARGIN_LEFT + NOTICE_INDENT,
			    TEXT_WIDTH - NOTICE_INDENT, ALIGN_JUSTIFY, 1);
			/* The bars of adjacent lines meet: each spans its line's full height. */
			ps.bar_x = MARGIN_LEFT + NOTICE_BAR / 2;
			ps.bar_top = LEADING * ASCENT_SHARE;
			ps.bar_bottom = LEADING - ps.bar_top;
			add_paragraph(s, &b->text, &ps, LEADING, space, !keep);
			break;
		}
		keep = 0;
		/* Pages hold no more than their text area: once the lines alone would fill
		 * more than the limit of pages, the rest need not be set to know it. */
		for (; counted < s->nboxes; counted++)
			height += s->boxes[counted].ascent + s->boxes[counted].depth;
		if (height > LIMIT_PAGES * (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)) {
			diag_report(s->d, DIAG_ERROR, s->decl->path, b->pos.line, b->pos.col,
			    "the declaration fills more than %d pages by here; shorten it",
			    LIMIT_PAGES);
			s->failed = 1;
			return;
		}
	}
}

/* The first EXCERPT_CHARS characters of str as printed (soft hyphens are not), and an
 * ellipsis if there are more, for a message. */
#define EXCERPT_CHARS 40
static void
excerpt(const char *str, struct buf *out)
{
	size_t len = strlen(str), i = 0, n;

	for (int k = 0; i < len && k < EXCERPT_CHARS; i += n)
		if (utf8_decode(str + i, len - i, &n) != 0xAD) {
			buf_append(out, str + i, n);
			k++;
		}
	if (i < len)
		buf_puts(out, "\xE2\x80\xA6");
}

/* Stages the blank to fill in, from x to at least SIG_BLANK_RULE from the margin,
 * and its caption under it. */
static void
stage_blank(struct setter *s, double x, const char *caption)
{
	double end = MARGIN_LEFT + SIG_BLANK_RULE;

	if (end < x + SIG_BLANK_MIN)
		end = x + SIG_BLANK_MIN;
	stage_rule(s, x, -SIG_BLANK_DROP, end, -SIG_BLANK_DROP, SIG_RULE, 0);
	stage_text(s, FACE_ITALIC, FOOTER_SIZE, x, ALIGN_LEFT, caption)->y = -SIG_BLANK_DROP -
	    FOOTER_SIZE - SIG_CAPTION_GAP;
}

/* "Krefeld, den" before the blank for the date: set in lines that leave the blank
 * room on the last, so that a long place wraps instead of running off the page. */
static void
lay_place_before_blank(struct setter *s, const char *place, double space)
{
	const struct lang *lang = lang_get(s->lang);
	double gap = text_width(s, FACE_REGULAR, BODY_SIZE, " ");
	struct para_style ps = style(s, FACE_REGULAR, BODY_SIZE, MARGIN_LEFT,
	    TEXT_WIDTH - SIG_BLANK_MIN - gap, ALIGN_LEFT, 0);
	struct buf t = {0};
	struct set_line *lines;
	struct vbox *last;
	size_t n;

	buf_printf(&t, "%s%s", place, lang->place_sep);
	while (t.len > 0 && t.data[t.len - 1] == ' ')
		t.data[--t.len] = '\0';
	n = set_string(s, t.data, s->decl->date.pos, &ps, &lines);
	if (n == 0) {
		free(lines);
		buf_free(&t);
		return;
	}
	if (n > 1) {
		struct buf quoted = {0};

		excerpt(place, &quoted);
		diag_report(s->d, DIAG_WARNING, s->decl->path, s->decl->date.pos.line,
		    s->decl->date.pos.col, "the place \"%s\" does not fit on one line with the "
		    "blank for the date and takes %zu lines; shorten it", quoted.data, n);
		buf_free(&quoted);
	}
	stage_blank(s, s->out->lines[s->out->nlines - 1].right + gap, lang->date);
	stack_lines(s, lines, n, LEADING, space + LEADING, 0);
	last = &s->boxes[s->nboxes - 1];
	last->count = s->nstaged - last->first;
	last->depth = LEADING;
	for (size_t k = s->nboxes - n; k < s->nboxes; k++)
		s->boxes[k].grid = 0;
	free(lines);
	buf_free(&t);
}

/* Place and date above the signatures; a blank to fill in where they are not given. */
static void
lay_signing_line(struct setter *s, double space)
{
	const struct decl *decl = s->decl;
	struct para_style ps = style(s, FACE_REGULAR, BODY_SIZE, MARGIN_LEFT, TEXT_WIDTH,
	    ALIGN_LEFT, 0);
	struct vbox *b;

	if (decl->place && decl->date.year) {
		char *known = dateline(s);
		size_t n = add_string(s, known, decl->date.pos, &ps, LEADING, space, 0);

		if (n > 1) {
			struct buf quoted = {0};

			excerpt(known, &quoted);
			diag_report(s->d, DIAG_WARNING, decl->path, decl->date.pos.line,
			    decl->date.pos.col, "place and date \"%s\" do not fit on one line and "
			    "take %zu lines; shorten the place", quoted.data, n);
			buf_free(&quoted);
		}
		free(known);
		return;
	}
	if (decl->place) {
		char *place = strip_soft_hyphens(decl->place);

		lay_place_before_blank(s, place, space);
		free(place);
		return;
	}
	/* "______" with "Ort, Datum" under it. */
	b = add_vbox(s);
	b->space = space + LEADING;
	b->ascent = LEADING * ASCENT_SHARE;
	b->depth = LEADING;
	stage_blank(s, MARGIN_LEFT, lang_get(s->lang)->place_date);
	b->count = s->nstaged - b->first;
}

/* Whether every word of str fits width when set in face: such text is broken only
 * between words, never hyphenated. */
static int
words_fit(const struct setter *s, const char *str, enum face face, double width)
{
	struct buf word = {0};
	int fit = 1;

	for (const char *p = str; *p && fit; p += *p == ' ') {
		size_t n = strcspn(p, " ");

		word.len = 0;
		buf_append(&word, p, n);
		fit = text_width(s, face, SIG_SIZE, word.data) <= width;
		p += n;
	}
	buf_free(&word);
	return fit;
}

/* Sets text of a signature block, ragged right, from line line_no under the rule at
 * x; returns the lines used. A person's name is never hyphenated; a function or an
 * organisation only where a word is wider than the column. */
static size_t
sig_line(struct setter *s, const char *str, struct pos pos, enum face face, int is_name,
    double x, double width, size_t line_no)
{
	struct para_style ps = style(s, face, SIG_SIZE, x, width, ALIGN_LEFT,
	    !is_name && !words_fit(s, str, face, width));
	struct set_line *lines;
	size_t n;

	ps.name = is_name;
	n = set_string(s, str, pos, &ps, &lines);
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; j < lines[k].count; j++)
			s->staged[lines[k].first + j].y = -(double)(line_no + k + 1) * SIG_LEADING;
	free(lines);
	return n;
}

/* Whether a column of width cw has room for a seal beside its signature line; if not,
 * the seal goes above the room for the signature. */
static int
seal_beside(double cw)
{
	return cw >= SEAL_SIZE + SEAL_GAP + SIG_MIN_RULE;
}

/* Room above a row's signature lines, for blocks of width cw, with or without a seal. */
static double
sig_ascent(double cw, int seal)
{
	if (!seal)
		return SIG_SPACE;
	return seal_beside(cw) ? fmax(SIG_SPACE, SEAL_SIZE) : SIG_SPACE + SEAL_SIZE;
}

/* The clear room for a seal with its lower left corner at (x, y) above the row's
 * baseline: nothing is set in it but a small caption at its foot. */
static void
stage_seal(struct setter *s, double x, double y)
{
	struct lay_item *it = stage_text(s, FACE_ITALIC, FOOTER_SIZE, x + SEAL_SIZE / 2,
	    ALIGN_CENTER, lang_get(s->lang)->seal);

	it->gray = FOOTER_GRAY;
	it->y = y + SEAL_CAPTION_RAISE;
}

/* Sets a signature block of width width at x: its seal's room, its line and the text
 * under it. Returns the lines of text. */
static size_t
lay_signatory(struct setter *s, const struct signatory *sg, double x, double width)
{
	double rule_end = x + width;
	size_t n = 0;

	if (sg->seal && seal_beside(width)) {
		stage_seal(s, x + width - SEAL_SIZE, 0);
		rule_end = x + width - SEAL_SIZE - SEAL_GAP;
	} else if (sg->seal)
		stage_seal(s, x, SIG_SPACE);
	stage_rule(s, x, 0, rule_end, 0, SIG_RULE, 0);
	if (sg->name)
		n += sig_line(s, sg->name, sg->pos, FACE_BOLD, 1, x, width, n);
	if (sg->function)
		n += sig_line(s, sg->function, sg->pos, FACE_ITALIC, 0, x, width, n);
	/* An organisation signing as such is named in bold, as a person is. */
	for (size_t i = 0; i < sg->norg; i++)
		n += sig_line(s, sg->org[i], sg->pos, i == 0 && !sg->name ? FACE_BOLD : FACE_REGULAR,
		    0, x, width, n);
	return n;
}

/* A block taller than the text area could only overprint the footer: it is refused,
 * naming the signatory. */
static void
check_block_height(struct setter *s, const struct signatory *sg, double ascent, size_t lines)
{
	double height = ascent + (double)lines * SIG_LEADING + SIG_LEADING * (1 - ASCENT_SHARE);
	double room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
	struct buf who = {0};

	if (height <= room)
		return;
	excerpt(sg->name ? sg->name : sg->org[0], &who);
	diag_report(s->d, DIAG_ERROR, s->decl->path, sg->pos.line, sg->pos.col,
	    "the signature block of \"%s\" takes %zu lines and is %.0f mm tall, taller than "
	    "a page (%.0f mm); shorten its name, function or organisation", who.data, lines,
	    height * 25.4 / 72, room * 25.4 / 72);
	buf_free(&who);
	s->failed = 1;
}

static void
lay_signatures(struct setter *s)
{
	const struct decl *decl = s->decl;
	int cols = decl->columns > 0 ? decl->columns : SIG_COLUMNS;
	double cw = (TEXT_WIDTH - (cols - 1) * SIG_COLUMN_GAP) / cols;
	double space = SIG_SECTION_SPACE;

	/* The last two lines of the text go with the signatures: no signature page
	 * stands alone. */
	if (s->nboxes > 0)
		s->boxes[s->nboxes - 1].break_before = 0;
	if (decl->sig_heading.nruns) {
		struct para_style ps = style(s, FACE_BOLD, HEADING_SIZE, MARGIN_LEFT, TEXT_WIDTH,
		    ALIGN_LEFT, 0);
		size_t first_box = s->nboxes;

		add_paragraph(s, &decl->sig_heading, &ps, HEADING_LEADING, space, 0);
		for (size_t k = first_box; k < s->nboxes; k++)
			s->boxes[k].break_before = 0;
		space = PARA_SPACE;
	}
	lay_signing_line(s, space);
	for (size_t i = 0; i < decl->nsignatories; i += (size_t)cols) {
		struct vbox *b = add_vbox(s);
		size_t rows = 0, ncols = decl->nsignatories - i < (size_t)cols ?
		    decl->nsignatories - i : (size_t)cols;
		int seal = 0;

		for (size_t c = 0; c < ncols; c++)
			seal |= decl->signatories[i + c].seal;
		b->space = i == 0 ? LEADING / 2 : SIG_ROW_SPACE;
		/* Rows may part, but the last never goes to a page alone: a lonely block
		 * on a page of its own is as detachable as it gets. */
		b->break_before = i > 0 && i + (size_t)cols < decl->nsignatories;
		b->ascent = sig_ascent(cw, seal);
		for (size_t c = 0; c < ncols; c++) {
			const struct signatory *sg = &decl->signatories[i + c];
			size_t n = lay_signatory(s, sg, MARGIN_LEFT + (double)c * (cw + SIG_COLUMN_GAP),
			    cw);

			check_block_height(s, sg, sig_ascent(cw, sg->seal), n);
			if (n > rows)
				rows = n;
		}
		/* add_vbox's pointer may have moved while the lines were set. */
		b = &s->boxes[s->nboxes - 1];
		b->depth = (double)rows * SIG_LEADING + SIG_LEADING * (1 - ASCENT_SHARE);
		b->count = s->nstaged - b->first;
		b->nlines = s->out->nlines - b->first_line;
	}
}

/* Metadata printed outside the text proper (footer) or only put in the PDF's
 * information (keywords, regions) must be printable too: reports the first character
 * of str the fonts cannot show, at pos. Text set in lines is checked as it is set. */
static void
check_glyphs(struct setter *s, const char *str, struct pos pos)
{
	size_t len = strlen(str), n;

	for (size_t i = 0; i < len; i += n) {
		uint32_t cp = utf8_decode(str + i, len - i, &n);

		if (s->m->advance(s->m->ctx, FACE_REGULAR, cp) < 0) {
			diag_report(s->d, DIAG_ERROR, s->decl->path, pos.line, pos.col,
			    "character U+%04X in \"%s\" cannot be shown: the fonts have no glyph "
			    "for it; replace or remove it", (unsigned)cp, str);
			s->failed = 1;
			return;
		}
	}
}

static void
check_metadata_glyphs(struct setter *s)
{
	const struct decl *decl = s->decl;

	check_glyphs(s, decl->short_title, decl->title_pos);
	check_glyphs(s, decl->version, decl->title_pos);
	for (size_t i = 0; i < decl->nkeywords; i++)
		check_glyphs(s, decl->keywords[i], decl->title_pos);
	for (size_t i = 0; i < decl->nregions; i++)
		check_glyphs(s, decl->regions[i], decl->title_pos);
}

struct layout *
layout_new(const struct decl *decl, const struct metrics *m, const struct hyph_set *h,
    const struct layout_options *opt, struct diag *d)
{
	struct setter s = {.decl = decl, .m = m, .h = h, .opt = opt, .d = d,
	    .lang = decl->lang >= 0 ? decl->lang : 0};

	s.out = xcalloc(1, sizeof *s.out);
	check_metadata_glyphs(&s);
	lay_title(&s);
	lay_blocks(&s);
	lay_signatures(&s);
	if (!s.failed && paginate(&s) != 0)
		s.failed = 1;
	free(s.staged);
	free(s.boxes);
	if (s.failed) {
		layout_free(s.out);
		return NULL;
	}
	return s.out;
}

void
layout_get_stats(const struct layout *l, struct layout_stats *st)
{
	memset(st, 0, sizeof *st);
	st->pages = l->npages;
	for (size_t i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];

		st->lines++;
		st->justified += ln->justified;
		st->hyphenated += ln->hyphenated;
		st->overfull += ln->overfull;
		if (ln->justified && ln->ratio > st->worst_ratio) {
			st->worst_ratio = ln->ratio;
			st->worst_line = i + 1;
		}
	}
	for (size_t i = 0; i < l->nparas; i++)
		st->demerits += l->paras[i].demerits;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->items);
	free(l->paras);
	free(l->pages);
	free(l->lines);
	buf_free(&l->text);
	free(l);
}
