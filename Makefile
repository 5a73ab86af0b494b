# declgen: `make` installs missing build dependencies (as root), builds build/declgen
# and renders every declaration into output/; `make check` runs all tests.

PREFIX ?= /usr/local
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
HB_CFLAGS := $(shell $(PKG_CONFIG) --cflags harfbuzz 2>/dev/null || echo -I/usr/include/harfbuzz)
HB_LIBS := $(shell $(PKG_CONFIG) --libs harfbuzz harfbuzz-subset 2>/dev/null || \
	echo -lharfbuzz-subset -lharfbuzz)
# Warnings are errors in CI (.ci/run sets WERROR=1); a user's build only prints them.
WERROR ?=
WARN := -Wall -Wextra -pedantic$(if $(WERROR), -Werror)
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 $(WARN) -D_POSIX_C_SOURCE=200809L $(XML_CFLAGS) $(HB_CFLAGS) $(CFLAGS)
# Without libharu: what every stage but render needs (the layout test links only these).
NOPDF_LIBS := $(HB_LIBS) -lxml2 -lhyphen -lutf8proc -lnettle -lm
LIBS := -lhpdf $(NOPDF_LIBS)
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Objects depend on build/flags, the compiler and its flags: `make CC=clang` or
# `make WERROR=1` after a plain `make` rebuilds everything. Read and written by make
# itself, so a build with nothing to do starts no process for it.
BUILD_FLAGS := $(CC) $(ALL_CFLAGS)
ifneq ($(file <build/flags),$(BUILD_FLAGS))
$(shell mkdir -p build)
$(file >build/flags,$(BUILD_FLAGS))
endif

# Dependencies, as Debian 12 packages and as a probe that says whether they are present.
# To build and render: the compiler and the libraries; the system's hyphenation
# patterns, which generator/lang.c falls back to where hyphen/ has none.
BUILD_PACKAGES := gcc libc6-dev make pkg-config libhpdf-dev libxml2-dev libutf8proc-dev \
	libhyphen-dev hyphen-de hyphen-en-us hyphen-en-gb libharfbuzz-dev nettle-dev
# $(call links,HEADERS,LIBRARIES): a shell command that compiles and links a program
# including HEADERS against LIBRARIES.
HASH := \#
links = printf '$(foreach h,$(1),$(HASH)include <$(h)>\n)int main(void) { return 0; }\n' | \
	$(CC) $(XML_CFLAGS) $(HB_CFLAGS) -x c -o /dev/null - $(2)
BUILD_PROBE := $(call links,hpdf.h hyphen.h libxml/parser.h utf8proc.h hb.h hb-subset.h nettle/sha2.h,$(LIBS))
# To test: cmocka, poppler, qpdf, xmllint, the German locale's source (check-locale),
# Ghostscript and MuPDF (text extraction by other readers), a CFF-flavoured OpenType face
# and a kerned TrueType face with composite glyphs (and its condensed width), HarfBuzz's
# hb-shape (the kerning a reader must see), a German word list (test_hyph compares the
# hyphenation of each of its words).
TEST_PACKAGES := libcmocka-dev poppler-utils qpdf libxml2-utils locales ghostscript \
	mupdf-tools fonts-texgyre fonts-dejavu-core \
	fonts-dejavu-extra libharfbuzz-bin wngerman
TEST_PROBE := $(call links,stdarg.h stddef.h stdint.h setjmp.h cmocka.h,-lcmocka) && \
	$(foreach c,pdftotext pdffonts pdfinfo qpdf xmllint gs mutool hb-shape,command -v $(c) >/dev/null &&) \
	test -r /usr/share/i18n/locales/de_DE && \
	test -r /usr/share/texmf/fonts/opentype/public/tex-gyre/texgyreheros-regular.otf && \
	test -r /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf && \
	test -r /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf && \
	test -r /usr/share/dict/ngerman
# For check-valgrind, and for fuzz (clang's libFuzzer).
VALGRIND_PACKAGES := valgrind
VALGRIND_PROBE := command -v valgrind
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_PROBE := printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' | \
	clang -fsanitize=fuzzer -x c -o /dev/null -

