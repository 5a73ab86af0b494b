# The harness of the end-to-end scripts (sourced): a scratch folder $T removed on exit,
# and counted checks. check NAME CONDITION evaluates CONDITION; finish NAME prints the
# counts in the plain "N passed, N failed" form and fails if any check did.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

finish() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
