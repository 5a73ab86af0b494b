/* The embedded fonts: each face drawn becomes a Type0 font (Identity-H) whose
 * descendant is a CIDFontType2 (TrueType outlines, /FontFile2) or a CIDFontType0 (CFF
 * outlines in an OpenType file, /FontFile3 /OpenType), with CID = glyph id, written with
 * libharu's object API (PDF 32000-1, 9.7). The font program is HarfBuzz's subset of the
 * glyphs drawn, glyph ids kept; the /W array holds the advances layout measured with,
 * so that a reader puts every glyph where layout did; the ToUnicode map gives each
 * glyph the text it was drawn for. */
#include "render_fonts.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "diag.h"
#include "font.h"
#include "font_embed.h"
#include "text.h"
#include "util.h"

/* Entries per bfchar block: the CMap format allows at most 100. */
#define BFCHAR_BLOCK 100
/* Letters of a subset tag (PDF 32000-1, 9.6.4). */
#define TAG_LETTERS 6
/* FNV-1a, 64 bits: the subset tag's hash of the glyph set. */
#define FNV_OFFSET 0xCBF29CE484222325ull
#define FNV_PRIME 0x100000001B3ull

void
fonts_init(struct fonts *f, HPDF_Doc pdf, const struct font *font, const char *file,
    struct diag *d)
{
	memset(f, 0, sizeof *f);
	f->pdf = pdf;
	f->font = font;
	f->metrics = font_metrics(font);
	f->file = file;
	f->diag = d;
}

void
fonts_free(struct fonts *f)
{
	for (int i = 0; i < FACE_COUNT; i++) {
		hb_set_destroy(f->faces[i].gids);
		free(f->faces[i].text);
		free(f->faces[i].width);
	}
}

/* A new dictionary, an indirect object of the document; NULL if libharu failed. */
static HPDF_Dict
new_dict(HPDF_Doc pdf)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);

	/* On failure, libharu frees what it could not add. */
	if (d == NULL || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

/* A new compressed stream holding data; NULL if libharu failed. */
static HPDF_Dict
new_stream(HPDF_Doc pdf, const void *data, size_t len)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	if (d == NULL)
		return NULL;
	d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len) != HPDF_OK)
		return NULL;
	return d;
}

HPDF_Dict
fonts_get(struct fonts *f, enum face face)
{
	struct doc_face *df = &f->faces[face];

	if (df->type0 != NULL)
		return df->type0;
	df->nglyphs = embed_glyph_count(f->font, face);
	df->gids = hb_set_create();
	df->text = xcalloc(df->nglyphs + 1, sizeof *df->text);
	df->width = xcalloc(df->nglyphs + 1, sizeof *df->width);
	df->type0 = new_dict(f->pdf);
	if (df->type0 != NULL && (HPDF_Dict_AddName(df->type0, "Type", "Font") != HPDF_OK ||
	    HPDF_Dict_AddName(df->type0, "Subtype", "Type0") != HPDF_OK))
		df->type0 = NULL;
	return df->type0;
}

hb_codepoint_t
fonts_use(struct fonts *f, enum face face, uint32_t cp, int *width)
{
	struct doc_face *df = &f->faces[face];
	hb_codepoint_t gid = font_glyph(f->font, face, cp);
	int w;

	if (gid >= df->nglyphs)
		gid = 0;
	if (df->text[gid] == 0) {
		w = f->metrics->advance(f->metrics->ctx, face, cp);
		df->text[gid] = cp;
		df->width[gid] = w > 0 ? w : 0;
		hb_set_add(df->gids, gid);
	}
	*width = df->width[gid];
	return gid;
}

/* TAG_LETTERS capital letters (and a NUL) that depend on the glyph set alone, so that
 * identical input gives identical output and different subsets different names. */
static void
subset_tag(const hb_set_t *gids, char *tag)
{
	uint64_t h = FNV_OFFSET;

	for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(gids, &g);)
		for (int i = 0; i < 4; i++)
			h = (h ^ ((g >> (8 * i)) & 0xFF)) * FNV_PRIME;
	for (int i = 0; i < TAG_LETTERS; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[TAG_LETTERS] = '\0';
}

