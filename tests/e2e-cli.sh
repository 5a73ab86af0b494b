#!/bin/sh
# The command line, end to end: files are never lost (inputs, non-PDFs, two inputs to
# one output), inputs that would block are refused, interruptions act at once outside
# the write, output errors are reported, `check` reports what `render` would.
# usage: tests/e2e-cli.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh
MIN=tests/data/minimal.xml

# Time limit of one run: seconds normally, minutes under valgrind.
LIMIT=${DECLGEN_VALGRIND:+300}
LIMIT=${LIMIT:-10}

# run COMMAND...: runs it in LIMIT seconds at most; $status, $T/out and $T/err.
run() {
	timeout -k 5 $LIMIT "$@" > "$T/out" 2> "$T/err"
	status=$?
}
said() { grep -qF -- "$1" "$T/err"; }

# doc LANGUAGE BODY [SIGNATORY]: a declaration with the given body.
doc() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<declaration xmlns="urn:declgen:declaration:1" version="1.0"><meta><id>x</id>'
	printf '<language>%s</language><version>1</version><signing/><title><line>T</line>' "$1"
	printf '</title><short-title>T</short-title></meta>\n<body>\n%s\n</body>\n' "$2"
	printf '<signatures><signatory><name>%s</name><organisation><line>O</line>' "${3:-N}"
	printf '</organisation></signatory></signatures></declaration>\n'
}

# ----- never lose the source -----
cp $MIN "$T/same.xml"
run $BIN render -o "$T/same.xml" "$T/same.xml"
check "-o INPUT INPUT: exit 2" "[ $status -eq 2 ]"
check "-o INPUT INPUT: says why" "said '$T/same.xml: error: is the input $T/same.xml; writing the PDF here would destroy it'"
check "-o INPUT INPUT: the source is intact" "cmp -s $T/same.xml $MIN"
run $BIN render -o "$T/./same.xml" --force "$T/same.xml"
check "-o INPUT spelt otherwise, even with --force: refused" "[ $status -eq 2 ] && cmp -s $T/same.xml $MIN"
ln "$T/same.xml" "$T/hardlink.pdf"
run $BIN render -o "$T/hardlink.pdf" "$T/same.xml"
check "-o a hard link of the input: refused" "[ $status -eq 2 ] && said 'is the input' && cmp -s $T/same.xml $MIN"
# -d DIR DIR/a DIR/a.pdf: the first input's PDF would replace the second input.
mkdir "$T/d"
cp $MIN "$T/d/a"
cp $MIN "$T/d/a.pdf"
run $BIN render --force -d "$T/d" "$T/d/a" "$T/d/a.pdf"
check "-d: one input's output is another input: refused" "[ $status -eq 2 ] && said '$T/d/a.pdf: error: is the input $T/d/a.pdf' && cmp -s $T/d/a.pdf $MIN"
check "-d: ...before anything is written" "[ ! -e $T/d/a.pdf.pdf ]"

echo "notes that must not be lost" > "$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
run $BIN render -o "$T/notes.txt" $MIN
check "an existing non-PDF: exit 2" "[ $status -eq 2 ]"
check "an existing non-PDF: says which and why" "said '$T/notes.txt: error: is not a PDF (it does not start with \"%PDF-\") and is kept; name another file, or give --force to replace it'"
check "an existing non-PDF: kept" "cmp -s $T/notes.txt $T/notes.orig"
check "an existing non-PDF: no temporary file" "[ -z \"\$(ls -A $T | grep '^\.')\" ]"
run $BIN render --force -o "$T/notes.txt" $MIN
check "--force replaces a non-PDF" "[ $status -eq 0 ] && head -c 5 $T/notes.txt | grep -q '^%PDF-'"
run $BIN render -o "$T/notes.txt" $MIN
check "a PDF is replaced without --force" "[ $status -eq 0 ]"
run $BIN check --force $MIN
check "--force is an option of render only" "[ $status -eq 2 ]"

