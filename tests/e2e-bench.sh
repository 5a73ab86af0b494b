#!/bin/sh
# make bench's measuring program (build/bench, or $BENCH) in its quick plan (-q), on a
# declaration of our own, with stand-ins for valgrind, callgrind_annotate and pdflatex:
# the table reads their results, a missing or failing tool is reported and never fails
# the run, and nothing is left behind.
# usage: tests/e2e-bench.sh BINARY   (run from the repository's top directory)
set -u
. tests/e2e-lib.sh

BIN=$1
BENCH=${BENCH:-build/bench}
mkdir "$T/tools" "$T/bare" "$T/tex" "$T/tmp"

# A declaration of our own: three paragraphs, two signatories.
cat > "$T/probe.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>probe</id>
    <language>de</language>
    <version>2.1</version>
    <signing><place>Musterhausen</place></signing>
    <title><line>Erklärung zur Messung</line></title>
    <short-title>Messung</short-title>
  </meta>
  <body>
    <p>Die Partner vereinbaren, die Wirksamkeit ihrer gemeinsamen Maßnahmen regelmäßig zu überprüfen und die Ergebnisse in einem jährlichen Bericht zusammenzufassen, der allen Beteiligten zugänglich gemacht wird.</p>
    <p>Kurz.</p>
    <p>Dabei werden insbesondere die Vermittlungszahlen, die Dauer bis zur Aufnahme einer Beschäftigung und die Zufriedenheit der Teilnehmenden betrachtet, damit Angebote rechtzeitig angepasst werden können.</p>
  </body>
  <signatures>
    <signatory><name>Anna Beispiel</name><organisation><line>Stadt Musterhausen</line></organisation></signatory>
    <signatory><name>Bernd Probe</name><organisation><line>Kreis Probe</line></organisation></signatory>
  </signatures>
</declaration>
XML
: > "$T/tex/probe.tex"

# Stand-ins: valgrind runs the program after its options and, if it succeeds, writes a
# profile of 123,456,789 instructions; callgrind_annotate lists twelve functions;
# pdflatex succeeds. The bare folder has only what any run needs besides them.
cat > "$T/tools/valgrind" <<'SH'
#!/bin/sh
out=
while [ $# -gt 0 ]; do
	case $1 in
	--callgrind-out-file=*) out=${1#*=}; shift ;;
	--*) shift ;;
	*) break ;;
	esac
done
"$@" || exit $?
printf 'events: Ir\nfn=main\n1 5\ntotals: 123456789\n' > "$out"
SH
cat > "$T/tools/callgrind_annotate" <<'SH'
#!/bin/sh
printf -- '----\nIr  file:function\n----\n'
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '%d (1.0%%)  f.c:fake_fn%d [x]\n' $((100 - i)) "$i"; done
SH
printf '#!/bin/sh\nexit 0\n' > "$T/tools/pdflatex"
chmod +x "$T/tools/valgrind" "$T/tools/callgrind_annotate" "$T/tools/pdflatex"
# where NAME: the file of the program NAME in PATH (`command -v true` names the builtin).
where() { (IFS=:; for d in $PATH; do [ -x "$d/$1" ] && echo "$d/$1" && break; done); }
for tool in true rm; do
	ln -s "$(where $tool)" "$T/tools/$tool"
	ln -s "$(where $tool)" "$T/bare/$tool"
done

if [ ! -x "$BENCH" ]; then
	bad "$BENCH is not built (make build/bench)"
	finish e2e-bench
	exit
fi

# row LABEL FILE: the cells of the table's row that starts with LABEL.
row() { grep "^$1" "$2" | cut -c39-; }

# ----- every tool there -----
PATH="$T/tools" TMPDIR="$T/tmp" "$BENCH" -q -t "$T/tex" "$BIN" "$T/probe.xml" \
	> "$T/out" 2> "$T/err"
check "bench exits 0" "[ $? -eq 0 ]"
check "callgrind: the profile's total, in millions" \
	"row 'callgrind instructions' '$T/out' | grep -q '123\.5 M'"
