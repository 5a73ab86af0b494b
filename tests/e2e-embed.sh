#!/bin/sh
# End-to-end tests of the fonts the renderer embeds and of the words readers extract
# (issues 9, 11 "Words must be words in every reader", 13): poppler, MuPDF and
# Ghostscript read the same words; every font an embedded CID TrueType subset with a
# ToUnicode map; qpdf finds nothing wrong; a CFF-flavoured OpenType face is embedded as
# CIDFontType0 with /FontFile3 /OpenType.
# usage: tests/e2e-embed.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

OTF=/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyreheros-regular.otf

# words: standard input as one word a line (blanks of any kind separate words).
words() {
	tr -s ' \t\f\r\n' '\n\n\n\n\n' | sed '/^$/d'
}

# extract TOOL PDF [PAGE]: the words TOOL reads from PDF (all pages, or PAGE alone
# with poppler).
extract() {
	case $1 in
	poppler) pdftotext -raw ${3:+-f $3 -l $3} "$2" - ;;
	mupdf) mutool draw -q -F txt -o - "$2" 2>/dev/null ;;
	gs) gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile=- "$2" ;;
	esac | words
}

# same_words NAME PDF: poppler and MuPDF read the same word sequence from PDF, and so
# does Ghostscript on the first page (all running text); over the whole document
# Ghostscript reads the same words (it orders side-by-side signature columns by row).
same_words() {
	n=$1
	for t in poppler mupdf gs; do
		extract $t "$2" > "$T/$n.$t"
	done
	extract poppler "$2" 1 > "$T/$n.poppler.1"
	check "$n: pdftotext and mutool read the same words" \
		'cmp -s "$T/$n.poppler" "$T/$n.mupdf"'
	check "$n: pdftotext and gs read the same words on page 1" \
		'head -n "$(wc -l < "$T/$n.poppler.1")" "$T/$n.gs" | cmp -s "$T/$n.poppler.1" -'
	check "$n: gs reads the same words in the document" \
		'[ "$(sort "$T/$n.poppler" | cksum)" = "$(sort "$T/$n.gs" | cksum)" ]'
	check "$n: words were read" '[ "$(wc -l < "$T/$n.poppler")" -gt 20 ]'
}

# fonts_ok NAME PDF TYPE: every font of PDF is of TYPE (pdffonts' words), embedded, a
# subset and has a ToUnicode map.
fonts_ok() {
	n=$1 type=$3
	pdffonts "$2" > "$T/$n.fonts"
	check "$n: pdffonts lists fonts" '[ "$(sed 1,2d "$T/$n.fonts" | wc -l)" -ge 1 ]'
	check "$n: every font $type, embedded subset with ToUnicode" \
		'sed 1,2d "$T/$n.fonts" | awk -v t="$type" '"'"'
		{ if (index($0, t) == 0 || $(NF - 4) != "yes" || $(NF - 3) != "yes" ||
		    $(NF - 2) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/) bad = 1 }
		END { exit bad }'"'"''
}

qpdf_clean() {
	n=$1 pdf=$2
	check "$n: qpdf --check finds no error or warning" \
		'qpdf --check "$pdf" > "$T/$n.qpdf" 2>&1 && ! grep -qi "warning\|error:" "$T/$n.qpdf"'
}

# A justified text whose lines shrink their spaces below the normal width, with
# emphasis, addresses and links within lines (face changes within a line's run).
cat > "$T/tight.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>tight</id>
    <language>de</language>
    <version>1.0</version>
    <signing><place>Köln</place><date>2024-02-29</date></signing>
    <title><line>Enge Zeilen</line></title>
    <short-title>Enge Zeilen</short-title>
  </meta>
  <body>
    <p>Wir als Partner in der Region sind uns einig: Wer hier lebt, soll auch hier
    arbeiten können. Dazu bieten wir Kurse, Beratung und Praktika an, und wir helfen
    bei der Suche nach einer Stelle. Die Betriebe der Region tragen <em>gemeinsam</em>
    mit den Kammern dazu bei, dass neue Kolleginnen und Kollegen gut ankommen, auch wenn
    ihr Deutsch noch nicht perfekt ist. Alles <strong>Wichtige</strong> steht unter
    https://www.example.org/job oder kommt per Mail von info@example.org an alle, die
    es wissen wollen, und wer Fragen hat, ruft uns an oder kommt am Montag vorbei.</p>
    <p>Äußerst gut ist, dass so viele mitmachen: Schulen, Vereine, Ämter und Firmen
    aus dem Kreis und der Stadt, jeder mit dem, was er am besten kann.</p>
  </body>
  <signatures>
    <signatory><name>Erika Mustermann</name><organisation><line>Beispiel GmbH</line>
    </organisation></signatory>
  </signatures>
