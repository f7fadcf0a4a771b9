#!/bin/sh
# CSV as spreadsheets save it: Dutch Excel writes semicolons, a byte
# order mark and CRLF; "text (tab delimited)" writes tabs; a line break
# inside a cell is CRLF inside quotes.  The header line chooses the
# delimiter; a header that was not split is said to be so, at line 1.
# Every person here is invented.
. "$(dirname "$0")/lib.sh"

newdb Veere
ally-add -q "$EXAMPLES/members.yaml"

# crlf: each line of stdin ended in CRLF, as Excel ends them.
crlf() {
	sed 's/$/\r/'
}
bom() {
	printf '\357\273\277'
}

# ---- semicolons, a byte order mark, CRLF, as Dutch Excel saves them -------
{ bom; crlf <<'EOF'
name;phone;role;community;sector;age_band;gender;status;intake;contact_consent;notes
Sanne Verburg;06-31415926;ally;buurthuis De Kreek, Vrouwenpolder;neighbourhood;40-54;f;candidate;2026-11-02;yes;
Youssef Amrani;06-27182818;ally;"moskee ""El Fath""; jongeren";youth;25-39;m;candidate;2026-11-03;no;"belt liever na 18:00"
EOF
} >"$T/leden.csv"
before=$(dbdump)
run ally-add -N -f csv "$T/leden.csv"
is "$rc" 0 "a semicolon file with a byte order mark and CRLF is read"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f3,6 | tr '\n' ' ')" \
    "role,line ally,2 ally,3 " "two members, each at its line"
is "$(dbdump)" "$before" "the dry run wrote nothing"
run ally-add -q "$T/leden.csv"
is "$rc" 0 "and stored"
is "$(sqlite3 "$ALLY_DB" "SELECT name, community, coalesce(notes, 'NULL')
    FROM person WHERE name IN ('Sanne Verburg', 'Youssef Amrani')
    ORDER BY name" | tr '\n' ';')" \
    "Sanne Verburg|buurthuis De Kreek, Vrouwenpolder|NULL;Youssef Amrani|moskee \"El Fath\"; jongeren|belt liever na 18:00;" \
    "a comma is text, a semicolon in quotes is text, an escaped quote kept"

# The same file named as CSV (-F csv): the byte order mark is still skipped.
{ bom; printf 'alias;notes\r\nA01;gesproken\r\n'; } >"$T/bom.csv"
run ally-add -q -F csv "$T/bom.csv"
is "$rc" 0 "-F csv skips the byte order mark too"
is "$(sqlite3 "$ALLY_DB" "SELECT notes FROM person JOIN network n
    ON n.id = network_id WHERE alias = 'A01'")" "gesproken" "and reads the file"

# Output stays RFC 4180: commas, whatever the input was.
run ally-add -l -f csv -s active
is "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r' | cut -d, -f1-3)" \
    "id,network,alias" "CSV output keeps commas"

# ---- tabs -------------------------------------------------------------------
printf 'alias\tfunction\tnotes\tcommunity\n' >"$T/tabs.csv"
printf 'A02\t  trainer  \t\tVV Zeeuwse Boys, jeugd\n' >>"$T/tabs.csv"
printf 'A03\t"a ""quoted"" one"\tx\t\n' >>"$T/tabs.csv"
run ally-add -q "$T/tabs.csv"
is "$rc" 0 "a tab-separated file is read"
is "$(sqlite3 "$ALLY_DB" "SELECT alias, coalesce(function, 'NULL'),
    coalesce(notes, 'NULL'), coalesce(community, 'NULL') FROM person
    WHERE alias IN ('A02', 'A03') ORDER BY alias" | tr '\n' ';')" \
    "A02|trainer|NULL|VV Zeeuwse Boys, jeugd;A03|a \"quoted\" one|x|NULL;" \
    "blanks around values dropped, an empty value between tabs null, commas text"

