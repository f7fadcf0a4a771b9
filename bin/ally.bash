# bash completion for the ally commands: ally-add, meet-plan, meet-minutes,
# action-track, ally-review and report-sentiment.
#
# Installed by `make install` under each command's name in
# $(PREFIX)/share/bash-completion/completions, where bash-completion loads
# it on first use; or source it from ~/.bashrc.
#
# Options come from the table below, which follows each command's
# getopt_long table and --help (tests/1103-completion.t checks that they
# agree).  Network names come from `ally-add -W`, aliases from
# `ally-add -l -f csv`, both on the database that -d/--db names on the
# line being completed (else $ALLY_DB, else the default); neither lists
# an identity, and neither writes to the audit log.

# The options of a command, one a line: short (or -), long, and what the
# argument is: - (none), db, network, format, input, file, alias, or
# enum:a,b,c (one of those words), limit (ally-review -o), or a word
# that only says what is typed (date, number, time, text ...).
_ally_options()
{
	# The options every command shares (lib/opt.h, OPT_DB ...).
	cat <<'EOF'
-d --db db
-n --network network
-f --format format
-F --input-format input
-N --dry-run -
-h --help -
- --version -
EOF
	case $1 in
	ally-add)
		cat <<'EOF'
-u --update -
-c --create -
-l --list -
-I --identities -
-r --role enum:ally,police,municipality
-s --status enum:candidate,active,paused,left
-q --quiet -
-K --contacts -
-A --audit -
-E --erase -
-R --retention -
-B --backup file
-W --networks -
EOF
		;;
	meet-plan)
		cat <<'EOF'
-y --year number
-s --start date
-e --end date
-m --meetings enum:4,5,6
-b --blackouts file
-w --weekdays enum:mon,tue,wed,thu,fri,sat,sun
-t --time time
-D --duration number
-x --next -
-i --invite number
-l --list -
-u --update -
-V --venues -
-S --settings -
-o --organizer text
-q --quiet -
- --to text
EOF
		;;
	meet-minutes)
		cat <<'EOF'
-u --update -
-r --replace -
-A --allow-names -
-q --quiet -
-l --list -
-m --meeting enum:last
-V --view enum:meetings,attendance,themes,actions
-a --agenda -
- --to text
EOF
		;;
	action-track)
		cat <<'EOF'
-s --status enum:open,done,dropped
-p --party enum:police,municipality,ally,joint
-o --owner alias
-m --meeting number
-b --due-before date
-A --due-after date
-l --overdue -
-w --within number
-u --update -
-a --add -
-q --quiet -
-c --done -
-x --drop -
-O --reopen -
-D --date date
-R --remind -
-r --reciprocity -
-S --since date
-U --until date
- --to text
- --allow-names -
EOF
		;;
	ally-review)
		cat <<'EOF'
-s --since date
-t --until date
-S --summary -
-r --representation -
-T --target file
-u --update -
-D --due -
-R --reviewed date
-o --limit limit
-q --quiet -
- --allow-names -
EOF
		;;
	report-sentiment)
		cat <<'EOF'
-u --update -
-r --record -
-q --quiet -
-l --list -
-a --alerts -
-b --by enum:month,quarter,meeting
-g --rollup -
-t --theme enum:radicalisation,polarisation,nuisance,poverty,youth,safety,trust
-s --since date
-U --until date
-L --level enum:0,1,2,3,4
-R --rise number
-w --window number
-k --consecutive number
- --allow-names -
EOF
		;;
	*)
		return 1
		;;
	esac
}

# The output formats each command writes (-f).
_ally_formats()
{
	case $1 in
	ally-add)	echo yaml csv text vcard ;;
	meet-plan)	echo yaml csv text ics mail ;;
	meet-minutes)	echo yaml csv text mail roff ;;
	action-track)	echo yaml csv text mail ;;
	ally-review)	echo yaml csv text roff ;;
	report-sentiment) echo yaml csv text svg roff ;;
	esac
}

# ally-review -o NAME=VALUE: the thresholds it knows (lib/review.c).
_ally_limits="attendance= absent-in-row= candidate-months= paused-months=
min-size= max-size= min-meetings= max-meetings= review-months= cell= gap="

# What an option takes, from the table: sets _ally_kind; 1 when unknown.
_ally_kind_of()
{
	local cmd=$1 opt=$2 s l k

	while read -r s l k; do
		if [[ $opt == "$s" || $opt == "$l" ]]; then
			_ally_kind=$k
			return 0
		fi
	done < <(_ally_options "$cmd")
	return 1
}

