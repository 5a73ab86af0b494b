/* Parse: XML file -> libxml2 tree (untrusted, from memory) -> schema validation -> model. */
#include "decl.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
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
	int out_of_memory;	/* libxml2 ran out: what it says next is not about the input */
	xmlNodePtr invalid[LIMIT_DIAGNOSTICS];	/* elements the schema rejected */
	size_t ninvalid;
	struct {
		size_t at;	/* byte offset in data */
		int line, col;	/* its position; line 0 before the first lookup */
	} cursor;		/* of position_at */
	int lang;		/* row of the document's language, -1 if unknown */
};

/* Moves the cursor of position_at back to off (< cursor.at): lines by the newlines
 * between, the column counted from the start of off's line. */
static void
cursor_back(struct parse *p, size_t off)
{
	size_t start = off;

	for (size_t i = off; i < p->cursor.at; i++)
		p->cursor.line -= p->data[i] == '\n';
	while (start > 0 && p->data[start - 1] != '\n')
		start--;
	p->cursor.col = 1;
	for (size_t i = start; i < off; i++)
		p->cursor.col += ((unsigned char)p->data[i] & 0xC0) != 0x80;
	p->cursor.at = off;
}

/* The position of byte offset off in the source. Lookups come mostly in document order
 * (a schema error on an element is reported at its end), so the cursor moves from the
 * last one: all positions of a parse cost about one pass over the file, however many
 * lines or elements it has. */
static struct pos
position_at(struct parse *p, size_t off)
{
	struct pos pos;

	if (p->cursor.line == 0) {
		p->cursor.at = 0;
		p->cursor.line = p->cursor.col = 1;
	}
	if (off < p->cursor.at)
		cursor_back(p, off);
	for (; p->cursor.at < off && p->cursor.at < p->len; p->cursor.at++) {
		unsigned char c = (unsigned char)p->data[p->cursor.at];

		if (c == '\n') {
			p->cursor.line++;
			p->cursor.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->cursor.col++;
		}
	}
	pos.line = p->cursor.line;
	pos.col = p->cursor.col;
	return pos;
}

/* Offset of the "<" that starts the markup the parser is in (a start tag, a DOCTYPE),
 * plus one; 0 if it cannot be found. A start tag holds no "<", so the search is as
 * long as the tag. */
static size_t
markup_start(const struct parse *p, xmlParserCtxtPtr ctxt)
{
	size_t off;

	if (ctxt->input == NULL || ctxt->input->cur == NULL || ctxt->input->base == NULL)
		return 0;
	off = (size_t)ctxt->input->consumed + (size_t)(ctxt->input->cur - ctxt->input->base);
	if (off > p->len)
		return 0;
	while (off > 0 && p->data[off - 1] != '<')
		off--;
	return off;
}

