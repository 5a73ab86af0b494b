/* Render: boxes -> libharu, which writes the PDF's objects, pages, streams and xref; the
 * text (render_text.c) and the fonts (render_fonts.c) are ours. libharu's errors are
 * sticky and some are recorded without calling the handler, so every return value is
 * checked and turned into one message. */
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "decl.h"
#include "diag.h"
#include "layout.h"
#include "render_fonts.h"
#include "render_text.h"
#include "typo.h"
#include "util.h"
#include "version.h"

/* Longest document information entry (title, subject, author, keywords) written, in
 * bytes of UTF-8: far more than a viewer shows, well under the 65,535 bytes libharu
 * allows one string. */
#define INFO_MAX_BYTES 2000u
/* SOURCE_DATE_EPOCH's range: the dates a PDF can write, 0000-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z, in seconds since 1970. */
#define SOURCE_DATE_MIN (-62167219200LL)
#define SOURCE_DATE_MAX 253402300799LL

struct render {
	HPDF_Doc pdf;
	struct fonts fonts;
	const char *file;
	struct diag *diag;
	HPDF_STATUS error, detail;	/* last error libharu reported */
	unsigned char *out;		/* the finished PDF */
	size_t outlen;
};

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct render *r = data;

	r->error = error;
	r->detail = detail;
}

/* libharu's error codes that a user can act on, in the user's terms. */
static const char *
error_text(HPDF_STATUS code)
{
	switch (code) {
	case HPDF_FAILD_TO_ALLOC_MEM:
		return "out of memory";
	case HPDF_PAGE_OUT_OF_RANGE:
	case HPDF_PAGE_INVALID_SIZE:
		return "a page is too large";
	default:
		return NULL;
	}
}

/* Checks a libharu status; on failure reports what was being done and returns -1. */
static int
check(struct render *r, HPDF_STATUS st, const char *doing)
{
	HPDF_STATUS code;
	const char *text;

	if (st == HPDF_OK && HPDF_GetError(r->pdf) == HPDF_OK)
		return 0;
	code = HPDF_GetError(r->pdf) != HPDF_OK ? HPDF_GetError(r->pdf) :
	    (r->error != HPDF_OK ? r->error : st);
	text = error_text(code);
	if (text)
		diag_report(r->diag, DIAG_FATAL, r->file, 0, 0, "cannot %s: %s", doing, text);
	else
		diag_report(r->diag, DIAG_FATAL, r->file, 0, 0,
		    "cannot %s: PDF library error 0x%04lX (detail %lu)", doing,
		    (unsigned long)code, (unsigned long)r->detail);
	HPDF_ResetError(r->pdf);
	r->error = HPDF_OK;
	return -1;
}

struct render *
render_new(const struct font *font, const char *file, struct diag *d)
{
	struct render *r = xcalloc(1, sizeof *r);

	r->file = file;
	r->diag = d;
	if ((r->pdf = HPDF_New(on_error, r)) == NULL) {
		diag_report(d, DIAG_FATAL, file, 0, 0, "cannot start a PDF document: out of memory");
		free(r);
		return NULL;
	}
	/* UTF-8 for the document information, which libharu writes as UTF-16. */
	if (check(r, HPDF_UseUTFEncodings(r->pdf), "enable UTF-8") != 0 ||
	    check(r, HPDF_SetCurrentEncoder(r->pdf, "UTF-8"), "enable UTF-8") != 0 ||
	    check(r, HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL), "enable compression") != 0) {
		render_free(r);
		return NULL;
	}
	fonts_init(&r->fonts, r->pdf, font, file, d);
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	fonts_free(&r->fonts);
	if (r->pdf)
		HPDF_Free(r->pdf);
	free(r->out);
	free(r);
}

