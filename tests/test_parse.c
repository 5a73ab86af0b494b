/* Parse and validate: both declarations give the exact model; each class of error is
 * reported at the right line. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lang.h"
#include "text.h"

static const char *text_of(const struct text *t, struct buf *b)
{
	b->len = 0;
	for (size_t i = 0; i < t->nruns; i++)
		buf_puts(b, t->runs[i].text);
	return b->data;
}

static void
test_krefeld_model(void **state)
{
	static const char *const names[] = {"Thomas Becker", "Sarah Borgloh", "Klaus Churt",
	    "Ralf Claessen", "Jens Ernesti", "Thomas Gütgens", "Daniela Perner",
	    "Franz-Josef Schmitz", "Markus Schön", "Kirsten Wittke-Lemm"};
	static const char *const orgs[] = {"Jobcenter Krefeld", "Agentur für Arbeit Krefeld",
	    "Deutscher Gewerkschaftsbund", "IG Metall Krefeld", "Kreis Viersen",
	    "Kreishandwerkerschaft Niederrhein", "Industrie- und Handelskammer",
	    "Jobcenter Kreis Viersen", "Stadt Krefeld", "Unternehmerschaft Niederrhein"};
	struct buf log = {0}, b = {0};
	struct diag d;
	struct decl *decl = parse_logged(KREFELD, &d, &log);
	const char *last;

	(void)state;
	assert_non_null(decl);
	assert_int_equal(d.errors, 0);
	assert_string_equal(decl->id, "krefeld-viersen");
	assert_string_equal(decl->language, "de");
	assert_string_equal(decl->version, "1.0");
	assert_string_equal(decl->place, "Krefeld");
	assert_int_equal(decl->date.year, 2024);
	assert_int_equal(decl->date.month, 1);
	assert_int_equal(decl->date.day, 22);
	assert_int_equal(decl->ntitle, 3);
	assert_string_equal(decl->title[0], "Gemeinsame Erklärung");
	assert_string_equal(decl->title[2], "in der Stadt Krefeld und im Kreis Viersen");
	assert_int_equal(decl->nblocks, 9);
	assert_int_equal(decl->blocks[0].kind, BLOCK_PARAGRAPH);
	/* The <q> gives German quotation marks; white space is collapsed. */
	assert_string_equal(text_of(&decl->blocks[0].text, &b),
	    "Die Bundesregierung hat zur besseren Arbeitsmarktintegration von Geflüchteten mit "
	    "grundständigen Deutschkenntnissen einen „Job-Turbo“ verabschiedet.");
	last = text_of(&decl->blocks[8].text, &b);
	assert_non_null(strstr(last, "Dafür werden wir uns gemeinsam engagieren."));
	assert_int_equal(strcmp(last + strlen(last) - strlen("engagieren."), "engagieren."), 0);
	assert_int_equal(decl->nsignatories, 10);
	for (size_t i = 0; i < 10; i++) {
		assert_non_null(decl->signatories[i].name);
		assert_string_equal(decl->signatories[i].name, names[i]);
		assert_string_equal(decl->signatories[i].org[0], orgs[i]);
		assert_null(decl->signatories[i].function);
	}
	assert_int_equal(decl->signatories[2].norg, 2);
	assert_string_equal(decl->signatories[2].org[1], "Region Düsseldorf-Bergisch Land");
	assert_int_equal(decl->signatories[6].norg, 2);
	assert_string_equal(decl->signatories[6].org[1], "Mittlerer Niederrhein");
	assert_int_equal(decl->columns, 2);
	decl_free(decl);
	buf_free(&b);
	buf_free(&log);
}

