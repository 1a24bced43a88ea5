# tidings — build, test, bench, install.
#   make            library, binary and resource image in build/
#   make test       unit + spec tests (last line: "N passed, N failed")
#   make asan       the tests under AddressSanitizer + UBSan (build-asan/, or BUILD=DIR)
#   make fuzz       libFuzzer targets (clang), a short run of each
#   make bench      throughput over ../shared/data/bench/bbc
#   make install PREFIX=/usr/local

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
WARN     = -Wall -Wextra -Wshadow -Wno-unused-parameter -Wstrict-prototypes
PKGS     = gumbo jansson zlib sqlite3 nettle libutf8proc
# issue 11: libpq and libmicrohttpd are opened when first needed (dlopen,
# src/core/dl.c), not linked: their headers only
DL_PKGS  = libmicrohttpd libpq
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgumbo -ljansson -lz -lsqlite3 -lnettle -lutf8proc) -ldl
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread -fPIC $(WARN) $(CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) \
             -DTD_DATADIR='"$(PREFIX)/share/tidings"'
LIBS     = $(PKG_LIBS) -lm -pthread
SHARED  ?= ../shared
DATA    ?= $(SHARED)/data

LIB_SRC  = $(sort $(wildcard src/*.c src/core/*.c src/ingest/*.c src/text/*.c src/lang/*.c src/extract/*.c src/emit/*.c src/kb/*.c src/serve/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
# issue 11: the shard reduce (always) and the MPI driver (make MPI=1 BUILD=build-mpi)
MPI     ?= 0
LIB_SRC += src/mpi/shards.c
ifeq ($(MPI),1)
CC       = mpicc
ALL_CFLAGS += -DTD_MPI
LIB_SRC += src/mpi/mpi.c
endif
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
RES_IN   = $(sort $(wildcard data/*.tsv data/*/*.tsv data/*/*.rules data/models/*))

all: $(BUILD)/tidings $(BUILD)/tidings.res $(BUILD)/libtidings.so

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libtidings.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libtidings.so: $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -o $@ $^ $(LIBS)

$(BUILD)/tidings: $(CLI_OBJ) $(BUILD)/libtidings.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libtidings.a $(LIBS)

$(BUILD)/mkres: tools/mkres.c $(BUILD)/libtidings.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libtidings.a $(LIBS)

$(BUILD)/tidings.res: $(BUILD)/mkres $(RES_IN)
	$(BUILD)/mkres $@ data

TEST_SUPPORT = $(sort $(wildcard tests/support/*.c))

$(BUILD)/unit: tests/unit/unit.c $(UNIT_SRC) $(TEST_SUPPORT) $(BUILD)/libtidings.a
	$(CC) $(ALL_CFLAGS) -Itests/unit -Itests/support -o $@ tests/unit/unit.c $(UNIT_SRC) $(TEST_SUPPORT) $(BUILD)/libtidings.a $(LIBS)

test: all $(BUILD)/unit
	@TIDINGS=$(BUILD)/tidings UNIT=$(BUILD)/unit SHARED=$(SHARED) sh tests/run.sh

# (BUILD=DIR on the command line builds there; build-asan otherwise)
ASAN_BUILD = $(if $(filter command line,$(origin BUILD)),$(BUILD),build-asan)
asan:
	$(MAKE) BUILD=$(ASAN_BUILD) CC=clang OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" test

FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 20
build-fuzz/%: tests/fuzz/%.c $(TEST_SUPPORT)
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libtidings.a
	clang $(ALL_CFLAGS) -Itests/support -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< $(TEST_SUPPORT) build-fuzz/libtidings.a $(LIBS)

# (the targets that run the pipeline read the resource image of $(BUILD))
fuzz: $(FUZZ_BIN) $(BUILD)/tidings.res
	@export TIDINGS_RESOURCES=$(BUILD)/tidings.res; \
	for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p build-fuzz/corpus-$$n; \
	  echo "fuzz $$n ($(FUZZ_SECONDS)s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build-fuzz/corpus-$$n tests/fuzz/seeds/$$n > build-fuzz/$$n.log 2>&1; \
	  rc=$$?; tail -2 build-fuzz/$$n.log; [ $$rc -eq 0 ] || { echo "fuzz $$n failed: build-fuzz/$$n.log"; exit 1; }; done

bench: all $(BUILD)/kbsynth
	@TIDINGS=$(BUILD)/tidings DATA=$(DATA) sh tools/bench.sh

# issue 9: synthetic events for the knowledge-base part of make bench
$(BUILD)/kbsynth: tools/kbsynth.c $(BUILD)/libtidings.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libtidings.a $(LIBS)

# issue 11: mpirun -n 3 on one machine, merged store vs a single-process one
mpi-test: all
	@if command -v mpicc >/dev/null 2>&1 && command -v mpirun >/dev/null 2>&1; then \
	  $(MAKE) MPI=1 BUILD=build-mpi all && \
	  TIDINGS=$(BUILD)/tidings MPI_TIDINGS=build-mpi/tidings SHARED=$(SHARED) sh tests/mpi_test.sh; \
	else echo "mpi-test: skipped (no mpicc/mpirun: apt-get install openmpi-bin libopenmpi-dev)"; fi
.PHONY: mpi-test

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/tidings $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/tidings $(DESTDIR)$(PREFIX)/bin/tidings
	install -m 644 $(BUILD)/libtidings.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libtidings.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/tidings.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILD)/tidings.res $(DESTDIR)$(PREFIX)/share/tidings/
	install -d $(DESTDIR)$(PREFIX)/share/tidings/web/dist
	install -m 644 web/index.html web/style.css $(DESTDIR)$(PREFIX)/share/tidings/web/
	install -m 644 web/dist/* $(DESTDIR)$(PREFIX)/share/tidings/web/dist/
	install -m 644 docs/tidings.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define TD_VERSION "\(.*\)"/\1/p' include/tidings.h)|g' \
	  -e 's|@LIBS@|$(PKG_LIBS) -lm -pthread|g' tidings.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/tidings.pc

clean:
	rm -rf build build-asan build-fuzz build-mpi

.PHONY: all test asan fuzz bench install clean
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
