/* Parse: XML file -> libxml2 tree (untrusted, from memory) -> schema validation -> model. */
#include "decl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "diag.h"
#include "lang.h"
#include "limits.h"
#include "text.h"
#include "util.h"

#define NS_DECL "urn:declgen:declaration:1"

/* State shared by the libxml2 callbacks of one parse. */
struct parse {
	const char *path;
	const char *data;	/* the source, to find columns */
	size_t len;
	struct diag *diag;
	int doctype_line;	/* line of a rejected DOCTYPE, 0 if none */
};

/* Column (1-based, in characters) of the start tag "<name" on the given line,
 * or 0 if it cannot be found: libxml2 keeps no columns on nodes. */
static int
find_column(const struct parse *p, int line, const char *name)
{
	const char *s = p->data, *end = p->data + p->len, *eol, *hit = NULL;
	size_t nlen = name ? strlen(name) : 0;
	int l = 1, col = 1;

	if (line <= 0 || name == NULL)
		return 0;
	while (s < end && l < line) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));

		if (nl == NULL)
			return 0;
		s = nl + 1;
		l++;
	}
	eol = memchr(s, '\n', (size_t)(end - s));
	if (eol == NULL)
		eol = end;
	for (const char *t = s; t < eol && hit == NULL; t++) {
		const char *n = t + 1, *e;

		if (*t != '<')
			continue;
		for (e = n; e < eol && !strchr(" \t\r/>", *e); e++)
			;
		/* A namespace prefix is not part of the name. */
		for (const char *c = n; c < e; c++)
			if (*c == ':')
				n = c + 1;
		if ((size_t)(e - n) == nlen && memcmp(n, name, nlen) == 0)
			hit = t;
	}
	if (hit == NULL)
		return 0;
	for (const char *t = s; t < hit; t++)
		if (((unsigned char)*t & 0xC0) != 0x80)
			col++;
	return col;
}

/* Removes "{urn:...}" namespace qualifiers from libxml2's schema messages, and the
 * trailing newline, so that messages name elements as the author wrote them. */
static void
tidy_message(const char *msg, struct buf *out)
{
	const char *ns = "{" NS_DECL "}";
	size_t nslen = strlen(ns);

	for (const char *s = msg; *s; s++) {
		if (strncmp(s, ns, nslen) == 0) {
			s += nslen - 1;
			continue;
		}
		if (*s == '\n')
			continue;
		buf_append(out, s, 1);
	}
	while (out->len > 0 && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '.'))
		out->data[--out->len] = '\0';
}

/* libxml2 messages that speak of libxml2, said in the author's terms. */
static const struct {
	const char *prefix;
	const char *instead;
} rewordings[] = {
	{"Excessive depth in document",
	    "elements are nested more than 256 levels deep; a declaration needs 8"},
	{"Input is not proper UTF-8",
	    "the text is not valid UTF-8; save the file as UTF-8"},
	{"Char 0x0 out of allowed range",
	    "a NUL byte in the text; the file is damaged or not text"},
};

static void
report_xml_error(struct parse *p, const xmlError *err)
{
	struct buf msg = {0};
	int col = err->int2;
	const char *text = err->message ? err->message : "unknown XML error";

	if (err->domain == XML_FROM_SCHEMASV && err->node != NULL)
		col = find_column(p, err->line, (const char *)((xmlNodePtr)err->node)->name);
	for (size_t i = 0; i < sizeof rewordings / sizeof *rewordings; i++)
		if (strncmp(text, rewordings[i].prefix, strlen(rewordings[i].prefix)) == 0)
			text = rewordings[i].instead;
	tidy_message(text, &msg);
	diag_report(p->diag, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	    p->path, err->line, col, "%s", msg.data ? msg.data : "");
	buf_free(&msg);
}

/* libxml2 passes the parser context as user data of parser errors. */
static void
on_parser_error(void *ctx, xmlErrorPtr err)
{
	struct parse *p = ((xmlParserCtxtPtr)ctx)->_private;

	/* After we stop the parser for a DOCTYPE, its follow-up complaints add nothing. */
	if (p->doctype_line)
		return;
	report_xml_error(p, err);
}

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	report_xml_error(ctx, err);
}