static void
test_bergisch_model(void **state)
{
	static const char *const orgs[] = {"Agentur für Arbeit Bergisch Gladbach",
	    "JC AGL Leverkusen", "JC Oberberg", "JC Rhein-Berg", "AGV Oberberg",
	    "Kreishandwerkerschaft Berg. Land", "Oberbergischer Kreis",
	    "Rheinisch-Bergischer Kreis", "Stadt Leverkusen"};
	struct buf log = {0}, b = {0};
	struct diag d;
	struct decl *decl = parse_logged(BERGISCH, &d, &log);
	const struct block *list, *motto, *notice;

	(void)state;
	assert_non_null(decl);
	assert_null(decl->place);
	assert_int_equal(decl->date.year, 0);
	assert_int_equal(decl->nsignatories, 9);
	for (size_t i = 0; i < 9; i++) {
		assert_null(decl->signatories[i].name);
		assert_int_equal(decl->signatories[i].norg, 1);
		assert_string_equal(decl->signatories[i].org[0], orgs[i]);
	}
	assert_string_equal(text_of(&decl->sig_heading, &b), "Die Partner der Vereinbarung:");
	assert_string_equal(text_of(&decl->blocks[0].text, &b),
	    "Die Integration von Migranten kann nur gemeinsam gelingen – daher haben wir");
	list = &decl->blocks[1];
	assert_int_equal(list->kind, BLOCK_LIST);
	assert_int_equal(list->list.nitems, 9);
	assert_string_equal(text_of(&list->list.items[8].text, &b), "die Stadt Leverkusen");
	motto = &decl->blocks[3];
	assert_int_equal(motto->kind, BLOCK_MOTTO);
	assert_string_equal(text_of(&motto->text, &b),
	    "„WIR SETZEN AUF INTEGRATION – DENN ARBEIT LOHNT SICH IMMER!“");
	notice = &decl->blocks[decl->nblocks - 1];
	assert_int_equal(notice->kind, BLOCK_NOTICE);
	assert_string_equal(text_of(&notice->text, &b),
	    "Der nächste Bewerbertag „Pflege, Gesundheit, Soziales“ findet am 27.06.2024 im "
	    "Berufsinformationszentrum (BiZ) statt.");
	decl_free(decl);
	buf_free(&b);
	buf_free(&log);
}

static void
test_inline_styles(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/minimal.xml", &d, &log);
	const struct text *t;

	(void)state;
	assert_non_null(decl);
	assert_string_equal(decl->signatories[0].function, "Geschäftsführerin");
	t = &decl->blocks[1].text;
	assert_int_equal(t->nruns, 5);
	assert_string_equal(t->runs[0].text, "Ein ");
	assert_string_equal(t->runs[1].text, "kurzer");
	assert_int_equal(t->runs[1].style, RUN_EM);
	assert_string_equal(t->runs[3].text, "starkem");
	assert_int_equal(t->runs[3].style, RUN_STRONG);
	/* Nested quotations alternate „…“ and ‚…‘. */
	assert_string_equal(t->runs[4].text, " Text und „Zitat ‚innen‘“.");
	assert_int_equal(decl->date.day, 29);	/* 2024 is a leap year */
	decl_free(decl);
	buf_free(&log);
}

/* Issue 7: numbered lists with a start, one level of nesting, bullets by default. */
static void
test_numbered_lists(void **state)
{
	struct buf log = {0}, b = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/model-lists-links.xml", &d, &log);
	const struct list *l, *sub;

	(void)state;
	assert_non_null(decl);
	assert_int_equal(decl->blocks[0].kind, BLOCK_LIST);
	l = &decl->blocks[0].list;
	assert_int_equal(l->numbering, NUM_PAREN);
	assert_int_equal(l->start, 3);
	assert_int_equal(l->nitems, 2);
	assert_null(l->items[0].sub);
	/* The nested list is not part of the item's text. */
	assert_string_equal(text_of(&l->items[1].text, &b), "Second");
	sub = l->items[1].sub;
	assert_non_null(sub);
	assert_int_equal(sub->numbering, NUM_ALPHA);
	assert_int_equal(sub->start, 1);
	assert_int_equal(sub->nitems, 2);
	assert_string_equal(text_of(&sub->items[0].text, &b), "inner one");
	assert_int_equal(decl->blocks[1].list.numbering, NUM_BULLET);
	assert_int_equal(decl->blocks[1].list.start, 1);
	decl_free(decl);
	buf_free(&b);
	buf_free(&log);
}

/* A run whose text is s, or NULL. */
static const struct run *
find_run(const struct text *t, const char *s)
{
	for (size_t i = 0; i < t->nruns; i++)
		if (strcmp(t->runs[i].text, s) == 0)
			return &t->runs[i];
	return NULL;
}

static void
expect_link(const struct text *t, const char *text, const char *uri)
{
	const struct run *r = find_run(t, text);

	if (r == NULL)
		fail_msg("no run \"%s\"", text);
	assert_true(r->style & RUN_LINK);
	assert_non_null(r->uri);
	assert_string_equal(r->uri, uri);
}

/* Issue 7: <link> and bare addresses become link runs; sentence punctuation stays out. */
static void
test_links(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/model-lists-links.xml", &d, &log);
	const struct text *t;

	(void)state;
	assert_non_null(decl);
	t = &decl->blocks[2].text;
	expect_link(t, "https://www.arbeitsagentur.de/bildung", "https://www.arbeitsagentur.de/bildung");
	expect_link(t, "www.example.org", "http://www.example.org");
	expect_link(t, "info@example.org", "mailto:info@example.org");
	expect_link(t, "die Seite", "https://example.com/x");
	expect_link(t, "www.jobcenter.de", "http://www.jobcenter.de");
	assert_non_null(find_run(t, "), schreiben Sie an "));
	assert_null(find_run(t, "Grüsse an «Strasse», siehe ")->uri);
	decl_free(decl);
	buf_free(&log);
}

