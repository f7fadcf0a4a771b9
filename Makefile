# ally: utilities for the coordinators of Allies networks.
# make, make check, make demo, make install, make clean.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=

CC	?= cc
CFLAGS	?= -g -O2
HARDEN	?= -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
HARDEN_LD ?= -pie -Wl,-z,relro,-z,now
ALLY_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Ilib $(HARDEN) $(CFLAGS)
LDLIBS	= -lsqlite3 -lyaml -lcsv -lm
AR	?= ar
PROVE	?= prove
SANLOG	?= /tmp/ally-sanitizer-$(shell id -u)

LIB_SRC	= $(sort $(wildcard lib/*.c))
LIB_OBJ	= $(LIB_SRC:.c=.o)
LIB_HDR	= lib/ally.h $(wildcard lib/*.h)
CMDS	= $(patsubst %.c,%,$(sort $(wildcard bin/*.c)))
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNITS	= $(UNIT_SRC:.c=)
MAN1	= $(wildcard man/*.1)
MAN5	= $(wildcard man/*.5)
MAN7	= $(wildcard man/*.7)

# Debian packages: to build, and what the tests and the demo use.
DEB_BUILD = gcc make libc6-dev libsqlite3-dev libyaml-dev libcsv-dev
DEB_CHECK = perl sqlite3 mandoc faketime python3 python3-icalendar \
	python3-vobject python3-yaml libical-dev

all: $(CMDS) $(UNITS)

lib/libally.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

lib/%.o: lib/%.c $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) -c -o $@ $<

bin/%: bin/%.c lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

tests/unit/%: tests/unit/%.c tests/unit/tap.h lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

# Install what is missing, as root, on Debian; elsewhere say what is needed.
deps-build:
	@sh tests/deps.sh $(DEB_BUILD)
deps-check:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_CHECK)

check: deps-check
	$(MAKE) all
	$(PROVE) tests/*.t

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps-check
	$(MAKE) clean
	$(MAKE) all HARDEN= HARDEN_LD= \
		CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined"
	rm -rf $(SANLOG) && mkdir -p $(SANLOG)
	ALLY_SANITIZED=1 \
	ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0:log_path=$(SANLOG)/asan \
	UBSAN_OPTIONS=print_stacktrace=1:log_path=$(SANLOG)/ubsan \
		$(PROVE) tests/*.t
	@# A finding in a process whose exit status no test looked at still fails.
	@if ls $(SANLOG)/* >/dev/null 2>&1; then \
		cat $(SANLOG)/*; echo "sanitizer findings: see above"; exit 1; \
	fi
	$(MAKE) clean

demo: deps-build
	$(MAKE) $(CMDS)
	@sh examples/demo.sh

lint:
	mandoc -Tlint -W warning $(MAN1) $(MAN5) $(MAN7)

install: $(CMDS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(CMDS) $(DESTDIR)$(BINDIR)
	for m in $(MAN1) $(MAN5) $(MAN7); do \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$${m##*.} || exit 1; \
	done

clean:
	rm -f lib/*.o lib/libally.a $(CMDS) $(UNITS) lib/*.gcda lib/*.gcno

.PHONY: all check check-asan demo deps-build deps-check install clean lint