static int
is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where element n starts: on_start_element noted its offset (plus one). */
static struct pos
node_pos(struct parse *p, xmlNodePtr n)
{
	struct pos pos = {0, 0};
	uintptr_t start;

	if (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return pos;
	start = (uintptr_t)n->_private;
	if (start == 0) {
		pos.line = (int)xmlGetLineNo(n);
		return pos;
	}
	return position_at(p, (size_t)start - 1);
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
};

/* ----- messages that say how to fix it ----- */

/* HTML entities authors write, with the character they mean. */
static const struct {
	const char *name;
	unsigned cp;
} html_entities[] = {
	{"nbsp", 160}, {"shy", 173}, {"ndash", 8211}, {"mdash", 8212}, {"bdquo", 8222},
	{"ldquo", 8220}, {"rdquo", 8221}, {"sbquo", 8218}, {"lsquo", 8216}, {"rsquo", 8217},
	{"laquo", 171}, {"raquo", 187}, {"hellip", 8230}, {"euro", 8364}, {"sect", 167},
	{"copy", 169}, {"deg", 176}, {"middot", 183}, {"auml", 228}, {"ouml", 246},
	{"uuml", 252}, {"Auml", 196}, {"Ouml", 214}, {"Uuml", 220}, {"szlig", 223},
	{"eacute", 233}, {"egrave", 232}, {"times", 215},
};

/* XML knows five entities; HTML's and a bare "&" are the author's mistakes. Returns
 * whether err was one of them, said in msg. */
static int
reword_entity(const xmlError *err, struct buf *msg)
{
	const char *name = err->str1;

	if (err->code == XML_ERR_NAME_REQUIRED || err->code == XML_ERR_ENTITYREF_SEMICOL_MISSING) {
		buf_puts(msg, "a bare '&'; write &amp; for the character &");
		return 1;
	}
	if ((err->code != XML_ERR_UNDECLARED_ENTITY && err->code != XML_WAR_UNDECLARED_ENTITY) ||
	    name == NULL)
		return 0;
	for (size_t i = 0; i < sizeof html_entities / sizeof *html_entities; i++) {
		char utf8[5] = {0};

		if (strcmp(name, html_entities[i].name) != 0)
			continue;
		utf8_encode(html_entities[i].cp, utf8);
		if (html_entities[i].cp == 160 || html_entities[i].cp == 173)
			buf_printf(msg, "&%s; is an HTML entity, which XML does not know; write "
			    "&#%u; instead", name, html_entities[i].cp);
		else
			buf_printf(msg, "&%s; is an HTML entity, which XML does not know; write the "
			    "character %s itself or &#%u;", name, utf8, html_entities[i].cp);
		return 1;
	}
	buf_printf(msg, "&%s; is not defined: XML knows only &amp; &lt; &gt; &quot; &apos;; "
	    "write the character itself or its number, e.g. &#160; for a no-break space",
	    name);
	return 1;
}

/* The text of element n, white space trimmed, newly allocated. */
static char *
element_value(xmlNodePtr n)
{
	char *content = (char *)xmlNodeGetContent(n), *s, *copy;
	size_t len;

	if (content == NULL)
		return xstrdup("");
	s = content + strspn(content, " \t\r\n");
	for (len = strlen(s); len > 0 && is_xml_space(s[len - 1]); len--)
		;
	copy = xstrndup(s, len);
	xmlFree(content);
	return copy;
}

/* A German date "6.5.2024" in <date>: the ISO form to write. */
static int
hint_german_date(xmlNodePtr n, struct buf *msg)
{
	char *value = element_value(n);
	int day, month, year, end = 0;

	if (sscanf(value, "%2d.%2d.%4d%n", &day, &month, &year, &end) == 3 &&
	    value[end] == '\0' && day > 0 && month > 0)
		buf_printf(msg, "; write %04d-%02d-%02d (year-month-day)", year, month, day);
	free(value);
	return end > 0;
}

/* An <id> with capitals, umlauts or spaces: a valid one made from it. */
static int
hint_identifier(xmlNodePtr n, struct buf *msg)
{
	char *value = element_value(n), *id = text_identifier(value, 64);
	int found = id[0] != '\0';

	if (found)
		buf_printf(msg, "; write %s", id);
	free(id);
	free(value);
	return found;
}

/* "Expected is ( a, b )": the expected name closest to the misspelt one, if close. */
static int
hint_spelling(const char *message, const char *name, struct buf *msg)
{
	const char *s = strstr(message, "Expected is ");
	char best[65] = "";
	int best_distance = INT_MAX, ties = 0;

	s = s ? strchr(s, '(') : NULL;
	while (s != NULL && *s != '\0' && *s != ')') {
		size_t n;
		char cand[65];
		int dist;

		s += strspn(s, "(, ");
		n = strcspn(s, ", )");
		if (n == 0 || n >= sizeof cand)
			break;
		memcpy(cand, s, n);
		cand[n] = '\0';
		s += n;
		dist = text_distance(name, cand);
		if (dist < best_distance) {
			best_distance = dist;
			ties = 0;
			memcpy(best, cand, n + 1);
		} else if (dist == best_distance) {
			ties++;
		}
	}
	/* Close: one or two edits, and no more than half the word ("emph" for "em"). */
	if (best_distance == 0 || best_distance > 2 || ties > 0 ||
	    (size_t)best_distance * 2 > strlen(name))
		return 0;
	buf_printf(msg, "; did you mean <%s>?", best);
	return 1;
}

/* Whether name is one of the names in "Expected is ( a, b )" of message. */
static int
is_expected(const char *message, const char *name)
{
	const char *s = strstr(message, "Expected is ");
	size_t len = strlen(name);

	for (s = s ? strchr(s, '(') : NULL; s != NULL && *s != '\0' && *s != ')'; s += strcspn(s, ", )")) {
		s += strspn(s, "(, ");
		if (strncmp(s, name, len) == 0 && strchr(", )", s[len]) != NULL)
			return 1;
	}
	return 0;
}

/* The root, or an element that would be right in our namespace, in no namespace or
 * another one: libxml2 names the expected element without its namespace, so
 * "Expected is ( body )" for <body xmlns=""> needs this. */
static int
hint_namespace(xmlNodePtr n, struct buf *msg)
{
	int root = n->parent != NULL && n->parent->type == XML_DOCUMENT_NODE;

	if ((n->ns != NULL && strcmp((const char *)n->ns->href, NS_DECL) == 0) ||
	    (!root && !is_expected(msg->data ? msg->data : "", (const char *)n->name)))
		return 0;
	if (root)
		buf_printf(msg, "; add xmlns=\"%s\" to <%s>", NS_DECL, (const char *)n->name);
	else if (n->ns == NULL)
		buf_printf(msg, "; this <%s> is in no namespace: remove its xmlns=\"\"",
		    (const char *)n->name);
	else
		buf_printf(msg, "; this <%s> is in the namespace \"%s\", not in %s: remove its "
		    "xmlns", (const char *)n->name, (const char *)n->ns->href, NS_DECL);
	return 1;
}

/* Adds to msg how to fix the schema error err, where a likely mistake is known. */
static void
add_hint(const xmlError *err, struct buf *msg)
{
	xmlNodePtr n = err->node;

	if (err->domain != XML_FROM_SCHEMASV || n == NULL || n->type != XML_ELEMENT_NODE)
		return;
	if (hint_namespace(n, msg))
		return;
	if (is_element(n, "date") && hint_german_date(n, msg))
		return;
	if (is_element(n, "id") && hint_identifier(n, msg))
		return;
	/* msg, not err->message: the names in msg are rid of the namespace. */
	if (msg->data != NULL)
		hint_spelling(msg->data, (const char *)n->name, msg);
}

static void
report_out_of_memory(struct parse *p)
{
	if (!p->out_of_memory)
		diag_report(p->diag, DIAG_FATAL, p->path, 0, 0, "out of memory");
	p->out_of_memory = 1;
}

static void
report_xml_error(struct parse *p, const xmlError *err)
{
	struct buf msg = {0};
	int line = err->line, col = err->int2;
	const char *text = err->message ? err->message : "unknown XML error";

	/* Memory is a system problem, not the input's; libxml2's next complaints
	 * ("internal error") follow from it. */
	if (err->code == XML_ERR_NO_MEMORY || p->out_of_memory) {
		report_out_of_memory(p);
		return;
	}
	/* Past the cap a message is only counted: spend nothing on it. */
	if (diag_capped(p->diag)) {
		diag_report(p->diag, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
		    p->path, 0, 0, "%s", text);
		return;
	}
	if (err->domain == XML_FROM_SCHEMASV && err->node != NULL) {
		struct pos pos = node_pos(p, err->node);

		line = pos.line;
		col = pos.col;
	}
	for (size_t i = 0; i < sizeof rewordings / sizeof *rewordings; i++)
		if (strncmp(text, rewordings[i].prefix, strlen(rewordings[i].prefix)) == 0)
			text = rewordings[i].instead;
	if (!reword_entity(err, &msg))
		tidy_message(text, &msg);
	add_hint(err, &msg);
	diag_report(p->diag, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	    p->path, line, col, "%s", msg.data ? msg.data : "");
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

/* A problem of the installed schema (or of schemas/xml.xsd beside it), not the input's. */
static void
on_schema_parser_error(void *ctx, xmlErrorPtr err)
{
	struct parse *p = ctx;
	struct buf msg = {0};

	tidy_message(err->message ? err->message : "unknown error", &msg);
	diag_report(p->diag, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_FATAL,
	    err->file, err->line, 0, "%s", msg.data ? msg.data : "");
	buf_free(&msg);
}

static void
on_library_error(void *ctx, xmlErrorPtr err)
{
	/* The input is parsed from memory: a file libxml2 could not load is a schema
	 * file, which the schema parser names next. */
	if (err->domain == XML_FROM_IO && err->code != XML_ERR_NO_MEMORY)
		return;
	report_xml_error(ctx, err);
}

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct parse *p = ctx;
	xmlNodePtr n = err->node;

	if (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	if (n != NULL && p->ninvalid < LIMIT_DIAGNOSTICS)
		p->invalid[p->ninvalid++] = n;
	report_xml_error(p, err);
}

/* A declaration needs no DOCTYPE, and a DOCTYPE is how entity bombs and external
 * entities get in: stop the parser before it reads any declaration. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;
	size_t start = markup_start(p, ctxt);
	struct pos pos = {xmlSAX2GetLineNumber(ctxt), 0};

	(void)name;
	(void)external_id;
	(void)system_id;
	if (start > 0)
		pos = position_at(p, start - 1);
	p->doctype_line = pos.line > 0 ? pos.line : 1;
	diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
	    "a DOCTYPE is not allowed in a declaration; remove it");
	xmlStopParser(ctxt);
}

/* libxml2 keeps no columns: note where each element starts, in the node's _private
 * (which libxml2 leaves to the application), as the offset of its "<" plus one. */
static void
on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
    int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
	    nb_attributes, nb_defaulted, attributes);
	if (ctxt->node != NULL)
		ctxt->node->_private = (void *)(uintptr_t)markup_start(ctxt->_private, ctxt);
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

/* Where the markup starting at s[0] = '<' ends: past "-->", "]]>", "?>" or ">"
 * (the last outside quotes, counting the attributes of a start tag in *nattr). Returns
 * the offset past it, or len when it does not end. */
static size_t
skip_markup(const char *s, size_t len, size_t *nattr)
{
	static const struct {
		const char *open, *close;
	} spans[] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
	char quote = 0;

	*nattr = 0;
	for (size_t k = 0; k < sizeof spans / sizeof *spans; k++) {
		size_t n = strlen(spans[k].open), m = strlen(spans[k].close);

		if (len < n || memcmp(s, spans[k].open, n) != 0)
			continue;
		for (size_t i = n; i + m <= len; i++)
			if (memcmp(s + i, spans[k].close, m) == 0)
				return i + m;
		return len;
	}
	for (size_t i = 1; i < len; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '=') {
			(*nattr)++;
		} else if (s[i] == '>' || s[i] == '<') {
			return s[i] == '>' ? i + 1 : i;
		}
	}
	return len;
}

