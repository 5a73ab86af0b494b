/* Parse and validate: both declarations give the exact model; each class of error is
 * reported at the right line. */
#include "testutil.h"

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
	    "\"Erika Mustermann\" (first listed at line 16)");
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

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_krefeld_model),
	cmocka_unit_test(test_bergisch_model),
	cmocka_unit_test(test_inline_styles),
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