run $BIN render -o "$T/x.pdf"
check "-o without an input: says so" "[ $status -eq 2 ] && said 'declgen: -o needs an input file' && ! said 'exactly one'"
run $BIN render -o "$T/x.pdf" $MIN $MIN
check "-o with two inputs: still refused" "[ $status -eq 2 ] && said 'declgen: -o takes exactly one input'"

# ----- two inputs, one output: an error before anything is written -----
mkdir "$T/a" "$T/b" "$T/outdir"
cp $MIN "$T/a/decl.xml"
cp $MIN "$T/b/decl.xml"
sed 's/Erika Mustermann/Max Mustermann/' $MIN > "$T/b/decl.xml"
run $BIN render -d "$T/outdir" "$T/a/decl.xml" "$T/b/decl.xml"
check "two inputs to one output: exit 2" "[ $status -eq 2 ]"
check "two inputs to one output: names both" "said '$T/outdir/decl.pdf: error: both $T/a/decl.xml and $T/b/decl.xml would be written here'"
check "two inputs to one output: nothing written" "[ -z \"\$(ls -A $T/outdir)\" ]"
cp $MIN "$T/a/other.xml"
run $BIN render -d "$T/outdir" "$T/a/decl.xml" "$T/a/other.xml"
check "two inputs to two outputs: both written" "[ $status -eq 0 ] && [ -s $T/outdir/decl.pdf ] && [ -s $T/outdir/other.pdf ]"

# ----- inputs that are no files: refused at once, never waited for -----
mkfifo "$T/fifo.xml"
run $BIN check "$T/fifo.xml"
check "a FIFO as input: refused at once" "[ $status -eq 2 ] && said '$T/fifo.xml: error: is not a regular file; name a declaration file'"
run $BIN render -o "$T/fifo.pdf" "$T/fifo.xml"
check "a FIFO as input to render: refused at once" "[ $status -eq 2 ] && [ ! -e $T/fifo.pdf ]"
run $BIN check /dev/zero
check "/dev/zero: the real reason" "[ $status -eq 2 ] && said '/dev/zero: error: is not a regular file' && ! said 'No such file'"
echo x | timeout -k 5 $LIMIT $BIN check /dev/stdin 2> "$T/err"
check "/dev/stdin from a pipe: the real reason" "said '/dev/stdin: error: is not a regular file' && ! said 'No such file'"
run $BIN check "$T"
check "a directory as input" "[ $status -eq 2 ] && said '$T: error: is a directory'"
run $BIN check "$T/missing.xml"
check "a missing input: the real reason" "[ $status -eq 2 ] && said 'No such file or directory'"

# ----- interruptions: at once while reading, deferred only while writing -----
# A schema that is a FIFO keeps declgen reading; SIGINT must end it there and then.
# (timeout exits 124 when its signal ended the command, 137 when it had to kill it.)
mkdir -p "$T/slow/schemas"
mkfifo "$T/slow/schemas/declaration.xsd"
for sig in INT TERM HUP; do
	DECLGEN_DATADIR="$T/slow" timeout -k 5 -s $sig 1 env --default-signal=INT,TERM,HUP \
		$BIN render -o "$T/slow.pdf" $MIN 2> "$T/err"
	status=$?
	check "SIG$sig while reading: stops at once" "[ $status -eq 124 ] && [ ! -e $T/slow.pdf ]"
done

# ----- write failures -----
# Past `ulimit -f` (512-byte blocks in sh): EFBIG like a full disk, not SIGXFSZ.
cp $MIN "$T/ok.xml"
$BIN render -o "$T/big.pdf" "$T/ok.xml"
cp "$T/big.pdf" "$T/big.orig"
(ulimit -f 8; exec $BIN render -o "$T/big.pdf" declarations/krefeld-viersen.xml) 2> "$T/err"
status=$?
check "ulimit -f: exit 2, not killed" "[ $status -eq 2 ]"
check "ulimit -f: says why" "said '$T/big.pdf: error: cannot write: File too large; the previous file is unchanged'"
check "ulimit -f: previous PDF intact" "cmp -s $T/big.pdf $T/big.orig"
check "ulimit -f: no temporary file" "[ -z \"\$(ls -A $T | grep '^\.')\" ]"

