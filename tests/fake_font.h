/* Fake fonts for layout tests: every glyph 500/1000 em wide, CJK missing, so that
 * widths in tests are plain arithmetic (5.5 pt a character at 11 pt); `fake` kerns
 * nothing, `fake_kerned` some pairs. */
#ifndef DECLGEN_FAKE_FONT_H
#define DECLGEN_FAKE_FONT_H

#include <stddef.h>
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

static const struct metrics fake = {fake_advance, fake_kern, NULL, "Fake"};

/* Kerning of the second fake, in 1/1000 em: pairs a real face kerns ("AV", "Te"), some
 * towards a hyphen, and some with a space, which layout must never apply (a space is
 * glue, not part of an item). */
static inline int
fake_pair_kern(uint32_t left, uint32_t right)
{
	static const struct {
		uint32_t left, right;
		int kern;
	} pairs[] = {{'A', 'V', -80}, {'V', 'A', -80}, {'T', 'e', -70}, {'T', 'a', -70},
	    {'V', 'o', -50}, {'W', 'e', -40}, {'F', 'a', -40}, {'r', '.', -40},
	    {'r', ',', -40}, {'T', '-', -50}, {'r', '-', -20}, {'e', 'n', -10},
	    {'e', ' ', -30}, {' ', 'A', -30}};

	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (pairs[i].left == left && pairs[i].right == right)
			return pairs[i].kern;
	return 0;
}

static inline int
fake_kerned_kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	(void)ctx;
	(void)face;
	return fake_pair_kern(left, right);
}

/* The second fake: fake's advances, kerned by fake_pair_kern. */
static const struct metrics fake_kerned = {fake_advance, fake_kerned_kern, NULL, "Fake Kerned"};

#endif