/* A declaration needs no DOCTYPE, and a DOCTYPE is how entity bombs and external
 * entities get in: stop the parser before it reads any declaration. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;

	(void)name;
	(void)external_id;
	(void)system_id;
	p->doctype_line = xmlSAX2GetLineNumber(ctxt);
	diag_report(p->diag, DIAG_ERROR, p->path, p->doctype_line,
	    find_column(p, p->doctype_line, "!DOCTYPE"),
	    "a DOCTYPE is not allowed in a declaration; remove it");
	xmlStopParser(ctxt);
}

/* declgen reads UTF-8 only: a UTF-16 or UTF-32 byte order mark, or an XML declaration
 * naming another encoding, is an error rather than a guess. Returns 0 if the input may
 * be UTF-8. */
static int
check_encoding(struct parse *p)
{
	const unsigned char *s = (const unsigned char *)p->data;
	const char *decl, *end, *enc;
	size_t n = p->len, k;

	if ((n >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) ||
	    (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)) {
		diag_report(p->diag, DIAG_ERROR, p->path, 1, 1,
		    "the file is UTF-16 or UTF-32; save it as UTF-8");
		return -1;
	}
	/* The XML declaration, if any, ends at the first '>': search only there (the
	 * input need not end in a NUL). */
	decl = p->data + (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0);
	end = memchr(decl, '>', n - (size_t)(decl - p->data));
	if (end == NULL || end - decl < 5 || memcmp(decl, "<?xml", 5) != 0)
		return 0;
	for (enc = decl; enc + 8 <= end && memcmp(enc, "encoding", 8) != 0; enc++)
		;
	if (enc + 8 > end)
		return 0;
	for (enc += 8; enc < end && strchr(" =\"'", *enc) && *enc; enc++)
		;
	for (k = 0; enc + k < end && !strchr("\"' ?", enc[k]); k++)
		;
	if (k == 5 && strncasecmp(enc, "UTF-8", 5) == 0)
		return 0;
	diag_report(p->diag, DIAG_ERROR, p->path, 1, (int)(enc - p->data) + 1,
	    "the file declares encoding \"%.*s\"; declgen reads UTF-8 only: save it as "
	    "UTF-8 and declare encoding=\"UTF-8\"", (int)(k < 32 ? k : 32), enc);
	return -1;
}

