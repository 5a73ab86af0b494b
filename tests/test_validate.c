/* The semantic rules of decl_validate, on models built here: each rule reports exactly
 * what it should, where it should, and nothing on a valid declaration. */
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"
#include "lang.h"

#define SHY "\xC2\xAD"		/* U+00AD soft hyphen */
#define NBSP "\xC2\xA0"		/* U+00A0 no-break space */
#define THIN "\xE2\x80\x89"	/* U+2009 thin space */
#define NNBSP "\xE2\x80\xAF"	/* U+202F narrow no-break space */
#define ZWSP "\xE2\x80\x8B"	/* U+200B zero-width space */
#define ZWJ "\xE2\x80\x8D"	/* U+200D zero-width joiner */
#define WJ "\xE2\x81\xA0"	/* U+2060 word joiner */
#define BOM "\xEF\xBB\xBF"	/* U+FEFF zero-width no-break space */
#define NEL "\xC2\x85"		/* U+0085 next line, a C1 control */

/* A valid declaration held in one struct, without allocation: tests change a field and
 * validate. Every text is at its own line, so messages show which one was reported. */
struct fixture {
	struct decl decl;
	char *title[2];
	char *keywords[2];
	char *regions[2];
	struct block blocks[4];
	struct run runs[4][2];
	struct item items[2];
	struct item sub_items[1];
	struct list sub;
	struct signatory sigs[3];
	char *org[3][2];
	struct buf log;
	struct diag d;
};

static void
set_text(struct text *t, struct run *runs, const char *s, int line)
{
	runs[0] = (struct run){.text = (char *)s};
	*t = (struct text){.runs = runs, .nruns = 1, .pos = {line, 5}};
}

static void
set_signatory(struct fixture *f, int i, const char *name, const char *org, int line)
{
	f->org[i][0] = (char *)org;
	f->sigs[i] = (struct signatory){.name = (char *)name, .org = f->org[i], .norg = 1,
	    .pos = {line, 5}};
}

/* Lines: title 8, heading 12, p 13, list 14 with items 15 and 16 (a sublist item at 17),
 * motto 19, signatories 22 and 23, signatures heading 21. */
static void
fixture_init(struct fixture *f)
{
	struct decl *decl = &f->decl;

	memset(f, 0, sizeof *f);
	decl->path = "t.xml";
	decl->id = "t";
	decl->language = "de";
	decl->lang = lang_find("de");
	decl->version = "1.0";
	decl->place = "Köln";
	decl->date = (struct date){2024, 2, 29, {7, 33}};
	f->title[0] = "Gemeinsame Erklärung";
	decl->title = f->title;
	decl->ntitle = 1;
	decl->title_pos = (struct pos){8, 5};
	decl->short_title = "Erklärung";
	f->keywords[0] = "Integration";
	decl->keywords = f->keywords;
	decl->nkeywords = 1;
	f->regions[0] = "Stadt Köln";
	decl->regions = f->regions;
	decl->nregions = 1;

	f->blocks[0].kind = BLOCK_HEADING;
	set_text(&f->blocks[0].text, f->runs[0], "Ziele", 12);
	f->blocks[1].kind = BLOCK_PARAGRAPH;
	set_text(&f->blocks[1].text, f->runs[1], "Ein Absatz.", 13);
	f->blocks[2].kind = BLOCK_LIST;
	f->blocks[2].list = (struct list){.items = f->items, .nitems = 2, .start = 1,
	    .pos = {14, 5}};
	set_text(&f->items[0].text, f->runs[2], "Erstens", 15);
	set_text(&f->items[1].text, f->runs[3], "Zweitens", 16);
	f->sub = (struct list){.items = f->sub_items, .nitems = 1, .start = 1, .pos = {17, 7}};
	set_text(&f->sub_items[0].text, f->runs[2] + 1, "Unterpunkt", 17);
	f->items[1].sub = &f->sub;
	f->blocks[3].kind = BLOCK_MOTTO;
	set_text(&f->blocks[3].text, f->runs[3] + 1, "Gemeinsam", 19);
	for (size_t i = 0; i < 4; i++)
		f->blocks[i].pos = f->blocks[i].text.pos;
	f->blocks[2].pos = f->blocks[2].list.pos;
	decl->blocks = f->blocks;
	decl->nblocks = 4;

	set_signatory(f, 0, "Erika Mustermann", "Beispiel GmbH", 22);
	set_signatory(f, 1, "Max Muster", "Stadt Köln", 23);
	decl->signatories = f->sigs;
	decl->nsignatories = 2;
	decl->columns = 2;
	f->d.log = &f->log;
}

