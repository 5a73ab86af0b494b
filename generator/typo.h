/* The typographic design of a signing copy: every size and space, in points
 * (1 pt = 1/72 in = 0.3528 mm), defined here and nowhere else. */
#ifndef DECLGEN_TYPO_H
#define DECLGEN_TYPO_H

#define MM(x) ((x) * 72.0 / 25.4)

/* A4 portrait. */
#define PAGE_WIDTH MM(210.0)
#define PAGE_HEIGHT MM(297.0)
#define MARGIN_LEFT MM(25.0)
#define MARGIN_RIGHT MM(25.0)
#define MARGIN_TOP MM(22.0)
#define MARGIN_BOTTOM MM(25.0)
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

/* Body text. Its lines stand on a baseline grid LEADING apart, counted from the first
 * line of each page; paragraphs are a blank line apart, as DIN 5008 has them. */
#define BODY_SIZE 11.0
#define LEADING 15.0
#define PARA_SPACE LEADING
/* Share of a line's height above its baseline; the rest is its depth. */
#define ASCENT_SHARE 0.72

/* Title block. */
#define DATELINE_SIZE BODY_SIZE
#define TITLE_SIZE 16.0
#define TITLE_LEADING 21.0
#define SUBTITLE_SIZE 12.0
#define SUBTITLE_LEADING 16.0
#define TITLE_SPACE_BEFORE LEADING
#define TITLE_SPACE_AFTER (2 * LEADING)

/* Headings, lists, motto and notice. */
#define HEADING_SIZE 12.0
#define HEADING_LEADING LEADING
#define HEADING_SPACE_BEFORE LEADING
/* Items hang LIST_INDENT from their list's left edge, more if the widest label needs
 * it; labels end LIST_LABEL_GAP before the text and start LIST_LABEL_INDENT from the
 * edge at least. */
#define LIST_INDENT 15.0
#define LIST_LABEL_INDENT 4.0
#define LIST_LABEL_GAP 6.0
#define MOTTO_SIZE 11.5
#define MOTTO_RULE 0.6
#define MOTTO_RULE_WIDTH (TEXT_WIDTH / 3)
#define NOTICE_INDENT 12.0
#define NOTICE_BAR 2.0
#define NOTICE_GRAY 0.45

/* Signature section. */
#define SIG_SECTION_SPACE (2 * LEADING)
#define SIG_COLUMN_GAP MM(12.0)
#define SIG_SPACE MM(17.0)	/* room above the line for a handwritten signature */
#define SIG_RULE 0.5
#define SIG_SIZE 10.0
#define SIG_LEADING 12.5
#define SIG_ROW_SPACE MM(3.0)
#define SIG_BLANK_RULE MM(70.0)	/* length of the blank for place and date */
#define SIG_BLANK_MIN MM(40.0)	/* least length of the blank after a known place */
/* An official seal's clear room, square; beside the signature line where that leaves
 * the line SIG_MIN_RULE, else above the room for the signature. */
#define SEAL_SIZE MM(40.0)
#define SEAL_GAP MM(5.0)	/* between the signature line and the seal beside it */
#define SIG_MIN_RULE MM(50.0)
#define SEAL_CAPTION_RAISE 3.0	/* caption's baseline above the foot of the room */
/* The blank for place and date: its rule below the baseline, its caption's top that far
 * below the rule. */
#define SIG_BLANK_DROP 2.0
#define SIG_CAPTION_GAP 1.0
/* Columns of the signature grid when the declaration names none. */
#define SIG_COLUMNS 2

/* Running footer. */
#define FOOTER_SIZE 8.5
#define FOOTER_BASELINE MM(13.0)
#define FOOTER_GRAY 0.3
/* Least room between the footer's left part and the page number. */
#define FOOTER_GAP 12.0
/* Least room for the start of a short title shortened to fit the footer. */
#define FOOTER_MIN_TITLE 60.0

/* Line breaking. Glue of a space stretches by half and shrinks by a third of its
 * width, as in TeX's Computer Modern; hyphens cost as in plain TeX. */
#define SPACE_STRETCH (1.0 / 2.0)
#define SPACE_SHRINK (1.0 / 3.0)
#define HYPHEN_PENALTY 50
/* Letters the hyphenated last word of a paragraph leaves at least on the last line: a
 * stub like "ren." is no line. */
#define LAST_WORD_MIN_TAIL 5
#define EXHYPHEN_PENALTY 50
/* Breaking, without a hyphen, a word too wide for any line between two letters, or a
 * phrase that must not break (<nobreak>, no-break spaces) too wide for any line at a
 * space. */
#define EMERGENCY_PENALTY 1000
#define RAGGED_STRETCH (3 * BODY_SIZE)
/* Words of fewer letters are never hyphenated ("ei-ne"). */
#define HYPH_MIN_WORD 5
/* Added to HYPHEN_PENALTY for a break that leaves two letters on either side ("Ab-",
 * "-te"): 150 costs 22,500 demerits, what a line stretched to badness 140 (ratio 1.1)
 * costs, so such a break is taken only where the alternative is a loose line. */
#define HYPH_SHORT_PENALTY 100
/* Breaking a web or e-mail address after "/", "." or "-" or before "@", no hyphen. */
#define LINK_BREAK_PENALTY 100
/* Breaking a person's name after a particle ("von") or title ("Dr."): 250,000
 * demerits, more than any line within the tolerance costs (44,100), so they part only
 * where no other setting fits the width. */
#define NAME_BIND_PENALTY 500
/* pt: positions closer than this are one (rounding of sums of widths). */
#define POSITION_EPSILON 0.001
/* Lines: a baseline within this many lines of a grid line is on it. */
#define GRID_EPSILON 1e-6

/* A justified line looser than this badness (ratio 1.26), TeX's \tolerance, is
 * reported, as TeX reports an "Underfull \hbox". */
#define LOOSE_BADNESS 200

#endif