# The mode of the replaced file is kept; a new file follows the umask.
(umask 077; exec $BIN render -o "$T/private.pdf" $MIN)
check "umask 077: a new PDF is 0600" "[ \$(stat -c %a $T/private.pdf) = 600 ]"
(umask 022; exec $BIN render -o "$T/private.pdf" $MIN)
check "a 0600 PDF stays 0600" "[ \$(stat -c %a $T/private.pdf) = 600 ]"
chmod 664 "$T/private.pdf"
(umask 077; exec $BIN render -o "$T/private.pdf" $MIN)
check "a 0664 PDF stays 0664" "[ \$(stat -c %a $T/private.pdf) = 664 ]"
(umask 022; exec $BIN render -o "$T/public.pdf" $MIN)
check "umask 022: a new PDF is 0644" "[ \$(stat -c %a $T/public.pdf) = 644 ]"

# The longest name the file system allows.
LONG=$(head -c 251 /dev/zero | tr '\0' n).pdf
run $BIN render -o "$T/$LONG" $MIN
check "a 255-byte output name" "[ $status -eq 0 ] && [ -s $T/$LONG ]"
run $BIN render -o "$T/$LONG" $MIN
check "a 255-byte output name, replaced" "[ $status -eq 0 ] && [ -z \"\$(ls -A $T | grep '^\.')\" ]"

# Standard output that cannot be written is an error.
$BIN render --stats -o "$T/stats.pdf" $MIN > /dev/full 2> "$T/err"
check "--stats > /dev/full: exit 2" "[ $? -eq 2 ] && said 'error: cannot write to standard output: No space left on device'"
$BIN --help > /dev/full 2> "$T/err"
check "--help > /dev/full: exit 2" "[ $? -eq 2 ] && said 'cannot write to standard output'"
$BIN render --help > /dev/full 2> "$T/err"
check "render --help > /dev/full: exit 2" "[ $? -eq 2 ] && said 'cannot write to standard output'"
$BIN --version > /dev/full 2> "$T/err"
check "--version > /dev/full: exit 2" "[ $? -eq 2 ] && said 'cannot write to standard output'"
check "--help to a terminal or file still exits 0" "$BIN --help > $T/help && grep -q -- --force $T/help"

