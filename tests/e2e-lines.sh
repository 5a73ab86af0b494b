#!/bin/sh
# End-to-end tests of setting lines: phrases that must not break but are wider than the
# line, loose lines, short words; read back from the PDF with poppler.
# usage: tests/e2e-lines.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

# The right margin, 210 - 25 mm, in pt.
RIGHT=524.409

doc() { # FILE BODY
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<declaration xmlns="urn:declgen:declaration:1" version="1.0"><meta><id>x</id><language>de</language><version>1</version><signing/><title><line>Zeilen</line></title><short-title>Zeilen</short-title></meta>\n<body>\n%s\n</body><signatures><signatory><organisation><line>O</line></organisation></signatory></signatures></declaration>\n' "$2" > "$1"
}

# Every word of the PDF ends inside the right margin (awk reads numbers in the C locale:
# mawk would read "524.409" as 524 in a German one).
within_margin() { # PDF
	pdftotext -bbox-layout "$1" "$T/bbox.html" 2>/dev/null &&
		LC_ALL=C awk -v right=$RIGHT -F'"' '/<word / { for (i = 1; i < NF; i++) if ($i ~ /xMax=$/ && $(i + 1) > right + 0.5) bad = 1 }
		     END { exit bad }' "$T/bbox.html"
}

# render NAME BODY: renders a document of that body; its messages in $T/NAME.err.
render() {
	doc "$T/$1.xml" "$2"
	$BIN render -o "$T/$1.pdf" "$T/$1.xml" 2> "$T/$1.err"
}

LONG='Herrn Bundesminister für Arbeit und Soziales Hubertus Heil und Frau Bundesministerin des Innern und für Heimat Nancy Faeser sowie dem Präsidenten der Bundesagentur für Arbeit'

check "nobreak phrase wider than the line: rendered" \
	"render nobreak '<p>Wir danken <nobreak>$LONG</nobreak> für die Unterstützung.</p>'"
check "nobreak phrase: within the margin" "within_margin $T/nobreak.pdf"
check "nobreak phrase: a warning with file and line quoting the phrase" \
	"grep -q '^$T/nobreak.xml:4:1: warning: \"Herrn Bundesminister für Arbeit und Sozi…\" must not break' $T/nobreak.err"

NB=$(echo "$LONG" | sed 's/ /\&#160;/g')
check "no-break spaces wider than the line: rendered" "render nbsp '<p>Wir danken $NB.</p>'"
check "no-break spaces: within the margin" "within_margin $T/nbsp.pdf"
check "no-break spaces: a warning" "grep -q 'warning: \"Herrn Bundesminister für Arbeit' $T/nbsp.err"

check "heading in nobreak: rendered" "render heading '<heading><nobreak>$LONG</nobreak></heading><p>Text.</p>'"
check "heading in nobreak: within the margin" "within_margin $T/heading.pdf"

DASHES=$(for i in $(seq 120); do printf '– '; done)
check "paragraph of dashes: rendered" "render dashes '<p>$DASHES</p>'"
check "paragraph of dashes: within the margin" "within_margin $T/dashes.pdf"
check "paragraph of dashes: a warning" "grep -q 'warning: \"– – – – –' $T/dashes.err"
HYPHENS=$(for i in $(seq 300); do printf -- '-'; done)
check "a word of hyphens: rendered" "render hyphens '<p>$HYPHENS</p>'"
check "a word of hyphens: within the margin" "within_margin $T/hyphens.pdf"

# "ab cd" and then a number that fills a line: a line of two words far apart.
NUMBER=$(for i in $(seq 7); do printf 1234567890; done)
check "loose line: rendered" "render loose '<p>ab cd $NUMBER und so weiter bis zum Ende des Absatzes.</p>'"
check "loose line: a warning with file, line and its words" \
	"grep -q '^$T/loose.xml:4:1: warning: loose line (.*): \"[abcd ]*cd 1234567890' $T/loose.err"
check "a well-set paragraph: no warning" \
	"render fine '<p>Die Partner der Erklärung verpflichten sich, den Zugang zum Arbeitsmarkt zu erleichtern und die Integration voranzubringen.</p>' && [ ! -s $T/fine.err ]"
# Addresses: never hyphenated, broken only after "/", "." or "-" or before "@", without
# an added hyphen (joining the lines gives them back whole), and linked. The filler
# words move them along the line.
URL=https://www.arbeitsagentur.de/bildung/ausbildung/ausbildungsplatzsuche-und-bewerbung
MAIL=poststelle.integration@kreis-viersen.de
whole=0 linked=0
for k in 0 1 2 3 4 5 6 7; do
	FILL=$(for i in $(seq $k); do printf 'Wort '; done)
	render url$k "<p>${FILL}Informationen gibt es unter $URL sowie per Mail an $MAIL jederzeit.</p>"
	pdftotext -raw "$T/url$k.pdf" "$T/url$k.lines"
	tr -d '\n' < "$T/url$k.lines" > "$T/url$k.txt"
	grep -qF "$URL" "$T/url$k.txt" && grep -qF "$MAIL" "$T/url$k.txt" && whole=$((whole + 1))
	qpdf --json "$T/url$k.pdf" > "$T/url$k.json"
	grep -qF "\"/URI\": \"u:$URL\"" "$T/url$k.json" &&
		grep -qF "\"/URI\": \"u:mailto:$MAIL\"" "$T/url$k.json" && linked=$((linked + 1))
done
check "addresses: never hyphenated, whole when the lines are joined" "[ $whole -eq 8 ]"
check "addresses: linked" "[ $linked -eq 8 ]"
check "addresses: broken inside after a slash, never at the @" \
	"cat $T/url*.lines | grep -q '/\$' && ! cat $T/url*.lines | grep -q '^@' &&
	 ! cat $T/url*.lines | grep -q '@\$'"

for name in krefeld-viersen bergisch-gladbach-bruehl-koeln; do
	$BIN render -o "$T/$name.pdf" "declarations/$name.xml" 2> "$T/$name.err"
	check "$name: no loose line" "! grep -q 'loose line' $T/$name.err"
done

# More warnings than are printed: the summary is a warning too, and the exit status 0.
WIDE=$(for i in $(seq 120); do printf '<p>%0600d</p>' 0; done)
render warnings "$WIDE"
check "110 warnings: exit 0" "[ $? -eq 0 ]"
check "110 warnings: 100 printed and a warning that says so" \
	"[ \$(wc -l < $T/warnings.err) -eq 101 ] && tail -n 1 $T/warnings.err | grep -q ': warning: too many warnings; the rest are not shown'"

finish e2e-lines