static void
test_find_address(void **state)
{
	static const struct {
		const char *word, *address;
	} cases[] = {
		{"https://a.de/x.", "https://a.de/x"},
		{"(www.b.de),", "www.b.de"},
		{"„http://c.de/d“!", "http://c.de/d"},
		{"<mail:x.y@z-w.de;", "x.y@z-w.de"},
		{"https://de.wikipedia.org/wiki/A_(B))?", "https://de.wikipedia.org/wiki/A_(B)"},
		{"a@b", NULL},
		{"@b.de", NULL},
		{"Bewww.", NULL},
		{"https://", NULL},
		{"z.B.", NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t at, len;
		int found = text_find_address(cases[i].word, strlen(cases[i].word), &at, &len);

		if (cases[i].address == NULL) {
			if (found)
				fail_msg("%s: found %.*s", cases[i].word, (int)len, cases[i].word + at);
			continue;
		}
		if (!found)
			fail_msg("%s: no address found", cases[i].word);
		assert_int_equal(len, strlen(cases[i].address));
		assert_memory_equal(cases[i].word + at, cases[i].address, len);
	}
	/* The text of a <link> without href: an address as a whole, a mailto: one too. */
	assert_true(text_is_address("www.b.de", 8));
	assert_true(text_is_address("mailto:m.mueller@x.de", 21));
	assert_true(text_is_address("MAILTO:m@x.de", 13));
	assert_false(text_is_address("mailto:", 7));
	assert_false(text_is_address("mailto:www.b.de", 15));
	assert_false(text_is_address("mailto:a@b.de:x", 15));
	assert_false(text_is_address("siehe www.b.de", 14));
}

/* Issue 7: xml:lang on blocks and inline elements; quotes and ß follow the run's language. */
static void
test_languages(void **state)
{
	struct buf log = {0}, b = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/model-lists-links.xml", &d, &log);
	const struct list *l;
	const struct run *r;

	(void)state;
	assert_non_null(decl);
	assert_int_equal(decl->lang, lang_find("de-CH"));
	l = &decl->blocks[0].list;
	assert_int_equal(l->items[0].text.runs[0].lang, lang_find("de-CH"));
	/* The item's xml:lang reaches its nested list. */
	assert_int_equal(l->items[1].text.runs[0].lang, lang_find("en"));
	assert_string_equal(text_of(&l->items[1].sub->items[1].text, &b), "inner “two”");
	assert_int_equal(l->items[1].sub->items[1].text.runs[0].lang, lang_find("en"));
	/* Swiss German: «…» and no ß; a <span> switches language without style. */
	r = find_run(&decl->blocks[2].text, "Grüsse an «Strasse», siehe ");
	assert_non_null(r);
	assert_int_equal(r->lang, lang_find("de-CH"));
	r = find_run(&decl->blocks[2].text, "An “English” phrase");
	assert_non_null(r);
	assert_int_equal(r->lang, lang_find("en"));
	assert_int_equal(r->style, 0);
	/* U+2028 is a space between words. */
	assert_non_null(find_run(&decl->blocks[2].text, " weiter"));
	/* British quotes outside, nested double ones inside. */
	assert_string_equal(text_of(&decl->blocks[3].text, &b), "‘Quoted “inner”’");
	assert_int_equal(decl->blocks[3].text.runs[0].lang, lang_find("en-GB"));
	decl_free(decl);
	buf_free(&b);
	buf_free(&log);
}

/* Issue 7: an unknown language is -1 in the model, not German. */
static void
test_unknown_language(void **state)
{
	struct buf log = {0};
	struct diag d = {.log = &log};
	static const char doc[] = "<?xml version=\"1.0\"?>\n"
	    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\"><meta><id>x</id>"
	    "<language>fr</language><version>1</version><signing/><title><line>T</line></title>"
	    "<short-title>T</short-title></meta><body><p xml:lang=\"xx\">Texte</p></body>"
	    "<signatures><signatory><organisation><line>O</line></organisation></signatory>"
	    "</signatures></declaration>\n";
	struct decl *decl = decl_parse_memory("mem.xml", doc, sizeof doc - 1, SCHEMA, &d);

	(void)state;
	if (decl != NULL) {
		assert_int_equal(decl->lang, -1);
		assert_int_equal(decl->blocks[0].text.runs[0].lang, -1);
		decl_free(decl);
	} else {
		assert_true(d.errors > 0);
	}
	buf_free(&log);
}

/* Issue 7: seal="true" on the grid reaches every signatory; wrapped names pass. */
static void
test_seals(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/model-lists-links.xml", &d, &log);

	(void)state;
	assert_non_null(decl);
	assert_int_equal(decl->signatories[0].seal, 1);
	assert_string_equal(decl->signatories[0].name, "Erika Mustermann");
	assert_int_equal(decl->signatories[1].seal, 1);
	decl_free(decl);
	decl = parse_logged("tests/data/minimal.xml", &d, &log);
	assert_non_null(decl);
	assert_int_equal(decl->signatories[0].seal, 0);
	decl_free(decl);
	buf_free(&log);
}

/* A declaration in memory: date, body and signatures as given (NULL: a default). */
static struct decl *
parse_doc(const char *date, const char *body, const char *sigs, struct diag *d, struct buf *log)
{
	struct buf doc = {0};
	struct decl *decl;

	buf_printf(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\">\n"
	    "<meta><id>t</id><language>de</language><version>1</version>\n"
	    "<signing>%s</signing><title><line>T</line></title><short-title>T</short-title>"
	    "</meta>\n<body>%s</body>\n<signatures>%s</signatures>\n</declaration>\n",
	    date ? date : "", body ? body : "<p>Text</p>", sigs ? sigs :
	    "<signatory><organisation><line>O</line></organisation></signatory>");
	memset(d, 0, sizeof *d);
	d->log = log;
	decl = decl_parse_memory("t.xml", doc.data, doc.len, SCHEMA, d);
	buf_free(&doc);
	return decl;
}

/* Issue 7: a schema error hides no semantic rule; each message says how to fix it. */
static void
test_all_problems_in_one_run(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/bad-all-problems.xml", &d, &log);

	(void)state;
	assert_null(decl);
	expect_message(&log, "bad-all-problems.xml:4:5: error: Element 'id': ");
	expect_message(&log, "; write aachen-dueren\n");
	expect_message(&log, "bad-all-problems.xml:7:35: error: Element 'date': '06.05.2024'");
	expect_message(&log, "; write 2024-05-06");
	expect_message(&log, "17:45: error: Element 'funtcion': This element is not expected. "
	    "Expected is one of ( function, organisation ); did you mean <function>?");
	expect_message(&log, "13:5: error: <p> has no text");
	expect_message(&log, "14:28: error: <item> has no text");
	expect_message(&log, "19:5: error: duplicate signatory \"Erika Mustermann\"");
	assert_int_equal(d.errors, 6);
	assert_int_equal(log_count(&log), 6);
	buf_free(&log);
}

static void
test_fix_entities(void **state)
{
	struct buf log = {0};
	struct diag d;

	(void)state;
	assert_null(parse_doc(NULL, "<p>a&nbsp;b, Kr&auml;fte &amp; Tom & Jerry, AT&T, &foo;</p>",
	    NULL, &d, &log));
	expect_message(&log, "t.xml:5:17: error: &nbsp; is an HTML entity, which XML does not "
	    "know; write &#160; instead\n");
	expect_message(&log, "&auml; is an HTML entity, which XML does not know; write the "
	    "character ä itself or &#228;\n");
	expect_message(&log, "t.xml:5:43: error: a bare '&'; write &amp; for the character &\n");
	expect_message(&log, "t.xml:5:55: error: a bare '&'; write &amp;");
	expect_message(&log, "&foo; is not defined");
	buf_free(&log);
}

static void
test_fix_namespace(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n<declaration version=\"1.0\"/>\n";
	struct buf log = {0};
	struct diag d = {.log = &log};

	(void)state;
	assert_null(decl_parse_memory("t.xml", doc, sizeof doc - 1, SCHEMA, &d));
	expect_message(&log, "t.xml:2:1: error: Element 'declaration': No matching global "
	    "declaration available for the validation root; add "
	    "xmlns=\"urn:declgen:declaration:1\" to <declaration>\n");
	buf_free(&log);
}

/* A misspelt element gets the expected name it is close to: a swap of two letters is
 * one edit ("titel"), a name twice as long as the right one still close ("emph");
 * one that is close to nothing gets no guess. */
static void
test_fix_spelling(void **state)
{
	struct buf log = {0};
	struct diag d;

	(void)state;
	assert_null(parse_doc(NULL, "<p><emph>Text</emph></p>", NULL, &d, &log));
	expect_message(&log, "Element 'emph': This element is not expected. Expected is one of "
	    "( em, strong, q, nobreak, span, link ); did you mean <em>?\n");
	log.len = 0;
	assert_null(parse_doc(NULL, "<p><zitat>Text</zitat></p>", NULL, &d, &log));
	expect_message(&log, "Expected is one of ( em, strong, q, nobreak, span, link )\n");
	buf_free(&log);
	memset(&log, 0, sizeof log);
	{
		static const char doc[] = "<?xml version=\"1.0\"?>\n<declaration "
		    "xmlns=\"urn:declgen:declaration:1\" version=\"1.0\"><meta><id>t</id>"
		    "<language>de</language><version>1</version><signing/><titel><line>T</line>"
		    "</titel></meta></declaration>\n";

		memset(&d, 0, sizeof d);
		d.log = &log;
		assert_null(decl_parse_memory("t.xml", doc, sizeof doc - 1, SCHEMA, &d));
		expect_message(&log, "Element 'titel': This element is not expected. Expected is "
		    "( title ); did you mean <title>?\n");
	}
	buf_free(&log);
}

/* Issue 8 item 27: an element in no namespace is named as such. */
static void
test_element_in_no_namespace(void **state)
{
	struct buf log = {0};
	struct diag d;

	(void)state;
	assert_null(parse_doc(NULL, "<p xmlns=\"\">Text</p>", NULL, &d, &log));
	expect_message(&log, "t.xml:5:7: error: Element 'p': This element is not expected. "
	    "Expected is one of ( heading, p, list, motto, notice ); this <p> is in no "
	    "namespace: remove its xmlns=\"\"\n");
	buf_free(&log);
}

/* Issue 8 item 13: a valid xs:date with a year of five digits or a minus sign. */
static void
test_year_out_of_range(void **state)
{
	static const char *const dates[] = {"12024-01-01", "-2024-01-01", "1899-12-31"};
	struct buf log = {0};
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		char date[64], expected[128];

		snprintf(date, sizeof date, "<date>%s</date>", dates[i]);
		snprintf(expected, sizeof expected, "t.xml:4:10: error: the year of the date of "
		    "signing %s is not between 1900 and 2999", dates[i]);
		log.len = 0;
		assert_null(parse_doc(date, NULL, NULL, &d, &log));
		expect_message(&log, expected);
		assert_int_equal(d.errors, 1);
	}
	buf_free(&log);
}

