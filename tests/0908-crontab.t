#!/bin/sh
# examples/crontab works: each of its command lines runs, as cron would run
# it (\% unescaped, sh -c), against a year of the demo network, with mail(1)
# and sendmail(8) replaced by stubs that keep what they were given.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/stub" "$T/sent"
cat >"$T/stub/mail" <<'EOS'
#!/bin/sh
# mail -E -s SUBJECT ADDR: send nothing for an empty body, as bsd-mailx -E.
body=$(cat)
[ -z "$body" ] && exit 0
n=$(ls "$SENT" | wc -l)
printf '%s\n' "$*" "$body" >"$SENT/mail.$n"
EOS
cat >"$T/stub/sendmail" <<'EOS'
#!/bin/sh
n=$(ls "$SENT" | wc -l)
cat >"$SENT/sendmail.$n"
EOS
chmod +x "$T/stub/mail" "$T/stub/sendmail"
export SENT="$T/sent"

cd "$EXAMPLES" || exit 1
export ALLY_TODAY=2026-12-15
ally-add --create -n Middelburg -q members.yaml
ally-add --create -n Veere -q members-veere.csv
meet-plan -n Middelburg -q -V venues.yaml
meet-plan -n Middelburg -q -y 2027 -b blackouts.yaml
export ALLY_TODAY=2027-12-01
meet-minutes -n Middelburg -t -q topics-2027.yaml
meet-minutes -n Middelburg -q minutes-2027.yaml
report-sentiment -n Middelburg -r -q callround.csv
printf 'alias: A05\nstatus: left\nleft: 2025-06-30\n' >"$T/left.yaml"
ALLY_TODAY=2027-12-01 ally-add -n Middelburg -q "$T/left.yaml" 2>/dev/null

# The Monday invitations need a meeting in the coming week: cron's
# continuity plans the one after the year's last.
meet-plan -n Middelburg -x -q
first=$(sqlite3 "$ALLY_DB" "select min(date) from meeting where status = 'planned'")
lines=0
grep -v '^#' crontab | grep -v '^[A-Z_]*=' | grep -v '^$' |
    sed 's/^[^ ]* *[^ ]* *[^ ]* *[^ ]* *[^ ]* *//; s/\\%/%/g' |
    sed "s|/media/crypt|$T/crypt|g" >"$T/commands"
mkdir -p "$T/crypt"
while IFS= read -r cmd; do
	lines=$((lines + 1))
	case $cmd in
	*"meet-plan -x"*) day=2027-12-01 ;;
	*"-i 7"*) day=$(date -d "$first - 3 days" +%F 2>/dev/null || echo 2027-12-01) ;;
	*) day=2027-12-01 ;;
	esac
	(cd "$T" && PATH="$T/stub:$PATH" ALLY_TODAY=$day sh -c "$cmd") \
	    >"$T/cron.out" 2>"$T/cron.err"
	st=$?
	# 0, or 1 for "nothing to say"; never a diagnostic, never output
	# left over for cron to mail.
	is "$([ $st -le 1 ] && echo ok):$(cat "$T/cron.out" "$T/cron.err")" "ok:" \
	    "runs cleanly: $(printf '%s' "$cmd" | cut -c1-60)"
done <"$T/commands"
ok "$([ "$lines" -ge 8 ]; echo $?)" "the crontab has its $lines command lines"
ls "$SENT" >"$T/sent.list"
like "$(cat "$T/sent.list")" "sendmail" "an invitation went to sendmail -t"
ls "$T/crypt" >"$T/crypt.list"
like "$(cat "$T/crypt.list")" "^ally-[A-Z][a-z][a-z]\.db$" "the nightly backup was written"
is "$(stat -c %a "$T/crypt/$(cat "$T/crypt.list")")" 600 "the backup is 0600"
like "$(cat "$SENT"/sendmail.* | head -40)" "text/calendar; method=REQUEST" \
    "with its calendar attached"
like "$(cat "$SENT"/mail.*)" "Actions" "the action reminder was mailed"
done_testing