static xmlDocPtr
parse_xml(struct parse *p)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag_report(p->diag, DIAG_FATAL, p->path, 0, 0, "cannot create an XML parser");
		return NULL;
	}
	ctxt->_private = p;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->serror = on_parser_error;
	/* NONET: never fetch; no NOENT, DTDLOAD, HUGE or NOBLANKS, on purpose. */
	doc = xmlCtxtReadMemory(ctxt, p->data, (int)p->len, p->path, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (doc != NULL && (!ctxt->wellFormed || p->doctype_line)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && p->diag->errors == 0)
		diag_report(p->diag, DIAG_ERROR, p->path, 1, 1, "not a well-formed XML document");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static int
validate_schema(struct parse *p, xmlDocPtr doc, const char *schema_path)
{
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaValidCtxtPtr vctxt;
	xmlSchemaPtr schema;
	int ret;

	if ((pctxt = xmlSchemaNewParserCtxt(schema_path)) == NULL) {
		diag_report(p->diag, DIAG_FATAL, schema_path, 0, 0, "cannot read the schema");
		return -1;
	}
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (schema == NULL) {
		diag_report(p->diag, DIAG_FATAL, schema_path, 0, 0,
		    "the schema is not valid XML Schema; reinstall declgen");
		return -1;
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (vctxt == NULL) {
		xmlSchemaFree(schema);
		diag_report(p->diag, DIAG_FATAL, p->path, 0, 0, "out of memory");
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, p);
	ret = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	return ret;
}

/* ----- tree -> model ----- */

static int
is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
		if (is_element(n, name))
			return n;
	return NULL;
}

static struct pos
node_pos(const struct parse *p, xmlNodePtr n)
{
	struct pos pos;

	pos.line = (int)xmlGetLineNo(n);
	pos.col = find_column(p, pos.line, (const char *)n->name);
	return pos;
}

static int
is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Builds runs of one block: collapses white space, adds quotation marks. */
struct run_builder {
	struct text *text;
	size_t cap;
	struct buf cur;		/* text of the run being built */
	unsigned cur_style;
	int pending_space;	/* a space to emit before the next non-space */
	unsigned space_style;	/* style of the text the pending space was in */
	int at_start;		/* nothing emitted yet: drop leading space */
};

static void
flush_run(struct run_builder *rb)
{
	struct run *r;

	if (rb->cur.len == 0)
		return;
	r = ARRAY_PUSH(rb->text->runs, rb->text->nruns, rb->cap);
	r->style = rb->cur_style;
	r->text = text_nfc(rb->cur.data);
	if (r->text == NULL)	/* libxml2 has checked the encoding already */
		r->text = xstrdup(rb->cur.data);
	buf_free(&rb->cur);
}

static void
emit(struct run_builder *rb, unsigned style, const char *s, size_t len)
{
	/* A space keeps the style of the text it was written in. */
	if (rb->pending_space && !rb->at_start) {
		if (rb->space_style != rb->cur_style) {
			flush_run(rb);
			rb->cur_style = rb->space_style;
		}
		buf_append(&rb->cur, " ", 1);
	}
	rb->pending_space = 0;
	if (style != rb->cur_style) {
		flush_run(rb);
		rb->cur_style = style;
	}
	rb->at_start = 0;
	buf_append(&rb->cur, s, len);
}

static void
emit_text(struct run_builder *rb, unsigned style, const char *s)
{
	while (*s) {
		size_t n = 0;

		if (is_xml_space(*s)) {
			if (!rb->pending_space)
				rb->space_style = style;
			rb->pending_space = 1;
			s++;
			continue;
		}
		while (s[n] && !is_xml_space(s[n]))
			n++;
		emit(rb, style, s, n);
		s += n;
	}
}

static const struct {
	const char *name;
	unsigned style;
} inline_elements[] = {
	{"em", RUN_EM},
	{"strong", RUN_STRONG},
	{"nobreak", RUN_NOBREAK},
	{"q", 0},
};

/* German quotation marks: „…“ outside, ‚…‘ inside. */
static const char *const quote_open[2] = {"\xE2\x80\x9E", "\xE2\x80\x9A"};
static const char *const quote_close[2] = {"\xE2\x80\x9C", "\xE2\x80\x98"};

/* Walks the inline content of node without recursion (the nesting is the author's). */
static int
build_text(struct parse *p, xmlNodePtr node, struct text *out)
{
	struct run_builder rb = {.text = out, .at_start = 1};
	struct {
		xmlNodePtr node;
		unsigned style;
		int quote;	/* this element is a <q> */
	} stack[LIMIT_NESTING];
	int depth = 0, quotes = 0;
	xmlNodePtr n = node->children;
	unsigned style = 0;

	memset(out, 0, sizeof *out);
	out->pos = node_pos(p, node);
	while (n != NULL || depth > 0) {
		if (n == NULL) {
			/* Leave the innermost element. */
			depth--;
			if (stack[depth].quote) {
				quotes--;
				emit(&rb, style, quote_close[quotes % 2], 3);
			}
			style = stack[depth].style;
			n = stack[depth].node->next;
			continue;
		}
		if (n->type == XML_TEXT_NODE && n->content) {
			emit_text(&rb, style, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			unsigned add = 0;
			int q = strcmp((const char *)n->name, "q") == 0;

			for (size_t i = 0; i < sizeof inline_elements / sizeof *inline_elements; i++)
				if (strcmp((const char *)n->name, inline_elements[i].name) == 0)
					add = inline_elements[i].style;
			if (depth == LIMIT_NESTING) {
				struct pos pos = node_pos(p, n);

				diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
				    "inline elements nested deeper than %d levels", LIMIT_NESTING);
				flush_run(&rb);
				return -1;
			}
			stack[depth].node = n;
			stack[depth].style = style;
			stack[depth].quote = q;
			depth++;
			if (q) {
				emit(&rb, style | add, quote_open[quotes % 2], 3);
				quotes++;
			}
			style |= add;
			n = n->children;
			continue;
		}
		n = n->next;
	}
	flush_run(&rb);
	{
		size_t bytes = 0;

		for (size_t i = 0; i < out->nruns; i++)
			bytes += strlen(out->runs[i].text);
		if (bytes > LIMIT_BLOCK_BYTES) {
			diag_report(p->diag, DIAG_ERROR, p->path, out->pos.line, out->pos.col,
			    "<%s> holds %zu bytes of text, more than the limit of %u; split it",
			    (const char *)node->name, bytes, LIMIT_BLOCK_BYTES);
			return -1;
		}
	}
	return 0;
}

static char *
plain_text(xmlNodePtr node)
{
	struct run_builder rb;
	struct text t = {0};
	char *s;

	memset(&rb, 0, sizeof rb);
	rb.text = &t;
	rb.at_start = 1;
	for (xmlNodePtr n = node->children; n; n = n->next)
		if (n->type == XML_TEXT_NODE && n->content)
			emit_text(&rb, 0, (const char *)n->content);
	flush_run(&rb);
	s = t.nruns ? t.runs[0].text : xstrdup("");
	free(t.runs);
	return s;
}

static char *
opt_text(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = child(parent, name);

	return n ? plain_text(n) : NULL;
}

/* Collects the text of every child element called name into a new array. */
static char **
text_list(xmlNodePtr parent, const char *name, size_t *count)
{
	char **list = NULL;
	size_t cap = 0;

	*count = 0;
	for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
		if (is_element(n, name))
			*ARRAY_PUSH(list, *count, cap) = plain_text(n);
	return list;
}

static void
build_meta(struct parse *p, xmlNodePtr meta, struct decl *decl)
{
	xmlNodePtr signing = child(meta, "signing");
	xmlNodePtr date = child(signing, "date");

	decl->id = opt_text(meta, "id");
	decl->language = opt_text(meta, "language");
	decl->lang = lang_find(decl->language);
	if (decl->lang < 0)
		decl->lang = 0;
	decl->version = opt_text(meta, "version");
	decl->place = opt_text(signing, "place");
	if (date != NULL) {
		char *s = plain_text(date);

		/* The schema has checked the xs:date form; a zone suffix is ignored. */
		if (sscanf(s, "%4d-%2d-%2d", &decl->date.year, &decl->date.month,
		    &decl->date.day) != 3)
			decl->date.year = decl->date.month = decl->date.day = 0;
		decl->date.pos = node_pos(p, date);
		free(s);
	}
	decl->title = text_list(child(meta, "title"), "line", &decl->ntitle);
	decl->title_pos = node_pos(p, child(meta, "title"));
	decl->short_title = opt_text(meta, "short-title");
	decl->subtitle = opt_text(meta, "subtitle");
	decl->keywords = text_list(child(meta, "keywords"), "keyword", &decl->nkeywords);
	decl->regions = text_list(child(meta, "regions"), "region", &decl->nregions);
	decl->hyphenation = text_list(child(meta, "hyphenation"), "word", &decl->nhyphenation);
	if (child(meta, "hyphenation"))
		decl->hyphenation_pos = node_pos(p, child(meta, "hyphenation"));
}

static const struct {
	const char *name;
	enum block_kind kind;
} block_elements[] = {
	{"heading", BLOCK_HEADING},
	{"p", BLOCK_PARAGRAPH},
	{"list", BLOCK_LIST},
	{"motto", BLOCK_MOTTO},
	{"notice", BLOCK_NOTICE},
};

static int
build_body(struct parse *p, xmlNodePtr body, struct decl *decl)
{
	size_t cap = 0;

	for (xmlNodePtr n = body->children; n; n = n->next) {
		struct block *b;
		size_t k;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; k < sizeof block_elements / sizeof *block_elements; k++)
			if (strcmp((const char *)n->name, block_elements[k].name) == 0)
				break;
		if (k == sizeof block_elements / sizeof *block_elements)
			continue;	/* the schema has rejected it already */
		b = ARRAY_PUSH(decl->blocks, decl->nblocks, cap);
		b->kind = block_elements[k].kind;
		b->pos = node_pos(p, n);
		if (b->kind != BLOCK_LIST) {
			if (build_text(p, n, &b->text) != 0)
				return -1;
			continue;
		}
		{
			size_t icap = 0;

			b->list.start = 1;
			b->list.pos = b->pos;
			for (xmlNodePtr it = n->children; it; it = it->next)
				if (is_element(it, "item") && build_text(p, it,
				    &ARRAY_PUSH(b->list.items, b->list.nitems, icap)->text) != 0)
					return -1;
		}
	}
	return 0;
}