static unsigned
validate(struct fixture *f)
{
	return decl_validate(&f->decl, &f->d);
}

/* Validates and expects exactly one error, the message given. */
static void
expect_one(struct fixture *f, const char *message)
{
	unsigned errors = validate(f);

	if (errors != 1 || log_count(&f->log) != 1 || !log_has(&f->log, message))
		fail_msg("expected only \"%s\", got %u errors:\n%s", message, errors,
		    f->log.data ? f->log.data : "");
}

static void
expect_valid(struct fixture *f)
{
	unsigned errors = validate(f);

	if (errors != 0 || f->log.len != 0)
		fail_msg("expected no message, got %u errors:\n%s", errors, f->log.data);
}

static int
setup(void **state)
{
	struct fixture *f = xmalloc(sizeof *f);

	fixture_init(f);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	buf_free(&f->log);
	free(f);
	return 0;
}

/* The control: the fixture itself is valid, so every error below comes from its change. */
static void
test_fixture_is_valid(void **state)
{
	expect_valid(*state);
}

/* ----- issue 7: languages ----- */

static void
test_language_unsupported(void **state)
{
	struct fixture *f = *state;

	f->decl.language = "fr";
	f->decl.lang = -1;
	f->runs[1][0].lang = -1;	/* runs inherit it: one message, not one per text */
	expect_one(f, "t.xml: error: language \"fr\" is not supported; "
	    "write one of: de, de-AT, de-CH, en, en-GB");
}

static void
test_language_supported_variants(void **state)
{
	struct fixture *f = *state;

	f->decl.language = "en-GB";
	f->decl.lang = lang_find("en-GB");
	f->runs[3][1].lang = lang_find("de-CH");
	expect_valid(f);
}

static void
test_run_language_unsupported(void **state)
{
	struct fixture *f = *state;

	f->runs[3][1].lang = -1;	/* <motto xml:lang="xx"> */
	expect_one(f, "t.xml:19:5: error: the xml:lang of text in <motto> is not supported; "
	    "write one of: de, de-AT, de-CH, en, en-GB");
}

static void
test_run_language_in_nested_item(void **state)
{
	struct fixture *f = *state;

	f->runs[2][1].lang = -1;
	expect_one(f, "t.xml:17:5: error: the xml:lang of text in <item> is not supported");
}

/* ----- issue 7 and issue 8 item 21: duplicate signatories ----- */

static void
test_same_person_for_two_organisations(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 1, "Erika Mustermann", "Andere AG", 23);
	expect_valid(f);
}

static void
test_same_person_same_organisation(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 1, "Erika Mustermann", "Beispiel GmbH", 23);
	expect_one(f, "t.xml:23:5: error: duplicate signatory \"Erika Mustermann\" for "
	    "\"Beispiel GmbH\" (first listed at line 22); remove one");
}

/* Each spelling prints as "Erika Mustermann" and must not pass as another person. */
static void
test_duplicate_name_disguised(void **state)
{
	static const char *const names[] = {
		"Eri" SHY "ka Mus" SHY "ter" SHY "mann", "Erika" NBSP "Mustermann",
		"Erika" THIN "Mustermann", "Erika" NNBSP "Mustermann", "Erika\tMustermann",
		"Erika   Mustermann", " Erika Mustermann ", "Erika " ZWSP "Mustermann",
		ZWJ "Erika Muster" WJ "mann" BOM, "Erika" NBSP " " THIN "Mustermann",
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		fixture_init(f);
		set_signatory(f, 1, names[i], "Beispiel GmbH", 23);
		if (validate(f) != 1 || !log_has(&f->log, "t.xml:23:5: error: duplicate signatory"))
			fail_msg("name %zu (\"%s\") not taken as a duplicate", i, names[i]);
		buf_free(&f->log);
	}
}

/* Keys are folded in place of one allocation: a four-byte character at the very end
 * must fit (under ASan this test reads and writes nothing beyond it). */