SRCS := $(filter-out generator/main.c,$(wildcard generator/*.c))
HDRS := $(wildcard generator/*.h)
OBJS := $(SRCS:generator/%.c=build/obj/%.o)
ASAN_OBJS := $(SRCS:generator/%.c=build/asan/obj/%.o)
TESTS := $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
FONTS := $(wildcard fonts/*.ttf fonts/*.otf)
HYPHEN := $(wildcard hyphen/*.dic) hyphen/exceptions
SCHEMA := $(wildcard schemas/*.xsd)
DECLS := $(wildcard declarations/*.xml)
PDFS := $(DECLS:declarations/%.xml=output/%.pdf)

.PHONY: all deps check check-unit check-e2e check-locale check-asan check-valgrind fuzz bench \
	patterns \
	install clean
.DELETE_ON_ERROR:

all: build/declgen $(PDFS)

# All dependencies, at once (.ci/run).
deps: build/deps/build build/deps/test build/deps/valgrind build/deps/fuzz

# Each group of dependencies is checked once, and again when the Makefile changes: the
# stamp build/deps/GROUP records that the group's probe succeeded. The build group comes
# first: the other probes need the compiler.
build/deps/build: Makefile
	@$(call ensure,$(BUILD_PACKAGES),$(BUILD_PROBE))
build/deps/test: Makefile | build/deps/build
	@$(call ensure,$(TEST_PACKAGES),$(TEST_PROBE))
build/deps/valgrind: Makefile | build/deps/build
	@$(call ensure,$(VALGRIND_PACKAGES),$(VALGRIND_PROBE))
build/deps/fuzz: Makefile | build/deps/build
	@$(call ensure,$(FUZZ_PACKAGES),$(FUZZ_PROBE))

# $(call ensure,PACKAGES,PROBE): if the shell command PROBE fails, installs those of the
# Debian PACKAGES that are missing (as root; otherwise prints the apt-get command) and
# probes again; then touches the target. Where the probe succeeds, neither dpkg nor apt
# is needed. apt runs under a lock: make -j checks several groups at once.
ensure = if ! { $(2); } >/dev/null 2>&1; then \
		if ! command -v dpkg-query >/dev/null 2>&1; then \
			echo "$@: missing dependencies; on Debian they are: $(1)"; exit 1; \
		fi; \
		missing=$$(for p in $(1); do \
			dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || \
			echo $$p; \
		done | tr '\n' ' '); \
		if [ -z "$$missing" ]; then :; \
		elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing dependencies: $$missing"; \
			mkdir -p $(@D) && flock $(@D)/apt.lock -c "apt-get update -qq && \
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $$missing" || exit 1; \
		else \
			echo "Missing dependencies. Install them with:"; \
			echo "  sudo apt-get install $$missing"; exit 1; \
		fi; \
		if ! { $(2); }; then \
			echo "$@: the packages are installed, yet the check above fails"; exit 1; \
		fi; \
	fi; \
	mkdir -p $(@D) && touch $@

build/obj/%.o: generator/%.c $(HDRS) build/flags | build/deps/build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/libdeclgen.a: $(OBJS)
	$(AR) rcs $@ $^

build/declgen: build/obj/main.o build/libdeclgen.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# A PDF depends on its source and the program, and on what declgen read to make it: the
# schema, the faces, the patterns of the languages it uses. declgen names those in
# build/pdf/NAME.d (render --depfile), made with the PDF and included here; before the
# first render there is no PDF to keep up to date.
PDF_DEPS := $(DECLS:declarations/%.xml=build/pdf/%.d)

output/%.pdf: declarations/%.xml build/declgen
	@mkdir -p $(@D) build/pdf
	build/declgen render --depfile build/pdf/$*.d -o $@ $<

-include $(PDF_DEPS)

# ----- tests -----

build/tests/%: tests/%.c tests/testutil.h tests/fake_font.h build/libdeclgen.a | build/deps/test
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -iquote generator -o $@ $< build/libdeclgen.a $(LIBS) -lcmocka

# The layout test links without libharu: the layout, font, parse and hyphenation
# objects only (layout never needs the PDF library).
NOPDF_OBJS := $(addprefix build/obj/,datadir.o decl.o decl_parse.o decl_validate.o diag.o \
	font.o font_check.o hyph.o hyph_set.o json.o lang.o layout.o layout_page.o layout_para.o linebreak.o text.o \
	util.o)

build/tests/test_layout: tests/test_layout.c tests/testutil.h tests/fake_font.h $(NOPDF_OBJS) | build/deps/test
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -iquote generator -o $@ $< $(NOPDF_OBJS) $(NOPDF_LIBS) -lcmocka

# Every end-to-end script, each run as `sh SCRIPT BINARY`.
E2E := tests/e2e.sh $(sort $(filter-out tests/e2e-lib.sh,$(wildcard tests/e2e-*.sh)))
# Shell loops that run every test even when one fails, and set status=1 if any did:
# $(call run_units,PROGRAMS,ENVIRONMENT) and $(call run_e2e,BINARY,ENVIRONMENT).
run_units = for t in $(1); do echo "== $(strip $(2) $$t)"; $(2) $$t || status=1; done
run_e2e = for s in $(E2E); do $(2) sh $$s $(1) || status=1; done

check: check-unit check-e2e check-locale

check-unit: $(TESTS:%=build/tests/%)
	@status=0; $(call run_units,$^); exit $$status

check-e2e: build/declgen | build/deps/test
	@status=0; $(call run_e2e,build/declgen); exit $$status

# Nothing written into a PDF may depend on the locale: run everything once more with
# German number formatting.
check-locale: $(TESTS:%=build/tests/%) build/declgen | build/deps/test
	@if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$$'; then \
		localedef -i de_DE -f UTF-8 de_DE.UTF-8 2>/dev/null || true; fi
	@if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$$'; then \
		echo "check-locale: cannot generate de_DE.UTF-8 (run as root with package locales)"; \
		exit 1; fi
	@status=0; $(call run_units,$(TESTS:%=build/tests/%),LC_ALL=de_DE.UTF-8); \
	$(call run_e2e,build/declgen,LC_ALL=de_DE.UTF-8); exit $$status

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
build/asan/obj/%.o: generator/%.c $(HDRS) build/flags | build/deps/build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/asan/libdeclgen.a: $(ASAN_OBJS)
	$(AR) rcs $@ $^

build/asan/declgen: build/asan/obj/main.o build/asan/libdeclgen.a
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LIBS)

build/asan/tests/%: tests/%.c tests/testutil.h tests/fake_font.h build/asan/libdeclgen.a | build/deps/test
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -iquote generator -o $@ $< build/asan/libdeclgen.a $(LIBS) -lcmocka

check-asan: $(TESTS:%=build/asan/tests/%) build/asan/declgen
	@status=0; $(call run_units,$(TESTS:%=build/asan/tests/%),ASAN_OPTIONS=detect_leaks=1); \
	$(call run_e2e,build/asan/declgen,ASAN_OPTIONS=detect_leaks=1 DECLGEN_DATADIR=$(CURDIR)); \
	exit $$status

# The end-to-end tests with build/declgen under valgrind memcheck: no error, no leak.
check-valgrind: build/declgen | build/deps/test build/deps/valgrind
	@status=0; $(call run_e2e,tests/valgrind-declgen,DECLGEN_VALGRIND=1); exit $$status

# ----- fuzzing -----

# make fuzz FUZZ_SECONDS=600: libFuzzer on parse, layout and render, from a corpus of
# the declarations and the test inputs. A crash leaves build/fuzz/crash-*: make it a
# regression test.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer

build/fuzz/declgen-fuzz: tests/fuzz.c $(SRCS) $(HDRS) | build/deps/build build/deps/fuzz
	@mkdir -p $(@D)
	clang $(filter-out -O2,$(ALL_CFLAGS)) $(FUZZ_FLAGS) -iquote generator -o $@ tests/fuzz.c $(SRCS) $(LIBS)

fuzz: build/fuzz/declgen-fuzz
	@mkdir -p build/fuzz/corpus
	@cp declarations/*.xml tests/data/*.xml build/fuzz/corpus/
	build/fuzz/declgen-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -dict=tests/fuzz.dict -artifact_prefix=build/fuzz/ \
		-print_final_stats=1 build/fuzz/corpus

# ----- measurement -----

build/bench: tests/bench.c build/libdeclgen.a
	$(CC) $(ALL_CFLAGS) -iquote generator -o $@ $< build/libdeclgen.a $(LIBS)

# One table of what a signing copy costs (README, "make bench"); Krefeld/Viersen first:
# the long declarations are made of its paragraphs. valgrind (callgrind) and pdflatex
# are used where installed; bench never fails the build: it reports.
BENCH_DECLS := $(filter %/krefeld-viersen.xml,$(DECLS)) \
	$(filter-out %/krefeld-viersen.xml,$(DECLS))

bench: build/bench build/declgen
	@build/bench build/declgen $(BENCH_DECLS)

# tests/e2e-bench.sh, run with every e2e script, drives build/bench in its quick plan.
check-e2e check-locale check-asan check-valgrind: build/bench

# ----- data -----

# Regenerates hyphen/hyph_de.dic from the dehyph-exptl patterns of texlive-lang-german
# (not part of the build: the result is committed, see hyphen/README).
EXPTL := /usr/share/texlive/texmf-dist/tex/generic/dehyph-exptl/dehyphn-x-2022-03-16.pat
patterns:
	@mkdir -p build
	sed -n '/^\\patterns{/,/^}/p' $(EXPTL) | sed '1d;$$d' | grep -v '^%' | \
		iconv -f UTF-8 -t ISO-8859-1 > build/patterns.latin1
	perl /usr/share/libhyphen/substrings.pl build/patterns.latin1 hyphen/hyph_de.dic \
		ISO8859-1 2 2 > /dev/null

# ----- install -----

install: build/declgen
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/declgen/schemas \
		$(DESTDIR)$(PREFIX)/share/declgen/fonts $(DESTDIR)$(PREFIX)/share/declgen/hyphen \
		$(DESTDIR)$(PREFIX)/share/doc/declgen
	install -m 755 build/declgen $(DESTDIR)$(PREFIX)/bin/declgen
	install -m 644 LICENSE $(DESTDIR)$(PREFIX)/share/doc/declgen/
	install -m 644 $(SCHEMA) $(DESTDIR)$(PREFIX)/share/declgen/schemas/
	install -m 644 $(FONTS) fonts/OFL.txt fonts/GUST-FONT-LICENSE.txt \
		fonts/README fonts/README-TeX-Gyre-Heros.txt $(DESTDIR)$(PREFIX)/share/declgen/fonts/
	install -m 644 $(HYPHEN) hyphen/LICENSE* hyphen/README \
		$(DESTDIR)$(PREFIX)/share/declgen/hyphen/

clean:
	rm -rf build
	rm -f output/*.pdf

# ----- hyphenation pattern index -----

# tools/hyph_index compiles hyphen/*.dic into the index hyph_load looks a document's
# words up in (generator/hyph_index.h); generator/hyph_index.c includes it. A pattern
# file that is not one of these (the system's, another DECLGEN_DATADIR's) is scanned
# at run time instead, with the same results.
HYPH_DICS := $(sort $(wildcard hyphen/*.dic))

build/tools/hyph_index: tools/hyph_index.c generator/hyph_index.h build/flags | build/deps/build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $<

build/gen/hyph_index.inc: build/tools/hyph_index $(HYPH_DICS)
	@mkdir -p $(@D)
	build/tools/hyph_index $(HYPH_DICS) > $@

build/obj/hyph_index.o build/asan/obj/hyph_index.o build/fuzz/declgen-fuzz: \
	build/gen/hyph_index.inc
NOPDF_OBJS += build/obj/hyph_index.o
build/tests/test_layout: build/obj/hyph_index.o
