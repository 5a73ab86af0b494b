#!/bin/sh
# End-to-end tests: drive the built binary, read its PDFs back with poppler and qpdf.
# usage: tests/e2e.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

# Every word of a text file must come back from the PDF, in order.
words_in_order() { # SOURCE_TEXT PDF_TEXT
	tr -s ' \n' '\n\n' < "$1" | grep -v '^$' > "$T/want"
	# Join hyphenated line ends back: "grund-\nständigen" -> "grundständigen".
	sed -e ':a' -e '/[[:alpha:]]-$/{N;s/-\n//;ba' -e '}' "$2" | tr -s ' \n\f' '\n\n\n' |
		grep -v '^$' > "$T/got"
	awk 'NR==FNR { want[++n] = $0; next } i < n && $0 == want[i + 1] { i++ }
	     END { if (i < n) { print "missing from here: " want[i + 1]; exit 1 } }' \
		"$T/want" "$T/got"
}

for name in krefeld-viersen bergisch-gladbach-bruehl-koeln; do
	src=declarations/$name.xml
	pdf=$T/$name.pdf
	check "$name: render exits 0" "$BIN render -o $pdf $src 2>$T/err"
	check "$name: render prints nothing" "[ ! -s $T/err ]"
	check "$name: qpdf --check" "qpdf --check $pdf >/dev/null 2>&1"
	pdftotext -raw "$pdf" "$T/$name.txt" 2>"$T/warn"
	check "$name: no syntax warnings from poppler" "[ ! -s $T/warn ]"
	pdffonts "$pdf" 2>>"$T/warn" | tail -n +3 > "$T/fonts"
	check "$name: fonts listed" "[ -s $T/fonts ]"
	check "$name: every font embedded and subset" \
		"awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\" || \$(NF-2) != \"yes\") exit 1 }' $T/fonts"
	check "$name: A4 pages" "pdfinfo $pdf | grep -q 'Page size: *595.276 x 841.89 pts (A4)'"
	check "$name: creator" "pdfinfo $pdf | grep -q '^Creator: *declgen '"
	check "$name: page numbers" "grep -q 'Seite 2 von 2' $T/$name.txt"
	# The body and all signatories, word for word, from the source text.
	# The source's body as declgen sets it: <q> as German quotes, tags dropped.
	xmllint --xpath '//*[local-name()="body"]' "$src" 2>/dev/null |
		sed -e 's/<q>/„/g' -e 's|</q>|“|g' -e 's:</\{0,1\}\(em\|strong\|nobreak\)>::g' \
		-e 's/<[^>]*>/ /g' > "$T/body"
	check "$name: all body text comes back" "words_in_order $T/body $T/$name.txt"
	xmllint --xpath '//*[local-name()="signatory"]//text()' "$src" > "$T/sigs" 2>/dev/null
	check "$name: all signatories come back" "words_in_order $T/sigs $T/$name.txt"
	check "$name: German characters exact" "grep -q 'Erklärung' $T/$name.txt && grep -q '–' $T/$name.txt"
	$BIN render -o "$T/again.pdf" "$src"
	check "$name: byte-identical on a second render" "cmp -s $pdf $T/again.pdf"
	# Every signature block comes back whole on one page.
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
	for p in $(seq 1 "$pages"); do pdftotext -raw -f "$p" -l "$p" "$pdf" "$T/page$p"; done
	nsig=$(xmllint --xpath 'count(//*[local-name()="signatory"])' "$src")
	split=0
	for i in $(seq 1 "$nsig"); do
		xmllint --xpath "(//*[local-name()='signatory'])[$i]//text()" "$src" |
			sed 's/^ *//; s/ *$//' | grep -v '^$' > "$T/sig"
		first=$(head -n 1 "$T/sig")
		home=$(grep -lF "$first" "$T"/page* | tail -n 1)
		while read -r line; do
			grep -qF "$line" "$home" || split=1
		done < "$T/sig"
	done
	check "$name: no signature block split across pages" "[ $split -eq 0 ] && [ $nsig -gt 0 ]"
	# Justified lines end at the right margin (210 - 25 mm = 524.409 pt).
	pdftotext -bbox-layout "$pdf" "$T/bbox.html" 2>/dev/null
	check "$name: justified lines span the measure" \
		"awk -v right=524.409 -f tests/justified.awk $T/bbox.html"
	# The footer stands below 780 pt from the top.
	check "$name: no widow or orphan" \
		"awk -v right=524.409 -v footer=780 -f tests/widows.awk $T/bbox.html"