static int
draw_rules(struct render *r, HPDF_Page page, const struct layout *l, const struct lay_page *lp)
{
	for (size_t i = lp->first; i < lp->first + lp->count; i++) {
		const struct lay_item *it = &l->items[i];

		if (it->kind != LAY_RULE)
			continue;
		if (check(r, HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->thickness), "draw a rule") ||
		    check(r, HPDF_Page_SetGrayStroke(page, (HPDF_REAL)it->gray), "draw a rule") ||
		    check(r, HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y), "draw a rule") ||
		    check(r, HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2), "draw a rule") ||
		    check(r, HPDF_Page_Stroke(page), "draw a rule"))
			return -1;
	}
	return 0;
}

/* The page's text, written into its content stream after what libharu wrote. */
static int
draw_text(struct render *r, HPDF_Page page, const struct layout *l, const struct lay_page *lp)
{
	HPDF_PageAttr attr = page->attr;
	struct buf content = {0};
	int ret;

	if (text_draw_page(&r->fonts, page, l, lp, &content) != 0)
		ret = check(r, HPDF_INVALID_FONT, "select a font");
	else
		ret = check(r, HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)content.data,
		    (HPDF_UINT)content.len), "draw text");
	buf_free(&content);
	return ret;
}

/* The area of an item's text: its baseline from x to x2, and the height of a line at
 * its size in the body's proportion of leading to size, so that the areas of a link's
 * lines on the baseline grid meet without overlapping. */
static HPDF_Rect
text_rect(const struct lay_item *it)
{
	double height = it->size * LEADING / BODY_SIZE;
	HPDF_Rect rect = {(HPDF_REAL)it->x, (HPDF_REAL)(it->y - height * (1 - ASCENT_SHARE)),
	    (HPDF_REAL)it->x2, (HPDF_REAL)(it->y + height * ASCENT_SHARE)};

	return rect;
}

/* Whether b continues the link a on the same line (one annotation serves both). */
static int
same_link(const struct lay_item *a, const struct lay_item *b)
{
	return b->kind == LAY_TEXT && b->uri != NULL && strcmp(a->uri, b->uri) == 0 &&
	    a->line == b->line && a->y == b->y;
}

/* A URI as a PDF URI action holds it: 7-bit ASCII (PDF 32000-1, 12.6.4.7), so other
 * bytes, blanks and controls are percent-encoded (RFC 3987, 3.1). */
static void
uri_ascii(const char *uri, struct buf *out)
{
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
		char c = (char)*p;

		if (*p <= ' ' || *p >= 0x7F)
			buf_printf(out, "%%%02X", *p);
		else
			buf_append(out, &c, 1);
	}
}

/* A /Link annotation with a /URI action, without a border, over each link's text on
 * the page; the pieces of one link on one line share one. */
static int
draw_links(struct render *r, HPDF_Page page, const struct layout *l, const struct lay_page *lp)
{
	size_t end = lp->first + lp->count;
	struct buf uri = {0};
	int ret = 0;

	for (size_t i = lp->first, j; i < end && ret == 0; i = j) {
		const struct lay_item *it = &l->items[i];
		HPDF_Rect rect;
		HPDF_Annotation annot;

		j = i + 1;
		if (it->kind != LAY_TEXT || it->uri == NULL)
			continue;
		rect = text_rect(it);
		for (; j < end && same_link(it, &l->items[j]); j++) {
			HPDF_Rect more = text_rect(&l->items[j]);

			rect.right = more.right;
			rect.bottom = more.bottom < rect.bottom ? more.bottom : rect.bottom;
			rect.top = more.top > rect.top ? more.top : rect.top;
		}
		uri.len = 0;
		uri_ascii(it->uri, &uri);
		if (uri.len > HPDF_LIMIT_MAX_STRING_LEN) {
			diag_report(r->diag, DIAG_WARNING, r->file, 0, 0, "a link's target is "
			    "longer than a PDF string can be (%zu bytes): the text is not a link",
			    uri.len);
			continue;
		}
		annot = HPDF_Page_CreateURILinkAnnot(page, rect, uri.data);
		if (annot == NULL)
			ret = check(r, HPDF_INVALID_OBJECT, "add a link");
		else
			ret = check(r, HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "add a link");
	}
	buf_free(&uri);
	return ret;
}

