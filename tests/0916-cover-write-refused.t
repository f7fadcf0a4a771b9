#!/bin/sh
# Every writing command, when the database refuses one of its writes
# half-way (a constraint of a newer schema or of a damaged file): the
# diagnostic gives SQLite's reason, the exit status is 65, and nothing
# of the batch is written, not the rows before the refused one either.
# The refusal is a CHECK that no row passes, written into the table's
# schema, for an INSERT or an UPDATE, and for a DELETE a foreign key to
# every row from rows of another table (a trigger did this once; ally
# now refuses a file with a trigger before it writes anything).
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$FIX/meet-plan/venues.yaml"
ALLY_TODAY=2027-01-15 meet-plan -q -y 2027
printf -- '- title: Talk with the school\n  party: police\n  owner: P01\n  due: 2027-07-01\n' |
    action-track -a -q

# refused TABLE EVENT DESCRIPTION COMMAND...: with the database refusing
# EVENT (INSERT, UPDATE, DELETE) on TABLE, the command fails as it should.
refused() {
	tbl=$1 ev=$2 what=$3
	shift 3
	rm -f "$ALLY_DB-wal" "$ALLY_DB-shm"
	cp "$ALLY_DB" "$T/unrefused.db"
	case $ev in
	DELETE)
		# Rows of another of ally's tables whose schema now says
		# they point at every row of TABLE (guests at actions,
		# replies at attendance).
		case $tbl in
		action) child=guest cols=id
			fill="INSERT INTO guest (id, meeting_id, role)
			    SELECT id, (SELECT min(id) FROM meeting), 'mayor'
			    FROM action" ;;
		attendance) child=reply cols="meeting_id, person_id"
			fill="INSERT INTO reply (network_id, meeting_id,
			    person_id, answer, along) SELECT 1, meeting_id,
			    person_id, 'yes', 0 FROM attendance" ;;
		esac
		sqlite3 "$ALLY_DB" "PRAGMA writable_schema = ON;
		    UPDATE sqlite_schema SET sql = replace(sql, ') STRICT',
		    ', FOREIGN KEY ($cols) REFERENCES $tbl ($cols)) STRICT')
		    WHERE name = '$child'"
		sqlite3 "$ALLY_DB" "$fill"
		reason="FOREIGN KEY constraint failed" ;;
	*)
		# SQLite checks on an UPDATE only a CHECK that names a
		# column changed: this one names them all.
		all=$(sqlite3 "$ALLY_DB" "SELECT group_concat('quote(' || name
		    || ')', ' || ') FROM pragma_table_info('$tbl')")
		sqlite3 "$ALLY_DB" "PRAGMA writable_schema = ON;
		    UPDATE sqlite_schema SET sql = replace(sql, ') STRICT',
		    ', CONSTRAINT refused_by_the_database CHECK (length($all)
		    < 0)) STRICT') WHERE name = '$tbl'"
		reason="CHECK constraint failed: refused_by_the_database" ;;
	esac
	before=$(dbdump)
	run "$@"
	is "$rc" 65 "$what: exit 65"
	like "$errout" "$reason" "$what: SQLite's reason shown"
	is "$(dbdump)" "$before" "$what: nothing written"
	mv "$T/unrefused.db" "$ALLY_DB"
	rm -f "$ALLY_DB-wal" "$ALLY_DB-shm"
}

printf 'name: Noor Bakker\nrole: ally\n' >"$T/new.yaml"
refused person INSERT "a new member" ally-add "$T/new.yaml"
printf 'alias: A02\nphone: 06-11223344\n' >"$T/upd.yaml"
refused person UPDATE "a member's change" ally-add "$T/upd.yaml"
printf 'alias: A11\nstatus: left\nleft: 2027-06-01\n' | ally-add -q
refused person UPDATE "an erasure" ally-add -E A11
refused audit INSERT "the audit of an erasure" ally-add -E A11
printf -- '- title: Another talk\n  party: police\n  owner: P01\n  due: 2027-07-01\n' >"$T/act.yaml"
refused action INSERT "a new action" action-track -a "$T/act.yaml"
refused action UPDATE "an action closed" action-track --done 1
printf -- '- name: Bibliotheek\n  host: other\n' >"$T/venue.yaml"
refused venue INSERT "a new venue" meet-plan -V "$T/venue.yaml"
refused meeting INSERT "a planned series" meet-plan -y 2028
printf -- '- id: 2\n  time: "19:30"\n' >"$T/move.yaml"
refused meeting UPDATE "a meeting moved" meet-plan -u "$T/move.yaml"
refused network UPDATE "the schedule" meet-plan -S -t 19:30
printf 'date: 2027-06-01\ntheme: youth\ntension: 1\nsource: A01\n' >"$T/sig.yaml"
refused signal INSERT "a signal" report-sentiment -r "$T/sig.yaml"
printf 'alias,decision,reviewed\nA01,keep,2027-06-15\nA02,talk,2027-06-15\n' >"$T/review.csv"
refused review INSERT "a review decision" ally-review -u "$T/review.csv"

mdate=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE date < '2027-06-15' ORDER BY date LIMIT 1")
printf 'date: %s\npresent: [A01, P01]\nthemes:\n  - theme: trust\n    tension: 1\nactions:\n  - title: Visit\n    party: police\n    owner: P01\n    due: 2027-07-01\n' \
    "$mdate" >"$T/min.yaml"
refused attendance INSERT "the attendance of minutes" meet-minutes "$T/min.yaml"
refused meeting UPDATE "the meeting of minutes" meet-minutes "$T/min.yaml"
refused signal INSERT "the themes of minutes" meet-minutes "$T/min.yaml"
meet-minutes -q "$T/min.yaml"
is "$?" 0 "the minutes recorded without the triggers"
# Replaced with another action: the action agreed then is deleted.
printf 'date: %s\npresent: [A01, P01]\nactions:\n  - title: Call\n    party: police\n    owner: P02\n    due: 2027-07-01\n' \
    "$mdate" >"$T/min2.yaml"
refused action DELETE "an action dropped from replaced minutes" \
    meet-minutes -r "$T/min2.yaml"
refused attendance DELETE "the old attendance of replaced minutes" \
    meet-minutes -r "$T/min2.yaml"
done_testing
