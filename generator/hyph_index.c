/* The pattern indexes built in: build/gen/hyph_index.inc, which tools/hyph_index.c
 * makes from the .dic files of hyphen/ (see the Makefile). */
#include "hyph_index.h"

#include "../build/gen/hyph_index.inc"