/* Issue 8 items 12 and 27: too deep a heading of the signatures is one error, and no
 * model (so no PDF); not a second, false "has no text". */
static void
test_signature_heading_too_deep(void **state)
{
	struct buf log = {0}, sigs = {0};
	struct diag d;

	(void)state;
	/* Text before the nesting: the heading is not empty, yet it is not complete. */
	buf_puts(&sigs, "<heading>Die ");
	for (int i = 0; i < 33; i++)
		buf_puts(&sigs, "<em>");
	buf_puts(&sigs, "Partner");
	for (int i = 0; i < 33; i++)
		buf_puts(&sigs, "</em>");
	buf_puts(&sigs, "</heading><signatory><organisation><line>O</line></organisation>"
	    "</signatory>");
	assert_null(parse_doc(NULL, NULL, sigs.data, &d, &log));
	expect_message(&log, "inline elements nested deeper than 32 levels");
	assert_int_equal(d.errors, 1);
	assert_int_equal(log_count(&log), 1);
	buf_free(&sigs);
	buf_free(&log);
}

/* Issue 8 item 26: values wrapped over lines are valid; one of only spaces is not. */
static void
test_wrapped_values(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_doc("<place>Bergisch\n   Gladbach</place>", NULL,
	    "<signatory><name>Dr. Erika\n\tMustermann</name><function>Leiterin\n des Amtes"
	    "</function><organisation><line>Stadt\r\n  Köln</line></organisation></signatory>",
	    &d, &log);

	(void)state;
	assert_non_null(decl);
	assert_string_equal(decl->place, "Bergisch Gladbach");
	assert_string_equal(decl->signatories[0].name, "Dr. Erika Mustermann");
	assert_string_equal(decl->signatories[0].function, "Leiterin des Amtes");
	assert_string_equal(decl->signatories[0].org[0], "Stadt Köln");
	decl_free(decl);
	assert_null(parse_doc(NULL, NULL, "<signatory><name> \n </name><organisation><line>O"
	    "</line></organisation></signatory>", &d, &log));
	expect_message(&log, "Element 'name'");
	buf_free(&log);
}