static void
test_duplicate_with_four_byte_characters(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 0, "Erika \xF0\x9D\x94\x90", "\xF0\x9D\x94\x90", 22);
	set_signatory(f, 1, "Erika" NBSP "\xF0\x9D\x94\x90" SHY, "\xF0\x9D\x94\x90", 23);
	expect_one(f, "t.xml:23:5: error: duplicate signatory");
}

/* Every further listing names the first one. */
static void
test_duplicates_name_the_first(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 1, "Erika Mustermann", "Beispiel GmbH", 23);
	set_signatory(f, 2, "Erika" NBSP "Mustermann", "Beispiel GmbH", 24);
	f->decl.nsignatories = 3;
	assert_int_equal(validate(f), 2);
	assert_true(log_has(&f->log, "t.xml:23:5: error: duplicate signatory \"Erika Mustermann\" "
	    "for \"Beispiel GmbH\" (first listed at line 22)"));
	assert_true(log_has(&f->log, "t.xml:24:5: error: duplicate signatory \"Erika" NBSP
	    "Mustermann\" for \"Beispiel GmbH\" (first listed at line 22)"));
	assert_int_equal(log_count(&f->log), 2);
}

/* Spaces fold, but letters still count: a different name is a different person. */
static void
test_different_names_stay_different(void **state)
{
	static const char *const names[] = {
		"Erika Mustermann-Schulz", "ErikaMustermann", "Erika Musterman", "erika mustermann",
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		fixture_init(f);
		set_signatory(f, 1, names[i], "Beispiel GmbH", 23);
		if (validate(f) != 0)
			fail_msg("name %zu (\"%s\") taken as a duplicate:\n%s", i, names[i],
			    f->log.data);
		buf_free(&f->log);
	}
}

static void
test_duplicate_organisation_disguised(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 1, "Erika Mustermann", "Beispiel" NBSP "Gmb" SHY "H", 23);
	expect_one(f, "t.xml:23:5: error: duplicate signatory \"Erika Mustermann\"");
}

static void
test_duplicate_organisation_signing_as_such(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 0, NULL, "Stadt Köln", 22);
	set_signatory(f, 1, NULL, "Stadt" NNBSP "Köln", 23);
	expect_one(f, "t.xml:23:5: error: duplicate signatory \"Stadt" NNBSP "Köln\" "
	    "(first listed at line 22); remove one");
}

/* An organisation signing as such and a person signing for it are two signatures. */
static void
test_organisation_and_its_person(void **state)
{
	struct fixture *f = *state;

	set_signatory(f, 0, NULL, "Stadt Köln", 22);
	set_signatory(f, 1, "Max Muster", "Stadt Köln", 23);
	expect_valid(f);
}

/* The Author list of the PDF (render.c) names an organisation once, however written. */
static void
test_same_org_folds_like_names(void **state)
{
	struct signatory a = {0}, b = {0};
	char *la[] = {"Agentur für Arbeit", "Krefeld"};
	char *lb[] = {"Agentur" NBSP "für  Ar" SHY "beit", "Krefeld" ZWSP};
	char *lc[] = {"Agentur für Arbeit"};

	(void)state;
	a.org = la;
	a.norg = 2;
	b.org = lb;
	b.norg = 2;
	assert_true(decl_same_org(&a, &b));
	b.org = lc;
	b.norg = 1;
	assert_false(decl_same_org(&a, &b));
	lb[1] = "Viersen";
	b.org = lb;
	b.norg = 2;
	assert_false(decl_same_org(&a, &b));
}

/* 1000 signatories, all of one name for different organisations: the pairwise rule stays
 * fast (it compares without allocating). */
static void
test_many_signatories_one_name(void **state)
{
	enum { N = 1000 };
	struct fixture *f = *state;
	struct signatory *sigs = xcalloc(N, sizeof *sigs);
	char (*orgs)[32] = xcalloc(N, sizeof *orgs);
	char **lines = xcalloc(N, sizeof *lines);

	for (int i = 0; i < N; i++) {
		snprintf(orgs[i], sizeof orgs[i], "Organisation %d", i);
		lines[i] = orgs[i];
		sigs[i] = (struct signatory){.name = "Erika Mustermann", .org = &lines[i],
		    .norg = 1, .pos = {30 + i, 5}};
	}
	f->decl.signatories = sigs;
	f->decl.nsignatories = N;
	expect_valid(f);
	lines[N - 1] = orgs[0];
	expect_one(f, "t.xml:1029:5: error: duplicate signatory \"Erika Mustermann\" for "
	    "\"Organisation 0\" (first listed at line 30)");
	free(lines);
	free(orgs);
	free(sigs);
}

