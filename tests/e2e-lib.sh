# The harness of the end-to-end scripts (sourced): a scratch folder $T removed on exit
# or interruption, and counted checks. check NAME CONDITION evaluates CONDITION; finish
# NAME prints the counts in the plain "N passed, N failed" form and fails if any check
# did. Every file a script makes belongs in $T, never at a fixed path: make -jN runs
# several scripts, and the same script twice, at once.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pass=0
fail=0

# pdftotext and pdfinfo write numbers with a decimal point; under check-locale's
# LC_ALL=de_DE.UTF-8, mawk would read "524.9" as 524 or compare it as a string. Every
# awk of the scripts reads numbers in the C locale.
awk() { env LC_ALL=C awk "$@"; }

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

finish() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