</declaration>
EOF

for d in declarations/krefeld-viersen.xml declarations/bergisch-gladbach-bruehl-koeln.xml \
    "$T/tight.xml"; do
	name=$(basename "$d" .xml)
	pdf="$T/$name.pdf"
	check "$name: renders" '"$BIN" render -o "$pdf" "$d" 2>"$T/$name.err"'
	same_words "$name" "$pdf"
	fonts_ok "$name" "$pdf" "CID TrueType"
	qpdf_clean "$name" "$pdf"
done

# Words of the tight text, whole, in the order written, as Ghostscript reads them.
check "tight: words in order" \
	'[ "$(grep -x "gemeinsam\|Wichtige\|https://www.example.org/job\|Äußerst" "$T/tight.gs" |
	tr "\n" " ")" = "gemeinsam Wichtige https://www.example.org/job Äußerst " ]'
# The text is set tight: lines whose word gaps are narrower than the space glyph (a
# positive TJ number after a word: the extractors must still see the spaces).
check "tight: spaces shrink" \
	'qpdf --qdf --object-streams=disable "$T/tight.pdf" "$T/tight-qdf.pdf" &&
	[ "$(grep -a "TJ\$" "$T/tight-qdf.pdf" | grep -o ">[1-9][0-9]*\.*[0-9]*<" | wc -l)" -ge 10 ]'

# The Krefeld/Viersen PDF is small (issue 13: 63,674 bytes with libharu's embedding).
check "krefeld-viersen: at most 40 KB" \
	'[ "$(wc -c < "$T/krefeld-viersen.pdf")" -le 40960 ]'
# The subset tags depend on the glyphs alone: the same input gives the same bytes.
check "krefeld-viersen: the same bytes twice" \
	'"$BIN" render -o "$T/again.pdf" declarations/krefeld-viersen.xml && cmp -s "$T/again.pdf" "$T/krefeld-viersen.pdf"'

# ----- a CFF-flavoured OpenType face (issue 9) -----
# A data directory whose four faces are TeX Gyre Heros (CFF outlines, "OTTO").
if [ -r "$OTF" ]; then
	mkdir "$T/data" "$T/data/fonts"
	ln -s "$PWD/schemas" "$T/data/schemas"
	ln -s "$PWD/hyphen" "$T/data/hyphen"
	for f in Regular Italic Bold BoldItalic; do
		ln -s "$OTF" "$T/data/fonts/DeclgenSerif-$f.ttf"
	done
	check "cff: renders" \
		'DECLGEN_DATADIR="$T/data" "$BIN" render -o "$T/cff.pdf" "$T/tight.xml"'
	fonts_ok cff "$T/cff.pdf" "CID Type 0C (OT)"
	check "cff: the font program is /FontFile3 /OpenType, PDF 1.6" \
		'qpdf --qdf --object-streams=disable "$T/cff.pdf" "$T/cff-qdf.pdf" &&
		grep -aq "/FontFile3" "$T/cff-qdf.pdf" && grep -aq "/Subtype /OpenType" "$T/cff-qdf.pdf" &&
		head -c 8 "$T/cff.pdf" | grep -q "%PDF-1.6"'
	qpdf_clean cff "$T/cff.pdf"
	same_words cff "$T/cff.pdf"
	check "cff: the words of the text" \
		'[ "$(grep -x "gemeinsam\|Wichtige\|Äußerst" "$T/cff.gs" | tr "\n" " ")" = \
		"gemeinsam Wichtige Äußerst " ]'
else
	echo "e2e-embed: $OTF missing (package fonts-texgyre): CFF not tested"
fi

finish e2e-embed