/* ----- issue 8 item 20: text that prints as nothing ----- */

static const char *const blanks[] = {
	SHY, NBSP, ZWSP, WJ, BOM, ZWJ, SHY NBSP ZWSP, " ", THIN NNBSP,
};

/* Sets every blank spelling into *slot in turn and expects message each time. */
static void
expect_blank_rejected(struct fixture *f, const char **slot, const char *message)
{
	for (size_t i = 0; i < sizeof blanks / sizeof *blanks; i++) {
		const char *saved = *slot;

		*slot = blanks[i];
		buf_free(&f->log);
		expect_one(f, message);
		*slot = saved;
	}
	buf_free(&f->log);
	expect_valid(f);
}

static void
test_blank_paragraph(void **state)
{
	struct fixture *f = *state;

	expect_blank_rejected(f, (const char **)&f->runs[1][0].text,
	    "t.xml:13:5: error: <p> has no text; write its text or remove it");
}

static void
test_blank_heading_and_motto(void **state)
{
	struct fixture *f = *state;

	expect_blank_rejected(f, (const char **)&f->runs[0][0].text,
	    "t.xml:12:5: error: <heading> has no text");
	expect_blank_rejected(f, (const char **)&f->runs[3][1].text,
	    "t.xml:19:5: error: <motto> has no text");
}

static void
test_blank_items(void **state)
{
	struct fixture *f = *state;

	expect_blank_rejected(f, (const char **)&f->runs[2][0].text,
	    "t.xml:15:5: error: <item> has no text");
	expect_blank_rejected(f, (const char **)&f->runs[2][1].text,
	    "t.xml:17:5: error: <item> has no text");
}

static void
test_blank_signatures_heading(void **state)
{
	struct fixture *f = *state;
	struct run run = {.text = NBSP SHY};

	f->decl.sig_heading = (struct text){.runs = &run, .nruns = 1, .pos = {21, 5}};
	expect_one(f, "t.xml:21:5: error: <heading> has no text");
}

/* Blank runs in several styles are still no text; one letter in any run is text. */
static void
test_blank_runs_together(void **state)
{
	struct fixture *f = *state;

	f->runs[1][0].text = SHY;
	f->runs[1][1] = (struct run){.text = NBSP, .style = RUN_EM};
	f->blocks[1].text.nruns = 2;
	expect_one(f, "t.xml:13:5: error: <p> has no text");
	buf_free(&f->log);
	f->runs[1][1].text = NBSP "x";
	expect_valid(f);
}

static void
test_blank_metadata(void **state)
{
	struct fixture *f = *state;
	struct decl *decl = &f->decl;

	expect_blank_rejected(f, (const char **)&f->title[0],
	    "t.xml:8:5: error: <line> of <title> has no text");
	expect_blank_rejected(f, (const char **)&decl->short_title,
	    "t.xml: error: <short-title> has no text");
	expect_blank_rejected(f, (const char **)&decl->version,
	    "t.xml: error: <version> has no text");
	expect_blank_rejected(f, (const char **)&decl->place,
	    "t.xml: error: <place> has no text");
	f->sigs[1].function = "Leiter";
	expect_blank_rejected(f, (const char **)&f->sigs[1].name,
	    "t.xml:23:5: error: <name> has no text");
	expect_blank_rejected(f, (const char **)&f->sigs[1].function,
	    "t.xml:23:5: error: <function> has no text");
	expect_blank_rejected(f, (const char **)&f->org[1][0],
	    "t.xml:23:5: error: <line> of <organisation> has no text");
	expect_blank_rejected(f, (const char **)&f->keywords[0],
	    "t.xml: error: <keyword> has no text");
}

/* ----- issue 8 item 20: control characters in every string ----- */

