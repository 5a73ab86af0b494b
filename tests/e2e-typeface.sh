#!/bin/sh
# A declaration names its typeface (issue 9), end to end: <typeface family> is found by
# the names inside the font files, in a fonts folder beside the declaration before the
# bundled faces; the bundled TeX Gyre Heros (CFF, kerned) sets a declaration; missing
# styles are warned about, an unknown family is an error with the nearest one.
# usage: tests/e2e-typeface.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh
LIMIT=${DECLGEN_VALGRIND:+300}
LIMIT=${LIMIT:-10}
HEROS=tests/data/typeface/heros.xml

# run COMMAND...: runs declgen, its messages in $T/err; returns its exit status.
run() { timeout $LIMIT $BIN "$@" > "$T/out" 2> "$T/err"; }
# stat_of FILE WORD: the number after WORD in the render --stats line for FILE.
stat_of() { run render --stats -o "$T/stat.pdf" "$1" && sed -n "s/.*, $2 \([0-9]*\),.*/\1/p" "$T/out"; }

# ----- the bundled second face -----
check "TeX Gyre Heros is bundled as CFF-flavoured OpenType" \
	"[ \"\$(head -c 4 fonts/texgyreheros-regular.otf)\" = OTTO ]"
run check $HEROS
check "declaration in TeX Gyre Heros: check exit 0" "[ $? -eq 0 ]"
check "declaration in TeX Gyre Heros: no message" "[ ! -s '$T/err' ]"
# The same text without <typeface> is set in Declgen Serif: other widths, other lines.
sed '/<typeface/d' $HEROS > "$T/serif.xml"
heros=$(stat_of $HEROS demerits)
serif=$(stat_of "$T/serif.xml" demerits)
check "TeX Gyre Heros is what layout measures (demerits $heros, Declgen Serif $serif)" \
	"[ -n '$heros' ] && [ -n '$serif' ] && [ '$heros' != '$serif' ]"
run render -o "$T/heros.pdf" $HEROS
check "declaration in TeX Gyre Heros: render exit 0" "[ $? -eq 0 ] && [ -s '$T/heros.pdf' ]"
pdffonts "$T/heros.pdf" > "$T/fonts.txt" 2>&1
for face in Regular Italic Bold BoldItalic; do
	check "TeX Gyre Heros $face embedded as CFF" "grep -q '^[A-Z]\{6\}+TeXGyreHeros-$face  *CID Type 0C (OT) .* yes yes yes ' '$T/fonts.txt'"
done
check "no other font in the PDF" "[ \$(grep -c 'yes yes yes' '$T/fonts.txt') -eq 4 ]"
pdftotext "$T/heros.pdf" "$T/heros.txt"
check "TeX Gyre Heros: text extracted as written" "grep -q 'bringen: „AV-Technik“, Tätowierer, Yachtbau, Volkshochschule.' '$T/heros.txt'"
sed 's/TeX Gyre Heros/tex gyre  HEROS/' $HEROS > "$T/case.xml"
run check "$T/case.xml"
check "family names compared without case" "[ $? -eq 0 ] && [ ! -s '$T/err' ]"

# ----- families not found -----
sed 's/TeX Gyre Heros/TeX Gyre Hero/' $HEROS > "$T/typo.xml"
run check "$T/typo.xml"
check "misspelt family: exit 1" "[ $? -eq 1 ]"
check "misspelt family: did you mean" "grep -q '^$T/typo.xml:10:5: error: no typeface \"TeX Gyre Hero\" in $T/fonts or among the typefaces of declgen (.*); did you mean \"TeX Gyre Heros\"?\$' '$T/err'"
sed 's/TeX Gyre Heros/Frutiger/' $HEROS > "$T/other.xml"
run check "$T/other.xml"
check "unknown family: the families found" "grep -q 'error: no typeface \"Frutiger\" .*; the typefaces found are \"Declgen Serif\", \"TeX Gyre Heros\"\$' '$T/err'"

# ----- a fonts folder beside the declaration -----
# The corporate face comes as files named anything: here TeX Gyre Heros, each face
# under a name that says nothing, and the regular face marked "restricted" so that
# the message shows which file was taken.
OWN=$T/own
mkdir -p "$OWN/fonts"
cp $HEROS "$OWN/d.xml"
cp fonts/texgyreheros-bolditalic.otf "$OWN/fonts/1.otf"
cp fonts/texgyreheros-italic.otf "$OWN/fonts/2.otf"
cp fonts/texgyreheros-bold.otf "$OWN/fonts/3.otf"
cp fonts/texgyreheros-regular.otf "$OWN/fonts/4.otf"
run check "$OWN/d.xml"
check "own folder: exit 0" "[ $? -eq 0 ] && [ ! -s '$T/err' ]"
python3 - "$OWN/fonts/4.otf" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
for i in range(struct.unpack('>H', data[4:6])[0]):
    rec = 12 + 16 * i
    if data[rec:rec + 4] == b'OS/2':
        at = struct.unpack('>I', data[rec + 8:rec + 12])[0] + 8
        data[at:at + 2] = b'\x00\x02'