check "callgrind: the top ten, and only ten" \
	"grep -q 'fake_fn1 ' '$T/out' && grep -q 'fake_fn10 ' '$T/out' && ! grep -q 'fake_fn11' '$T/out'"
"$BIN" render -o "$T/probe.pdf" "$T/probe.xml" 2>/dev/null
check "PDF bytes: the size of the PDF declgen writes" \
	"row 'PDF bytes' '$T/out' | grep -qw \"\$(wc -c < '$T/probe.pdf')\""
check "wall time: a median within its minimum and maximum" \
	"row 'wall ms' '$T/out' | awk '{ gsub(/[()]/, \"\", \$2); split(\$2, r, \"-\"); exit !(r[1] > 0 && r[1] <= \$1 && \$1 <= r[2]) }'"
check "peak memory: more than an empty process's" \
	"[ \"\$(row 'peak RSS' '$T/out' | awk '{ print \$1 }')\" -gt \"\$(sed -n 's/.*true started the same way: \([0-9]*\) KiB.*/\1/p' '$T/out')\" ]"
check "in-process time: a number" "row 'in-process' '$T/out' | grep -Eq '^ *[0-9]+\.[0-9]+ '"
check "pdflatex: side by side, with the ratio" \
	"row 'pdflatex' '$T/out' | grep -Eq '[0-9.]+ vs [0-9.]+: [0-9.]+x'"
check "batch: 1, 2 and 4 declarations in one process each, time per declaration after the first" \
	"awk '/^batch:/ { b = 1 } /^\$/ { b = 0 } b && \$1 ~ /^[124]\$/ && \$2 > 0 && \$NF > 0 { n++ } END { exit n != 3 }' '$T/out'"
check "long declarations: at least 1, 2 and 3 pages, from more paragraphs each" \
	"awk '/^long declarations/ { l = 1; next } /^\$/ { l = 0 } l && \$1 ~ /^[0-9]+\$/ { t++; if (\$1 < t || \$2 <= p) bad = 1; p = \$2 } END { exit bad || t != 3 }' '$T/out'"
check "the temporary folder is removed" "[ -z \"\$(ls -A '$T/tmp')\" ]"

# ----- no valgrind, no pdflatex -----
PATH="$T/bare" TMPDIR="$T/tmp" "$BENCH" -q -t "$T/tex" "$BIN" "$T/probe.xml" \
	> "$T/out" 2> "$T/err"
check "without the tools: bench still exits 0" "[ $? -eq 0 ]"
check "without valgrind: skipped, and no top ten" \
	"row 'callgrind' '$T/out' | grep -q 'skipped: no valgrind' && ! grep -q 'top ten' '$T/out'"
check "without pdflatex: skipped" \
	"row 'pdflatex' '$T/out' | grep -q 'skipped: pdflatex not installed'"
check "without the tools: the PDF is still measured" \
	"row 'PDF bytes' '$T/out' | grep -qw \"\$(wc -c < '$T/probe.pdf')\""

# ----- a program that fails -----
PATH="$T/tools" TMPDIR="$T/tmp" "$BENCH" -q -t "$T/tex" "$T/bare/true-not-there" \
	"$T/probe.xml" > "$T/out" 2> "$T/err"
check "a program that does not run: bench exits 0" "[ $? -eq 0 ]"
check "a program that does not run: its measures say failed" \
	"row 'callgrind' '$T/out' | grep -q failed && row 'wall ms' '$T/out' | grep -q failed"
check "the temporary folder is removed after failures too" "[ -z \"\$(ls -A '$T/tmp')\" ]"

# ----- the command line -----
"$BENCH" -q "$BIN" > /dev/null 2> "$T/err"
check "no declaration: usage, exit 2" "[ $? -eq 2 ] && grep -q '^usage: bench' '$T/err'"
"$BENCH" -x "$BIN" "$T/probe.xml" > /dev/null 2>&1
check "an unknown option: exit 2" "[ $? -eq 2 ]"

finish e2e-bench
