#!/bin/sh
# The cron lines of the manuals, ally(7), the README and examples/crontab
# are lines cron can run (issue 19): each entry on one line (cron knows
# no continuation lines), every % written \% (cron reads a bare % as a
# newline), and no "mail -E" (GNU Mailutils reads -E as --exec and sends
# nothing): the exit status 1 of "nothing to say" keeps mail from running.
. "$(dirname "$0")/lib.sh"

# The crontab entries as text: mdoc's \e is a backslash.
entries() {
	for f in "$TOP"/man/*.1 "$TOP"/man/ally.7; do
		sed 's/\\e/\\/g' "$f" | grep -E '^[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* +[0-9*]' |
		    sed "s|^|${f##*/}: |"
	done
	grep -E '^ *[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* +[0-9*]' "$TOP/README.md" | sed 's|^|README.md: |'
	grep -Ev '^(#|[A-Z_]+=|$)' "$EXAMPLES/crontab" | sed 's|^|crontab: |'
}
entries >"$T/entries"
n=$(wc -l <"$T/entries")
ok "$([ "$n" -ge 20 ]; echo $?)" "$n crontab entries found"
is "$(grep -E '(\\|\|) *$' "$T/entries")" "" "none continues on the next line"
is "$(grep -E '(^|[^\\])%' "$T/entries")" "" "every % is written \\%"
is "$(grep -E 'mail +-E' "$T/entries")" "" "none uses mail -E"
is "$(grep -E '\| *mail ' "$T/entries" | grep -Ev 'out=\$\(|&& *[a-z-]+ .*\| *mail ')" "" \
    "mail runs only when a command had something to say"
done_testing