/* What libxml2 must never see, found in one pass before it parses: a NUL byte (libxml2
 * takes it for the end of the input and ignores what follows), a start tag with more
 * attributes than LIMIT_ATTRIBUTES (libxml2 compares them pairwise: 4 MiB of
 * attributes would take hours), and more elements than LIMIT_ELEMENTS (no declaration
 * within the page limit has them; parsing and validating 4 MiB of them takes seconds).
 * Returns 0 if the input may be parsed. */
static int
prescan(struct parse *p)
{
	const char *nul = memchr(p->data, '\0', p->len);

	if (nul != NULL) {
		struct pos pos = position_at(p, (size_t)(nul - p->data));

		diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
		    "a NUL byte in the text; the file is damaged or not text");
		return -1;
	}
	for (size_t i = 0, elements = 0; i < p->len; i++) {
		size_t nattr, end;

		if (p->data[i] != '<')
			continue;
		if (i + 1 < p->len && !strchr("/!?", p->data[i + 1]) &&
		    ++elements > LIMIT_ELEMENTS) {
			struct pos pos = position_at(p, i);

			diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
			    "more than %d elements; a declaration of %d pages has far fewer: "
			    "split it", LIMIT_ELEMENTS, LIMIT_PAGES);
			return -1;
		}
		end = i + skip_markup(p->data + i, p->len - i, &nattr);
		if (nattr > LIMIT_ATTRIBUTES) {
			struct pos pos = position_at(p, i);
			size_t name = 0;

			/* The input need not end in a NUL (the prescan has refused any NUL). */
			while (i + 1 + name < p->len && name < 64 &&
			    !strchr(" \t\r\n/>", p->data[i + 1 + name]))
				name++;

			diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
			    "<%.*s> has more than %d attributes; an element of a declaration "
			    "has at most %d", (int)(name < 64 ? name : 64), p->data + i + 1,
			    LIMIT_ATTRIBUTES, LIMIT_ATTRIBUTES_USED);
			return -1;
		}
		i = end - 1;
	}
	return 0;
}

