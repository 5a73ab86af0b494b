/* The canonical form and its hash (`declgen hash`), the JSON writer, messages as JSON,
 * and the content comparison (`declgen diff`). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "canon.h"
#include "diff.h"
#include "hash.h"
#include "json.h"

/* The base declaration, written plainly. */
static const char base[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\">\n"
    "  <meta>\n"
    "    <id>probe</id>\n"
    "    <language>de</language>\n"
    "    <version>1.0</version>\n"
    "    <signing><place>K\xC3\xB6ln</place><date>2024-02-29</date></signing>\n"
    "    <title><line>Erkl\xC3\xA4rung</line></title>\n"
    "    <short-title>Erkl\xC3\xA4rung</short-title>\n"
    "  </meta>\n"
    "  <body>\n"
    "    <p>Ein sch\xC3\xB6ner <em>erster</em> Absatz.</p>\n"
    "    <p>Ein zweiter Absatz.</p>\n"
    "  </body>\n"
    "  <signatures columns=\"2\" seal=\"false\">\n"
    "    <signatory><name>Erika Muster</name><organisation><line>A GmbH</line>"
    "</organisation></signatory>\n"
    "    <signatory><name>Max Muster</name><organisation><line>B AG</line>"
    "</organisation></signatory>\n"
    "  </signatures>\n"
    "</declaration>\n";

/* The same content: no XML declaration, indented otherwise, lines wrapped in the middle
 * of the text, attributes in the other order, "ö" as a decimal and a hexadecimal
 * character reference, "ä" decomposed (a + U+0308), a tab. */
static const char same[] =
    "<declaration version=\"1.0\" xmlns=\"urn:declgen:declaration:1\"><meta><id>probe</id>"
    "<language>de</language><version>1.0</version>\n"
    "<signing><place>K&#246;ln</place><date>2024-02-29</date></signing>"
    "<title><line>Erkla\xCC\x88rung</line></title><short-title>Erkl\xC3\xA4rung"
    "</short-title></meta><body><p>\n\t\tEin\n\t\tsch&#xF6;ner    <em>erster</em>\n"
    "Absatz.\n</p><p>Ein zweiter\tAbsatz.</p></body>"
    "<signatures seal=\"false\" columns=\"2\"><signatory>\n<name>Erika   Muster</name>"
    "<organisation><line> A GmbH </line></organisation></signatory><signatory>"
    "<name>Max Muster</name><organisation><line>B AG</line></organisation></signatory>"
    "</signatures></declaration>";

static struct decl *
parse_string(const char *doc)
{
	struct diag d = {0};
	struct buf log = {0};
	struct decl *decl;

	d.log = &log;
	decl = decl_parse_memory("mem.xml", doc, strlen(doc), SCHEMA, &d);
	if (decl == NULL)
		fprintf(stderr, "%s", log.data ? log.data : "");
	buf_free(&log);
	return decl;
}

/* The hash of a document, "" when it is invalid. */
static void
hash_of(const char *doc, char hex[HASH_HEX_SIZE])
{
	struct decl *decl = parse_string(doc);

	hex[0] = '\0';
	if (decl != NULL)
		hash_decl(decl, hex);
	decl_free(decl);
}

/* base with the first occurrence of from replaced by to. */
static char *
edited(const char *from, const char *to)
{
	const char *at = strstr(base, from);
	struct buf b = {0};

	assert_non_null(at);
	buf_append(&b, base, (size_t)(at - base));
	buf_puts(&b, to);
	buf_puts(&b, at + strlen(from));
	return b.data;
}

static void
test_sha256_known_answer(void **state)
{
	char hex[HASH_HEX_SIZE];

	(void)state;
	/* FIPS 180-2, appendix B.1. */
	hash_sha256_hex("abc", 3, hex);
	assert_string_equal(hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_hash_stable_under_formatting(void **state)
{
	char a[HASH_HEX_SIZE], b[HASH_HEX_SIZE];

	(void)state;
	hash_of(base, a);
	hash_of(same, b);
	assert_int_equal(strlen(a), HASH_HEX_LEN);
	assert_string_equal(a, b);
}

/* Each edit changes what the PDF shows: the hash must change. */
static void
test_hash_changes_with_content(void **state)
{
	static const char *const edits[][2] = {
		{"sch\xC3\xB6ner", "sch\xC3\xB6nes"},	/* one letter */
		{"Ein zweiter", "Ein  dritter"},	/* one word */
		{"<em>erster</em>", "erster"},		/* emphasis */
		{"<p>Ein sch\xC3\xB6ner <em>erster</em> Absatz.</p>\n    "
		    "<p>Ein zweiter Absatz.</p>",
		    "<p>Ein zweiter Absatz.</p><p>Ein sch\xC3\xB6ner <em>erster</em> "
		    "Absatz.</p>"},			/* paragraphs swapped */
		{"<name>Erika Muster</name><organisation><line>A GmbH</line>"
		    "</organisation></signatory>\n    <signatory><name>Max Muster</name>"
		    "<organisation><line>B AG</line>",
		    "<name>Max Muster</name><organisation><line>B AG</line>"
		    "</organisation></signatory>\n    <signatory><name>Erika Muster</name>"
		    "<organisation><line>A GmbH</line>"},	/* signatories swapped */
		{"columns=\"2\"", "columns=\"3\""},
		{"<signatory><name>Max", "<signatory seal=\"true\"><name>Max"},
		{"<version>1.0</version>", "<version>1.1</version>"},
		{"<date>2024-02-29</date>", "<date>2024-03-01</date>"},
		{"<p>Ein zweiter Absatz.</p>", "<notice>Ein zweiter Absatz.</notice>"},
	};
	char a[HASH_HEX_SIZE], b[HASH_HEX_SIZE];

	(void)state;
	hash_of(base, a);
	for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
		char *doc = edited(edits[i][0], edits[i][1]);

		hash_of(doc, b);
		assert_int_equal(strlen(b), HASH_HEX_LEN);
		if (strcmp(a, b) == 0)
			fail_msg("edit %zu left the hash unchanged", i);
		free(doc);
	}
}

static void
test_canonical_form_golden(void **state)
{
	static const char doc[] =
	    "<declaration xmlns=\"urn:declgen:declaration:1\" version=\"1.0\"><meta>"
	    "<id>g</id><language>en</language><version>2</version><signing/>"
	    "<title><line>T</line></title><short-title>S</short-title></meta>"
	    "<body><p>a <em>b</em></p><list numbering=\"a)\"><item>i</item></list></body>"
	    "<signatures><signatory><organisation><line>O</line></organisation>"
	    "</signatory></signatures></declaration>";
	static const char expected[] =
	    "declgen-canonical 1\n"
	    "id 1:g\nlanguage 2:en\nversion 1:2\nplace -\ndate -\n"
	    "title 1\ntitle 1:T\nshort-title 1:S\nsubtitle -\n"
	    "keywords 0\nregions 0\nhyphenation 0\n"
	    "blocks 2\n"
	    "block 1:p\nruns 2\nstyle 0\nlang 2:en\nuri -\nrun 2:a \n"
	    "style 1\nlang 2:en\nuri -\nrun 1:b\n"
	    "block 4:list\nnumbering 3\nstart 1\nitems 1\nruns 1\nstyle 0\nlang 2:en\n"
	    "uri -\nrun 1:i\nsublist -\n"
	    "signatures 0:\nruns 0\ncolumns 2\nsignatories 1\n"
	    "name -\nfunction -\norganisation 1\norganisation 1:O\nseal 0\n";
	struct decl *decl = parse_string(doc);
	struct buf form = {0};

	(void)state;
	assert_non_null(decl);
	canon_decl(decl, &form);
	assert_string_equal(form.data, expected);
	buf_free(&form);
	decl_free(decl);
}

static void
test_fold_run_keeps_end_spaces(void **state)
{
	struct buf b = {0};

	(void)state;
	canon_fold_run(" a\xC2\xAD" "b \xC2\xA0 c ", &b);
	assert_string_equal(b.data, " ab c ");
	buf_free(&b);
}

static void
test_json_string_escapes(void **state)
{
	struct buf b = {0};

	(void)state;
	json_string(&b, "q\"b\\s/\n\t\x01\x7F\xC2\x85\xC3\xB6\xFF\xC3(\xE2\x82\xAC\xF0\x9F\x98\x80");
	assert_string_equal(b.data, "\"q\\\"b\\\\s/\\u000a\\u0009\\u0001\\u007f\\u0085"
	    "\xC3\xB6\\ufffd\\ufffd(\xE2\x82\xAC\xF0\x9F\x98\x80\"");
	b.len = 0;
	json_string(&b, NULL);
	assert_string_equal(b.data, "null");
	b.len = 0;
	/* Overlong "/", a surrogate, beyond U+10FFFF. */
	json_string(&b, "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80");
	assert_string_equal(b.data, "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd"
	    "\\ufffd\\ufffd\"");
	buf_free(&b);
}

static void
test_diag_json(void **state)
{
	struct buf log = {0};
	struct diag d = {0};

	(void)state;
	d.log = &log;
	d.json = 1;
	diag_report(&d, DIAG_ERROR, "a\"b.xml", 7, 33, "bad \"%s\"\n", "x");
	diag_report(&d, DIAG_WARNING, NULL, 0, 0, "w");
	assert_string_equal(log.data,
	    "{\"file\":\"a\\\"b.xml\",\"line\":7,\"column\":33,\"severity\":\"error\","
	    "\"message\":\"bad \\\"x\\\"\\u000a\"}\n"
	    "{\"file\":null,\"line\":0,\"column\":0,\"severity\":\"warning\","
	    "\"message\":\"w\"}\n");
	assert_int_equal(diag_exit_status(&d), 1);
	buf_free(&log);
}

/* The text diff of base and an edit of it. */
static int
diff_of(const char *old, const char *new, enum diff_format format, struct buf *out)
{
	struct decl *a = parse_string(old), *b = parse_string(new);
	int ret;

	assert_non_null(a);
	assert_non_null(b);
	ret = diff_decls(a, b, format, out);
	decl_free(a);
	decl_free(b);
	return ret;
}

static void
test_diff_same_content(void **state)
{
	struct buf out = {0};

	(void)state;
	assert_int_equal(diff_of(base, same, DIFF_TEXT, &out), 0);
	assert_int_equal(out.len, 0);
	buf_free(&out);
}

static void
test_diff_words(void **state)
{
	char *doc = edited("Ein zweiter Absatz.", "Ein dritter, letzter Absatz.");
	struct buf out = {0};

	(void)state;
	assert_int_equal(diff_of(base, doc, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "changed paragraph 2 -> 2 (line 13 -> 13):\n"
	    "    Ein [-zweiter-] {+dritter, letzter+} Absatz.\n");
	out.len = 0;
	assert_int_equal(diff_of(base, doc, DIFF_JSON, &out), 1);
	assert_string_equal(out.data, "{\"shape\":\"declgen-diff\",\"version\":1,"
	    "\"old\":\"mem.xml\",\"new\":\"mem.xml\",\"same\":false,\"changes\":["
	    "{\"change\":\"changed\",\"what\":\"paragraph\","
	    "\"old\":{\"index\":2,\"line\":13,\"text\":\"Ein zweiter Absatz.\"},"
	    "\"new\":{\"index\":2,\"line\":13,\"text\":\"Ein dritter, letzter Absatz.\"},"
	    "\"words\":[{\"op\":\"=\",\"text\":\"Ein\"},{\"op\":\"-\",\"text\":\"zweiter\"},"
	    "{\"op\":\"+\",\"text\":\"dritter, letzter\"},{\"op\":\"=\",\"text\":\"Absatz.\"}]}"
	    "]}\n");
	buf_free(&out);
	free(doc);
}

static void
test_diff_blocks_and_signatories(void **state)
{
	char *removed = edited("    <p>Ein zweiter Absatz.</p>\n", "");
	char *added = edited("  </signatures>",
	    "<signatory><name>Neu</name><organisation><line>C</line></organisation>"
	    "</signatory></signatures>");
	char *changed = edited("<name>Max Muster</name>",
	    "<name>Max Muster</name><function>Leiter</function>");
	char *meta = edited("<version>1.0</version>", "<version>1.1</version>");
	char *style = edited("<em>erster</em>", "<strong>erster</strong>");
	struct buf out = {0};

	(void)state;
	assert_int_equal(diff_of(base, removed, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "removed paragraph 2 (line 13): Ein zweiter Absatz.\n");
	out.len = 0;
	assert_int_equal(diff_of(base, added, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "added signatory 3 (line 18): Neu, C\n");
	out.len = 0;
	assert_int_equal(diff_of(base, changed, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "changed signatory 2 -> 2 (line 17 -> 17):\n"
	    "    Max Muster, {+Leiter,+} B AG\n");
	out.len = 0;
	assert_int_equal(diff_of(base, meta, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "changed version: \"1.0\" -> \"1.1\"\n");
	out.len = 0;
	assert_int_equal(diff_of(base, style, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "changed paragraph 1 -> 1 (line 12 -> 12):\n"
	    "    (same words; emphasis, links, language or numbering changed)\n");
	out.len = 0;
	/* Removed and added the other way round. */
	assert_int_equal(diff_of(removed, base, DIFF_TEXT, &out), 1);
	assert_string_equal(out.data, "added paragraph 2 (line 13): Ein zweiter Absatz.\n");
	buf_free(&out);
	free(removed);
	free(added);
	free(changed);
	free(meta);
	free(style);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_known_answer),
		cmocka_unit_test(test_hash_stable_under_formatting),
		cmocka_unit_test(test_hash_changes_with_content),
		cmocka_unit_test(test_canonical_form_golden),
		cmocka_unit_test(test_fold_run_keeps_end_spaces),
		cmocka_unit_test(test_json_string_escapes),
		cmocka_unit_test(test_diag_json),
		cmocka_unit_test(test_diff_same_content),
		cmocka_unit_test(test_diff_words),
		cmocka_unit_test(test_diff_blocks_and_signatories),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
