#!/bin/sh
# The EXAMPLES of the manuals for the life between the meetings (issue
# 20, 7): the contact log and the cron check of action-track(1), the
# guests and the topics of meet-minutes(1), the talk's follow-up and the
# integrity re-check of ally-review(1), each run as the rendered manual
# shows it, against the demo's year; what they print is read with PyYAML
# or csv.  (ally(5)'s records are read back by tests/2508.)
. "$(dirname "$0")/lib.sh"

# display PAGE PATTERN: the literal display after the paragraph with
# PATTERN in the EXAMPLES of man/PAGE, as mandoc renders it.
display() {
	LC_ALL=C.UTF-8 mandoc -Tutf8 "$TOP/man/$1" | col -bx |
	    sed -n '/^EXAMPLES/,/^SEE ALSO/p' | awk -v pat="$2" '
		index($0, pat) { found = 1; next }
		found && /^           / { sub(/^           /, ""); print; inb = 1; next }
		inb { exit }'
}

# commands DIR: the display on stdin as commands DIR/cmd1 ... : a "$ "
# starts one, "$ cat FILE" writes FILE from the lines that follow, a line
# after one ending in \ or | continues it, a crontab line is run as the
# command it holds (cron's \% a %).
commands() {
	awk -v d="$1" '
	function start(c) { n++; file = d "/cmd" n; print c > file; cat = "" }
	{
		if (/^\$ cat /) {
			cat = d "/" $3; printf "" > cat
		} else if (/^\$ /) {
			sub(/^\$ /, ""); start($0)
		} else if (cat != "") {
			print > cat
		} else if (cont) {
			print > file
		} else if (/^[0-9*][0-9*,\/-]* +[0-9*]/) {
			for (i = 1; i <= 5; i++) sub(/^[^ ]+ +/, "")
			gsub(/\\%/, "%"); start($0)
		} else
			start($0)
		cont = cat == "" && /(\\|\|)$/
	}
	END { print n > (d "/count") }'
}

# ex N: run command N of the display in $X; $out, $errout, $rc.
ex() {
	cd "$X" || exit 1
	run sh "./cmd$1"
	cd "$T" || exit 1
}

# example NAME PAGE PATTERN N WHAT: the display into $X = $T/NAME, which
# must hold N commands.
example() {
	X="$T/$1" && mkdir "$X"
	display "$2" "$3" | commands "$X"
	is "$(cat "$X/count")" "$4" "$5"
}

# added N WANT WHAT: command N writes, and its results read with PyYAML
# have the ids and changes WANT.
added() {
	ex "$1"
	is "$rc:$(printf '%s\n' "$out" | py 'print(" ".join("%s:%s" % (r["id"], r["change"]) for r in yaml.safe_load(sys.stdin)))')" \
	    "0:$2" "$3"
}

# py CODE: Python with yaml and csv on stdin, printing what is compared.
py() {
	python3 -c "import csv, io, sys, yaml
$1"
}

# A stub mail(1): what it is given, in $T/mailed.
mkdir "$T/stub"
printf '#!/bin/sh\n{ echo "mail $*"; cat; } >"%s/mailed"\n' "$T" >"$T/stub/mail"
chmod +x "$T/stub/mail"
PATH="$T/stub:$PATH"

ALLY_TODAY=2026-12-16 newdb Middelburg
ALLY_TODAY=2026-12-16 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_NETWORK=Middelburg

# action-track(1): log a call and a visit, and see the log.
example contact action-track.1 "Log a call and a visit" 2 \
    "action-track: the contact example has two commands"
export ALLY_TODAY=2027-06-20
added 1 "1:added 2:added" \
    "  the printf of two contacts into action-track --contact: its results"
ex 2
like "$out" "^2 +Middelburg +2027-06-15 +visit +M01 +A05 +-$" \
    "  --contacts -f text shows the visit, without a note"
like "$out" "2027-06-14 +call +P01 +A03 +the mood after the demonstration$" \
    "  and the call with its note"

# The Monday cron line: mail the allies nobody spoke with in six weeks.
# On Monday 2027-06-21 only A03 and A05 were spoken to; A12 is a
# candidate: nine allies are never spoken to.
X="$T/cron" && mkdir "$X"
display action-track.1 "mail the coordinator the allies nobody spoke" | commands "$X"
export ALLY_TODAY=2027-06-21
ex 1
is "$rc" 0 "action-track: the cron line runs (exit 0)"
is "$(sed -n 1p "$T/mailed")" "mail -s Allies: call them coordinator" \
    "  and mails the coordinator"
is "$(awk 'NR > 2 { printf "%s ", $1 }' "$T/mailed")" \
    "A01 A02 A04 A06 A07 A08 A09 A10 A11 " "  the nine allies nobody spoke with"
action-track --not-spoken 6 -f yaml >"$T/ns.yaml"
is "$(py 'print(len(yaml.safe_load(sys.stdin)))' <"$T/ns.yaml")" 9 \
    "  --not-spoken -f yaml: nine records for PyYAML"
action-track --not-spoken 6 -f csv >"$T/ns.csv"
is "$(py 'print(len(list(csv.DictReader(sys.stdin))))' <"$T/ns.csv")" 9 \
    "  --not-spoken -f csv: nine rows for csv"
printf 'date,kind,by,with\n' >"$T/all.csv"
for a in A01 A02 A04 A06 A07 A08 A09 A10 A11; do
	printf '2027-06-21,call,M01,%s\n' "$a"
done >>"$T/all.csv"
action-track --contact -q "$T/all.csv"
rm -f "$T/mailed"
ex 1
is "$rc:$out" "1:" "  everyone spoken to: exit 1, nothing printed"
ok "$([ ! -e "$T/mailed" ]; echo $?)" "  and nothing mailed"

