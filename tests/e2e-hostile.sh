#!/bin/sh
# Hostile and broken input, end to end: every class gets its exact message and exit
# status, finishes in bounded time, reads nothing it should not, and loses nothing.
# usage: tests/e2e-hostile.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh
H=tests/data/hostile
# A secret the attacks try to read, and a FIFO that blocks whoever opens it: both in
# the scratch folder, so that runs in parallel do not share them.
SECRET=$T/secret.txt
FIFO=$T/fifo.xsd

# Time limit of one run: seconds normally, minutes under valgrind.
LIMIT=${DECLGEN_VALGRIND:+300}
LIMIT=${LIMIT:-10}

# expect NAME STATUS "FIRST LINE OF STDERR" COMMAND...: runs the command (in LIMIT
# seconds at most) and compares its exit status and the first line of its messages.
expect() {
	name=$1 status=$2 first=$3
	shift 3
	timeout $LIMIT "$@" > "$T/out" 2> "$T/err"
	got=$?
	if [ "$got" -ne "$status" ]; then
		bad "$name: exit status $got, not $status ($(head -n 1 "$T/err"))"
	elif [ -n "$first" ] && [ "$(head -n 1 "$T/err")" != "$first" ]; then
		bad "$name: said \"$(head -n 1 "$T/err")\", not \"$first\""
	else
		ok
	fi
}

echo "declgen-secret-6d1f" > "$SECRET"
mkfifo "$FIFO"
# The attack files' copies in $T name this run's secret and FIFO.
sed "s|SYSTEM \"[^\"]*\"|SYSTEM \"file://$SECRET\"|" $H/xxe.xml > "$T/xxe.xml"
sed "s|href=\"[^\"]*\"|href=\"$SECRET\"|" $H/xinclude.xml > "$T/xinclude.xml"
sed "s|\(schemaLocation=\"[^ ]*\) [^\"]*\"|\1 $FIFO\"|" $H/schema-location.xml > "$T/schema-location.xml"
check "attack files name this run's secret and FIFO" \
	"grep -q $SECRET $T/xxe.xml && grep -q $SECRET $T/xinclude.xml && grep -q $FIFO $T/schema-location.xml"

# ----- XML attacks -----
expect "external entity" 1 "$T/xxe.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
	$BIN render -o "$T/xxe.pdf" "$T/xxe.xml"
check "external entity: the file's contents appear nowhere" \
	"! grep -rq declgen-secret-6d1f $T/err $T/out && [ ! -e $T/xxe.pdf ]"
expect "external DTD" 1 "$H/external-dtd.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
	$BIN check $H/external-dtd.xml
# A DTD or schema location naming a FIFO: opening it would block until the time limit.
sed "2s|.*|<!DOCTYPE declaration SYSTEM \"$FIFO\">|" $H/external-dtd.xml > "$T/dtd-fifo.xml"
expect "external DTD is never read" 1 "$T/dtd-fifo.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
	$BIN check "$T/dtd-fifo.xml"
expect "xsi:schemaLocation is never read" 0 "" $BIN check "$T/schema-location.xml"
expect "billion laughs" 1 "$H/billion-laughs.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
	$BIN check $H/billion-laughs.xml
# Quadratic blowup: one 100 kB entity used 10,000 times (1 GB if expanded).
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "'
	head -c 100000 /dev/zero | tr '\0' a
	printf '">]>\n<declaration>'
	i=0; while [ $i -lt 10000 ]; do printf '&a;'; i=$((i + 1)); done
	printf '</declaration>\n'
} > "$T/quadratic.xml"
if [ -z "${ASAN_OPTIONS:-}" ] && [ -z "${DECLGEN_VALGRIND:-}" ]; then
	# Bounded memory: 200 MB of address space is plenty (sanitizers need more).
	expect "quadratic blowup, in 200 MB" 1 "$T/quadratic.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
		sh -c "ulimit -v 200000; exec $BIN check $T/quadratic.xml"
else
	expect "quadratic blowup" 1 "$T/quadratic.xml:2:1: error: a DOCTYPE is not allowed in a declaration; remove it" \
		$BIN check "$T/quadratic.xml"
fi
awk '{ if (/Ein <em>kurzer<\/em>/) { s = "Ein "; for (i = 0; i < 10000; i++) s = s "<em>"; s = s "tief";
	for (i = 0; i < 10000; i++) s = s "</em>"; sub(/Ein <em>kurzer<\/em>/, s) } print }' \
	tests/data/minimal.xml > "$T/deep.xml"
expect "10,000-deep nesting" 1 "$T/deep.xml:13:1028: error: elements are nested more than 256 levels deep; a declaration needs 8" \
	$BIN check "$T/deep.xml"
