#!/bin/sh
# Parsing end to end: large and hostile inputs finish in bounded time, out of memory is a
# system error, a parse error means no PDF, and messages cannot be forged by the input.
# usage: tests/e2e-parse.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

# Seconds one run may take: the inputs below took minutes to hours before their fixes
# (positions rescanned the file, libxml2 walked the tree per error, attributes compared
# pairwise); sanitizers and valgrind are slower.
LIMIT=${DECLGEN_VALGRIND:+600}
LIMIT=${LIMIT:-${ASAN_OPTIONS:+120}}
LIMIT=${LIMIT:-20}

# doc BODY-LINE COUNT: a declaration whose body repeats one line COUNT times.
doc() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<declaration xmlns="urn:declgen:declaration:1" version="1.0">\n'
	printf '<meta><id>t</id><language>de</language><version>1</version><signing/>'
	printf '<title><line>T</line></title><short-title>T</short-title></meta>\n<body>\n'
	yes "$1" | head -n "$2"
	printf '</body>\n<signatures><signatory><organisation><line>O</line></organisation>'
	printf '</signatory></signatures>\n</declaration>\n'
}

# timed NAME STATUS COMMAND...: runs the command within LIMIT seconds, expects STATUS,
# and prints how long it took.
timed() {
	name=$1 status=$2
	shift 2
	start=$(date +%s.%N)
	timeout "$LIMIT" "$@" > "$T/out" 2> "$T/err"
	got=$?
	echo "e2e-parse: $name: $(echo "$(date +%s.%N) - $start" | bc) s"
	check "$name: exit $status (got $got)" "[ $got -eq $status ]"
}

# ----- time bounded by the input bounds (issue 8, items 1 to 3) -----
# 460,000 paragraphs are more elements than any declaration within the page limit has:
# refused before libxml2 parses them.
doc '<p>a</p>' 460000 > "$T/lines.xml"
check "4 MiB of <p> lines: near the size limit" "[ \$(wc -c < $T/lines.xml) -gt 4000000 ]"
timed "4 MiB of <p> lines" 1 $BIN check "$T/lines.xml"
check "4 MiB of <p> lines: only the element limit" "grep -q 'more than 100000 elements' $T/err && [ \$(wc -l < $T/err) -eq 1 ]"
doc '<p>a</p>' 460000 | tr -d '\n' > "$T/one-line.xml"
timed "4 MiB of <p> on one line" 1 $BIN check "$T/one-line.xml"
check "4 MiB of <p> on one line: only the element limit" "grep -q 'more than 100000 elements' $T/err && [ \$(wc -l < $T/err) -eq 1 ]"
# 85,000 paragraphs of 40 letters, within the element limit: parsed, validated and laid
# out as far as the page limit, which is the one message.
doc '<p>Die Partner werben gemeinsam für Arbeit.</p>' 85000 > "$T/many.xml"
check "4 MiB of paragraphs: near the size limit" "[ \$(wc -c < $T/many.xml) -gt 4000000 ]"
timed "4 MiB of paragraphs" 1 $BIN check "$T/many.xml"
check "4 MiB of paragraphs: only the page limit" "grep -q 'more than 500 pages' $T/err && [ \$(wc -l < $T/err) -eq 1 ]"
# 45,000 lines with an unexpected element each (90,000 elements, within the limit).
doc '<p>a<x/></p>' 45000 > "$T/invalid.xml"
timed "45,000 invalid elements" 1 $BIN check "$T/invalid.xml"
check "45,000 invalid elements: 100 messages and the summary" "[ \$(wc -l < $T/err) -eq 101 ]"
check "45,000 invalid elements: the summary last" \
	"tail -n 1 $T/err | grep -qx '$T/invalid.xml: error: too many problems, stopping here'"
{
	doc '<p' 1 | head -n 5
	awk 'BEGIN { for (i = 0; i < 340000; i++) printf " a%d=\"x\"", i }'
	printf '>a</p></body></declaration>\n'
} > "$T/attributes.xml"
check "4 MiB of attributes: near the size limit" "[ \$(wc -c < $T/attributes.xml) -gt 3500000 ]"
timed "4 MiB of attributes" 1 $BIN check "$T/attributes.xml"
check "4 MiB of attributes: one clear message" \
	"[ \"\$(cat $T/err)\" = '$T/attributes.xml:5:1: error: <p> has more than 16 attributes; an element of a declaration has at most 4' ]"

# ----- out of memory is a system error, never a crash (item 6) -----
# Below what parsing 4 MiB needs (but above the 55 MB the program and its libraries
# take to start), exit 2 with one message; with enough memory to parse,
# the page limit stops the layout (exit 1) before it runs out.
if [ -z "${ASAN_OPTIONS:-}" ] && [ -z "${DECLGEN_VALGRIND:-}" ]; then
	for kb in 60000 65000 80000; do
		(ulimit -v $kb; exec $BIN check "$T/many.xml") > "$T/out" 2> "$T/err"
		got=$?
		check "out of memory at $kb KB: exit 2 (got $got)" "[ $got -eq 2 ]"
		check "out of memory at $kb KB: one message" \
			"[ \"\$(cat $T/err)\" = 'declgen: error: out of memory' ]"
	done
	for kb in 100000 150000 400000; do
		(ulimit -v $kb; exec $BIN check "$T/many.xml") > "$T/out" 2> "$T/err"
		got=$?
		check "at $kb KB: out of memory (exit 2) or the page limit (exit 1), got $got" \
			"{ [ $got -eq 2 ] && [ \"\$(cat $T/err)\" = 'declgen: error: out of memory' ]; } ||
			 { [ $got -eq 1 ] && grep -q 'fills more than 500 pages' $T/err; }"
	done