# The topics, in the demo's year: meetings 1 to 3 held with the topics
# 1 to 5 of topics-2027.yaml; 6 waits for later.  The manual's two
# topics are 7 (for the next meeting, 4 of 2027-09-21) and 8 (later).
ALLY_TODAY=2026-12-16 meet-plan -q -V "$EXAMPLES/venues.yaml"
ALLY_TODAY=2026-12-16 meet-plan -q -y 2027 -b "$EXAMPLES/blackouts.yaml" \
    -w tue,thu -t 18:00
ALLY_TODAY=2027-01-20 meet-minutes -t -q "$EXAMPLES/topics-2027.yaml"
awk '/^---$/ { n++ } n <= 3' "$EXAMPLES/minutes-2027.yaml" >"$T/m123.yaml"
ALLY_TODAY=2027-07-02 meet-minutes -q "$T/m123.yaml"
is "$?" 0 "the demo's minutes of meetings 1 to 3 are recorded"
example topics meet-minutes.1 "Members propose topics" 4 \
    "meet-minutes: the topics example has four commands"
export ALLY_TODAY=2027-08-01
added 1 "7:added 8:added" "  meet-minutes -t topics.yaml: its results"
ex 2
like "$out" "Topics from the members \(1\)" "  the agenda of meeting 4 has one topic"
like "$out" "the youth centre's opening hours" "  the youth centre's"
like "$out" "Proposed for later: 2 " "  two for later: 6 and 8"
export ALLY_TODAY=2027-09-22
ex 3
is "$rc" 0 "  the minutes of meeting 4 discuss topic 7"
is "$(printf '%s\n' "$out" | py 'r = list(yaml.safe_load_all(sys.stdin))[0]
r = r[0] if isinstance(r, list) else r
print(r["meeting"], r["present"])')" "4 4" "  their summary read with PyYAML"
ex 4
is "$(printf '%s\n' "$out" | py 'for r in csv.DictReader(io.StringIO(sys.stdin.read())):
    print(r["id"], r["proposed_by"], r["for"], r["status"])' | tr '\n' ' ')" \
    "1 A07 1 discussed 2 M02 1 discussed 3 A08 2 discussed 4 A01 2 discussed 5 A10 3 discussed 6 A11 later proposed 7 A03 4 discussed 8 M01 later proposed " \
    "  -T -f csv read with csv: 7 discussed at 4, 6 and 8 for later"

# ally-review(1): a talk opens the follow-up for M01, due 28 days after
# the review of 2027-09-22: 2027-10-20.
X="$T/review" && mkdir "$X"
ally-review -f csv | python3 -c 'import csv, sys
rows = list(csv.DictReader(sys.stdin))
for r in rows:
    r["decision"] = "talk" if r["alias"] == "A08" else "keep" if r["role"] == "ally" else ""
w = csv.DictWriter(open(sys.argv[1], "w", newline=""), fieldnames=list(rows[0]))
w.writeheader(); w.writerows(rows)' "$X/review.csv"
display ally-review.1 "Store the decisions with the follow-up" | commands "$X"
is "$(cat "$X/count")" 2 "ally-review: the follow-up example has two commands"
ex 1
is "$rc" 0 "  ally-review -u -c M01 review.csv"
ex 2
is "$(printf '%s\n' "$out" | py 'for r in yaml.safe_load(sys.stdin):
    if "review" in r["title"]:
        print(r["title"], r["owner"], r["due"], r["status"])')" \
    "Talk with A08 after the review of 2027-09-22 M01 2027-10-20 open" \
    "  action-track -o M01 -s open, read with PyYAML: the talk's follow-up"

# Re-checked every three years: on 2029-10-01 those vetted by 2026-10-01
# are due, A01 to A07 (A08 and A09 were vetted 2026-10-02, A10 and A11
# 2026-10-06; A12 never).
X="$T/vetting" && mkdir "$X"
display ally-review.1 "Re-check the integrity every three years" | commands "$X"
export ALLY_TODAY=2029-10-01
ex 1
is "$(printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" \
    "A01 A02 A03 A04 A05 A06 A07 " "ally-review -o vetting-months=36: A01 to A07 due"
ally-review -o vetting-months=36 -f csv >"$T/v.csv"
is "$(py 'print(sum("vetting-due" in r["flags"].split() for r in csv.DictReader(sys.stdin)))' <"$T/v.csv")" 7 \
    "  the whole sheet read with csv: seven flagged"

# meet-minutes(1): the kickoff with guests, in a network of its own
# (last: its meeting takes the next id).
example kickoff meet-minutes.1 "The kickoff, with the mayor" 1 \
    "meet-minutes: the kickoff example, one command after its file"
ALLY_TODAY=2027-03-01 ally-add --create -n Kickoff -q \
    "$EXAMPLES/members.yaml"
export ALLY_NETWORK=Kickoff ALLY_TODAY=2027-03-01
ex 1
is "$rc:$out:$errout" "0::" "  the kickoff's minutes are recorded quietly"
meet-minutes -l -m 2027-02-09 >"$T/kick.yaml"
is "$(py 'm = yaml.safe_load(sys.stdin)
print(m["present"], m["guests"])' <"$T/kick.yaml")" \
    "['A01', 'A02', 'A03', 'M01', 'P01'] [{'role': 'mayor', 'organisation': 'Gemeente Middelburg'}, {'role': 'beat officer'}]" \
    "  the stored minutes, read with PyYAML: five members, two guests"
export ALLY_NETWORK=Middelburg

done_testing