open(sys.argv[1], 'wb').write(data)
PY
run check "$OWN/d.xml"
check "own folder wins over the bundled family" "[ $? -eq 1 ] && grep -q '^$OWN/fonts/4.otf: error: cannot load this font: its licence forbids embedding' '$T/err'"
check "own folder: one message" "[ \$(wc -l < '$T/err') -eq 1 ]"

# A family of a regular face alone: the other styles are set in it, each said once.
rm "$OWN/fonts/"*
cp fonts/texgyreheros-regular.otf "$OWN/fonts/Corporate.OTF"
run check "$OWN/d.xml"
check "regular face alone: exit 0" "[ $? -eq 0 ]"
for style in italic bold "bold italic"; do
	check "regular face alone: no $style face said" "grep -qx '$OWN/d.xml:10:5: warning: the typeface \"TeX Gyre Heros\" has no $style face: $style text is set in its regular face' '$T/err'"
done
check "regular face alone: three warnings" "[ \$(wc -l < '$T/err') -eq 3 ]"
# A bold face alone is no family to set text in.
rm "$OWN/fonts/"*
cp fonts/texgyreheros-bold.otf "$OWN/fonts/b.otf"
run check "$OWN/d.xml"
check "bold face alone: an error" "[ $? -eq 1 ] && grep -qx '$OWN/d.xml:10:5: error: the typeface \"TeX Gyre Heros\" in $OWN/fonts has no regular face (upright, not bold); add its regular face to $OWN/fonts' '$T/err'"
# A file in the folder that is no font stops the choice: it may be the face wanted.
cp fonts/texgyreheros-regular.otf "$OWN/fonts/r.otf"
printf 'GIF89a' > "$OWN/fonts/logo.ttf"
run check "$OWN/d.xml"
check "not a font in the folder: named" "[ $? -eq 1 ] && grep -qx '$OWN/fonts/logo.ttf: error: cannot load this font: not a TrueType or OpenType font; replace this font file' '$T/err'"

# ----- characters the family lacks -----
# TeX Gyre Heros has no capital sharp s (U+1E9E); Declgen Serif has.
sed 's|<heading>Vorwort</heading>|<heading>GROẞE</heading>|' $HEROS > "$T/sharp.xml"
run check "$T/sharp.xml"
check "character the family lacks: an error naming the family" \
	"[ $? -eq 1 ] && grep -q 'error: character U+1E9E cannot be shown: the typeface TeX Gyre Heros has no glyph' '$T/err'"
sed '/<typeface/d' "$T/sharp.xml" > "$T/sharp-serif.xml"
run check "$T/sharp-serif.xml"
check "character Declgen Serif has: no error" "[ $? -eq 0 ]"

# ----- the typeface is content: hash and diff see it -----
sed '/<typeface/d' $HEROS > "$T/noface.xml"
check "hash: the typeface changes it" \
	"[ \"\$($BIN hash $HEROS | cut -c1-64)\" != \"\$($BIN hash '$T/noface.xml' | cut -c1-64)\" ]"
$BIN diff "$T/noface.xml" $HEROS > "$T/out" 2>&1
check "diff: a typeface named is a change (exit 1)" "[ $? -eq 1 ] && grep -qx 'added typeface: \"TeX Gyre Heros\"' '$T/out'"

# ----- render -M names the faces the declaration is set in -----
$BIN render -M -o "$T/dep.pdf" $HEROS 2> "$T/err"
check "render -M: the Heros faces, not Declgen Serif" \
	"grep -q 'texgyreheros-bolditalic.otf' '$T/dep.pdf.d' && ! grep -q DeclgenSerif '$T/dep.pdf.d'"

# ----- a family's condensed faces share its name: the normal width is chosen -----
DV=/usr/share/fonts/truetype/dejavu
WIDE=$T/wide
mkdir -p "$WIDE/fonts"
sed 's/TeX Gyre Heros/DejaVu Sans/' $HEROS > "$WIDE/d.xml"
# Read first, so that only the width class can decide.
cp $DV/DejaVuSansCondensed.ttf "$WIDE/fonts/a.ttf"
cp $DV/DejaVuSans.ttf "$WIDE/fonts/b.ttf"
run render -o "$WIDE/d.pdf" "$WIDE/d.xml"
check "normal width over condensed: the regular face is DejaVu Sans" \
	"pdffonts '$WIDE/d.pdf' | grep -q '+DejaVuSans ' && ! pdffonts '$WIDE/d.pdf' | grep -q 'DejaVuSansCondensed '"

finish e2e-typeface