fi

# ----- an error means no PDF (items 12, 13) -----
deep='<heading>Die '
i=0; while [ $i -lt 33 ]; do deep="$deep<em>"; i=$((i + 1)); done
deep="${deep}Partner"
i=0; while [ $i -lt 33 ]; do deep="$deep</em>"; i=$((i + 1)); done
sed "s|<signatures>|<signatures>$deep</heading>|" tests/data/minimal.xml > "$T/deep.xml"
$BIN render -o "$T/deep.pdf" "$T/deep.xml" 2> "$T/err"
check "signature heading too deep: exit 1" "[ $? -eq 1 ]"
check "signature heading too deep: no PDF" "[ ! -e $T/deep.pdf ]"
check "signature heading too deep: one message" "[ \$(wc -l < $T/err) -eq 1 ]"
sed 's|2024-02-29|12024-02-29|' tests/data/minimal.xml > "$T/year.xml"
$BIN render -o "$T/year.pdf" "$T/year.xml" 2> "$T/err"
check "five-digit year: exit 1" "[ $? -eq 1 ]"
check "five-digit year: no PDF" "[ ! -e $T/year.pdf ]"
check "five-digit year: says so" "grep -q 'the year of the date of signing 12024-02-29 is not between 1900 and 2999' $T/err"

# ----- messages: escaped, whole, and saying how to fix it (items 25, 27; issue 7) -----
sed 's|<id>minimal|<id>mini\&#13;x.xml:1:1: error: forged|' tests/data/minimal.xml > "$T/cr.xml"
$BIN check "$T/cr.xml" 2> "$T/err"
check "carriage return in a value: one line" "[ \$(wc -l < $T/err) -eq 1 ]"
check "carriage return in a value: escaped" "grep -q 'mini\\\\rx.xml:1:1: error: forged' $T/err"
nl="$T/new
line.xml"
cp tests/data/minimal.xml "$nl"
sed -i 's|<p>|<p></p><p>|' "$nl"
$BIN check "$nl" 2> "$T/err"
check "newline in a file name: one line" "[ \$(wc -l < $T/err) -eq 1 ]"
check "newline in a file name: escaped" "grep -q '^$T/new\\\\nline.xml:13:5: error: <p> has no text' $T/err"
$BIN check tests/data/bad-all-problems.xml 2> "$T/err"
check "all problems in one run: exit 1" "[ $? -eq 1 ]"
check "all problems in one run: six messages" "[ \$(wc -l < $T/err) -eq 6 ]"
for hint in 'write aachen-dueren' 'write 2024-05-06' 'did you mean <function>?' \
	'<p> has no text' '<item> has no text' 'duplicate signatory'; do
	check "all problems in one run: $hint" "grep -qF '$hint' $T/err"
done
sed 's| xmlns="urn:declgen:declaration:1"||' tests/data/minimal.xml > "$T/no-ns.xml"
$BIN check "$T/no-ns.xml" 2> "$T/err"
check "no namespace: says to add it" "grep -qF 'add xmlns=\"urn:declgen:declaration:1\" to <declaration>' $T/err"
sed 's|<p>Ein|<p>Tom \&amp; Jerry \& Co,\&nbsp;Ein|' tests/data/minimal.xml > "$T/entities.xml"
$BIN check "$T/entities.xml" 2> "$T/err"
check "bare &: write &amp;" "grep -qF \"a bare '&'; write &amp;\" $T/err"
check "&nbsp;: write &#160;" "grep -qF '&nbsp; is an HTML entity, which XML does not know; write &#160; instead' $T/err"

# ----- input that is read as written (items 20, 26) -----
sed 's|<name>Erika Mustermann</name>|<name>Erika\n        Mustermann</name>|' tests/data/minimal.xml > "$T/wrapped.xml"
check "a name wrapped over two lines is valid" "$BIN check $T/wrapped.xml 2>$T/err"
{ cat tests/data/minimal.xml; printf '\000<garbage>'; } > "$T/nul.xml"
$BIN check "$T/nul.xml" 2> "$T/err"
check "NUL byte after the root: exit 1" "[ $? -eq 1 ]"
check "NUL byte after the root: says where" "grep -qF '$T/nul.xml:23:1: error: a NUL byte' $T/err"
sed 's|<p>Ein kurzer|<p>Ein\xe2\x80\xa8kurzer|' tests/data/minimal.xml > "$T/separator.xml"
$BIN render -o "$T/separator.pdf" "$T/separator.xml" 2> "$T/err"
check "U+2028 is a space" "pdftotext $T/separator.pdf - | grep -q 'Ein kurzer'"

finish e2e-parse
