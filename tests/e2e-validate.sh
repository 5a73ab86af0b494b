#!/bin/sh
# End-to-end tests of the semantic rules: `declgen check` on the files in
# tests/data/validate/ reports exactly the expected messages, all of them in one run.
# usage: tests/e2e-validate.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh
V=tests/data/validate

# reports NAME STATUS FILE MESSAGE...: check FILE exits with STATUS and prints exactly
# the MESSAGEs (in any order; a message without "FILE:" is prefixed with it).
reports() {
	name=$1 status=$2 file=$3
	shift 3
	$BIN check "$file" > "$T/out" 2> "$T/err"
	got=$?
	: > "$T/want"
	for m in "$@"; do printf '%s%s\n' "$file" "$m" >> "$T/want"; done
	sort "$T/want" > "$T/want.sorted"
	sort "$T/err" > "$T/err.sorted"
	if [ "$got" -ne "$status" ]; then
		bad "$name: exit status $got, not $status"
	elif ! cmp -s "$T/want.sorted" "$T/err.sorted"; then
		bad "$name: messages differ:"
		diff "$T/want.sorted" "$T/err.sorted"
	else
		ok
	fi
}

# ----- one person signs for two organisations (issue 7) -----
reports "one person for two organisations is valid" 0 $V/ok-one-person-two-organisations.xml
check "one person for two organisations: both blocks rendered" \
	"$BIN render -o $T/two.pdf $V/ok-one-person-two-organisations.xml &&
	pdftotext -raw $T/two.pdf - | grep -c 'Erika Mustermann' | grep -qx 2 &&
	pdftotext -raw $T/two.pdf - | grep -q 'Beispiel Verein'"

# ----- duplicates disguised by soft hyphens and other spaces (issue 8 item 21) -----
NBSP=$(printf '\302\240') SHY=$(printf '\302\255') NNBSP=$(printf '\342\200\257')
THIN=$(printf '\342\200\211')
reports "duplicate disguised by NBSP, soft hyphens, U+202F, U+200B, U+2009" 1 \
	$V/bad-duplicate-disguised.xml \
	":21:5: error: duplicate signatory \"Erika${NBSP}Mus${SHY}ter${SHY}mann\" for \"Beispiel${NNBSP}GmbH\" (first listed at line 17); remove one" \
	":28:5: error: duplicate signatory \"Stadt${THIN}${THIN}Köln\" (first listed at line 25); remove one"

# ----- text that prints as nothing (issue 8 item 20) -----
reports "text of soft hyphens, NBSPs and zero-width characters is empty" 1 \
	$V/bad-blank-text.xml \
	":14:5: error: <heading> has no text; write its text or remove it" \
	":15:5: error: <p> has no text; write its text or remove it" \
	":18:7: error: <item> has no text; write its text or remove it" \
	":8:5: error: <line> of <title> has no text; write its text or remove it" \
	": error: <place> has no text; write its text or remove it" \
	":23:5: error: <name> has no text; write its text or remove it" \
	":23:5: error: <function> has no text; write its text or remove it" \
	":23:5: error: <line> of <organisation> has no text; write its text or remove it"

# ----- control characters in every string (issue 8 item 20) -----
reports "C1 controls in metadata, keywords, regions and items" 1 $V/bad-controls.xml \
	":16:7: error: control character U+0085 in text; remove it" \
	":8:5: error: control character U+0080 in <line> of <title>; remove it" \
	": error: control character U+0085 in <keyword>; remove it" \
	": error: control character U+009F in <region>; remove it" \
	":20:5: error: control character U+0090 in <function>; remove it" \
	":20:5: error: control character U+009B in <line> of <organisation>; remove it"

# ----- languages (issue 7; needs the parser's xml:lang) -----
LANGS="write one of: de, de-AT, de-CH, en, en-GB"
reports "<language> not in the table" 1 $V/bad-language.xml \
	":5:5: error: language \"fr\" is not supported; $LANGS"
reports "xml:lang not in the table, on a span, a block, a nested item" 1 $V/bad-xml-lang.xml \
	":12:5: error: the xml:lang of text in <p> is not supported; $LANGS" \
	":13:5: error: the xml:lang of text in <motto> is not supported; $LANGS" \
	":17:15: error: the xml:lang of text in <item> is not supported; $LANGS"
reports "English with German spans, links of every kind" 0 $V/ok-links-languages.xml

# ----- links (issue 7): only http, https and mailto, with a host or an address -----
reports "implausible link addresses" 1 $V/bad-links.xml \
	":12:5: error: link address \"https:///pfad\" names no host; write the host after \"//\"" \
	":13:5: error: link address \"mailto:info\" is not an e-mail address; write mailto:name@example.org" \
	":14:5: error: link address \"https://example.org/a${NBSP}b\" holds a space or an invisible character; remove it (a space in an address is written %20)" \
	":15:5: error: link address \"https://exam${SHY}ple.org\" holds a space or an invisible character; remove it (a space in an address is written %20)"

# ----- bounded time: 1000 signatories of one 300-letter name (check also lays them
# out: a name too long for a page would be an error of its own) -----
{
	sed -n '1,12p' $V/ok-one-person-two-organisations.xml
	echo '  <body><p>Viele.</p></body>'
	echo '  <signatures columns="3">'
	name=$(for i in $(seq 1 30); do printf 'Annegret '; done)
	for i in $(seq 1 1000); do
		echo "    <signatory><name>$name</name><organisation><line>Organisation $i</line></organisation></signatory>"
	done
	echo '  </signatures>'
	echo '</declaration>'
} > "$T/many.xml"
check "1000 signatories of one long name: valid within 5 s" \
	"timeout 5 $BIN check $T/many.xml 2>$T/err && [ ! -s $T/err ]"

finish e2e-validate
