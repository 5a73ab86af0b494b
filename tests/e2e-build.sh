#!/bin/sh
# The build and the test harness: the Makefile, in a copy of the source tree, with
# dpkg-query and apt-get replaced by fakes that log their calls and fail (as on a
# system without them); and the rules every end-to-end script keeps.
# usage: tests/e2e-build.sh BINARY   (run from the repository's top directory; the
# binary is not used: this script builds its own)
set -u
. tests/e2e-lib.sh

# ----- the end-to-end scripts -----
# make -jN runs several scripts, and the same script twice, at once: a fixed path under
# /tmp is shared between them.
check "no fixed temporary path in the e2e scripts or the Makefile" \
	"! grep -n '/tmp[/]' tests/e2e*.sh Makefile"
# check-locale runs them under LC_ALL=de_DE.UTF-8: awk still reads a decimal point.
check "awk reads pdftotext's numbers under a German locale" \
	"[ \"\$(echo 524.9 | LC_ALL=de_DE.UTF-8 awk '{ print \$1 + 0.25 }')\" = 525.15 ]"
check "LICENSE: the project's own code, ISC" \
	"grep -q '^ISC License' LICENSE && grep -q 'Copyright (c) 2026 the declgen authors' LICENSE"

# ----- the Makefile, in a copy of the tree -----
S=$T/src
mkdir "$S" "$T/bin"
tar -cf - --exclude=./build --exclude=./output --exclude=./.git . | tar -xf - -C "$S"
for tool in dpkg-query apt-get; do
	printf '#!/bin/sh\necho "%s $*" >> "%s"\nexit 1\n' "$tool" "$T/calls" > "$T/bin/$tool"
	chmod +x "$T/bin/$tool"
done
: > "$T/calls"
# mk ARGS...: make in the copy, with the fakes first on PATH and nothing inherited from
# a make that runs this script (its flags, CC, WERROR); unoptimised, to build quickly.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CC -u CFLAGS -u WERROR \
		PATH="$T/bin:$PATH" make -C "$S" CFLAGS=-O0 "$@" > "$T/make.out" 2>&1
}

check "libraries present: builds without dpkg or apt" "mk build/declgen && [ -x $S/build/declgen ]"
check "...and calls neither" "[ ! -s $T/calls ]"
check "nothing to do: up to date, no package check pending" "mk -q build/declgen"
check "nothing to do: calls neither dpkg nor apt" "mk build/declgen && [ ! -s $T/calls ]"
check "flags changed: objects out of date" "! mk -q CFLAGS=-O1 build/declgen"
mk build/declgen
touch "$S/Makefile"
check "Makefile changed: probes again, the test packages not needed to build" \
	"mk TEST_PROBE=false build/declgen && [ ! -s $T/calls ]"

# A library missing: the probe fails and asks dpkg which packages are missing, then
# installs them (as root) or prints the apt-get command; the fakes say all are missing
# and install nothing.
LIBS_MISSING="-lhpdf -lxml2 -lhyphen -lutf8proc -lm -ldeclgen-missing"
touch "$S/Makefile"
mk LIBS="$LIBS_MISSING" build/declgen
check "build probe fails: make fails" "[ $? -ne 0 ]"
check "...asks dpkg" "grep -q '^dpkg-query ' $T/calls"
check "...names the build packages, English hyphenation among them" \
	"grep -q libhpdf-dev $T/make.out && grep -q hyphen-en-us $T/make.out && grep -q hyphen-en-gb $T/make.out"
check "...and no test package" "! grep -q 'poppler-utils\|libcmocka-dev\|valgrind\|clang' $T/make.out"
: > "$T/calls"
mk TEST_PROBE=false build/tests/test_hyph
check "test probe fails: make fails" "[ $? -ne 0 ]"
check "...names the test packages, not the build packages" \
	"grep -q libcmocka-dev $T/make.out && grep -q poppler-utils $T/make.out && ! grep -q libhpdf-dev $T/make.out"

# Every end-to-end script runs in every target that runs them.
for target in check-e2e check-locale check-asan check-valgrind; do
	mk -n "$target"
	missing=
	for s in tests/e2e.sh tests/e2e-*.sh; do
		[ "$s" = tests/e2e-lib.sh ] || grep -q " $s[ ;]" "$T/make.out" || missing="$missing $s"
	done
	check "$target runs every e2e script (missing:$missing)" "[ -z '$missing' ]"
done

# Warnings are errors only in CI.
mk -n -B build/obj/diag.o
check "a user's build: warnings, not errors" \
	"grep -e '-Wall' $T/make.out | grep -v -q -e '-Werror'"
mk -n -B WERROR=1 build/obj/diag.o
check "WERROR=1: warnings are errors" "grep -e '-Wall' $T/make.out | grep -q -e '-Werror'"
check "CI sets WERROR=1" "grep -q '^export WERROR=1\$' .ci/run"

mk install DESTDIR="$T/root"
check "install: exit 0" "[ $? -eq 0 ]"
check "install: the licence" "[ -s $T/root/usr/local/share/doc/declgen/LICENSE ]"
missing=
for f in hyphen/*; do
	[ -s "$T/root/usr/local/share/declgen/$f" ] || missing="$missing $f"
done
check "install: every hyphenation file (missing:$missing)" "[ -z '$missing' ]"

finish e2e-build
