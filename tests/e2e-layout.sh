#!/bin/sh
# End-to-end tests of the layout on declarations written here: numbered and nested
# lists, a three-column grid with seals and long organisation names, page furniture
# that must be fitted (long short title, long place), soft hyphens in it, English.
# usage: tests/e2e-layout.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

# A declaration: $1 file, $2 language, $3 <signing> content, $4 short title, $5 body,
# $6 signatures element.
decl() {
	cat > "$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>eigene</id>
    <language>$2</language>
    <version>2.3</version>
    <signing>$3</signing>
    <title><line>Gemeinsame Erklärung</line></title>
    <short-title>$4</short-title>
  </meta>
  <body>
$5
  </body>
$6
</declaration>
XML
}

# Every word (pdftotext -bbox) inside the margins (25 mm: 70.866 and 524.409 pt), and
# below the text area (297 - 25 mm: 770.98 pt from the top) only the footer's line.
inside() { # PDF
	pdftotext -bbox "$1" "$T/words.html" 2>/dev/null
	awk 'function attr(name) { match($0, name "=\"[-0-9.]+\""); return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 }
	     /<word / { n++
		if (attr("xMin") < 70.366 || attr("xMax") > 524.909) { print "outside: " $0; bad = 1 }
		if (attr("yMax") > 771.5 && attr("yMin") < 790) { print "below the text: " $0; bad = 1 } }
	     END { exit bad || n == 0 }' "$T/words.html"
}

LIST='<p>Die Partner vereinbaren die folgenden Maßnahmen.</p>
    <list numbering="I.">
      <item>Beratung in den Jobcentern.</item>
      <item>Sprachförderung mit berufsbezogenen Deutschkursen, abgestimmt mit den Integrationskursträgern und den Kammern der Region.</item>
      <item>Anerkennung ausländischer Berufsabschlüsse.
        <list numbering="a)"><item>Beratung durch die Kammern.</item><item>Finanzierung der Verfahren.</item></list></item>
      <item>Ausbildung.</item><item>Beschäftigung.</item><item>Begleitung.</item><item>Wohnen.</item>
      <item>Bericht an den Lenkungskreis.</item>
    </list>'
GRID='<signatures columns="3">
    <signatory seal="true"><name>Dr. Maria von der Heide</name><function>Vorsitzende der Geschäftsführung</function><organisation><line>Agentur für Arbeit Mönchengladbach</line></organisation></signatory>
    <signatory><name>Hans Müller</name><organisation><line>Dachverband der Migrantenselbstorganisationen</line></organisation></signatory>
    <signatory seal="true"><organisation><line>Industrie- und Handelskammer Mittlerer Niederrhein</line></organisation></signatory>
    <signatory><organisation><line>Stadt Mönchengladbach</line></organisation></signatory>
  </signatures>'
LONG_TITLE='Gemeinsame Erklärung zur Integration von Geflüchteten in den Arbeitsmarkt der Region Bergisch Gladbach, Brühl und Köln'
LONG_PLACE='Mönchengladbach-Rheydt im Kreis der Städte am linken Niederrhein'

# ----- lists, grid, fitted furniture -----
decl "$T/own.xml" de "<place>$LONG_PLACE</place>" "$LONG_TITLE" "$LIST" "$GRID"
$BIN render -o "$T/own.pdf" "$T/own.xml" 2>"$T/err"
check "own: render exits 0" "[ $? -eq 0 ]"
check "own: the footer's shortening is a warning" \
	"grep -q 'own.xml:[0-9]*:[0-9]*: warning: the short title and version do not fit in the footer' $T/err"
check "own: the place's wrapping is a warning" \
	"grep -q 'warning: the place \"Mönchengladbach-Rheydt im Kreis der Städ…\" does not fit on one line' $T/err"
check "own: two warnings, nothing else" "[ \$(wc -l < $T/err) -eq 2 ]"
check "own: everything inside the margins" "inside $T/own.pdf"
pdftotext -layout "$T/own.pdf" "$T/own.txt" 2>/dev/null
check "own: footer shortened with an ellipsis, version and page number whole" \
	"grep -q 'Arbeitsmarkt der… · Fassung 2.3 *Seite 1 von 1' $T/own.txt"
pdftotext -raw "$T/own.pdf" "$T/own.raw" 2>/dev/null
check "own: roman labels" "grep -q '^ VIII\. Bericht an den Lenkungskreis\.' $T/own.txt"
check "own: nested labels, indented" "grep -q '^        b) Finanzierung der Verfahren\.' $T/own.txt"
check "own: the place wraps before the blank" "grep -q '^Niederrhein, den' $T/own.raw"
sed -e ':a' -e '/[[:alpha:]]-$/{N;s/-\n//;ba' -e '}' "$T/own.raw" > "$T/own.joined"
check "own: a long organisation name hyphenated, never cut" \
	"grep -q 'Dachverband der Migrantenselbstorganisationen' $T/own.joined"
check "own: seal captions" "[ \$(grep -c '^Siegel\$' $T/own.raw) -eq 2 ]"
# Labels end at one x: the right edges of "I." and "VIII." (pdftotext -bbox).
pdftotext -bbox "$T/own.pdf" "$T/words.html" 2>/dev/null
check "own: labels aligned on their right edge" \
	"awk '/>I\\.</ || />IV\\.</ || />VIII\\.</ { match(\$0, /xMax=\"[0-9.]+\"/); x[++n] = substr(\$0, RSTART + 6, RLENGTH - 7) + 0 }
	     END { exit !(n == 3 && x[1] - x[2] < 0.01 && x[2] - x[1] < 0.01 && x[3] - x[1] < 0.01 && x[1] - x[3] < 0.01) }' $T/words.html"