# The default output directory cannot be created: the real reason, not ENOENT.
mkdir "$T/ro" && cp $MIN "$T/ro/m.xml" && chmod 555 "$T/ro" && chmod 711 "$T"
if [ "$(id -u)" = 0 ]; then
	(cd "$T/ro" && exec setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$(cd "$OLDPWD" && pwd)/$BIN" render m.xml) 2> "$T/err"
else
	(cd "$T/ro" && exec "$OLDPWD/$BIN" render m.xml) 2> "$T/err"
fi
status=$?
check "output/ cannot be created: exit 2 with the real reason" "[ $status -eq 2 ] && said 'output: error: cannot create the directory: Permission denied'"

# ----- check reports what render would -----
doc de '<p>Ein Absatz.</p>' 'Erika ✓ Mustermann' > "$T/glyph.xml"
run $BIN check "$T/glyph.xml"
check "check: a character without a glyph is an error" "[ $status -eq 1 ] && said 'U+2713 cannot be shown'"
cp "$T/err" "$T/check.err"
run $BIN render -o "$T/glyph.pdf" "$T/glyph.xml"
check "check and render: the same messages (glyph)" "[ $status -eq 1 ] && cmp -s $T/err $T/check.err"
W=$(head -c 300 /dev/zero | tr '\0' x)
doc de "<p>Ein $W Wort.</p>" > "$T/wide.xml"
run $BIN check "$T/wide.xml"
check "check: a word wider than the line is a warning" "[ $status -eq 0 ] && said 'is wider than the line'"
cp "$T/err" "$T/check.err"
run $BIN render -o "$T/wide.pdf" "$T/wide.xml"
check "check and render: the same messages (wide word)" "[ $status -eq 0 ] && cmp -s $T/err $T/check.err"
run $BIN check $MIN declarations/krefeld-viersen.xml
check "check: valid files, no message" "[ $status -eq 0 ] && [ ! -s $T/err ]"

# ----- hyphenation in every language used -----
EN='<p>The coordination office reports to the steering committee twice a year on the implementation of the measures, based on the labour market reports of the employment agencies, the apprenticeship statistics of the chambers and the employment development in the member companies of the employers associations, considering internationalisation, responsibilities, characteristically uncharacteristic understandings and organisational accountability.</p>'
doc en "$EN" > "$T/english.xml"
run $BIN render --stats -o "$T/english.pdf" "$T/english.xml"
check "English: rendered without a warning" "[ $status -eq 0 ] && [ ! -s $T/err ]"
check "English: hyphenated with English patterns" "grep -q ', [1-9][0-9]* hyphenated' $T/out"
# An English paragraph in a German declaration gets English patterns, only for its text.
doc de "<p>Kurz.</p><p xml:lang=\"en\">${EN#<p>}" > "$T/mixed.xml"
run $BIN render --stats -o "$T/mixed.pdf" "$T/mixed.xml"
check "English in German: rendered without a warning" "[ $status -eq 0 ] && [ ! -s $T/err ]"
check "English in German: hyphenated with English patterns" "grep -q ', [1-9][0-9]* hyphenated' $T/out"

# ----- --stats names the worst line: its source line and first words -----
run $BIN render --stats -o "$T/k.pdf" declarations/krefeld-viersen.xml
check "--stats: the worst line quoted with its source line" \
	"grep -Eq 'worst stretch ratio [0-9]+\.[0-9]{2} \(line [1-9][0-9]*: \"[^\"]+\"\), demerits' $T/out"
LOOSE='<p>Die Koordinierungsstelle berichtet dem Lenkungskreis halbjährlich über den Stand der Umsetzung. Grundlage sind die Arbeitsmarktberichterstattung der Bundesagentur für Arbeit, die Ausbildungsmarktstatistiken der Kammern sowie die Beschäftigungsentwicklung in den Mitgliedsunternehmen der Arbeitgeberverbände.</p>'
doc de "<p>Kurz.</p>
$LOOSE" > "$T/loose.xml"
run $BIN render --stats -o "$T/loose.pdf" "$T/loose.xml"
check "--stats: the worst line is in the paragraph of source line 5" "grep -q 'worst stretch ratio [0-9.]* (line 5: \"' $T/out"
quoted=$(sed -n 's/.*(line 5: "\([^"]*\)").*/\1/p' "$T/out" | sed 's/ *…$//')
pdftotext -raw "$T/loose.pdf" - | tr '\n' ' ' > "$T/loose.txt"
check "--stats: the quoted words are set in that order" "[ -n \"$quoted\" ] && grep -qF \"$quoted\" $T/loose.txt"

# ----- --stats counts in words a person writes: "1 page", "2 pages" -----
$BIN render --stats -o "$T/one.pdf" $MIN > "$T/one.txt" 2>&1
check "--stats: one page is \"1 page\"" "grep -q ': 1 page, ' '$T/one.txt'"
$BIN render --stats -o "$T/two.pdf" declarations/krefeld-viersen.xml > "$T/two.txt" 2>&1
check "--stats: two pages are \"2 pages\"" "grep -q ': 2 pages, ' '$T/two.txt'"

finish e2e-cli
