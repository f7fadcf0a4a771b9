#!/bin/sh
# One writer per table (issue 17): every INSERT, UPDATE and DELETE of a
# table stands in one source file, the module that owns the table, so
# that its rules (the checks, the member-name check, the audit) cannot
# be passed by. Read from the sources: the SQL in their string literals
# (adjacent literals joined, comments left out), and the tables that
# row.c writes for a module, named by the module's struct row_spec.
. "$(dirname "$0")/lib.sh"

# The owner of each table of the schema.
owners="network:network person:person venue:meeting meeting:meeting
attendance:minutes signal:tension action:action review:review audit:db
guest:guest contact:contactlog round:callround call:callround topic:topic reply:reply"

cat >"$T/sql.awk" <<'EOF'
# The string literals of a C file, adjacent ones joined, outside
# comments and character constants; the table of each statement that
# writes in them, as "table file".
{ s = s $0 "\n" }
function flush() {
	while (match(lit, /(INSERT( OR [A-Z]+)? INTO|REPLACE INTO|UPDATE|DELETE FROM)[ \t]+[a-z_]+/)) {
		n = split(substr(lit, RSTART, RLENGTH), w, /[ \t]+/)
		print w[n], f
		lit = substr(lit, RSTART + RLENGTH)
	}
	lit = ""
}
END {
	len = length(s)
	for (i = 1; i <= len; i++) {
		c = substr(s, i, 1)
		if (substr(s, i, 2) == "/*") {
			j = index(substr(s, i + 2), "*/")
			i += j + 2
		} else if (substr(s, i, 2) == "//") {
			i += index(substr(s, i), "\n") - 1
		} else if (c == "\"" || c == "'") {
			for (i++; i <= len && substr(s, i, 1) != c; i++) {
				if (substr(s, i, 1) == "\\")
					i++
				if (c == "\"")
					lit = lit substr(s, i, 1)
			}
			if (c == "'")
				flush()
		} else if (c !~ /[ \t\n]/)
			flush()
	}
	flush()
}
EOF

# "record-type table" of every RECORD_TYPE(var, ..., table) and
# RECORD_DEF(var, name, table) of fields.c (its last argument).
tr '\n' ' ' <"$TOP/lib/fields.c" |
    grep -o 'RECORD_[A-Z]*([a-z_]*,[^;]*);' |
    sed -n 's/^RECORD_[A-Z]*(\([a-z_]*\),.*[, ]"\([a-z_]*\)");$/\1 \2/p' >"$T/defs"
[ "$(grep -c . "$T/defs")" -ge 5 ]
ok $? "the tables of the record types are read from lib/fields.c"

# "table file" for every statement that writes, in every source.
writes() {
	for f in "$TOP"/lib/*.c "$TOP"/bin/*.c; do
		# The migrations (schema_vN in db.c) make the schema and
		# carry old rows over; they are not a module's writes.
		sed '/^static const char schema_v[0-9]*\[\] =/,/;$/d' "$f" |
		    awk -v f="${f##*/}" -f "$T/sql.awk"
		# The record type of a row_spec: row.c makes its statements.
		sed -n 's/^[[:space:]]*\.def = &\([a-z_]*\)_def,.*/\1/p' "$f" |
		while read -r def; do
			awk -v d="$def" -v f="${f##*/}" '$1 == d { print $2, f }' \
			    "$T/defs"
		done
	done | sed 's/\.c$//' | sort -u
}
writes >"$T/writes"
[ -s "$T/writes" ]
ok $? "the sources' writes are read"

for o in $owners; do
	table=${o%%:*}
	want=${o#*:}
	got=$(awk -v t="$table" '$1 == t { print $2 }' "$T/writes" |
	    tr '\n' ' ' | sed 's/ $//')
	is "$got" "$want" "table $table is written by lib/$want.c alone"
done

# A table written that has no owner above (a new one) is said.
got=$(awk '{ print $1 }' "$T/writes" | sort -u | while read -r t; do
	case " $owners " in
	*[[:space:]]"$t":*) ;;
	*) printf '%s ' "$t" ;;
	esac
done)
is "$got" "" "every table written has its owner in this test"

# Each table of the schema has its owner here.
tables=$(sed -n 's/^"CREATE TABLE \([a-z_]*\) (.*/\1/p' "$TOP/lib/db.c" |
    sort | tr '\n' ' ')
want=$(for o in $owners; do echo "${o%%:*}"; done | sort | tr '\n' ' ')
is "$tables" "$want" "the schema's tables are the ones owned here"

done_testing