truncate -s 100M "$T/huge.xml"
expect "100 MB file" 1 "$T/huge.xml: error: file is larger than the limit of 4194304 bytes" \
	$BIN check "$T/huge.xml"
awk '{ if (/Ein <em>kurzer<\/em>/) { s = ""; for (i = 0; i < 20000; i++) s = s "Wort ";
	sub(/Ein <em>kurzer<\/em>/, s) } print }' tests/data/minimal.xml > "$T/block.xml"
expect "100 kB of text in one block" 1 "$T/block.xml:13:5: error: <p> holds 100052 bytes of text, more than the limit of 65536; split it" \
	$BIN check "$T/block.xml"
expect "processing instruction ignored" 0 "" $BIN render -o "$T/pi.pdf" $H/processing-instruction.xml
expect "XInclude rejected" 1 "$T/xinclude.xml:12:5: error: Element '{http://www.w3.org/2001/XInclude}include': This element is not expected. Expected is one of ( heading, p, list, motto, notice )" \
	$BIN check "$T/xinclude.xml"
check "XInclude: the file's contents appear nowhere" "! grep -q declgen-secret-6d1f $T/err"

# ----- encoding -----
expect "invalid UTF-8" 1 "$H/invalid-utf8.xml:13:19: error: the text is not valid UTF-8; save the file as UTF-8" \
	$BIN check $H/invalid-utf8.xml
expect "NUL byte" 1 "$H/nul.xml:13:19: error: a NUL byte in the text; the file is damaged or not text" \
	$BIN check $H/nul.xml
expect "UTF-8 byte order mark accepted" 0 "" $BIN check $H/bom.xml
expect "declared encoding other than UTF-8" 1 "$H/latin1.xml:1:31: error: the file declares encoding \"ISO-8859-1\"; declgen reads UTF-8 only: save it as UTF-8 and declare encoding=\"UTF-8\"" \
	$BIN check $H/latin1.xml
expect "UTF-16" 1 "$H/utf16.xml:1:1: error: the file is UTF-16 or UTF-32; save it as UTF-8" \
	$BIN check $H/utf16.xml
expect "C0 control character" 1 "$H/c0-control.xml:13:19: error: PCDATA invalid Char value 7" \
	$BIN check $H/c0-control.xml
expect "C1 control character" 1 "$H/c1-control.xml:13:5: error: control character U+0085 in text; remove it" \
	$BIN check $H/c1-control.xml

# ----- characters the fonts cannot show: an error, never a blank -----
expect "CJK" 1 "$H/cjk.xml:13:5: error: character U+4E2D cannot be shown: the typeface Declgen Serif has no glyph for it; replace or remove it" \
	$BIN render -o "$T/cjk.pdf" $H/cjk.xml
expect "Arabic" 1 "$H/arabic.xml:16:5: error: character U+0639 cannot be shown: the typeface Declgen Serif has no glyph for it; replace or remove it" \
	$BIN render -o "$T/arabic.pdf" $H/arabic.xml
expect "beyond the BMP" 1 "$H/emoji.xml:13:5: error: character U+1F600 cannot be shown: the typeface Declgen Serif has no glyph for it; replace or remove it" \
	$BIN render -o "$T/emoji.pdf" $H/emoji.xml
check "no PDF for text that cannot be shown" "[ ! -e $T/cjk.pdf ] && [ ! -e $T/emoji.pdf ]"

# ----- layout extremes: bounded time, warnings where it cannot be set well -----
expect "empty body" 1 "$H/empty-body.xml:11:3: error: Element 'body': Missing child element(s). Expected is one of ( heading, p, list, motto, notice )" \
	$BIN check $H/empty-body.xml
head_xml() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<declaration xmlns="urn:declgen:declaration:1" version="1.0"><meta><id>x</id><language>de</language><version>1</version><signing/><title><line>%s</line></title><short-title>X</short-title></meta>\n<body>\n' "$1"
}
P='<p>Deutschland hat in den vergangenen anderthalb Jahren bei der Aufnahme von geflüchteten Menschen Herausragendes geleistet. Mehr als eine Million Geflüchtete aus der Ukraine, Syrien und Afghanistan haben Schutz gesucht.</p>'
ONE='<signatures><signatory><organisation><line>O</line></organisation></signatory></signatures></declaration>'
{ head_xml Viele; echo "$P</body><signatures>"
  for i in $(seq 500); do echo "<signatory><name>Person $i</name><organisation><line>Organisation $i</line></organisation></signatory>"; done
  echo "</signatures></declaration>"; } > "$T/sig500.xml"