static void
test_controls_in_metadata(void **state)
{
	static const struct {
		const char *text;
		unsigned cp;
	} controls[] = {
		{"Inte" NEL "gration", 0x85}, {"A\x07" "B", 0x07}, {"A\x7F", 0x7F},
		{"\xC2\x80" "A", 0x80}, {"A\xC2\x9F", 0x9F},
	};
	struct fixture *f = *state;
	const char **slots[] = {
		(const char **)&f->keywords[0], (const char **)&f->regions[0],
		(const char **)&f->title[0], (const char **)&f->decl.short_title,
		(const char **)&f->decl.subtitle, (const char **)&f->decl.version,
		(const char **)&f->decl.place, (const char **)&f->sigs[0].name,
		(const char **)&f->sigs[0].function, (const char **)&f->org[0][0],
	};
	static const char *const where[] = {
		"t.xml: error: control character U+%04X in <keyword>",
		"t.xml: error: control character U+%04X in <region>",
		"t.xml:8:5: error: control character U+%04X in <line> of <title>",
		"t.xml: error: control character U+%04X in <short-title>",
		"t.xml: error: control character U+%04X in <subtitle>",
		"t.xml: error: control character U+%04X in <version>",
		"t.xml: error: control character U+%04X in <place>",
		"t.xml:22:5: error: control character U+%04X in <name>",
		"t.xml:22:5: error: control character U+%04X in <function>",
		"t.xml:22:5: error: control character U+%04X in <line> of <organisation>",
	};

	for (size_t s = 0; s < sizeof slots / sizeof *slots; s++)
		for (size_t c = 0; c < sizeof controls / sizeof *controls; c++) {
			char message[128];

			fixture_init(f);
			*slots[s] = controls[c].text;
			snprintf(message, sizeof message, where[s], controls[c].cp);
			expect_one(f, message);
			buf_free(&f->log);
		}
}

static void
test_controls_in_items(void **state)
{
	struct fixture *f = *state;

	f->runs[2][1].text = "Unter" NEL "punkt";
	expect_one(f, "t.xml:17:5: error: control character U+0085 in text; remove it");
	buf_free(&f->log);
	fixture_init(f);
	f->runs[2][0].text = "Erst\x1B" "ens";
	expect_one(f, "t.xml:15:5: error: control character U+001B in text; remove it");
}

/* Tabs and line ends are XML white space, which the parser collapses: never an error. */
static void
test_white_space_is_no_control(void **state)
{
	struct fixture *f = *state;

	f->keywords[0] = "Inte\tgration";
	f->runs[1][0].text = "Ein\nAbsatz.";
	expect_valid(f);
}

/* ----- links ----- */

static void
set_link(struct fixture *f, const char *uri)
{
	f->runs[1][1] = (struct run){.text = "die Seite", .style = RUN_LINK, .uri = (char *)uri};
	f->blocks[1].text.nruns = 2;
}

static void
test_links_accepted(void **state)
{
	static const char *const uris[] = {
		"https://www.arbeitsagentur.de/krefeld", "http://www.example.org",
		"mailto:info@example.org", "HTTPS://EXAMPLE.ORG/a?b=c#d",
		"https://de.wikipedia.org/wiki/K%C3%B6ln", "https://example.org/K\xC3\xB6ln",
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof uris / sizeof *uris; i++) {
		fixture_init(f);
		set_link(f, uris[i]);
		expect_valid(f);
	}
}