static void
join(struct buf *b, char **list, size_t n, const char *sep)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, sep);
		buf_puts(b, list[i]);
	}
}

/* The signing organisations, each once, in the order they sign, until the list is
 * longer than max bytes (the rest would be cut off). Each is compared with those listed
 * only: 1,000 signatories of one long name are 1,000 comparisons, not 500,000. */
static void
authors(struct buf *b, const struct decl *decl, size_t max)
{
	const struct signatory **listed = xcalloc(decl->nsignatories + 1, sizeof *listed);
	size_t n = 0;

	for (size_t i = 0; i < decl->nsignatories && b->len <= max; i++) {
		const struct signatory *s = &decl->signatories[i];
		size_t k = 0;

		while (k < n && !decl_same_org(s, listed[k]))
			k++;
		if (k < n)
			continue;
		listed[n++] = s;
		if (b->len)
			buf_puts(b, "; ");
		join(b, s->org, s->norg, " ");
	}
	free(listed);
}

/* Shortens b to at most max bytes (max > 3) at a character boundary, ending in "…".
 * Returns whether it did. */
static int
shorten(struct buf *b, size_t max)
{
	size_t n = max - 3;

	if (b->len <= max)
		return 0;
	while (n > 0 && ((unsigned char)b->data[n] & 0xC0) == 0x80)
		n--;
	while (n > 0 && b->data[n - 1] == ' ')
		n--;
	b->len = n;
	buf_puts(b, "\xE2\x80\xA6");
	return 1;
}

/* Sets a document information entry, shortened (with a warning) to what a viewer
 * shows: libharu refuses a string of more than 65,535 bytes. */
static int
set_info_text(struct render *r, HPDF_InfoType type, const char *what, struct buf *value)
{
	if (shorten(value, INFO_MAX_BYTES))
		diag_report(r->diag, DIAG_WARNING, r->file, 0, 0, "the %s is longer than %u "
		    "bytes: the PDF's document information holds it shortened, ending in "
		    "\"\xE2\x80\xA6\"", what, INFO_MAX_BYTES);
	return check(r, HPDF_SetInfoAttr(r->pdf, type, value->data), "set the document "
	    "information");
}

/* The PDF date of SOURCE_DATE_EPOCH, an integer number of seconds since 1970 in UTC
 * (https://reproducible-builds.org/specs/source-date-epoch/). Returns 1 and sets *date,
 * 0 if the variable is unset or empty, -1 after reporting a value that is not such a
 * number or not a date a PDF can hold (years 0 to 9999). */
static int
source_date(struct render *r, HPDF_Date *date)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	const char *digits;
	char *end;
	long long secs;
	time_t t;
	struct tm tm;

	if (env == NULL || *env == '\0')
		return 0;
	digits = env + (*env == '-');
	errno = 0;
	secs = strtoll(env, &end, 10);
	t = (time_t)secs;
	if (*digits < '0' || *digits > '9' || *end != '\0' || errno == ERANGE ||
	    secs < SOURCE_DATE_MIN || secs > SOURCE_DATE_MAX || gmtime_r(&t, &tm) == NULL) {
		diag_report(r->diag, DIAG_FATAL, r->file, 0, 0, "SOURCE_DATE_EPOCH=\"%s\" is not "
		    "a number of seconds since 1970-01-01 between %lld (year 0) and %lld (year "
		    "9999); set it to the output of date +%%s, or unset it", env,
		    (long long)SOURCE_DATE_MIN, (long long)SOURCE_DATE_MAX);
		return -1;
	}
	*date = (HPDF_Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, 'Z', 0, 0};
	return 1;
}