# ----- a signature block taller than a page -----
LINES=''
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	LINES="$LINES<line>Eine lange Zeile einer Organisation, die in drei Spalten auf vier Zeilen umbricht, Nummer $i</line>"
done
decl "$T/tall.xml" de '' Kurz '<p>Text.</p>' "<signatures columns=\"3\"><signatory><name>Erika Lang</name><organisation>$LINES</organisation></signatory></signatures>"
$BIN render -o "$T/tall.pdf" "$T/tall.xml" 2>"$T/err"
check "tall block: exit 1, no PDF" "[ $? -eq 1 ] && [ ! -e $T/tall.pdf ]"
check "tall block: the error names the signatory" \
	"grep -q 'tall.xml:[0-9]*:[0-9]*: error: the signature block of \"Erika Lang\"' $T/err"
check "tall block: no false 'was split'" "! grep -q 'was split' $T/err"

# ----- soft hyphens in the furniture -----
decl "$T/shy.xml" de '<place>K&#246;&#173;ln</place>' 'Er&#173;kl&#228;rung' '<p>Text.</p>' \
	'<signatures><signatory><organisation><line>O</line></organisation></signatory></signatures>'
$BIN render -o "$T/shy.pdf" "$T/shy.xml" 2>"$T/err"
check "soft hyphens: render exits 0 silently" "[ $? -eq 0 ] && [ ! -s $T/err ]"
pdftotext -raw "$T/shy.pdf" "$T/shy.txt" 2>/dev/null
check "soft hyphens: not printed" "! grep -q -- '-' $T/shy.txt && ! grep -q \"\$(printf '\\302\\255')\" $T/shy.txt"
check "soft hyphens: the words whole" "grep -q 'Erklärung · Fassung 2.3' $T/shy.txt && grep -q '^Köln, den' $T/shy.txt"

# ----- English furniture -----
decl "$T/en.xml" en '<place>York</place><date>2024-01-22</date>' Joint '<p>Text.</p>' \
	'<signatures seal="true"><signatory><organisation><line>O</line></organisation></signatory></signatures>'
$BIN render -o "$T/en.pdf" "$T/en.xml" 2>"$T/err"
check "English: render exits 0 silently" "[ $? -eq 0 ] && [ ! -s $T/err ]"
pdftotext -raw "$T/en.pdf" "$T/en.txt" 2>/dev/null
check "English: footer" "grep -q 'Joint · Version 2.3' $T/en.txt && grep -q 'Page 1 of 1' $T/en.txt"
check "English: date written out" "grep -q '^York, January 22, 2024\$' $T/en.txt"
check "English: seal caption" "grep -q '^Seal\$' $T/en.txt"

# ----- time bounds (issue 8, item 4) -----
# A body of random lowercase words of $2 letters, $3 to a paragraph, filling the file
# to just under the 4 MiB input limit; header and signatures from tests/data/minimal.xml.
random_words() { # FILE LETTERS PER_PARAGRAPH
	awk -v letters="$2" -v per="$3" -v limit=4194304 '
	BEGIN { srand(1); RS = "^$" }
	{ split($0, part, "<body>"); head = part[1] "<body>\n"; split($0, part, "</body>")
	  tail = "</body>" part[2]; room = limit - length(head) - length(tail) - 64
	  printf "%s", head
	  for (;;) {
		p = "<p>"
		for (w = 0; w < per; w++) {
			if (w) p = p " "
			for (k = 0; k < letters; k++) p = p substr("abcdefghijklmnopqrstuvwxyz", int(rand() * 26) + 1, 1)
		}
		p = p "</p>\n"
		if (size + length(p) > room) break
		printf "%s", p; size += length(p)
	  }
	  printf "%s", tail }' tests/data/minimal.xml > "$1"
}

# CPU seconds (user + system, as the shell's `times` counts its children) of
# `BIN check FILE`, in milliseconds.
check_cpu_ms() { # FILE
	(
		"$BIN" check "$1" >/dev/null 2>&1
		times
	) | awk 'NR == 2 { split($0, t, /[ms]+/); print int((t[1] * 60 + t[2] + t[3] * 60 + t[4]) * 1000) }'
}

# 40-letter words, 100 a paragraph, hyphenate at many points and set loose lines: the
# line breaker keeps many break points active (linebreak.c). 129-letter words load the
# hyphenation patterns' preselection (hyph.c).
for shape in "40 100" "129 40"; do
	set -- $shape
	random_words "$T/words$1.xml" "$1" "$2"
	check "random $1-letter words: 4 MiB input" \
		"[ \$(wc -c < $T/words$1.xml) -gt 4100000 ] && [ \$(wc -c < $T/words$1.xml) -le 4194304 ]"
	# The bound is the plain build's: sanitizers and valgrind are several times slower.
	if [ -z "${ASAN_OPTIONS:-}" ] && [ -z "${DECLGEN_VALGRIND:-}" ]; then
		# The least of three runs: CPU time too grows on a machine busy with other
		# work (caches, frequency), and a cost over the bound shows in every run.
		ms=$(for run in 1 2 3; do check_cpu_ms "$T/words$1.xml"; done | sort -n | head -n 1)
		check "random $1-letter words: check takes under 1 s CPU (took $ms ms)" \
			"[ $ms -lt 1000 ]"
	fi
done

finish e2e-layout