static xmlDocPtr
parse_xml(struct parse *p)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	unsigned errors = p->diag->errors;

	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		report_out_of_memory(p);
		return NULL;
	}
	ctxt->_private = p;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->startElementNs = on_start_element;
	ctxt->sax->serror = on_parser_error;
	/* NONET: never fetch; no NOENT, DTDLOAD, HUGE or NOBLANKS, on purpose.
	 * No URL: libxml2 would walk every preceding node of each invalid element
	 * looking for an XInclude to name instead (quadratic); messages name p->path. */
	doc = xmlCtxtReadMemory(ctxt, p->data, (int)p->len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
	if (doc != NULL && (!ctxt->wellFormed || p->doctype_line || p->out_of_memory)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && p->diag->errors == errors)
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
	xmlSchemaSetParserStructuredErrors(pctxt, on_schema_parser_error, p);
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
	if (ret < 0)
		diag_report(p->diag, DIAG_FATAL, p->path, 0, 0,
		    "the schema validation failed inside libxml2");
	return ret < 0 ? -1 : 0;
}

/* ----- tree -> model ----- */

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
		if (is_element(n, name))
			return n;
	return NULL;
}


/* Whether the schema rejected element n. */
static int
is_invalid(const struct parse *p, xmlNodePtr n)
{
	for (size_t i = 0; i < p->ninvalid; i++)
		if (p->invalid[i] == n)
			return 1;
	return 0;
}

/* A child whose value the model takes as it is: one the schema rejected counts as
 * absent, so that its error is not reported a second time in other words. */
static xmlNodePtr
valid_child(const struct parse *p, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = child(parent, name);

	return n != NULL && !is_invalid(p, n) ? n : NULL;
}

/* The value of attribute name of n as the document holds it (not a copy), or NULL. */
static const char *
attribute(xmlNodePtr n, const char *name, const char *ns)
{
	xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)name, (const xmlChar *)ns);

	if (a == NULL || a->children == NULL || a->children->content == NULL)
		return NULL;
	return (const char *)a->children->content;
}

/* Language row of n's own xml:lang (-1 for a tag the table lacks), else inherited. */
static int
lang_of(xmlNodePtr n, int inherited)
{
	const char *tag = attribute(n, "lang", (const char *)XML_XML_NAMESPACE);

	return tag ? lang_find(tag) : inherited;
}

/* An xs:boolean attribute ("true", "1"; white space around allowed). */
static int
flag(xmlNodePtr n, const char *name)
{
	const char *v = attribute(n, name, NULL);
	size_t len;

	if (v == NULL)
		return 0;
	v += strspn(v, " \t\r\n");
	len = strcspn(v, " \t\r\n");
	return (len == 4 && memcmp(v, "true", 4) == 0) || (len == 1 && *v == '1');
}

/* Length of the white space at s: XML's, and the Unicode line and paragraph
 * separators (U+2028, U+2029), which would otherwise glue two words together. */
