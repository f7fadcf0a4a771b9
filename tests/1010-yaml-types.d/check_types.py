"""Read a YAML output of ally with PyYAML (YAML 1.1) or ruamel.yaml (1.2)
and check that each value's Python type is its field's kind: int for
counts and ids, float for decimals, datetime.date for dates, str for the
rest.  An empty string is the absent value of any kind.  Prints one line
per file: "0 what" or "1 what: the values of the wrong type".

usage: check_types.py pyyaml|ruamel FILE..."""
import datetime
import re
import sys

INT = set("""id meeting line revision tension previous move signals readings
    max alerts networks count share taken done on_time overdue open dropped
    retention meetings present excused absent attendance absent_in_row contacts
    allies active candidates paused min_size max_size police municipality
    min_meetings max_meetings themes actions last_meeting age duration
    members sources coming along headcount declined unanswered topics_later for""".split())
FLOAT = {"mean", "expected", "target"}
DATE = set("""date intake vetted joined left due closed reviewed status_since
    last_present since until last_review next_review from to created
    last_contact""".split())
# A value of a number field that says why there is no number.
# A field of two record types, a yes or no in one of them.
WORDS = {"count": re.compile(r"<\d+|\*"), "move": re.compile(r"new"),
         "active": re.compile(r"yes|no"), "overdue": re.compile(r"yes|no"),
         "due": re.compile(r"yes|no"), "share": re.compile(r"yes|no"),
         "age": re.compile(r"\d+:\d\d"), "for": re.compile(r"later")}


def load(reader, path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if reader == "pyyaml":
        import yaml
        docs = list(yaml.safe_load_all(text))
    else:
        from ruamel.yaml import YAML
        docs = list(YAML(typ="safe", pure=True).load_all(text))
    out = []
    for d in docs:
        if isinstance(d, list):
            out.extend(d)
        elif d is not None:
            out.append(d)
    return out


def wrong(key, v):
    """Why v is of the wrong type for key, or None."""
    if isinstance(v, list):
        for item in v:
            why = check_record(item) if isinstance(item, dict) else \
                None if isinstance(item, str) else "%r" % (item,)
            if why:
                return why
        return None
    if v == "":
        return None
    if isinstance(v, str) and key in WORDS and WORDS[key].fullmatch(v):
        ok = True
    elif key in INT:
        ok = type(v) is int
    elif key in FLOAT:
        ok = type(v) is float
    elif key in DATE:
        ok = type(v) is datetime.date
    else:
        ok = type(v) is str
    return None if ok else "%s: %r (%s)" % (key, v, type(v).__name__)


def check_record(r):
    if not isinstance(r, dict):
        return "not a record: %r" % (r,)
    for k, v in r.items():
        why = wrong(k, v)
        if why:
            return why
    return None


def main():
    reader = sys.argv[1]
    for path in sys.argv[2:]:
        name = path.rsplit("/", 1)[-1]
        try:
            recs = load(reader, path)
        except Exception as e:
            print("1 %s: %s reads it: %s" % (name, reader, e))
            continue
        bad = [w for w in map(check_record, recs) if w]
        what = "%s: %s reads %d records, every value of its field's type" \
            % (name, reader, len(recs))
        if bad or not recs:
            print("1 %s: %s" % (what, "; ".join(bad[:3]) or "none"))
        else:
            print("0 " + what)


main()
