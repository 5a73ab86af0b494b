#!/bin/sh
# Kerning as a reader sees it (issue 9): in a declaration set in the bundled TeX Gyre
# Heros, the distance between the origins of two glyphs of a word, read back by MuPDF
# (mutool draw -F stext), is the first glyph's advance plus the face's kerning for the
# pair, as HarfBuzz's own hb-shape positions the pair with ligatures off; and "fl", "fi"
# stay two glyphs (German compounds must not ligate across their joints).
# usage: tests/e2e-kerning.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

sed 's/Yachtbau,/Yachtbau, Auflage, Schilfinsel,/' tests/data/typeface/heros.xml > "$T/k.xml"
$BIN render -o "$T/k.pdf" "$T/k.xml" 2> "$T/err"
check "render in TeX Gyre Heros: exit 0" "[ $? -eq 0 ]"
mutool draw -F stext -o "$T/k.stext" "$T/k.pdf" 2> /dev/null
check "mutool reads the PDF back" "[ -s '$T/k.stext' ]"

# Every pair of neighbouring characters of a line as "FONT SIZE C1 C2 DX".
awk '
/<line / { have = 0 }
/<font / {
	match($0, /name="[^"]*"/); font = substr($0, RSTART + 6, RLENGTH - 7)
	match($0, /size="[^"]*"/); size = substr($0, RSTART + 6, RLENGTH - 7)
	have = 0
}
/<char / {
	match($0, / x="[^"]*"/); x = substr($0, RSTART + 4, RLENGTH - 5)
	match($0, / c="[^"]*"/); c = substr($0, RSTART + 4, RLENGTH - 5)
	if (have && c != " " && prev != " ")
		printf "%s %s %s %s %.4f\n", font, size, prev, c, x - px
	prev = c; px = x; have = 1
}' "$T/k.stext" > "$T/pairs"

# face FONTNAME: the bundled file of a PostScript name such as TeXGyreHeros-BoldItalic.
face() {
	case $1 in
	*-BoldItalic) echo fonts/texgyreheros-bolditalic.otf ;;
	*-Bold) echo fonts/texgyreheros-bold.otf ;;
	*-Italic) echo fonts/texgyreheros-italic.otf ;;
	*) echo fonts/texgyreheros-regular.otf ;;
	esac
}
# advance FILE TEXT: the first glyph's advance in font units (1/1000 em in Heros) when
# HarfBuzz shapes TEXT with ligatures off.
advance() {
	hb-shape --features=-liga,-clig,-dlig,-hlig --no-glyph-names --no-clusters "$1" "$2" |
	    sed 's/^\[[0-9]*+\([0-9-]*\).*/\1/'
}

for pair in We Ve Ta AV Te Vo fl fi; do
	a=$(printf %s "$pair" | cut -c1)
	b=$(printf %s "$pair" | cut -c2)
	row=$(awk -v a="$a" -v b="$b" '$3 == a && $4 == b { print; exit }' "$T/pairs")
	check "$pair: found in the PDF" "[ -n '$row' ]"
	[ -n "$row" ] || continue
	set -- $row
	file=$(face "$1")
	kerned=$(advance "$file" "$pair")
	alone=$(advance "$file" "$a")
	case $pair in
	f?) check "$pair in $1: two glyphs, not a ligature" \
		"[ \$(hb-shape --features=-liga,-clig,-dlig,-hlig '$file' '$pair' | tr '|' '\n' | wc -l) -eq 2 ]" ;;
	*) check "$pair in $1: the face kerns it ($alone -> $kerned)" "[ '$kerned' -lt '$alone' ]" ;;
	esac
	check "$pair in $1 at $2 pt: glyphs $5 pt apart = ($kerned/1000 em) within 0.01 pt" \
		"awk -v d=$5 -v k=$kerned -v s=$2 'BEGIN { e = d - k * s / 1000; exit !(e < 0.01 && e > -0.01) }'"
done
check "pdftotext reads Auflage and Schilfinsel whole" \
	"pdftotext -raw '$T/k.pdf' - | tr -d '\n' | grep -q 'Auflage, Schilfinsel'"
finish e2e-kerning
