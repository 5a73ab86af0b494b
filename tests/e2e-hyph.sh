#!/bin/sh
# End-to-end tests of the hyphenation patterns: a declaration set with the built-in
# index of hyphen/*.dic (tools/hyph_index.c) and with the same patterns in a file that
# is not built in, scanned at run time, gives the same PDF; the index tool's checks.
# usage: tests/e2e-hyph.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
TOOL=$(dirname "$BIN")/tools/hyph_index
[ -x "$TOOL" ] || TOOL=build/tools/hyph_index
. tests/e2e-lib.sh
LIMIT=60

# A data directory like the source tree's, with the German patterns ending in a
# comment line: no longer the file the index was built from, so scanned.
mkdir "$T/data" "$T/data/hyphen"
ln -s "$PWD/schemas" "$T/data/schemas"
ln -s "$PWD/fonts" "$T/data/fonts"
cp hyphen/* "$T/data/hyphen/"
echo '% not built in' >> "$T/data/hyphen/hyph_de.dic"

# A declaration with English and German text: long compounds, words the patterns
# break at a word's start and end, and a paragraph in English.
cat > "$T/mixed.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>silben</id>
    <language>de</language>
    <version>1.0</version>
    <signing><place>Mönchengladbach</place><date>2024-02-29</date></signing>
    <title><line>Erklärung</line></title>
    <short-title>Erklärung</short-title>
  </meta>
  <body>
    <p>Arbeitsmarktintegrationsmaßnahmen, Berufsinformationszentren und
      Ausbildungsplatzvermittlungsgespräche stehen Geflüchteten offen; die
      Sozialversicherungspflichtigkeit beginnt mit dem Beschäftigungsverhältnis.
      Qualifizierungsangebote, Anerkennungsverfahren, Sprachförderungsprogramme und
      Kinderbetreuungsmöglichkeiten ergänzen einander.</p>
    <p xml:lang="en">Comprehensive integration programmes, apprenticeship opportunities and
      recognition procedures are coordinated internationally by the participating
      organisations, notwithstanding administrative responsibilities.</p>
  </body>
  <signatures>
    <signatory>
      <name>Erika Mustermann</name>
      <function>Geschäftsführerin der Wirtschaftsförderungsgesellschaft</function>
      <organisation><line>Arbeitsgemeinschaft Integrationsberatung</line></organisation>
    </signatory>
  </signatures>
</declaration>
XML

# Long words of a German word list (wngerman) in justified paragraphs of 30 words:
# many of them hyphenated, where any difference in the break points would show.
awk 'length($0) >= 13 && $0 ~ /^[A-Za-zÄÖÜäöüß]+$/ && ++n % 40 == 0 {
	printf "%s%s", (++k % 30 == 1 ? "<p>" : " "), $0; if (k % 30 == 0) print "</p>" }
	END { if (k % 30) print "</p>" }' /usr/share/dict/ngerman > "$T/words.body"
sed -e '/<body>/r '"$T/words.body" -e '/<body>/,/<\/body>/{/<body>/!{/<\/body>/!d}}' \
	"$T/mixed.xml" > "$T/words.xml"

for f in "$T/mixed.xml" "$T/words.xml" declarations/krefeld-viersen.xml; do
	n=$(basename "$f" .xml)
	check "$n: rendered with the built-in index" \
		"timeout $LIMIT $BIN render --stats -o $T/$n-index.pdf $f > $T/$n-index.stats 2>&1"
	check "$n: rendered with patterns scanned at run time" \
		"DECLGEN_DATADIR=$T/data timeout $LIMIT $BIN render --stats -o $T/$n-scan.pdf $f \
		> $T/$n-scan.stats 2>&1"
	check "$n: the same PDF either way" "cmp -s $T/$n-index.pdf $T/$n-scan.pdf"
	check "$n: hyphenated at all" "grep -q ' [1-9][0-9]* hyphenated' $T/$n-index.stats"
	check "$n: the same statistics" \
		"[ \"\$(sed 's/[^ ]*: //' $T/$n-index.stats)\" = \"\$(sed 's/[^ ]*: //' $T/$n-scan.stats)\" ]"
done

# ----- the index tool -----
# Made by substrings.pl: every prefix with a pattern as suffix is a pattern ("ab1c"'s
# prefix "ab" has "b", so "a1b" is there).
printf 'ISO8859-1\nLEFTHYPHENMIN 1\nab1c\na1b\nb1\n' > "$T/closed.dic"
# Not so: "ab" has the pattern "b" as suffix and is no pattern; its state must be loaded.
printf 'ISO8859-1\nLEFTHYPHENMIN 1\nab1c\nb1\n' > "$T/open.dic"
printf 'ISO8859-1\na1b\nNEXTLEVEL\nc1d\n' > "$T/levels.dic"
check "tool: a closed file loads no bare prefix" \
	"$TOOL $T/closed.dic > $T/closed.inc && grep -q 'closed as substrings.pl makes files: yes' $T/closed.inc"
check "tool: a file that is not closed loads its prefixes as states" \
	"$TOOL $T/open.dic > $T/open.inc && grep -q 'closed as substrings.pl makes files: no' $T/open.inc"
check "tool: two levels of patterns refused" \
	"! $TOOL $T/levels.dic > $T/levels.inc 2> $T/levels.err && grep -q 'two levels' $T/levels.err"
check "tool: a missing file refused" "! $TOOL $T/none.dic > $T/none.inc 2>&1"

finish e2e-hyph