static void
build_signatures(struct parse *p, xmlNodePtr sigs, struct decl *decl)
{
	xmlChar *columns = xmlGetProp(sigs, (const xmlChar *)"columns");
	xmlNodePtr heading = child(sigs, "heading");
	size_t cap = 0;

	decl->columns = columns ? atoi((const char *)columns) : 2;
	xmlFree(columns);
	if (heading != NULL)
		build_text(p, heading, &decl->sig_heading);
	for (xmlNodePtr n = sigs->children; n; n = n->next) {
		struct signatory *s;

		if (!is_element(n, "signatory"))
			continue;
		s = ARRAY_PUSH(decl->signatories, decl->nsignatories, cap);
		s->name = opt_text(n, "name");
		s->function = opt_text(n, "function");
		s->org = text_list(child(n, "organisation"), "line", &s->norg);
		s->pos = node_pos(p, n);
	}
}

static struct decl *
build_model(struct parse *p, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct decl *decl = xcalloc(1, sizeof *decl);

	decl->path = xstrdup(p->path);
	build_meta(p, child(root, "meta"), decl);
	if (build_body(p, child(root, "body"), decl) != 0) {
		decl_free(decl);
		return NULL;
	}
	build_signatures(p, child(root, "signatures"), decl);
	return decl;
}