done
check "quotes come back" "grep -q '„Job-Turbo“' $T/krefeld-viersen.txt"
check "ß comes back" "grep -q 'großes' $T/bergisch-gladbach-bruehl-koeln.txt"
# The dateline twice: atop the text, and again last before the first signature block.
check "place and date above the signatures" \
	"awk '/^Krefeld, 22.01.2024\$/ { n++; last = NR } /^Thomas Becker\$/ { name = NR }
	     END { exit !(n == 2 && last < name && name - last <= 2) }' $T/krefeld-viersen.txt"

# A declaration of our own with what the two do not have (tests/showcase): numbered and
# nested lists, an English motto, addresses, a three-column grid of long names with a
# seal, one person signing for two organisations.
show=tests/showcase/aachen-dueren.xml
check "showcase: check and render print nothing" \
	"$BIN check $show 2>$T/err && [ ! -s $T/err ] && $BIN render -o $T/show.pdf $show 2>$T/err && [ ! -s $T/err ]"
pdftotext -raw "$T/show.pdf" "$T/show.txt"
check "showcase: numbered items, nested ones after the second" \
	"awk '/^1\\. Die Jobcenter/ { a = NR } /^2\\. Die Kammern/ { b = NR } /^a\\) Handwerkskammer/ { c = NR }
	     /^b\\) Industrie/ { d = NR } /^3\\. Die Kommunen/ { e = NR }
	     END { exit !(a && a < b && b < c && c < d && d < e) }' $T/show.txt"
check "showcase: English quotation marks in the motto" "grep -q '“Work is the best way to belong.”' $T/show.txt"
check "showcase: the address is linked" \
	"qpdf --qdf --object-streams=disable $T/show.pdf - | grep -q '/URI (https://www.arbeitsagentur.de/vor-ort/aachen-dueren/job-turbo)'"
check "showcase: one person for two organisations" \
	"[ \$(grep -c '^Ayşe Demir-Kowalczyk' $T/show.txt) -eq 2 ]"
check "showcase: the seal's room" "grep -q '^Siegel' $T/show.txt"

# check: exit codes and GNU-style messages.
check "check: valid files exit 0" "$BIN check declarations/*.xml"
$BIN check tests/data/bad-unknown-element.xml 2>"$T/err"
check "check: invalid file exits 1" "[ $? -eq 1 ]"
check "check: FILE:LINE:COL: error: message" \
	"grep -q '^tests/data/bad-unknown-element.xml:14:5: error: ' $T/err"
$BIN check declarations/krefeld-viersen.xml tests/data/bad-invalid-date.xml \
	tests/data/bad-empty-paragraph.xml 2>"$T/err"
check "check: several files, all problems reported" "[ $? -eq 1 ] && [ \$(wc -l < $T/err) -eq 2 ]"
$BIN check "$T/missing.xml" 2>/dev/null
check "check: missing file exits 2" "[ $? -eq 2 ]"
$BIN check 2>/dev/null
check "usage error exits 2" "[ $? -eq 2 ]"
$BIN render --frobnicate x.xml 2>"$T/err"
check "unknown option exits 2 with usage" "[ $? -eq 2 ] && grep -q '^usage:' $T/err"
$BIN render -o "$T/a.pdf" declarations/*.xml 2>/dev/null
check "-o with two inputs is a usage error" "[ $? -eq 2 ] && [ ! -e $T/a.pdf ]"
check "--help" "$BIN --help | grep -q 'render'"
check "--version" "$BIN --version | grep -q '^declgen [0-9]'"

# render -d DIR: one PDF per input.
mkdir "$T/out"
check "render -d" "$BIN render -d $T/out declarations/*.xml && [ -s $T/out/krefeld-viersen.pdf ] && [ -s $T/out/bergisch-gladbach-bruehl-koeln.pdf ]"

# A bad input never touches the existing PDF, and leaves no temporary file.
cp "$T/krefeld-viersen.pdf" "$T/keep.pdf"
$BIN render -o "$T/keep.pdf" tests/data/bad-malformed.xml 2>/dev/null
check "invalid input: exit 1" "[ $? -eq 1 ]"
check "invalid input: previous PDF intact" "cmp -s $T/keep.pdf $T/krefeld-viersen.pdf"
check "no temporary files left" "[ -z \"\$(ls -A $T | grep '^\.')\" ]"
$BIN render -o "$T/out" declarations/krefeld-viersen.xml 2>"$T/err"
check "output path is a directory: exit 2" "[ $? -eq 2 ] && grep -q 'is a directory' $T/err"

finish e2e