# ---- a line break inside a quoted cell ------------------------------------
{ printf 'alias,notes\r\n'
  printf 'A04,"eerste regel\r\ntweede regel"\r\n'
  printf 'A05,"een\rtwee\r\n\r\ndrie"\r\n'
  printf 'A06;x\r\n' | tr ';' ','; } >"$T/multi.csv"
run ally-add -q "$T/multi.csv"
is "$rc" 0 "CRLF inside a quoted cell is accepted"
is "$(sqlite3 "$ALLY_DB" "SELECT alias || '=' || replace(notes, char(10), '|')
    FROM person WHERE alias IN ('A04', 'A05', 'A06') ORDER BY alias" |
    tr '\n' ';')" "A04=eerste regel|tweede regel;A05=een|twee||drie;A06=x;" \
    "CRLF and a lone CR are newlines in the value"
# A one-line field says for CRLF what it says for LF.
{ printf 'alias,community\r\n'; printf 'A04,"een\r\ntwee"\r\n'; } >"$T/oneline.csv"
run ally-add -q "$T/oneline.csv"
is "$rc" 65 "a line break in a one-line field is refused"
crlf_err=$errout
printf 'alias,community\nA04,"een\ntwee"\n' >"$T/oneline.csv"
run ally-add -q "$T/oneline.csv"
is "$crlf_err" "$errout" "with the words it has for LF"

# Signals with semicolons: plain lines and lines for libcsv agree.
{ printf 'date;theme;tension;trend;basis;source;summary\r\n'
  printf '2026-12-01;poverty;2;rising;potential;A01;schulden, energie\r\n'
  printf '2026-12-02;trust;1;steady;evidenced;A02;"zegt ""hoi"""\r\n'
  printf '\r\n'
  printf ' 2026-12-03 ; youth ;0; ; potential ; A03 ;"  ruimte  " \r\n'; } >"$T/sig.csv"
run report-sentiment -u -N -f csv "$T/sig.csv"
is "$rc" 0 "signals split by semicolons are read"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | awk -F, '{ print $NF }' |
    tr '\n' ' ')" "2 3 5 " "each at its line"
run report-sentiment -u -q "$T/sig.csv"
is "$(sqlite3 "$ALLY_DB" "SELECT theme, coalesce(trend, 'NULL'), summary
    FROM signal ORDER BY date" | tr '\n' ';')" \
    "poverty|rising|schulden, energie;trust|steady|zegt \"hoi\";youth|NULL|  ruimte  ;" \
    "the same values as with commas"

# ---- a header that was not split --------------------------------------------
printf 'alias,notes;role\r\nA01,x;ally\r\n' >"$T/mixed.csv"
before=$(dbdump)
run ally-add -q "$T/mixed.csv"
is "$rc" 65 "a header that was not split is refused"
is "$errout" "ally-add: $T/mixed.csv:1: header: unknown field 'notes;role' (the header was not split: is the delimiter ';'?)" \
    "said at the header, naming the field as read and the delimiter"
is "$(dbdump)" "$before" "nothing written"
printf 'date;theme\ttension\n2026-12-01;poverty\t2\n' >"$T/tab-in.csv"
run report-sentiment -u -q "$T/tab-in.csv"
is "$errout" "report-sentiment: $T/tab-in.csv:1: header: unknown field 'theme	tension' (the header was not split: is the delimiter a tab?)" \
    "a tab named in words"
# A field of no record type without another delimiter is the module's to say.
printf 'alias;naam\nA01;x\n' >"$T/naam.csv"
run ally-add -q "$T/naam.csv"
like "$errout" "naam.csv:2: naam: unknown field" "an unknown name, split, is said as before"

# In Dutch.
run dutch ally-add -q "$T/mixed.csv"
like "$errout" "mixed.csv:1: header: " "the diagnostic translated (at the header)"
unlike "$errout" "unknown field" "in Dutch"

done_testing