expect "500 signatories" 0 "" $BIN render --stats -o "$T/sig500.pdf" "$T/sig500.xml"
check "500 signatories: all there" "pdftotext -raw $T/sig500.pdf - | grep -qx 'Person 500'"
W=$(head -c 2000 /dev/zero | tr '\0' x)
{ head_xml Wort; echo "<p>Ein $W Wort.</p></body>$ONE"; } > "$T/word.xml"
expect "2,000-character word" 0 "$T/word.xml:4:1: warning: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is wider than the line even with hyphenation and is broken without hyphens; add soft hyphens (&#173;) or shorten it" \
	$BIN render --stats -o "$T/word.pdf" "$T/word.xml"
check "2,000-character word: no overfull line" "grep -q ' 0 overfull' $T/out"
TITLE=$(for i in $(seq 200); do printf "Sehr langer Titel "; done)
{ head_xml "$TITLE"; echo "$P</body>$ONE"; } > "$T/title.xml"
expect "title too long for the page" 0 "$T/title.xml:2:131: warning: the title takes 60 lines, more than a page; shorten it" \
	$BIN render --stats -o "$T/title.pdf" "$T/title.xml"
{ head_xml Lang; for i in $(seq 2500); do echo "$P"; done; echo "</body>$ONE"; } > "$T/pages.xml"
expect "200 pages" 0 "" $BIN render --stats -o "$T/pages.pdf" "$T/pages.xml"
check "200 pages: rendered" "grep -q ': 2[0-9][0-9] pages' $T/out"
{ head_xml Zuviel; echo "$P</body><signatures>"
  for i in $(seq 1001); do echo "<signatory><organisation><line>O $i</line></organisation></signatory>"; done
  echo "</signatures></declaration>"; } > "$T/sig1001.xml"
expect "more signatories than the limit" 1 "$T/sig1001.xml:1005:1: error: more than 1000 signatories" \
	$BIN check "$T/sig1001.xml"

# ----- assets: the format has none; an image is not part of it -----
expect "image element" 1 "$H/image.xml:12:5: error: Element 'image': This element is not expected. Expected is one of ( heading, p, list, motto, notice )" \
	$BIN check $H/image.xml

# ----- output -----
expect "output directory missing" 2 "$T/missing/out.pdf: error: cannot create a file in its directory: No such file or directory" \
	$BIN render -o "$T/missing/out.pdf" tests/data/minimal.xml
expect "output is a device" 2 "/dev/null: error: is not a regular file; name a regular file to write" \
	$BIN render -o /dev/null tests/data/minimal.xml
ln -s "$SECRET" "$T/link.pdf"
expect "output is a symbolic link" 2 "$T/link.pdf: error: is a symbolic link; name a regular file to write" \
	$BIN render -o "$T/link.pdf" tests/data/minimal.xml
check "the link's target is untouched" "grep -q declgen-secret-6d1f $SECRET"
expect "output where no file can be made" 2 "" $BIN render -o /proc/declgen.pdf tests/data/minimal.xml
check "...with a clear message" "grep -q '^/proc/declgen.pdf: error: cannot create a file in its directory' $T/err"
# Interrupted mid-render: the previous PDF stays, byte for byte, and nothing is left.
# (A shell starts background jobs with SIGINT ignored; env gives it back. A signal that
# comes before, on a busy machine, is lost: wait until env has run the program.)
# started PID: whether the background process PID is past the shell's fork and env.
started() {
	case $(tr '\0' ' ' < /proc/$1/cmdline 2>/dev/null) in
	env\ * | *e2e-hostile*) return 1 ;;
	esac
}
$BIN render -o "$T/keep.pdf" tests/data/minimal.xml
cp "$T/keep.pdf" "$T/keep.orig"
for sig in INT TERM; do
	cp "$T/keep.orig" "$T/keep.pdf"
	env --default-signal=INT,TERM $BIN render -o "$T/keep.pdf" "$T/pages.xml" 2> "$T/err" &
	pid=$!
	i=0
	while ! started $pid && [ $i -lt 1000 ]; do sleep 0.01; i=$((i + 1)); done
	sleep 0.05
	kill -s $sig $pid
	wait $pid
	status=$?
	check "SIG$sig: non-zero exit" "[ $status -ne 0 ]"
	check "SIG$sig: previous PDF intact" "cmp -s $T/keep.pdf $T/keep.orig"
	check "SIG$sig: no temporary file" "[ -z \"\$(ls -A $T | grep '^\.keep')\" ]"