static int
set_info(struct render *r, const struct decl *decl)
{
	struct buf title = {0}, subject = {0}, author = {0}, keywords = {0};
	HPDF_Date date;
	int ret, dated = source_date(r, &date);

	join(&title, decl->title, decl->ntitle, " ");
	buf_puts(&subject, decl->subtitle ? decl->subtitle : decl->short_title);
	authors(&author, decl, INFO_MAX_BYTES);
	join(&keywords, decl->keywords, decl->nkeywords, ", ");
	if (decl->nregions) {
		if (keywords.len)
			buf_puts(&keywords, ", ");
		join(&keywords, decl->regions, decl->nregions, ", ");
	}
	ret = dated < 0 || set_info_text(r, HPDF_INFO_TITLE, "title", &title) ||
	    set_info_text(r, HPDF_INFO_SUBJECT, decl->subtitle ? "subtitle" : "short title",
	    &subject) ||
	    (author.len && set_info_text(r, HPDF_INFO_AUTHOR, "list of organisations",
	    &author)) ||
	    (keywords.len && set_info_text(r, HPDF_INFO_KEYWORDS, "list of keywords and "
	    "regions", &keywords)) ||
	    check(r, HPDF_SetInfoAttr(r->pdf, HPDF_INFO_CREATOR, "declgen " DECLGEN_VERSION),
	    "set the creator") ? -1 : 0;
	/* No wall-clock time: a timestamp only where the build asks for one. */
	if (ret == 0 && dated)
		ret = check(r, HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, date),
		    "set the creation date") ||
		    check(r, HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, date),
		    "set the modification date") ? -1 : 0;
	buf_free(&title);
	buf_free(&subject);
	buf_free(&author);
	buf_free(&keywords);
	return ret;
}

static int
save(struct render *r)
{
	HPDF_UINT32 size;

	if (check(r, HPDF_SaveToStream(r->pdf), "write the PDF"))
		return -1;
	size = HPDF_GetStreamSize(r->pdf);
	r->out = xmalloc(size ? size : 1);
	r->outlen = 0;
	while (r->outlen < size) {
		HPDF_UINT32 n = size - (HPDF_UINT32)r->outlen;
		HPDF_STATUS st = HPDF_ReadFromStream(r->pdf, r->out + r->outlen, &n);

		r->outlen += n;
		if (st == HPDF_STREAM_EOF || n == 0)
			break;
		if (check(r, st, "write the PDF"))
			return -1;
	}
	HPDF_ResetError(r->pdf);	/* the end of the stream is reported as an error */
	if (r->outlen != size) {
		diag_report(r->diag, DIAG_FATAL, r->file, 0, 0, "cannot write the PDF: short read");
		return -1;
	}
	return 0;
}

int
render_document(struct render *r, const struct decl *decl, const struct layout *l,
    const unsigned char **pdf, size_t *len)
{
	for (size_t p = 0; p < l->npages; p++) {
		HPDF_Page page = HPDF_AddPage(r->pdf);

		if (page == NULL) {
			check(r, HPDF_FAILD_TO_ALLOC_MEM, "add a page");
			return -1;
		}
		if (check(r, HPDF_Page_SetWidth(page, (HPDF_REAL)PAGE_WIDTH), "size a page") ||
		    check(r, HPDF_Page_SetHeight(page, (HPDF_REAL)PAGE_HEIGHT), "size a page") ||
		    draw_rules(r, page, l, &l->pages[p]) || draw_text(r, page, l, &l->pages[p]) ||
		    draw_links(r, page, l, &l->pages[p]))
			return -1;
	}
	if (set_info(r, decl) != 0)
		return -1;
	if (fonts_finish(&r->fonts) != 0) {
		/* A face HarfBuzz cannot subset has been reported already. */
		if (HPDF_GetError(r->pdf) != HPDF_OK)
			check(r, HPDF_INVALID_FONT, "embed a font");
		return -1;
	}
	if (save(r) != 0)
		return -1;
	*pdf = r->out;
	*len = r->outlen;
	return 0;
}