/* The /W array: each run of consecutive glyph ids as "first [w1 w2 ...]". */
static HPDF_STATUS
add_widths(HPDF_Doc pdf, HPDF_Dict cid, const struct doc_face *df)
{
	HPDF_Array w = HPDF_Array_New(pdf->mmgr), run = NULL;
	HPDF_STATUS st;
	hb_codepoint_t prev = HB_SET_VALUE_INVALID;

	if (w == NULL || (st = HPDF_Dict_Add(cid, "W", w)) != HPDF_OK)
		return HPDF_FAILD_TO_ALLOC_MEM;
	for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(df->gids, &g); prev = g) {
		if (run == NULL || g != prev + 1) {
			if ((st = HPDF_Array_AddNumber(w, (HPDF_INT32)g)) != HPDF_OK ||
			    (run = HPDF_Array_New(pdf->mmgr)) == NULL ||
			    (st = HPDF_Array_Add(w, run)) != HPDF_OK)
				return st != HPDF_OK ? st : HPDF_FAILD_TO_ALLOC_MEM;
		}
		if ((st = HPDF_Array_AddNumber(run, df->width[g])) != HPDF_OK)
			return st;
	}
	return HPDF_OK;
}

/* The ToUnicode CMap (PDF 32000-1, 9.10.3): a bfchar entry per glyph id drawn, to the
 * UTF-16BE of its text. */
static void
tounicode_cmap(const struct doc_face *df, struct buf *b)
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
	unsigned total = hb_set_get_population(df->gids), count = 0;

	buf_puts(b, head);
	for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(df->gids, &g);) {
		uint32_t cp = df->text[g];

		if (count % BFCHAR_BLOCK == 0)
			buf_printf(b, "%u beginbfchar\n",
			    total - count < BFCHAR_BLOCK ? total - count : BFCHAR_BLOCK);
		if (cp > 0xFFFF)
			buf_printf(b, "<%04X> <%04X%04X>\n", g, 0xD800 + ((cp - 0x10000) >> 10),
			    0xDC00 + ((cp - 0x10000) & 0x3FF));
		else
			buf_printf(b, "<%04X> <%04X>\n", g, cp);
		if (++count % BFCHAR_BLOCK == 0 || count == total)
			buf_puts(b, "endbfchar\n");
	}
	buf_puts(b, tail);
}

/* /FontBBox as an array of numbers. */
static HPDF_STATUS
add_bbox(HPDF_Doc pdf, HPDF_Dict desc, const struct embed_facts *facts)
{
	HPDF_Array a = HPDF_Array_New(pdf->mmgr);
	HPDF_STATUS st;

	if (a == NULL || (st = HPDF_Dict_Add(desc, "FontBBox", a)) != HPDF_OK)
		return HPDF_FAILD_TO_ALLOC_MEM;
	for (int i = 0; i < 4; i++)
		if ((st = HPDF_Array_AddNumber(a, facts->bbox[i])) != HPDF_OK)
			return st;
	return HPDF_OK;
}

/* The /FontDescriptor with the font program program. */
static HPDF_Dict
descriptor(HPDF_Doc pdf, const struct embed_facts *facts, const char *name,
    HPDF_Dict program)
{
	HPDF_Dict desc = new_dict(pdf);

	if (desc == NULL ||
	    (HPDF_Dict_AddName(desc, "Type", "FontDescriptor") ||
	    HPDF_Dict_AddName(desc, "FontName", name) ||
	    HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)facts->flags) ||
	    add_bbox(pdf, desc, facts) ||
	    HPDF_Dict_AddReal(desc, "ItalicAngle", (HPDF_REAL)facts->italic_angle) ||
	    HPDF_Dict_AddNumber(desc, "Ascent", facts->ascent) ||
	    HPDF_Dict_AddNumber(desc, "Descent", facts->descent) ||
	    HPDF_Dict_AddNumber(desc, "CapHeight", facts->cap_height) ||
	    HPDF_Dict_AddNumber(desc, "StemV", facts->stem_v) ||
	    HPDF_Dict_Add(desc, facts->cff ? "FontFile3" : "FontFile2", program)) != HPDF_OK)
		return NULL;
	return desc;
}

