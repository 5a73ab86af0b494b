#!/bin/sh
# End-to-end tests of line breaking: total fit never sets a document worse than first
# fit (as --stats reports demerits), and the paragraph of issue 7 has no loose line.
# usage: tests/e2e-linebreak.sh BINARY   (run from the repository's top directory)
set -u
BIN=${1:-build/declgen}
. tests/e2e-lib.sh

ISSUE='Die Koordinierungsstelle berichtet dem Lenkungskreis halbjährlich über den Stand der Umsetzung. Grundlage sind die Arbeitsmarktberichterstattung der Bundesagentur für Arbeit, die Ausbildungsmarktstatistiken der Kammern sowie die Beschäftigungsentwicklung in den Mitgliedsunternehmen der Arbeitgeberverbände. Die erste Berichterstattung erfolgt zum <nobreak>31.01.2025</nobreak>.'

# A declaration of the given body.
declaration() { # BODY
	cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<declaration xmlns="urn:declgen:declaration:1" version="1.0">
  <meta>
    <id>bericht</id><language>de</language><version>1.0</version>
    <signing><place>Köln</place><date>2025-01-31</date></signing>
    <title><line>Bericht</line></title><short-title>Bericht</short-title>
  </meta>
  <body>
$1
  </body>
  <signatures columns="3">
    <signatory><function>Geschäftsführerin</function><organisation><line>Agentur für Arbeit Köln</line></organisation></signatory>
    <signatory><function>Vorsitzender</function><organisation><line>Handwerkskammer zu Köln</line></organisation></signatory>
  </signatures>
</declaration>
EOF
}

# A number from the --stats line of a render: stat FILE 'demerits' or 'worst stretch ratio'.
stat() {
	sed -n "s/.*$2 \([0-9.]*\).*/\1/p" "$1"
}

# Renders SOURCE both ways into $T/NAME-{total-fit,greedy}.{pdf,stats}.
render_both() { # NAME SOURCE
	for m in total-fit greedy; do
		check "$1: render --line-breaking=$m" \
			"$BIN render --stats --line-breaking=$m -o $T/$1-$m.pdf $2 >$T/$1-$m.stats 2>$T/$1-$m.err"
	done
}

# Total fit's demerits are at most first fit's.
check_not_worse() { # NAME
	check "$1: total fit's demerits ($(stat $T/$1-total-fit.stats demerits)) at most first fit's ($(stat $T/$1-greedy.stats demerits))" \
		"awk -v a=$(stat $T/$1-total-fit.stats demerits) -v b=$(stat $T/$1-greedy.stats demerits) 'BEGIN { exit !(a + 0 <= b + 0) }'"
}

# ----- the paragraph of issue 7, in the text block -----
declaration "<p>$ISSUE</p>" > "$T/issue.xml"
render_both issue "$T/issue.xml"
check_not_worse issue
tf=$(stat "$T/issue-total-fit.stats" 'worst stretch ratio')
gr=$(stat "$T/issue-greedy.stats" 'worst stretch ratio')
check "issue: total fit's loosest line ($tf) no looser than first fit's ($gr)" \
	"awk -v a=$tf -v b=$gr 'BEGIN { exit !(a + 0 <= b + 0) }'"
check "issue: no line beyond the tolerance (ratio 1.26)" \
	"awk -v a=$tf 'BEGIN { exit !(a + 0 <= 1.26) }'"
pdftotext -layout "$T/issue-total-fit.pdf" "$T/issue.txt"
check "issue: the date does not stand alone on a line" \
	"! grep -qx ' *31\.01\.2025\. *' $T/issue.txt"
check "issue: the date is set" "grep -q 'erfolgt zum 31\.01\.2025\.' $T/issue.txt"

# ----- the same text in narrower measures: a list item, a notice -----
declaration "<p>$ISSUE</p><list><item>$ISSUE</item><item>$ISSUE $ISSUE</item></list><notice>$ISSUE</notice>" \
	> "$T/narrow.xml"
render_both narrow "$T/narrow.xml"
check_not_worse narrow

# ----- the two declarations -----
for name in krefeld-viersen bergisch-gladbach-bruehl-koeln; do
	render_both "$name" "declarations/$name.xml"
	check_not_worse "$name"
done

finish e2e-linebreak
