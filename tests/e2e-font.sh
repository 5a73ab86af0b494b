#!/bin/sh
# The font stage, end to end: a damaged face in the data directory is an error naming
# the file, for check as for render, and an existing PDF is left as it was; intact
# copies of the faces render the same PDF as the bundled ones; a batch of inputs loads
# the faces once and renders each as it is rendered alone.
# usage: tests/e2e-font.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh
IN=tests/data/minimal.xml
LIMIT=${DECLGEN_VALGRIND:+300}
LIMIT=${LIMIT:-10}

# A data directory: the schema, the patterns and the four faces.
mkdir -p "$T/data/fonts"
cp -r schemas hyphen "$T/data/"
cp fonts/*.ttf "$T/data/fonts/"
BOLD=$T/data/fonts/DeclgenSerif-Bold.ttf
cp "$BOLD" "$T/bold.ttf"
run() { DECLGEN_DATADIR="$T/data" timeout $LIMIT $BIN "$@" > "$T/out" 2> "$T/err"; }

run render -o "$T/copy.pdf" $IN
check "intact copies: exit 0" "[ $? -eq 0 ]"
$BIN render -o "$T/bundled.pdf" $IN 2> /dev/null
check "intact copies: the same PDF as the bundled faces" "cmp -s '$T/copy.pdf' '$T/bundled.pdf'"
check "intact copies: no message" "[ ! -s '$T/err' ]"

# A batch shares the faces: each PDF of one render -d is the PDF of its input rendered
# alone, whatever was rendered before it.
BATCH="$IN tests/showcase/aachen-dueren.xml declarations/krefeld-viersen.xml $IN"
mkdir "$T/batch" "$T/alone"
run render -d "$T/batch" $IN tests/showcase/aachen-dueren.xml declarations/krefeld-viersen.xml
check "batch: exit 0" "[ $? -eq 0 ]"
for f in $IN tests/showcase/aachen-dueren.xml declarations/krefeld-viersen.xml; do
	n=$(basename "$f" .xml)
	run render -o "$T/alone/$n.pdf" "$f"
	check "batch: $n.pdf as rendered alone" "cmp -s '$T/batch/$n.pdf' '$T/alone/$n.pdf'"
done
# Where strace is installed: checking four inputs opens each face file once.
if command -v strace > /dev/null 2>&1; then
	DECLGEN_DATADIR="$T/data" strace -f -qq -e trace=open,openat -o "$T/trace" \
	    timeout $LIMIT $BIN check $BATCH > /dev/null 2>&1
	check "batch: check of four inputs opens each face once" \
	    "[ \$(grep -c 'DeclgenSerif-[A-Za-z]*\.ttf\"' '$T/trace') -eq 4 ]"
fi

# damaged NAME WHY: with the bold face damaged, check and render exit 2 with one
# message naming its file, and the previous PDF stays.
damaged() {
	for cmd in check render; do
		cp "$T/bundled.pdf" "$T/old.pdf"
		if [ $cmd = check ]; then run check $IN; else run render -o "$T/old.pdf" $IN; fi
		check "$1, $cmd: exit 2" "[ $? -eq 2 ]"
		check "$1, $cmd: names the file" \
		    "grep -qx '$BOLD: error: cannot load this font: $2; reinstall declgen' '$T/err'"
		check "$1, $cmd: one message" "[ \$(wc -l < '$T/err') -eq 1 ]"
		check "$1, $cmd: old PDF untouched" "cmp -s '$T/old.pdf' '$T/bundled.pdf'"
	done
}
rm "$BOLD"
damaged "missing face" "No such file or directory"
# A face that failed is not kept: every input of a batch reports it.
run check $IN $IN
check "missing face, two inputs: exit 2" "[ $? -eq 2 ]"
check "missing face, two inputs: reported for each" \
    "[ \$(grep -c '^$BOLD: error: cannot load this font' '$T/err') -eq 2 ]"
head -c 100 "$T/bold.ttf" > "$BOLD"
damaged "face cut after 100 bytes" "the font file is truncated"
head -c 100000 "$T/bold.ttf" > "$BOLD"
damaged "face cut after 100000 bytes" "the font file is truncated"
cp $IN "$BOLD"
damaged "XML as a face" "not a TrueType or OpenType font"
: > "$BOLD"
damaged "empty face" "not a TrueType or OpenType font"
cp "$T/bold.ttf" "$BOLD" && chmod 000 "$BOLD"
# root reads any file: the case only means something for other users.
if [ "$(id -u)" -ne 0 ]; then damaged "unreadable face" "Permission denied"; fi

finish e2e-font