/* The font program: the subset as a stream. */
static HPDF_Dict
program(struct fonts *f, enum face face, const struct embed_facts *facts)
{
	hb_blob_t *blob = embed_subset(f->font, face, f->faces[face].gids);
	unsigned len;
	const char *data;
	HPDF_Dict st;

	if (blob == NULL) {
		diag_report(f->diag, DIAG_FATAL, f->file, 0, 0, "cannot embed the font %s: "
		    "HarfBuzz cannot make a subset of it", facts->name);
		return NULL;
	}
	data = hb_blob_get_data(blob, &len);
	st = new_stream(f->pdf, data, len);
	hb_blob_destroy(blob);
	if (st == NULL)
		return NULL;
	if (facts->cff ? HPDF_Dict_AddName(st, "Subtype", "OpenType") :
	    HPDF_Dict_AddNumber(st, "Length1", (HPDF_INT32)len))
		return NULL;
	return st;
}

/* The descendant CIDFont: its system info, descriptor and widths. */
static HPDF_Dict
cid_font(struct fonts *f, enum face face, const struct embed_facts *facts,
    const char *name, HPDF_Dict desc)
{
	HPDF_Dict cid = new_dict(f->pdf), info;

	if (cid == NULL || (info = HPDF_Dict_New(f->pdf->mmgr)) == NULL ||
	    HPDF_Dict_Add(cid, "CIDSystemInfo", info) != HPDF_OK)
		return NULL;
	if ((HPDF_Dict_AddName(cid, "Type", "Font") ||
	    HPDF_Dict_AddName(cid, "Subtype", facts->cff ? "CIDFontType0" : "CIDFontType2") ||
	    HPDF_Dict_AddName(cid, "BaseFont", name) ||
	    HPDF_Dict_Add(info, "Registry", HPDF_String_New(f->pdf->mmgr, "Adobe", NULL)) ||
	    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(f->pdf->mmgr, "Identity", NULL)) ||
	    HPDF_Dict_AddNumber(info, "Supplement", 0) ||
	    HPDF_Dict_Add(cid, "FontDescriptor", desc) ||
	    add_widths(f->pdf, cid, &f->faces[face]) ||
	    (facts->cff ? HPDF_OK : HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"))) !=
	    HPDF_OK)
		return NULL;
	return cid;
}

/* Completes the Type0 font of one face drawn. Returns 0 or -1. */
static int
finish_face(struct fonts *f, enum face face)
{
	struct doc_face *df = &f->faces[face];
	struct embed_facts facts;
	char tag[TAG_LETTERS + 1];
	struct buf name = {0}, cmap = {0};
	HPDF_Dict prog, desc = NULL, cid = NULL, tu = NULL;
	HPDF_Array desc_fonts;
	int ret = -1;

	embed_facts(f->font, face, &facts);
	/* A face whose licence forbids embedding never gets here: font_check.c refuses it
	 * when it is loaded. */
	/* .notdef, which every font program has first. */
	hb_set_add(df->gids, 0);
	subset_tag(df->gids, tag);
	buf_printf(&name, "%s+%s", tag, facts.name);
	tounicode_cmap(df, &cmap);
	if ((prog = program(f, face, &facts)) != NULL &&
	    (desc = descriptor(f->pdf, &facts, name.data, prog)) != NULL)
		cid = cid_font(f, face, &facts, name.data, desc);
	if (cid != NULL && (tu = new_stream(f->pdf, cmap.data, cmap.len)) != NULL &&
	    (desc_fonts = HPDF_Array_New(f->pdf->mmgr)) != NULL &&
	    (HPDF_Dict_AddName(df->type0, "BaseFont", name.data) ||
	    HPDF_Dict_AddName(df->type0, "Encoding", "Identity-H") ||
	    HPDF_Dict_Add(df->type0, "DescendantFonts", desc_fonts) ||
	    HPDF_Array_Add(desc_fonts, cid) ||
	    HPDF_Dict_Add(df->type0, "ToUnicode", tu)) == HPDF_OK)
		ret = 0;
	/* A font program in OpenType form needs PDF 1.6. */
	if (facts.cff && f->pdf->pdf_version < HPDF_VER_16)
		f->pdf->pdf_version = HPDF_VER_16;
	buf_free(&name);
	buf_free(&cmap);
	return ret;
}

int
fonts_finish(struct fonts *f)
{
	for (int face = 0; face < FACE_COUNT; face++)
		if (f->faces[face].type0 != NULL && finish_face(f, face) != 0)
			return -1;
	return 0;
}