/* Issue 8 item 20: a NUL byte after the root element is not the end of the file. */
static void
test_nul_after_root(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n<declaration/>\n\0<garbage";
	struct buf log = {0};
	struct diag d = {.log = &log};

	(void)state;
	assert_null(decl_parse_memory("t.xml", doc, sizeof doc - 1, SCHEMA, &d));
	expect_message(&log, "t.xml:3:1: error: a NUL byte in the text; the file is damaged or "
	    "not text\n");
	assert_int_equal(log_count(&log), 1);
	buf_free(&log);
}

/* Issue 8 item 3: a start tag with too many attributes is refused before libxml2. */
static void
test_too_many_attributes(void **state)
{
	struct buf log = {0}, body = {0};
	struct diag d;

	(void)state;
	buf_puts(&body, "<p");
	for (int i = 0; i < 17; i++)
		buf_printf(&body, " a%d=\"x>y\"", i);
	buf_puts(&body, ">Text</p>");
	assert_null(parse_doc(NULL, body.data, NULL, &d, &log));
	expect_message(&log, "t.xml:5:7: error: <p> has more than 16 attributes; an element "
	    "of a declaration has at most 4\n");
	assert_int_equal(log_count(&log), 1);
	buf_free(&body);
	buf_free(&log);
}

/* Found by the fuzzer: a file that ends inside a start tag of too many attributes, in a
 * buffer with no NUL after it (as decl_parse_memory allows), was read past its end to
 * name the element. Under AddressSanitizer (make check-asan) the overflow is an error. */
