/* A fake font for layout tests: every glyph 500/1000 em wide, CJK missing, so that
 * widths in tests are plain arithmetic (5.5 pt a character at 11 pt). */
#ifndef DECLGEN_FAKE_FONT_H
#define DECLGEN_FAKE_FONT_H

#include <stdint.h>

#include "metrics.h"

static inline int
fake_advance(void *ctx, enum face face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	return cp >= 0x4E00 && cp <= 0x9FFF ? -1 : 500;
}

static inline int
fake_kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	(void)ctx;
	(void)face;
	(void)left;
	(void)right;
	return 0;
}

static const struct metrics fake = {fake_advance, fake_kern, NULL};

#endif