done
# libharu's errors, in the user's terms: the fonts are missing.
mkdir -p "$T/data/schemas" && cp schemas/*.xsd "$T/data/schemas/"
DECLGEN_DATADIR="$T/data" timeout $LIMIT $BIN render -o "$T/nofont.pdf" tests/data/minimal.xml 2> "$T/err"
check "fonts missing: exit 2" "[ $? -eq 2 ]"
check "fonts missing: says which font" "grep -q '/fonts/DeclgenSerif-.*ttf: error: cannot load this font' $T/err"

# ----- face files of a declaration's own typeface (issue 9) -----
# A declaration set in "Declgen Serif" from a fonts folder beside it: the italic, bold
# and bold italic are sound copies, the regular face R is made hostile case by case.
FAM=$T/family
mkdir -p "$FAM/fonts"
sed 's|</short-title>|&<typeface family="Declgen Serif"/>|' tests/data/minimal.xml > "$FAM/d.xml"
cp fonts/DeclgenSerif-Italic.ttf fonts/DeclgenSerif-Bold.ttf fonts/DeclgenSerif-BoldItalic.ttf "$FAM/fonts/"
R=$FAM/fonts/DeclgenSerif-Regular.ttf
# face_patch TABLE OFFSET HEX: R becomes the bundled regular face with the bytes HEX
# at OFFSET of its table TABLE, or (OFFSET "tag") with the table renamed to HEX.
face_patch() {
	python3 - fonts/DeclgenSerif-Regular.ttf "$R" "$@" <<'EOF'
import struct, sys
src, dst, table, off, value = sys.argv[1:]
data = bytearray(open(src, 'rb').read())
for i in range(struct.unpack('>H', data[4:6])[0]):
    rec = 12 + 16 * i
    if data[rec:rec + 4] == table.encode():
        if off == 'tag':
            data[rec:rec + 4] = value.encode()
        else:
            at = struct.unpack('>I', data[rec + 8:rec + 12])[0] + int(off)
            data[at:at + len(value) // 2] = bytes.fromhex(value)
open(dst, 'wb').write(data)
EOF
}
# hostile_face NAME "PROBLEM": check names R with the problem and what to do.
hostile_face() {
	expect "face file: $1" 1 "$R: error: cannot load this font: $2" $BIN check "$FAM/d.xml"
	rm -rf "$R"
}
cp fonts/DeclgenSerif-Regular.ttf "$R"
expect "face file: sound family in the declaration's folder" 0 "" $BIN check "$FAM/d.xml"
printf '<html>not a font</html>' > "$R"
hostile_face "not a font" "not a TrueType or OpenType font; replace this font file"
head -c 100000 fonts/DeclgenSerif-Regular.ttf > "$R"
hostile_face "truncated" "the font file is truncated; replace this font file"
{ printf 'ttcf\000\001\000\000\000\000\000\001\000\000\000\020'; cat fonts/DeclgenSerif-Regular.ttf; } > "$R"
hostile_face "font collection" "a font collection (.ttc or .otc) holds several faces; save the face you need as a .ttf or .otf file of its own; replace this font file"
mkfifo "$R"
hostile_face "FIFO, never waited for" "not a regular file; replace this font file"
mkdir "$R"
hostile_face "folder" "Is a directory; replace this font file"
ln -s "$FAM/no-such-face.ttf" "$R"
hostile_face "dangling link" "No such file or directory; replace this font file"
truncate -s 33M "$R"
hostile_face "larger than the limit" "the file is larger than 32 MiB; replace this font file"
face_patch maxp 4 0000
hostile_face "zero glyphs" "the font has no glyphs; replace this font file"
face_patch hmtx tag hmty
hostile_face "no hmtx table" "the font lacks a table it needs (head, hhea, hmtx, maxp or cmap); replace this font file"
face_patch head 18 0003
hostile_face "3 units per em" "its units per em are not between 16 and 16384; replace this font file"
face_patch head 18 ffff
hostile_face "65535 units per em" "its units per em are not between 16 and 16384; replace this font file"
face_patch OS/2 8 0002
hostile_face "licence: restricted embedding" "its licence forbids embedding it in a document (OS/2 fsType: restricted license embedding); use a face whose licence allows embedding; replace this font file"
face_patch OS/2 8 0200
hostile_face "licence: bitmap embedding only" "its licence allows embedding it only as bitmaps (OS/2 fsType: bitmap embedding only); use a face whose licence allows embedding its outlines; replace this font file"
# Editable embedding (bit 3) with the obsolete bit 2 allows embedding.
face_patch OS/2 8 000c
expect "face file: editable embedding allowed" 0 "" $BIN check "$FAM/d.xml"

# ----- inputs the fuzzer found -----
# A subset font of a multiple of 4096 bytes without 'prep' made libharu fail and leak.
expect "fuzz: font subset of 4096 * n bytes" 0 "" $BIN render -o "$T/prep.pdf" tests/data/regress/fuzz-empty-prep.xml

finish e2e-hostile