static void
test_attributes_at_end_of_input(void **state)
{
	const char *path = "tests/data/regress/fuzz-attributes-at-end.xml";
	struct buf log = {0};
	struct diag d = {.log = &log};
	char *data, *exact;
	size_t len;

	(void)state;
	assert_int_equal(read_file(path, 1 << 20, &data, &len), 0);
	exact = xmalloc(len);	/* no room for a NUL */
	memcpy(exact, data, len);
	assert_null(decl_parse_memory(path, exact, len, SCHEMA, &d));
	expect_message(&log, ":19:5: error: <l=====");
	expect_message(&log, "> has more than 16 attributes");
	free(exact);
	free(data);
	buf_free(&log);
}

/* Issue 8 item 1: positions are exact for several elements on a line and past line
 * 65,535 (libxml2 keeps 16 bits of line number). */
static void
test_positions(void **state)
{
	struct buf log = {0}, body = {0};
	struct diag d;

	(void)state;
	buf_puts(&body, "<p>a</p><p> </p><!--\xC3\xA4--><p/>");
	for (int i = 0; i < 70000; i++)
		buf_puts(&body, "\n");
	buf_puts(&body, "  <p>b</p><p></p>");
	/* The schema's error at the end comes first: positions are then looked up
	 * backwards too. */
	assert_null(parse_doc(NULL, body.data, "<signatory><name>N</name></signatory>", &d,
	    &log));
	expect_message(&log, "t.xml:70006:13: error: Element 'signatory': Missing child");
	expect_message(&log, "t.xml:5:15: error: <p> has no text");
	expect_message(&log, "t.xml:5:31: error: <p> has no text");
	expect_message(&log, "t.xml:70005:11: error: <p> has no text");
	assert_int_equal(log_count(&log), 4);
	buf_free(&body);
	buf_free(&log);
}

/* Issue 8 item 25: control characters from the input are escaped; item 27: no cut. */
static void
test_messages_escaped_and_whole(void **state)
{
	struct buf log = {0}, longer = {0};
	struct diag d = {.log = &log};

	(void)state;
	diag_report(&d, DIAG_ERROR, "a\nb.xml", 1, 2, "value '%s'", "x\ry\x1B[2J\xC2\x85z");
	assert_string_equal(log.data, "a\\nb.xml:1:2: error: value 'x\\ry\\x1B[2J\\u0085z'\n");
	for (int i = 0; i < 300; i++)
		buf_puts(&longer, "word ");
	log.len = 0;
	diag_report(&d, DIAG_ERROR, "f.xml", 0, 0, "%s; replace or remove it", longer.data);
	assert_int_equal(log.len, strlen("f.xml: error: ") + 1500 + strlen("; replace or remove it\n"));
	buf_free(&longer);
	buf_free(&log);
}

/* CPU seconds to parse data; the model is freed. */
static double
parse_seconds(const struct buf *data, struct diag *d, struct buf *log)
{
	clock_t start = clock();

	memset(d, 0, sizeof *d);
	d->log = log;
	decl_free(decl_parse_memory("big.xml", data->data, data->len, SCHEMA, d));
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* A body of n copies of line, as parse_doc writes it. */
static void
repeated_body(struct buf *b, const char *line, int n)
{
	b->len = 0;
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\">\n"
	    "<meta><id>t</id><language>de</language><version>1</version><signing/>"
	    "<title><line>T</line></title><short-title>T</short-title></meta>\n<body>\n");
	for (int i = 0; i < n; i++)
		buf_puts(b, line);
	buf_puts(b, "</body>\n<signatures><signatory><organisation><line>O</line>"
	    "</organisation></signatory></signatures>\n</declaration>\n");
}