static void
test_links_rejected(void **state)
{
	static const struct {
		const char *uri, *message;
	} cases[] = {
		{"javascript:alert(1)", "t.xml:13:5: error: link address \"javascript:alert(1)\" "
		    "is not a web or e-mail address; write one that starts with https://, http:// "
		    "or mailto:"},
		{"file:///etc/passwd", "t.xml:13:5: error: link address \"file:///etc/passwd\" "
		    "is not a web or e-mail address"},
		{"www.example.org", "t.xml:13:5: error: link address \"www.example.org\" is not"},
		{"ftp://example.org", "t.xml:13:5: error: link address \"ftp://example.org\" is not"},
		{"https://", "t.xml:13:5: error: link address \"https://\" names no host; "
		    "write the host after \"//\""},
		{"http:///path", "t.xml:13:5: error: link address \"http:///path\" names no host"},
		{"mailto:info", "t.xml:13:5: error: link address \"mailto:info\" is not an e-mail "
		    "address; write mailto:name@example.org"},
		{"mailto:@example.org", "t.xml:13:5: error: link address \"mailto:@example.org\" "
		    "is not an e-mail address; write mailto:name@example.org"},
		{"https://example.org/a b", "t.xml:13:5: error: link address "
		    "\"https://example.org/a b\" holds a space or an invisible character; remove it "
		    "(a space in an address is written %20)"},
		{"https://exam" SHY "ple.org", "t.xml:13:5: error: link address \"https://exam"
		    SHY "ple.org\" holds a space"},
		{"https://example.org/" NBSP, "t.xml:13:5: error: link address \"https://example.org/"
		    NBSP "\" holds a space"},
		/* Messages write control characters as escapes (diag.c). */
		{"https://example.org/" NEL, "t.xml:13:5: error: link address \"https://example.org/"
		    "\\u0085\" holds a space"},
		{"https://example.org/\tx", "t.xml:13:5: error: link address \"https://example.org/"
		    "\\tx\" holds a space"},
		{"https://example.org/\x7F", "t.xml:13:5: error: link address \"https://example.org/"
		    "\\x7F\" holds a space"},
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fixture_init(f);
		set_link(f, cases[i].uri);
		expect_one(f, cases[i].message);
		buf_free(&f->log);
	}
}

static void
test_link_length_bounded(void **state)
{
	struct fixture *f = *state;
	char *uri = xmalloc(2002);

	memset(uri, 'a', 2001);
	memcpy(uri, "https://", 8);
	uri[2000] = '\0';
	set_link(f, uri);
	expect_valid(f);
	uri[2000] = 'a';
	uri[2001] = '\0';
	expect_one(f, "t.xml:13:5: error: link address of 2001 bytes is longer than the limit "
	    "of 2000; shorten it");
	free(uri);
}

/* After a schema error the parser may build a model with parts missing: the rules
 * report what they can and never read what is not there. */
static void
test_partial_model(void **state)
{
	struct fixture *f = *state;
	struct decl *decl = &f->decl;

	decl->language = NULL;
	decl->lang = -1;
	decl->version = decl->place = decl->short_title = NULL;
	decl->title = NULL;
	decl->ntitle = 0;
	decl->nkeywords = decl->nregions = 0;
	f->sigs[0] = (struct signatory){.pos = {22, 5}};
	f->sigs[1] = (struct signatory){.pos = {23, 5}};
	f->runs[1][0].text = SHY;
	expect_one(f, "t.xml:13:5: error: <p> has no text");
}

/* Every problem of a file in one run, each once. */
static void
test_all_rules_report(void **state)
{
	struct fixture *f = *state;

	f->runs[1][0].text = SHY;
	set_signatory(f, 1, "Erika" NBSP "Mustermann", "Beispiel GmbH", 23);
	f->keywords[0] = "A" NEL;
	f->items[0].text.runs[0] = (struct run){.text = "x", .style = RUN_LINK,
	    .uri = "javascript:x"};
	f->decl.date.day = 30;
	assert_int_equal(validate(f), 5);
	assert_int_equal(log_count(&f->log), 5);
}

static const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	T(test_fixture_is_valid),
	T(test_language_unsupported),
	T(test_language_supported_variants),
	T(test_run_language_unsupported),
	T(test_run_language_in_nested_item),
	T(test_same_person_for_two_organisations),
	T(test_same_person_same_organisation),
	T(test_duplicate_name_disguised),
	T(test_duplicates_name_the_first),
	T(test_duplicate_with_four_byte_characters),
	T(test_different_names_stay_different),
	T(test_duplicate_organisation_disguised),
	T(test_duplicate_organisation_signing_as_such),
	T(test_organisation_and_its_person),
	cmocka_unit_test(test_same_org_folds_like_names),
	T(test_many_signatories_one_name),
	T(test_blank_paragraph),
	T(test_blank_heading_and_motto),
	T(test_blank_items),
	T(test_blank_signatures_heading),
	T(test_blank_runs_together),
	T(test_blank_metadata),
	T(test_controls_in_metadata),
	T(test_controls_in_items),
	T(test_white_space_is_no_control),
	T(test_links_accepted),
	T(test_links_rejected),
	T(test_link_length_bounded),
	T(test_partial_model),
	T(test_all_rules_report),
#undef T
};

TEST_MAIN(tests)