# The value of -d/--db or -n/--network on the line (the first), into
# _ally_val; 1 when not given.
_ally_line_value()
{
	local short=$1 long=$2 i w n=${#COMP_WORDS[@]}

	for ((i = 1; i < n; i++)); do
		((i == COMP_CWORD)) && continue
		w=${COMP_WORDS[i]}
		[[ $w == -- ]] && break
		if [[ $w == "$short" || $w == "$long" ]]; then
			if [[ ${COMP_WORDS[i + 1]-} == = ]]; then
				_ally_val=${COMP_WORDS[i + 2]-}
			else
				_ally_val=${COMP_WORDS[i + 1]-}
			fi
		elif [[ $w == "$long"=?* ]]; then
			_ally_val=${w#*=}
		elif [[ $w == "$short"?* && $w != --* ]]; then
			_ally_val=${w#"$short"}
		else
			continue
		fi
		[[ -n $_ally_val ]] || return 1
		[[ $_ally_val == "~/"* ]] && _ally_val=$HOME/${_ally_val#"~/"}
		return 0
	done
	return 1
}

# ally-add, next to the command being completed when it was given by
# path, else from PATH; with the line's database.
_ally_add()
{
	local add=ally-add dir

	if [[ ${COMP_WORDS[0]} == */* ]]; then
		dir=${COMP_WORDS[0]%/*}
		[[ -x $dir/ally-add ]] && add=$dir/ally-add
	fi
	if _ally_line_value -d --db; then
		"$add" -d "$_ally_val" "$@"
	else
		"$add" "$@"
	fi
}

# Split one CSV record (RFC 4180, quotes doubled) into _ally_fields.
_ally_csv_split()
{
	local rest=$1 f re='^("([^"]|"")*"|[^,]*)(,|$)'

	_ally_fields=()
	while :; do
		[[ $rest =~ $re ]] || return 1
		f=${BASH_REMATCH[1]}
		rest=${rest:${#BASH_REMATCH[0]}}
		if [[ $f == \"*\" ]]; then
			f=${f:1:${#f}-2}
			f=${f//\"\"/\"}
		fi
		_ally_fields+=("$f")
		[[ -z ${BASH_REMATCH[3]} ]] && return 0
	done
}

# Records of CSV on stdin, one per line of output as "field1<TAB>field2"
# for the named columns; a quoted field may hold line ends.
_ally_csv_columns()
{
	local line rec= q header=1 c i
	local -a want=("$@") idx=()

	while IFS= read -r line || [[ -n $line ]]; do
		line=${line%$'\r'}
		rec=${rec:+$rec$'\n'}$line
		q=${rec//[^\"]/}
		((${#q} % 2)) && continue
		_ally_csv_split "$rec" || { rec=; continue; }
		rec=
		if ((header)); then
			header=0
			for c in "${want[@]}"; do
				for i in "${!_ally_fields[@]}"; do
					[[ ${_ally_fields[i]} == "$c" ]] &&
					    idx+=("$i")
				done
			done
			((${#idx[@]} == ${#want[@]})) || return 1
			continue
		fi
		line=
		for i in "${idx[@]}"; do
			line+=${line:+$'\t'}${_ally_fields[i]}
		done
		printf '%s\n' "$line"
	done
}

_ally_networks()
{
	_ally_add -W -f csv 2>/dev/null | _ally_csv_columns name
}

# Aliases of the line's network (-n, else $ALLY_NETWORK, else the only
# one), or of every network when the file has several; $1 "left": only
# members who left (ally-add -E), "current": the others.
_ally_aliases()
{
	local which=$1 net alias status

	{
		if _ally_line_value -n --network; then
			_ally_add -l -f csv -n "$_ally_val" 2>/dev/null
		elif [[ -n ${ALLY_NETWORK-} ]]; then
			_ally_add -l -f csv 2>/dev/null
		else
			_ally_networks | while IFS= read -r net; do
				_ally_add -l -f csv -n "$net" 2>/dev/null
			done
		fi
	} | _ally_csv_columns alias status |
	    while IFS=$'\t' read -r alias status; do
		case $which in
		left)	[[ $status == left ]] || continue ;;
		current) [[ $status != left ]] || continue ;;
		esac
		printf '%s\n' "$alias"
	done | sort -u
}

# COMPREPLY from candidate lines on stdin that start with $1, each
# quoted for the shell, and $2 put before each (a glued option).  Fed
# by redirection, never a pipe: a pipe would set COMPREPLY in a subshell.
_ally_reply()
{
	local cur=$1 pre=${2-} c q

	cur=${cur//\\/}
	cur=${cur#[\"\']}
	while IFS= read -r c; do
		[[ -n $c && $c == "$cur"* ]] || continue
		printf -v q '%q' "$c"
		COMPREPLY+=("$pre$q")
	done
}

_ally_files()
{
	local IFS=$'\n'

	compopt -o filenames 2>/dev/null
	COMPREPLY+=($(compgen -f -- "$1"))
}

# The argument of an option of this kind.
_ally_complete_value()
{
	local cmd=$1 kind=$2 cur=$3 pre=${4-}

	case $kind in
	format)
		_ally_reply "$cur" "$pre" < <(printf '%s\n' $(_ally_formats "$cmd"))
		;;
	input)
		_ally_reply "$cur" "$pre" < <(printf '%s\n' yaml csv)
		;;
	network)
		_ally_reply "$cur" "$pre" < <(_ally_networks)
		;;
	alias)
		_ally_reply "$cur" "$pre" < <(_ally_aliases current)
		;;
	enum:*)
		_ally_reply "$cur" "$pre" < <(printf '%s\n' ${kind#enum:} |
		    tr , '\n')
		;;
	limit)
		_ally_reply "$cur" "$pre" < <(printf '%s\n' $_ally_limits)
		compopt -o nospace 2>/dev/null
		;;
	db|file)
		[[ -z $pre ]] && _ally_files "$cur"
		;;
	esac
	return 0
}

# Operands: what follows the options.
_ally_complete_operand()
{
	local cmd=$1 cur=$2 w

	for w in "${COMP_WORDS[@]:1}"; do
		case $cmd:$w in
		ally-add:-E|ally-add:--erase)
			_ally_reply "$cur" < <(_ally_aliases left)
			return 0
			;;
		ally-add:-[lKAWR]|ally-add:--list|ally-add:--contacts|\
		ally-add:--audit|ally-add:--networks|ally-add:--retention|\
		action-track:--done|action-track:--drop|action-track:--reopen|\
		action-track:--remind|action-track:--reciprocity|\
		action-track:-[cxORr])
			return 0
			;;
		esac
	done
	_ally_files "$cur"
}

_ally_complete()
{
	local cmd=${COMP_WORDS[0]##*/} cword=$COMP_CWORD
	local cur=${COMP_WORDS[COMP_CWORD]-} prev= opt= pre= w i

	COMPREPLY=()
	_ally_options "$cmd" >/dev/null || return 0
	((cword > 0)) && prev=${COMP_WORDS[cword - 1]}

	# After "--" only operands.
	for ((i = 1; i < cword; i++)); do
		if [[ ${COMP_WORDS[i]} == -- ]]; then
			_ally_complete_operand "$cmd" "$cur"
			return 0
		fi
	done

	# --opt=value: bash splits it at '=' (COMP_WORDBREAKS), or not.
	if [[ $cur == = && $prev == --* ]]; then
		opt=$prev
		cur=
	elif [[ $prev == = && $cword -ge 2 &&
	    ${COMP_WORDS[cword - 2]} == --* ]]; then
		opt=${COMP_WORDS[cword - 2]}
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		pre=$opt=
		cur=${cur#*=}
	elif [[ $cur == -[!-]?* ]] && _ally_kind_of "$cmd" "${cur:0:2}" &&
	    [[ $_ally_kind != - ]]; then
		# A short option glued to its argument: -fcsv.
		opt=${cur:0:2}
		pre=$opt
		cur=${cur:2}
	elif [[ $prev == -* ]] && _ally_kind_of "$cmd" "$prev" &&
	    [[ $_ally_kind != - ]]; then
		opt=$prev
	fi
	if [[ -n $opt ]]; then
		_ally_kind_of "$cmd" "$opt" || return 0
		_ally_complete_value "$cmd" "$_ally_kind" "$cur" "$pre"
		return 0
	fi

	if [[ $cur == -* ]]; then
		_ally_reply "$cur" < <(_ally_options "$cmd" |
		    while read -r short long _; do
			[[ $short != - ]] && printf '%s\n' "$short"
			printf '%s\n' "$long"
		done)
		return 0
	fi
	_ally_complete_operand "$cmd" "$cur"
}

complete -F _ally_complete ally-add meet-plan meet-minutes action-track \
    ally-review report-sentiment