/* Issue 8 items 1 and 2: parsing time is linear. 4 MiB of paragraphs took hours (every
 * position rescanned the file), 50,000 invalid elements 111 s (libxml2 walked every
 * preceding node per error); the bound leaves room for sanitizers. More elements than
 * LIMIT_ELEMENTS are refused before libxml2 sees them. */
static void
test_parse_time_linear(void **state)
{
	struct buf data = {0}, log = {0};
	struct diag d;
	double s;

	(void)state;
	repeated_body(&data, "<p>Die Partner werben gemeinsam für Arbeit.</p>\n", 85000);
	assert_true(data.len > 4000000 && data.len < 4194304);
	s = parse_seconds(&data, &d, &log);
	print_message("4 MiB of paragraphs: %.2f s\n", s);
	assert_int_equal(d.errors, 0);
	assert_true(s < 10);
	repeated_body(&data, "<p>a</p>\n", 460000);
	s = parse_seconds(&data, &d, &log);
	print_message("4 MiB of <p> lines: %.2f s\n", s);
	assert_int_equal(d.errors, 1);
	assert_true(strstr(log.data, "big.xml:") && strstr(log.data, ": error: more than 100000 elements"));
	assert_true(s < 1);
	repeated_body(&data, "<p>a<x/></p>\n", 45000);
	log.len = 0;
	s = parse_seconds(&data, &d, &log);
	print_message("45,000 invalid elements: %.2f s\n", s);
	assert_int_equal(d.errors, 45000);
	assert_int_equal(log_count(&log), 101);
	assert_true(s < 10);
	buf_free(&data);
	buf_free(&log);
}

/* Each bad file yields exactly the expected first message, exit status 1. */
static void
expect_error(const char *path, const char *prefix)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged(path, &d, &log);

	assert_null(decl);
	if (!log_has(&log, prefix))
		fail_msg("%s: expected a message starting with\n  %s\ngot:\n%s", path, prefix,
		    log.data ? log.data : "(nothing)");
	assert_int_equal(diag_exit_status(&d), 1);
	buf_free(&log);
}

static void
test_malformed(void **state)
{
	(void)state;
	expect_error("tests/data/bad-malformed.xml",
	    "tests/data/bad-malformed.xml:13:113: error: Opening and ending tag mismatch: em");
}

static void
test_unknown_element(void **state)
{
	(void)state;
	expect_error("tests/data/bad-unknown-element.xml",
	    "tests/data/bad-unknown-element.xml:14:5: error: Element 'table': This element is "
	    "not expected");
}

static void
test_missing_element(void **state)
{
	(void)state;
	expect_error("tests/data/bad-missing-element.xml",
	    "tests/data/bad-missing-element.xml:3:3: error: Element 'meta': Missing child "
	    "element(s). Expected is ( short-title )");
}

static void
test_empty_signatory(void **state)
{
	(void)state;
	expect_error("tests/data/bad-empty-signatory.xml",
	    "tests/data/bad-empty-signatory.xml:16:5: error: Element 'signatory': Missing child");
}

static void
test_invalid_date(void **state)
{
	(void)state;
	expect_error("tests/data/bad-invalid-date.xml",
	    "tests/data/bad-invalid-date.xml:7:33: error: Element 'date': '2023-02-29' is not "
	    "a valid value");
}

static void
test_duplicate_signatory(void **state)
{
	(void)state;
	expect_error("tests/data/bad-duplicate-signatory.xml",
	    "tests/data/bad-duplicate-signatory.xml:21:5: error: duplicate signatory "
	    "\"Erika Mustermann\" for \"Beispiel GmbH\" (first listed at line 16)");
}

static void
test_empty_paragraph(void **state)
{
	(void)state;
	expect_error("tests/data/bad-empty-paragraph.xml",
	    "tests/data/bad-empty-paragraph.xml:13:5: error: <p> has no text");
}

static void
test_doctype_rejected(void **state)
{
	(void)state;
	expect_error("tests/data/bad-doctype.xml",
	    "tests/data/bad-doctype.xml:2:1: error: a DOCTYPE is not allowed");
}

/* Every problem is reported, not only the first. */
static void
test_reports_all_problems(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_logged("tests/data/bad-malformed.xml", &d, &log);

	(void)state;
	assert_null(decl);
	assert_true(log_count(&log) >= 3);
	assert_int_equal(d.errors, (unsigned)log_count(&log));
	buf_free(&log);
}