struct decl *
decl_parse_memory(const char *path, const char *data, size_t len,
    const char *schema_path, struct diag *d)
{
	struct parse p = {.path = path, .data = data, .len = len, .diag = d};
	unsigned errors_before = d->errors;
	struct decl *decl = NULL;
	xmlDocPtr doc;

	if (len > LIMIT_INPUT_BYTES) {
		diag_report(d, DIAG_ERROR, path, 0, 0,
		    "file is larger than the limit of %u bytes", LIMIT_INPUT_BYTES);
		return NULL;
	}
	if (check_encoding(&p) != 0 || (doc = parse_xml(&p)) == NULL)
		return NULL;
	if (validate_schema(&p, doc, schema_path) == 0 && d->errors == errors_before)
		decl = build_model(&p, doc);
	xmlFreeDoc(doc);
	if (decl != NULL && decl_validate(decl, d) != 0) {
		decl_free(decl);
		decl = NULL;
	}
	return decl;
}

struct decl *
decl_parse_file(const char *path, const char *schema_path, struct diag *d)
{
	struct decl *decl;
	char *data;
	size_t len;
	int err;

	if ((err = read_file(path, LIMIT_INPUT_BYTES, &data, &len)) != 0) {
		if (err == EFBIG)
			diag_report(d, DIAG_ERROR, path, 0, 0,
			    "file is larger than the limit of %u bytes", LIMIT_INPUT_BYTES);
		else
			diag_report(d, DIAG_FATAL, path, 0, 0, "cannot read: %s", strerror(err));
		return NULL;
	}
	decl = decl_parse_memory(path, data, len, schema_path, d);
	free(data);
	return decl;
}