static size_t
space_length(const char *s)
{
	if (is_xml_space(*s))
		return 1;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

/* How a stretch of text looks: one run per change. */
struct look {
	unsigned style;
	int lang;		/* row of the language table, -1 if unknown */
	const char *uri;	/* RUN_LINK: the target, owned by the document or the
				 * builder; else NULL */
};

static int
same_look(const struct look *a, const struct look *b)
{
	return a->style == b->style && a->lang == b->lang &&
	    (a->uri == b->uri || (a->uri && b->uri && strcmp(a->uri, b->uri) == 0));
}

/* Builds runs of one block: collapses white space, adds quotation marks. */
struct run_builder {
	struct text *text;
	size_t cap;
	struct buf cur;		/* text of the run being built */
	struct look cur_look;
	int pending_space;	/* a space to emit before the next non-space */
	struct look space_look;	/* look of the text the pending space was in */
	int at_start;		/* nothing emitted yet: drop leading space */
	int find_links;		/* recognise addresses in running text */
	int failed;		/* an error was reported: the text is not valid */
	char **uris;		/* link targets made here, freed with the builder */
	size_t nuris, uris_cap;
};

/* Writes "ß" as "ss" (and capital "ẞ" as "SS") in place of s, for Swiss German. */
static char *
without_sharp_s(char *s)
{
	struct buf b = {0};

	if (strstr(s, "\xC3\x9F") == NULL && strstr(s, "\xE1\xBA\x9E") == NULL)
		return s;
	for (const char *t = s; *t; t++) {
		if (strncmp(t, "\xC3\x9F", 2) == 0) {
			buf_puts(&b, "ss");
			t += 1;
		} else if (strncmp(t, "\xE1\xBA\x9E", 3) == 0) {
			buf_puts(&b, "SS");
			t += 2;
		} else {
			buf_append(&b, t, 1);
		}
	}
	free(s);
	return b.data;
}

static void
flush_run(struct run_builder *rb)
{
	struct run *r;

	if (rb->cur.len == 0)
		return;
	r = ARRAY_PUSH(rb->text->runs, rb->text->nruns, rb->cap);
	r->style = rb->cur_look.style;
	r->lang = rb->cur_look.lang;
	r->uri = rb->cur_look.uri ? xstrdup(rb->cur_look.uri) : NULL;
	r->text = text_nfc(rb->cur.data);
	if (r->text == NULL)	/* libxml2 has checked the encoding already */
		r->text = xstrdup(rb->cur.data);
	if (r->lang >= 0 && lang_get(r->lang)->no_sharp_s)
		r->text = without_sharp_s(r->text);
	buf_free(&rb->cur);
}

static void
free_builder(struct run_builder *rb)
{
	for (size_t i = 0; i < rb->nuris; i++)
		free(rb->uris[i]);
	free(rb->uris);
	buf_free(&rb->cur);
}

/* Keeps a link target made by the builder until the text is built. */
static const char *
keep_uri(struct run_builder *rb, char *uri)
{
	*ARRAY_PUSH(rb->uris, rb->nuris, rb->uris_cap) = uri;
	return uri;
}

static void
emit(struct run_builder *rb, const struct look *look, const char *s, size_t len)
{
	/* A space keeps the look of the text it was written in. */
	if (rb->pending_space && !rb->at_start) {
		if (!same_look(&rb->space_look, &rb->cur_look)) {
			flush_run(rb);
			rb->cur_look = rb->space_look;
		}
		buf_append(&rb->cur, " ", 1);
	}
	rb->pending_space = 0;
	if (!same_look(look, &rb->cur_look)) {
		flush_run(rb);
		rb->cur_look = *look;
	}
	rb->at_start = 0;
	buf_append(&rb->cur, s, len);
}

/* Emits one word, with every address in it as a link run of its own. */
static void
emit_word(struct run_builder *rb, const struct look *look, const char *s, size_t n)
{
	size_t at, alen;

	while (rb->find_links && look->uri == NULL && text_find_address(s, n, &at, &alen)) {
		struct look link = *look;

		link.style |= RUN_LINK;
		link.uri = keep_uri(rb, text_address_uri(s + at, alen));
		if (at > 0)
			emit(rb, look, s, at);
		emit(rb, &link, s + at, alen);
		s += at + alen;
		n -= at + alen;
	}
	if (n > 0)
		emit(rb, look, s, n);
}

static void
emit_text(struct run_builder *rb, const struct look *look, const char *s)
{
	while (*s) {
		size_t n = 0, sp = space_length(s);

		if (sp > 0) {
			if (!rb->pending_space)
				rb->space_look = *look;
			rb->pending_space = 1;
			s += sp;
			continue;
		}
		while (s[n] && space_length(s + n) == 0)
			n++;
		emit_word(rb, look, s, n);
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
	{"link", RUN_LINK},
};

/* Opening (close 0) or closing quotation mark of nesting level depth (0 outermost) in
 * the language; a language the table lacks takes the document's, then German. */
static const char *
quote_mark(const struct parse *p, int lang, int depth, int close)
{
	if (lang < 0)
		lang = p->lang >= 0 ? p->lang : 0;
	return lang_get(lang)->quote[(depth % 2) * 2 + close];
}

/* The target of a <link>: its href, else its text, which must then be an address. */
static const char *
link_target(struct parse *p, struct run_builder *rb, xmlNodePtr n)
{
	const char *href = attribute(n, "href", NULL);
	char *text, *uri = NULL;
	size_t len;

	if (href != NULL)
		return keep_uri(rb, text_address_uri(href, strlen(href)));
	text = (char *)xmlNodeGetContent(n);
	if (text != NULL) {
		const char *s = text + strspn(text, " \t\r\n");

		len = strcspn(s, " \t\r\n");
		if (s[len + strspn(s + len, " \t\r\n")] == '\0' && text_is_address(s, len))
			uri = text_address_uri(s, len);
		xmlFree(text);
	}
	if (uri == NULL) {
		struct pos pos = node_pos(p, n);

		diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
		    "<link> without href must hold a web or e-mail address; add "
		    "href=\"https://...\"");
		rb->failed = 1;
		return NULL;
	}
	return keep_uri(rb, uri);
}

/* The look inside inline element n, whose parent's text looks like *look. */
static void
enter_inline(struct parse *p, struct run_builder *rb, xmlNodePtr n, struct look *look)
{
	for (size_t i = 0; i < sizeof inline_elements / sizeof *inline_elements; i++)
		if (strcmp((const char *)n->name, inline_elements[i].name) == 0)
			look->style |= inline_elements[i].style;
	look->lang = lang_of(n, look->lang);
	if (is_element(n, "link"))
		look->uri = link_target(p, rb, n);
}

static int
check_block_bytes(struct parse *p, xmlNodePtr node, const struct text *t)
{
	size_t bytes = 0;

	for (size_t i = 0; i < t->nruns; i++)
		bytes += strlen(t->runs[i].text);
	if (bytes <= LIMIT_BLOCK_BYTES)
		return 0;
	diag_report(p->diag, DIAG_ERROR, p->path, t->pos.line, t->pos.col,
	    "<%s> holds %zu bytes of text, more than the limit of %u; split it",
	    (const char *)node->name, bytes, LIMIT_BLOCK_BYTES);
	return -1;
}

/* Empties a text whose building failed: its error is reported, and an empty text
 * would be reported again as "has no text". */
static void
discard_text(struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++) {
		free(t->runs[i].text);
		free(t->runs[i].uri);
	}
	free(t->runs);
	t->runs = NULL;
	t->nruns = 0;
	t->pos.line = t->pos.col = 0;
}

