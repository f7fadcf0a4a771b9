#!/bin/sh
# Hostile values: quotes, SQL, markup, separators, newlines, YAML syntax,
# long UTF-8 are stored and printed back literally in YAML, CSV, text and
# vCard; control characters, NUL bytes and overlong values are refused.
. "$(dirname "$0")/lib.sh"
H="$FIX/privacy/hostile.yaml"

newdb Middelburg
run ally-add -f csv "$H"
is "$rc" 0 "hostile values: accepted"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM person')" 2 \
    "'; DROP TABLE person; --' dropped nothing"
printf -- '- alias: %s\n  status: active\n  intake: 2027-01-01\n  vetted: 2027-01-02\n' A01 A02 |
    ally-add -q

ally-add -l -I -f yaml >"$T/l.yaml"
ally-add -l -I -f csv >"$T/l.csv"
ally-add -K -f vcard >"$T/c.vcf"
ally-add -K -f csv >"$T/c.csv"
# The fields of the fixture, compared with what came back.
run /usr/bin/python3 -c '
import csv, sys, yaml, vobject
src = yaml.safe_load(open(sys.argv[1]))
out = yaml.safe_load(open(sys.argv[2]))
rows = list(csv.DictReader(open(sys.argv[3], newline="")))
cards = list(vobject.readComponents(open(sys.argv[4], newline="").read(),
    validate=True))
contacts = list(csv.DictReader(open(sys.argv[5], newline="")))
assert len(src) == len(out) == len(rows) == len(cards) == len(contacts) == 2
# A would-be spreadsheet formula is written after an apostrophe (ally.5).
def uncsv(v):
    return v[1:] if v[:1] == "\x27" and v[1:2] in ("=", "+", "-", "@", "\t", "\r") else v
for s, y, c, v, k in zip(src, out, rows, cards, contacts):
    for f in ("name", "email", "function", "community", "notes"):
        if f in s:
            assert y[f] == s[f], ("yaml", f, y[f], s[f])
            assert uncsv(c[f]) == s[f], ("csv", f, c[f], s[f])
    assert v.fn.value == s["name"], ("vcard", v.fn.value)
    assert v.title.value == s["function"], ("vcard", v.title.value)
    assert uncsv(k["name"]) == s["name"] and uncsv(k["function"]) == s["function"]
print("same")
' "$H" "$T/l.yaml" "$T/l.csv" "$T/c.vcf" "$T/c.csv"
is "$out" same "YAML, CSV and vCard give back every value unchanged"
[ -n "$errout" ] && printf '%s\n' "$errout" | sed 's/^/# /'

# Fed back, the listing changes nothing.
run ally-add -f csv "$T/l.csv"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f5 | sort -u | tr '\n' ' ')" \
    "change unchanged " "CSV fed back: unchanged"
run ally-add -f csv "$T/l.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f5 | sort -u | tr '\n' ' ')" \
    "change unchanged " "YAML fed back: unchanged"

# vCard lines: CRLF, at most 75 octets, each one valid UTF-8.
run /usr/bin/python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n")
lines = data[:-2].split(b"\r\n")
assert all(len(l) <= 75 for l in lines), max(len(l) for l in lines)
for l in lines:
    l.decode("utf-8")
print(sum(1 for l in lines if l.startswith(b" ")))
' "$T/c.vcf"
is "$rc" 0 "vCard: CRLF, lines of at most 75 octets, none splitting a character"
ok $(( out < 1 )) "vCard: the long name was folded"
like "$(cat "$T/c.vcf")" 'FN:Robert'\''\)\\; DROP TABLE person\\; --' \
    "vCard: ; escaped"

# The text listing keeps one member on one line.
is "$(ally-add -l -f text | wc -l)" 3 "text: newlines in notes do not break rows"

# Refused: control characters (diagnostic, nothing stored).
dbdump >"$T/before"
run ally-add "$FIX/privacy/control.yaml"
is "$rc" 65 "an escape character: exit 65"
is "$errout" "ally-add: $FIX/privacy/control.yaml:4: name: control characters, a line break or invalid UTF-8" \
    "an escape character: file:line: field: diagnostic"
dbdump >"$T/after"
diff_ok "$T/after" "$T/before" "an escape character: nothing stored, not even the valid record"
for v in 'NUL:"a\0b"' 'CR:"a\tb\rc"' 'DEL:"a\x7fb"' 'formula:"=1+2"'; do
	run ally-add <<EOF2
- name: ${v#*:}
  role: ally
EOF2
	is "$rc" 65 "a name with ${v%%:*}: refused"
done
like "$errout" "<stdin>:1: name: a value may not start with '='" "a formula: diagnostic"
printf 'name,role\nab\001cd,ally\n' >"$T/ctl.csv"
run ally-add "$T/ctl.csv"
is "$rc:$errout" "65:ally-add: $T/ctl.csv:2: name: control characters, a line break or invalid UTF-8" \
    "CSV with a control character: diagnostic"
run ally-add <<EOF2
- name: $(printf '%0201d' 0)
  role: ally
EOF2
is "$rc:$errout" "65:ally-add: <stdin>:1: name: too long (at most 200 bytes)" "a name of 201 bytes: too long, and the limit"
run ally-add <<EOF2
- role: ally
  notes: $(printf '%070000d' 0)
EOF2
is "$rc" 65 "a value of 70000 bytes: refused"
dbdump >"$T/after"
diff_ok "$T/after" "$T/before" "refused values: nothing stored"
done_testing