static void
test_missing_file(void **state)
{
	struct buf log = {0};
	struct diag d;

	(void)state;
	assert_null(parse_logged("tests/data/does-not-exist.xml", &d, &log));
	assert_true(log_has(&log, "tests/data/does-not-exist.xml: error: cannot read: "));
	assert_int_equal(diag_exit_status(&d), 2);
	buf_free(&log);
}

/* A declaration whose <meta> ends with extra. */
static struct decl *
parse_meta(const char *extra, struct diag *d, struct buf *log)
{
	struct buf doc = {0};
	struct decl *decl;

	buf_printf(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\">\n"
	    "<meta><id>t</id><language>de</language><version>1</version>\n"
	    "<signing/><title><line>T</line></title><short-title>T</short-title>\n"
	    "%s</meta>\n<body><p>Text</p></body>\n<signatures><signatory><organisation>"
	    "<line>O</line></organisation></signatory></signatures>\n</declaration>\n", extra);
	memset(d, 0, sizeof *d);
	d->log = log;
	decl = decl_parse_memory("t.xml", doc.data, doc.len, SCHEMA, d);
	buf_free(&doc);
	return decl;
}

/* Issue 9: <typeface family> names the family, white space collapsed as xs:token does;
 * without it, the model asks for the bundled face. */
static void
test_typeface(void **state)
{
	struct buf log = {0};
	struct diag d;
	struct decl *decl = parse_meta("<typeface family=\" TeX \n Gyre\tHeros \"/>", &d, &log);

	(void)state;
	assert_non_null(decl);
	assert_string_equal(decl->typeface, "TeX Gyre Heros");
	assert_int_equal(decl->typeface_pos.line, 5);
	decl_free(decl);
	decl = parse_meta("<regions><region>R</region></regions>"
	    "<typeface family=\"Heros\"/><hyphenation><word>Ur-in-stinkt</word></hyphenation>",
	    &d, &log);
	assert_non_null(decl);
	assert_string_equal(decl->typeface, "Heros");
	decl_free(decl);
	decl = parse_meta("", &d, &log);
	assert_non_null(decl);
	assert_string_equal(decl->typeface, "");
	decl_free(decl);
	assert_int_equal(log_count(&log), 0);
	buf_free(&log);
}

/* A family name that is empty, too long or missing is a schema error. */
static void
test_typeface_invalid(void **state)
{
	static const char *const bad[] = {"<typeface family=\"  \"/>", "<typeface/>",
	    "<typeface family=\"x\">text</typeface>",
	    "<typeface family=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"/>"};
	struct buf log = {0};
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		log.len = 0;
		assert_null(parse_meta(bad[i], &d, &log));
		assert_true(log_has(&log, "t.xml:5:"));
		assert_int_equal(d.errors, 1);
	}
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_typeface),
	cmocka_unit_test(test_typeface_invalid),
	cmocka_unit_test(test_krefeld_model),
	cmocka_unit_test(test_bergisch_model),
	cmocka_unit_test(test_inline_styles),
	cmocka_unit_test(test_numbered_lists),
	cmocka_unit_test(test_links),
	cmocka_unit_test(test_find_address),
	cmocka_unit_test(test_languages),
	cmocka_unit_test(test_unknown_language),
	cmocka_unit_test(test_seals),
	cmocka_unit_test(test_all_problems_in_one_run),
	cmocka_unit_test(test_fix_entities),
	cmocka_unit_test(test_fix_namespace),
	cmocka_unit_test(test_fix_spelling),
	cmocka_unit_test(test_element_in_no_namespace),
	cmocka_unit_test(test_year_out_of_range),
	cmocka_unit_test(test_signature_heading_too_deep),
	cmocka_unit_test(test_wrapped_values),
	cmocka_unit_test(test_nul_after_root),
	cmocka_unit_test(test_too_many_attributes),
	cmocka_unit_test(test_attributes_at_end_of_input),
	cmocka_unit_test(test_positions),
	cmocka_unit_test(test_messages_escaped_and_whole),
	cmocka_unit_test(test_parse_time_linear),
	cmocka_unit_test(test_malformed),
	cmocka_unit_test(test_unknown_element),
	cmocka_unit_test(test_missing_element),
	cmocka_unit_test(test_empty_signatory),
	cmocka_unit_test(test_invalid_date),
	cmocka_unit_test(test_duplicate_signatory),
	cmocka_unit_test(test_empty_paragraph),
	cmocka_unit_test(test_doctype_rejected),
	cmocka_unit_test(test_reports_all_problems),
	cmocka_unit_test(test_missing_file),
};

TEST_MAIN(tests)
