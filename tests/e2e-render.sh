#!/bin/sh
# End-to-end tests of the renderer: metadata longer than a PDF string, SOURCE_DATE_EPOCH,
# links. Inputs are generated into the scratch folder.
# usage: tests/e2e-render.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

# repeat N TEXT: TEXT N times.
repeat() {
	awk -v n="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}

# doc FILE META SIGNATORIES: a minimal declaration with extra META elements (after
# <short-title>) and the given SIGNATORIES (one if empty), body "BODY" (default a
# short paragraph).
doc() {
	sigs=$3
	[ -n "$sigs" ] || sigs='<signatory><organisation><line>Beispiel GmbH</line></organisation></signatory>'
	cat > "$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>render-test</id>
    <language>de</language>
    <version>1.0</version>
    <signing><place>Köln</place><date>2024-02-29</date></signing>
    ${TITLE:-<title><line>Erklärung</line></title>}
    <short-title>Erklärung</short-title>
    $2
  </meta>
  <body>${BODY:-<p>Ein kurzer Absatz.</p>}</body>
  <signatures>$sigs</signatures>
</declaration>
EOF
}

# ----- issue 8 item 19: strings longer than libharu's 65,535 bytes -----
# shortened FILE KEY NAME: FILE renders (exit 0) or is refused as invalid input
# (exit 1), never a system error; rendered, the PDF's KEY entry ends in an ellipsis
# after at most 2000 bytes, and a warning says so.
shortened() {
	$BIN render -o "$T/out.pdf" "$1" 2> "$T/err"
	status=$?
	if grep -q 'PDF library error' "$T/err" || [ $status -eq 2 ]; then
		bad "$3: system error for an input problem: $(head -c 300 "$T/err")"
	elif [ $status -eq 1 ]; then
		check "$3: refused with a message" "grep -q ': error: ' $T/err"
	else
		pdfinfo -enc UTF-8 "$T/out.pdf" | sed -n "s/^$2: *//p" > "$T/value"
		check "$3: $2 shortened with an ellipsis" \
			"[ \$(wc -c < $T/value) -le 2001 ] && grep -q '…\$' $T/value"
		check "$3: a warning says so" "grep -q 'warning: the .* is longer than 2000 bytes' $T/err"
	fi
}

LONGORG=$(repeat 30 'Arbeitsgemeinschaft ')
SIGS=$(i=0; while [ $i -lt 1000 ]; do
	printf '<signatory><organisation><line>%s %d</line></organisation></signatory>' "$LONGORG" $i
	i=$((i + 1)); done)
doc "$T/authors.xml" "" "$SIGS"
shortened "$T/authors.xml" Author "1000 long organisation names"

# 1000 persons of one long organisation: it is named once.
SIGS=$(i=0; while [ $i -lt 1000 ]; do
	printf '<signatory><name>Person %d</name><organisation><line>%s</line></organisation></signatory>' $i "$LONGORG"
	i=$((i + 1)); done)
doc "$T/one-org.xml" "" "$SIGS"
$BIN render -o "$T/one-org.pdf" "$T/one-org.xml" 2> "$T/err"
check "1000 persons of one organisation: rendered" "[ $? -eq 0 ]"
check "1000 persons of one organisation: named once" \
	"[ \"\$(pdfinfo -enc UTF-8 $T/one-org.pdf | sed -n 's/^Author: *//p')\" = \"$(echo $LONGORG)\" ]"

doc "$T/keywords.xml" "<keywords>$(repeat 64 "<keyword>$(repeat 110 'Integration')</keyword>")</keywords>" ""
shortened "$T/keywords.xml" Keywords "64 long keywords"

doc "$T/subtitle.xml" "<subtitle>$(repeat 7000 'Erklärung ')</subtitle>" ""
shortened "$T/subtitle.xml" Subject "a 70,000-character subtitle"

TITLE="<title>$(repeat 16 "<line>$(repeat 420 'Erklärung ')</line>")</title>" \
	doc "$T/title.xml" "" ""
shortened "$T/title.xml" Title "a 16-line title of 4,200 characters each"

# A word longer than a PDF string (no line can hold it: broken or set as it is).
BODY="<p>$(repeat 6000 'Wortteilung')</p>" doc "$T/word.xml" "" ""
$BIN render -o "$T/word.pdf" "$T/word.xml" 2> "$T/err"
check "a 66,000-letter word: no system error" "[ $? -ne 2 ] && ! grep -q 'PDF library error' $T/err"

# ----- issue 8 item 23: SOURCE_DATE_EPOCH -----
doc "$T/dated.xml" "" ""
for value in abc 1e9 1.5 253402300800 -99999999999999; do
	rm -f "$T/dated.pdf"
	SOURCE_DATE_EPOCH=$value $BIN render -o "$T/dated.pdf" "$T/dated.xml" 2> "$T/err"
	check "SOURCE_DATE_EPOCH=$value: exit 2" "[ $? -eq 2 ]"
	check "SOURCE_DATE_EPOCH=$value: message names it" \
		"grep -q \"error: SOURCE_DATE_EPOCH=\\\"$value\\\" is not\" $T/err"
	check "SOURCE_DATE_EPOCH=$value: no PDF" "[ ! -e $T/dated.pdf ]"
done
SOURCE_DATE_EPOCH=253402300799 $BIN render -o "$T/dated.pdf" "$T/dated.xml" 2> "$T/err"
check "SOURCE_DATE_EPOCH at the end of year 9999" \
	"[ $? -eq 0 ] && pdfinfo -isodates $T/dated.pdf | grep -q '^CreationDate: *9999-12-31T23:59:59'"
SOURCE_DATE_EPOCH= $BIN render -o "$T/dated.pdf" "$T/dated.xml" 2> "$T/err"
check "SOURCE_DATE_EPOCH empty: no date" \
	"[ $? -eq 0 ] && ! pdfinfo $T/dated.pdf | grep -q '^CreationDate'"

# ----- issue 7: links -----
# links PDF: each /Link annotation of PDF as "URI LEFT BOTTOM RIGHT TOP BORDER", where
# BORDER is its three /Border numbers joined by commas.
links() {
	qpdf --qdf --object-streams=disable "$1" "$T/qdf.pdf" || return 1
	awk '/\/URI \(/ { u = $0; sub(/^[^(]*\(/, "", u); sub(/\)[^)]*$/, "", u) }
		/\/Rect \[/ { r = 4; rect = ""; next }
		/\/Border \[/ { b = 3; border = ""; next }
		r > 0 { rect = rect " " $1; r--; next }
		b > 0 { border = border (b < 3 ? "," : "") $1; b--; next }
		/\/Subtype \/Link/ { link = 1 }
		/^>>/ { if (link) print u rect " " border; link = 0; u = "" }' "$T/qdf.pdf"
}

$BIN render -o "$T/links.pdf" tests/data/model-lists-links.xml 2> "$T/err"
links "$T/links.pdf" > "$T/links"
cut -d' ' -f1 "$T/links" | sort > "$T/uris"
printf '%s\n' http://www.example.org http://www.jobcenter.de \
	https://example.com/x https://www.arbeitsagentur.de/bildung \
	mailto:info@example.org | sort > "$T/uris.want"
check "links: one annotation for each link, with its target" "cmp -s $T/uris $T/uris.want"
check "links: no border" "[ \$(grep -c ' 0,0,0\$' $T/links) -eq 5 ]"
# The annotation starts where the address does (pdftotext's box) and covers its line.
pdftotext -bbox "$T/links.pdf" - | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)".*>https:\/\/www.arbeitsagentur.de\/bildung.<.*/\1 \2/p' > "$T/box"
check "links: the annotation stands over the address" \
	"awk 'NR == FNR { x = \$1; y = 841.89 - \$2; next }
		/arbeitsagentur/ { d = \$2 - x; ok = d > -0.5 && d < 0.5 && \$3 < y && \$5 > y - 15 }
		END { exit !ok }' $T/box $T/links"

# An address broken over two lines: an annotation on each, with the same target.
URL="https://www.example.org/$(repeat 12 'abteilung/')index.html"
BODY="<p>Die Adresse ist $URL und gilt.</p>" doc "$T/broken.xml" "" ""
$BIN render -o "$T/broken.pdf" "$T/broken.xml" 2> "$T/err"
links "$T/broken.pdf" > "$T/links"
check "a link over two lines: two annotations with its target" \
	"[ \$(grep -c '^$URL ' $T/links) -eq 2 ] && [ \$(wc -l < $T/links) -eq 2 ]"
check "a link over two lines: one line apart" \
	"awk 'NR == 1 { b = \$3 } NR == 2 { d = b - \$3 } END { exit !(NR == 2 && d > 14.9 && d < 15.1) }' $T/links"

# ----- issue 7: English hyphenation -----
# Every line of an English text that ends in a hyphen breaks a word as the US
# patterns do (German ones break "hyphe-na-tion"); some do.
BODY="<p>$(repeat 8 'The hyphenation of the declaration needs an integration and a representative. ')</p>" \
	doc "$T/en.xml" "" ""
sed -i 's|<language>de</language>|<language>en</language>|' "$T/en.xml"
$BIN render -o "$T/en.pdf" "$T/en.xml" 2> "$T/err"
pdftotext -raw "$T/en.pdf" - | sed -n 's/.* \([A-Za-z]*-\)$/\1/p' > "$T/broken-words"
check "English text is hyphenated" "[ -s $T/broken-words ]"
check "English text is hyphenated as English" \
	"! grep -v -x -e hy- -e hyphen- -e dec- -e decla- -e declara- -e in- -e inte- \
	-e integra- -e rep- -e repre- -e represen- -e representa- $T/broken-words"

finish e2e-render
