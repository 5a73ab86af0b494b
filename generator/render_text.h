/* Private to render: a page's text as PDF content-stream operators, drawn by glyph id. */
#ifndef DECLGEN_RENDER_TEXT_H
#define DECLGEN_RENDER_TEXT_H

#include <hpdf.h>

struct buf;
struct fonts;
struct lay_page;
struct layout;

/* Appends the text items of lp to content as one text object: each line one run of
 * TJ arrays, a space glyph between two words, every glyph where layout put it. The
 * fonts used are registered as resources of page. Returns 0, or -1 with libharu's
 * error set. */
int text_draw_page(struct fonts *f, HPDF_Page page, const struct layout *l,
    const struct lay_page *lp, struct buf *content);

#endif
