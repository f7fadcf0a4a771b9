#!/bin/sh
# Identities encrypted at rest (issue 21) meet the crisis and the checks
# at the open: the call list selects by sector and community in the
# clear (-K -S -C, -O -S), the call sheet (-P) shows names and phones
# with the key; validate.c checks ciphertext by its form and length
# without the key, so reports run without it and a damaged value is 65.
. "$(dirname "$0")/lib.sh"
KEY="$XDG_CONFIG_HOME/ally/Middelburg.key"
runcsv() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

rm -f "$ALLY_DB"
ally-add -c -n Middelburg -k file >/dev/null
ally-add -q "$EXAMPLES/members.yaml"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE sector = 'faith' OR name LIKE 'Fatima%'")" 0 \
    "sector and name stored as ciphertext"

runcsv ally-add -K -S faith -f csv
is "$rc" 0 "-K -S faith with the key"
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" "A01 A05 A10 " \
    "-K -S: the sector compared in the clear"
like "$out" "A01,Fatima el Idrissi,ally,,\+31621436587" "-K: name and phone in the clear"
runcsv ally-add -K -C moskee -f csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" "A01 " \
    "-K -C: a word of the community found in the clear"

export ALLY_TODAY="2027-01-15 23:12"
runcsv ally-add -O -S faith -f csv <<'EOF2'
reason: stabbing near the station
opened: 2027-01-15 23:10
EOF2
is "$rc" 0 "-O -S faith on an encrypted network"
runcsv ally-add -P -f csv
is "$(printf '%s\n' "$out" | sed -n 2,4p | cut -d, -f1-4)" "1,A01,Fatima el Idrissi,+31621436587
1,A05,Esther Koopman,+31655667788
1,A10,Yonas Tesfaye,+31610203040" "-P: the call sheet's names and phones decrypted"

# Without the key: every row is still checked at the open, and passes.
mv "$KEY" "$T/key"
run ally-review -f csv
is "$rc" 0 "without the key: ally-review (validate.c reads every row)"
run ally-add -T -f csv
is "$rc" 0 "without the key: -T (aliases only)"
run ally-add -P
is "$rc" 77 "without the key: the call sheet refused"
mv "$T/key" "$KEY"

# A damaged ciphertext is refused at the open, without the key: 65.
cp "$ALLY_DB" "$T/good.db"
sqlite3 "$ALLY_DB" "UPDATE person SET religion = char(1) || '1' || 'not base64!' WHERE alias = 'A02'"
mv "$KEY" "$T/key"
run ally-review -f csv
is "$rc" 65 "damaged ciphertext: 65 without the key"
like "$errout" "table person, row [0-9]+: religion: .* is damaged ciphertext" \
    "damaged ciphertext: table, row and field named"
# Ciphertext longer than the field's maxlen allows in the clear.
cp "$T/good.db" "$ALLY_DB"
long=$(head -c 3000 /dev/zero | tr '\0' A)
sqlite3 "$ALLY_DB" "UPDATE person SET name = char(1) || '1' || '$long' WHERE alias = 'A02'"
run ally-review -f csv
is "$rc" 65 "ciphertext too long for the field: 65"
like "$errout" "table person, row [0-9]+: name: " "too long: the field named"
mv "$T/key" "$KEY"
done_testing