static void
discard_list(struct list *l)
{
	for (size_t k = 0; k < l->nitems; k++) {
		discard_text(&l->items[k].text);
		if (l->items[k].sub != NULL)
			discard_list(l->items[k].sub);
		free(l->items[k].sub);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* Walks the inline content of node without recursion (the nesting is the author's);
 * lang is the language node inherits. A <list> in it (ending an item) is left to the
 * caller. Returns 0, or -1 after reporting an error. */
static int
build_text(struct parse *p, xmlNodePtr node, int lang, struct text *out)
{
	struct run_builder rb = {.text = out, .at_start = 1, .find_links = 1};
	struct {
		xmlNodePtr node;
		struct look look;	/* of the text around the element */
		int quote;		/* the element is a <q> */
	} stack[LIMIT_NESTING];
	int depth = 0, quotes = 0, ret = 0;
	struct look look = {0, lang_of(node, lang), NULL};
	xmlNodePtr n = node->children;

	memset(out, 0, sizeof *out);
	out->pos = node_pos(p, node);
	while (n != NULL || depth > 0) {
		if (n == NULL) {
			/* Leave the innermost element. */
			depth--;
			if (stack[depth].quote) {
				const char *mark = quote_mark(p, look.lang, --quotes, 1);

				emit(&rb, &look, mark, strlen(mark));
			}
			look = stack[depth].look;
			n = stack[depth].node->next;
			continue;
		}
		if (n->type == XML_TEXT_NODE && n->content) {
			emit_text(&rb, &look, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE && !is_element(n, "list")) {
			if (depth == LIMIT_NESTING) {
				struct pos pos = node_pos(p, n);

				diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
				    "inline elements nested deeper than %d levels", LIMIT_NESTING);
				ret = -1;
				break;
			}
			stack[depth].node = n;
			stack[depth].look = look;
			stack[depth].quote = is_element(n, "q");
			depth++;
			enter_inline(p, &rb, n, &look);
			if (is_element(n, "q")) {
				const char *mark = quote_mark(p, look.lang, quotes, 0);

				emit(&rb, &look, mark, strlen(mark));
				quotes++;
			}
			n = n->children;
			continue;
		}
		n = n->next;
	}
	flush_run(&rb);
	free_builder(&rb);
	if (ret == 0 && !rb.failed && check_block_bytes(p, node, out) == 0)
		return 0;
	discard_text(out);
	return -1;
}

/* The text of a simple element, white space collapsed, in the language lang (-1: as
 * written, for identifiers). */
static char *
plain_text(xmlNodePtr node, int lang)
{
	struct run_builder rb = {0};
	struct look look = {0, lang, NULL};
	struct text t = {0};
	char *s;

	rb.text = &t;
	rb.at_start = 1;
	rb.cur_look = look;
	for (xmlNodePtr n = node->children; n; n = n->next)
		if (n->type == XML_TEXT_NODE && n->content)
			emit_text(&rb, &look, (const char *)n->content);
	flush_run(&rb);
	free_builder(&rb);
	s = t.nruns ? t.runs[0].text : xstrdup("");
	free(t.runs);
	return s;
}

static char *
opt_text(xmlNodePtr parent, const char *name, int lang)
{
	xmlNodePtr n = child(parent, name);

	return n ? plain_text(n, lang) : NULL;
}

/* Collects the text of every child element called name into a new array. */
static char **
text_list(xmlNodePtr parent, const char *name, int lang, size_t *count)
{
	char **list = NULL;
	size_t cap = 0;

	*count = 0;
	for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
		if (is_element(n, name))
			*ARRAY_PUSH(list, *count, cap) = plain_text(n, lang);
	return list;
}

/* The schema has checked the xs:date form, which allows any number of digits in the
 * year and a minus sign; a zone suffix is ignored. */
static void
build_date(struct parse *p, xmlNodePtr date, struct decl *decl)
{
	char *s = plain_text(date, -1), *end;
	long year = strtol(s, &end, 10);
	int month, day;

	decl->date.pos = node_pos(p, date);
	if (sscanf(end, "-%2d-%2d", &month, &day) != 2) {
		free(s);
		return;
	}
	if (year < LIMIT_YEAR_MIN || year > LIMIT_YEAR_MAX)
		diag_report(p->diag, DIAG_ERROR, p->path, decl->date.pos.line, decl->date.pos.col,
		    "the year of the date of signing %s is not between %d and %d; write "
		    "YYYY-MM-DD", s, LIMIT_YEAR_MIN, LIMIT_YEAR_MAX);
	else {
		decl->date.year = (int)year;
		decl->date.month = month;
		decl->date.day = day;
	}
	free(s);
}

/* <typeface family="...">: the family name with white space collapsed, as the schema's
 * xs:token compares it. The schema bounds its length, but n may be one it rejected. */
static void
build_typeface(struct parse *p, xmlNodePtr n, struct decl *decl)
{
	const char *family = n ? attribute(n, "family", NULL) : NULL;
	size_t len = 0;

	if (family == NULL)
		return;
	for (const char *s = family; *s != '\0' && len < sizeof decl->typeface - 1; s++) {
		if (!strchr(" \t\n\r", *s))
			decl->typeface[len++] = *s;
		else if (len > 0 && s[1] != '\0' && !strchr(" \t\n\r", s[1]))
			decl->typeface[len++] = ' ';
	}
	decl->typeface[len] = '\0';
	decl->typeface_pos = node_pos(p, n);
}

static void
build_meta(struct parse *p, xmlNodePtr meta, struct decl *decl)
{
	xmlNodePtr signing = child(meta, "signing");
	xmlNodePtr date = valid_child(p, signing, "date");
	xmlNodePtr id = valid_child(p, meta, "id");
	xmlNodePtr language = valid_child(p, meta, "language");
	int lang;

	decl->id = id ? plain_text(id, -1) : NULL;
	decl->language = language ? plain_text(language, -1) : NULL;
	decl->language_pos = node_pos(p, language);
	/* An unknown language stays -1: validation names the supported ones. */
	decl->lang = decl->language ? lang_find(decl->language) : -1;
	p->lang = lang = decl->lang;
	decl->version = opt_text(meta, "version", -1);
	decl->place = opt_text(signing, "place", lang);
	if (date != NULL)
		build_date(p, date, decl);
	decl->title = text_list(child(meta, "title"), "line", lang, &decl->ntitle);
	decl->title_pos = node_pos(p, child(meta, "title"));
	decl->short_title = opt_text(meta, "short-title", lang);
	decl->subtitle = opt_text(meta, "subtitle", lang);
	decl->keywords = text_list(child(meta, "keywords"), "keyword", lang, &decl->nkeywords);
	decl->regions = text_list(child(meta, "regions"), "region", lang, &decl->nregions);
	decl->hyphenation = text_list(child(meta, "hyphenation"), "word", -1,
	    &decl->nhyphenation);
	decl->hyphenation_pos = node_pos(p, child(meta, "hyphenation"));
	build_typeface(p, valid_child(p, meta, "typeface"), decl);
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

static const struct {
	const char *attr;
	enum numbering numbering;
} numberings[] = {
	{"1.", NUM_ARABIC},
	{"(1)", NUM_PAREN},
	{"a)", NUM_ALPHA},
	{"I.", NUM_ROMAN},
};

static void
build_numbering(xmlNodePtr n, struct list *l)
{
	const char *numbering = attribute(n, "numbering", NULL);
	const char *start = attribute(n, "start", NULL);

	l->numbering = NUM_BULLET;
	for (size_t i = 0; numbering && i < sizeof numberings / sizeof *numberings; i++)
		if (strcmp(numbering, numberings[i].attr) == 0)
			l->numbering = numberings[i].numbering;
	/* The schema bounds start to 1..LIMIT_LIST_NUMBER. */
	l->start = start ? atoi(start) : 1;
	if (l->start < 1 || l->start > LIMIT_LIST_NUMBER)
		l->start = 1;
}

/* The label of the last item must exist in the list's numbering. */
static int
check_list_numbers(struct parse *p, const struct list *l)
{
	if (l->numbering == NUM_BULLET ||
	    (size_t)l->start + l->nitems - 1 <= LIMIT_LIST_NUMBER)
		return 0;
	diag_report(p->diag, DIAG_ERROR, p->path, l->pos.line, l->pos.col,
	    "this list would number its last item %zu, more than %d; split the list",
	    (size_t)l->start + l->nitems - 1, LIMIT_LIST_NUMBER);
	return -1;
}

static int build_list(struct parse *p, xmlNodePtr n, int lang, int nested, struct list *l);

/* Only white space may follow the list that ends an item. */
static int
check_after_sublist(struct parse *p, xmlNodePtr sub)
{
	for (xmlNodePtr n = sub->next; n; n = n->next) {
		const char *s = n->type == XML_TEXT_NODE ? (const char *)n->content : NULL;

		if (n->type == XML_ELEMENT_NODE || (s && s[strspn(s, " \t\r\n")] != '\0')) {
			struct pos pos = node_pos(p, sub);

			diag_report(p->diag, DIAG_ERROR, p->path, pos.line, pos.col,
			    "a nested <list> must end its <item>; move the text after it "
			    "into an item of its own");
			return -1;
		}
	}
	return 0;
}

static int
build_item(struct parse *p, xmlNodePtr it, int lang, int nested, struct item *item)
{
	xmlNodePtr sub = nested ? NULL : child(it, "list");

	if (build_text(p, it, lang, &item->text) != 0)
		return -1;
	if (sub == NULL)
		return 0;
	item->sub = xcalloc(1, sizeof *item->sub);
	if (check_after_sublist(p, sub) != 0)
		return -1;
	return build_list(p, sub, lang_of(it, lang), 1, item->sub);
}

/* A list and its items; nested is 1 for a list inside an item (its items hold none). */
static int
build_list(struct parse *p, xmlNodePtr n, int lang, int nested, struct list *l)
{
	size_t cap = 0;
	int ret = 0;

	lang = lang_of(n, lang);
	build_numbering(n, l);
	l->pos = node_pos(p, n);
	for (xmlNodePtr it = n->children; it; it = it->next)
		if (is_element(it, "item") && build_item(p, it, lang, nested,
		    ARRAY_PUSH(l->items, l->nitems, cap)) != 0)
			ret = -1;
	return ret != 0 ? ret : check_list_numbers(p, l);
}

/* A block that could not be built is left out: its error is reported. */
static void
build_body(struct parse *p, xmlNodePtr body, struct decl *decl)
{
	size_t cap = 0;

	for (xmlNodePtr n = body ? body->children : NULL; n; n = n->next) {
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
		if (b->kind == BLOCK_LIST ? build_list(p, n, p->lang, 0, &b->list) != 0 :
		    build_text(p, n, p->lang, &b->text) != 0) {
			discard_list(&b->list);
			decl->nblocks--;
		}
	}
}

static void
build_signatures(struct parse *p, xmlNodePtr sigs, struct decl *decl)
{
	const char *columns = attribute(sigs, "columns", NULL);
	xmlNodePtr heading = child(sigs, "heading");
	int seal = flag(sigs, "seal");
	size_t cap = 0;

	decl->columns = columns ? atoi(columns) : 2;
	if (heading != NULL)
		build_text(p, heading, p->lang, &decl->sig_heading);
	for (xmlNodePtr n = sigs ? sigs->children : NULL; n; n = n->next) {
		struct signatory *s;

		/* One without an organisation has been reported by the schema. */
		if (!is_element(n, "signatory") || child(child(n, "organisation"), "line") == NULL)
			continue;
		s = ARRAY_PUSH(decl->signatories, decl->nsignatories, cap);
		s->name = opt_text(n, "name", p->lang);
		s->function = opt_text(n, "function", p->lang);
		s->org = text_list(child(n, "organisation"), "line", p->lang, &s->norg);
		s->seal = seal || flag(n, "seal");
		s->pos = node_pos(p, n);
	}
}

/* The model of whatever of the document could be read: after schema errors the tree
 * need not match the schema, so every part may be missing. NULL if the root is not a
 * declaration at all. */
static struct decl *
build_model(struct parse *p, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct decl *decl;

	if (!is_element(root, "declaration"))
		return NULL;
	decl = xcalloc(1, sizeof *decl);
	decl->path = xstrdup(p->path);
	build_meta(p, child(root, "meta"), decl);
	build_body(p, child(root, "body"), decl);
	build_signatures(p, child(root, "signatures"), decl);
	return decl;
}

static void *
realloc_or_exit(void *ptr, size_t size)
{
	return xreallocarray(ptr, size, 1);
}

/* libxml2 2.9.14 does not survive every failed allocation (SIGSEGV in xmlParseElement
 * and xmlParseDocument under ulimit -v): it allocates through our x-functions, which
 * end the program with "out of memory" and the system-error status instead. They are
 * malloc, realloc and free underneath, so memory libxml2 holds from before is freed
 * alike. */
static void
use_exiting_allocator(void)
{
	xmlMemSetup(free, xmalloc, realloc_or_exit, xstrdup);
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
	if (check_encoding(&p) != 0 || prescan(&p) != 0)
		return NULL;
	use_exiting_allocator();
	/* libxml2 reports some failures (out of memory in its buffers) to a handler of
	 * its thread rather than to a context: ours while we call it. */
	xmlSetStructuredErrorFunc(&p, on_library_error);
	if ((doc = parse_xml(&p)) != NULL) {
		/* The rules run even after schema errors, on what could be read: every
		 * problem in one run. Past the message cap nothing more would be seen. */
		if (validate_schema(&p, doc, schema_path) == 0 && !diag_capped(d) &&
		    !p.out_of_memory)
			decl = build_model(&p, doc);
		xmlFreeDoc(doc);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (decl != NULL)
		decl_validate(decl, d);
	if (d->errors != errors_before) {
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
