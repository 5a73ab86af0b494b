/* The embedded TrueType fonts: loading, metrics, and a correct ToUnicode map.
 *
 * libharu 2.3.0 writes the ToUnicode CMap of a UTF-8 TrueType font as a copy of its
 * encoding CMap, with "begincidrange": poppler rejects that ("Invalid 'begincidrange'
 * operator in ToUnicode CMap") and text extraction depends on guesswork. We rewrite the
 * stream in place, through libharu's exported object API, as the bfchar map that the
 * PDF specification (9.10.3) asks for. With the Identity-H encoding libharu uses, a
 * character code is the Unicode code point (BMP only). */
#include "render_fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "diag.h"
#include "font.h"
#include "text.h"
#include "util.h"

/* Entries per bfchar block: the CMap format allows at most 100. */
#define BFCHAR_BLOCK 100

static HPDF_FontDef
fontdef(struct fonts *f, enum face face)
{
	char path[4096];
	const char *name;

	if (f->defs[face] || f->failed[face])
		return f->defs[face];
	snprintf(path, sizeof path, "%s/%s", f->dir, font_face_file(face));
	name = HPDF_LoadTTFontFromFile(f->pdf, path, HPDF_TRUE);
	if (name != NULL)
		f->defs[face] = HPDF_GetFontDef(f->pdf, name);
	if (f->defs[face] == NULL) {
		diag_report(f->diag, DIAG_FATAL, path, 0, 0,
		    "cannot load this font (PDF library error 0x%04lX); reinstall declgen",
		    (unsigned long)HPDF_GetError(f->pdf));
		HPDF_ResetError(f->pdf);
		f->failed[face] = 1;
	}
	return f->defs[face];
}

/* Widths as libharu writes them into the font's /W array, so layout and PDF agree. */
static int
advance(void *ctx, enum face face, uint32_t cp)
{
	struct fonts *f = ctx;
	HPDF_FontDef def;

	/* libharu draws a blank for a missing glyph and a space beyond the BMP. */
	if (cp > 0xFFFF || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	if ((def = fontdef(f, face)) == NULL)
		return 0;
	if (cp != ' ' && HPDF_TTFontDef_GetGlyphid(def, (HPDF_UNICODE)cp) == 0)
		return -1;
	return HPDF_TTFontDef_GetCharWidth(def, (HPDF_UNICODE)cp);
}

/* libharu knows no kerning. */
static int
no_kern(void *ctx, enum face face, uint32_t left, uint32_t right)
{
	(void)ctx;
	(void)face;
	(void)left;
	(void)right;
	return 0;
}

void
fonts_init(struct fonts *f, HPDF_Doc pdf, const char *dir, const char *file, struct diag *d)
{
	memset(f, 0, sizeof *f);
	f->pdf = pdf;
	f->dir = dir;
	f->file = file;
	f->diag = d;
	f->metrics.advance = advance;
	f->metrics.kern = no_kern;
	f->metrics.ctx = f;
	/* The regular face first, as when layout measured through libharu: libharu names
	 * subsets in load order (HPDFAA+, HPDFAB+, ...), and every document uses it. */
	fontdef(f, FACE_REGULAR);
}

void
fonts_free(struct fonts *f)
{
	for (int i = 0; i < FACE_COUNT; i++)
		free(f->used[i]);
}

HPDF_Font
fonts_get(struct fonts *f, enum face face)
{
	HPDF_FontDef def;

	if (f->fonts[face])
		return f->fonts[face];
	if ((def = fontdef(f, face)) == NULL)
		return NULL;
	f->fonts[face] = HPDF_GetFont(f->pdf, def->base_font, "UTF-8");
	return f->fonts[face];
}

void
fonts_mark_used(struct fonts *f, enum face face, const char *text, size_t len)
{
	size_t n;

	if (f->used[face] == NULL)
		f->used[face] = xcalloc(65536 / 8, 1);
	for (size_t i = 0; i < len; i += n) {
		uint32_t cp = utf8_decode(text + i, len - i, &n);

		if (cp <= 0xFFFF)
			f->used[face][cp >> 3] |= (uint8_t)(1u << (cp & 7));
	}
}

static int
write_cmap(HPDF_Stream st, const uint8_t *used)
{
	static const char head[] =
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
	static const char tail[] =
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n";
	struct buf b = {0};
	unsigned count = 0, total = 0;
	HPDF_STATUS st_ok;

	buf_puts(&b, head);
	for (unsigned cp = 0; cp <= 0xFFFF; cp++)
		total += (used[cp >> 3] >> (cp & 7)) & 1;
	for (unsigned cp = 0; cp <= 0xFFFF; cp++) {
		if (!((used[cp >> 3] >> (cp & 7)) & 1))
			continue;
		if (count % BFCHAR_BLOCK == 0)
			buf_printf(&b, "%u beginbfchar\n",
			    total - count < BFCHAR_BLOCK ? total - count : BFCHAR_BLOCK);
		buf_printf(&b, "<%04X> <%04X>\n", cp, cp);
		if (++count % BFCHAR_BLOCK == 0 || count == total)
			buf_puts(&b, "endbfchar\n");
	}
	buf_puts(&b, tail);
	HPDF_MemStream_FreeData(st);
	st_ok = HPDF_Stream_Write(st, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_free(&b);
	return st_ok == HPDF_OK ? 0 : -1;
}

int
fonts_fix_tounicode(struct fonts *f)
{
	/* Keys of the encoding CMap that libharu copied; a ToUnicode stream has none. */
	static const struct {
		const char *key;
		HPDF_UINT16 class;
	} stale[] = {
		{"Type", HPDF_OCLASS_NAME},
		{"CMapName", HPDF_OCLASS_NAME},
		{"CIDSystemInfo", HPDF_OCLASS_DICT},
		{"WMode", HPDF_OCLASS_NUMBER},
	};

	for (int face = 0; face < FACE_COUNT; face++) {
		HPDF_Dict tu;

		if (f->fonts[face] == NULL || f->used[face] == NULL)
			continue;
		tu = HPDF_Dict_GetItem(f->fonts[face], "ToUnicode", HPDF_OCLASS_DICT);
		if (tu == NULL || tu->stream == NULL)
			return -1;
		for (size_t k = 0; k < sizeof stale / sizeof *stale; k++)
			if (HPDF_Dict_GetItem(tu, stale[k].key, stale[k].class) != NULL &&
			    HPDF_Dict_RemoveElement(tu, stale[k].key) != HPDF_OK)
				return -1;
		if (write_cmap(tu->stream, f->used[face]) != 0)
			return -1;
	}
	return 0;
}
