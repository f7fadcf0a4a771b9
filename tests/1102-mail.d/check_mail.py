#!/usr/bin/python3
"""Check a message of meet-plan -f mail or action-track -f mail.

Parses it with the standard email package (policy.default), the calendar
parts with icalendar, and prints one line per check: "0 what" when it
holds, "1 what: why" when not, for tests/1102-mail.t to turn into TAP.
"""
import argparse
import email
import email.policy
import email.utils
import re
import sys

import icalendar

ap = argparse.ArgumentParser()
ap.add_argument("message")
ap.add_argument("--text", help="file with the expected text part")
ap.add_argument("--subject")
ap.add_argument("--from", dest="sender")
ap.add_argument("--to", action="append", default=[])
ap.add_argument("--method", action="append", default=[],
                help="REQUEST or CANCEL, one per calendar part, in order")
ap.add_argument("--uid", action="append", default=[],
                help="a UID every calendar part together must hold")
ap.add_argument("--events", type=int, help="VEVENTs in all calendar parts")
ap.add_argument("--organizer")
ap.add_argument("--forbid", help="file with strings no part may contain")
args = ap.parse_args()


def check(ok, what, why=""):
    print("%d %s%s" % (0 if ok else 1, what, "" if ok else ": " + str(why)))


raw = open(args.message, "rb").read()
lines = raw.split(b"\n")
check(all(len(l) <= 78 for l in lines), "every line <= 78 octets",
      max(len(l) for l in lines))
check(all(b < 0x80 for b in raw), "the message is 7-bit")
check(b"\r" not in raw, "LF line ends, for sendmail -t")

msg = email.message_from_bytes(raw, policy=email.policy.default)
defects = list(msg.defects)
for part in msg.walk():
    defects += part.defects
check(not defects, "no MIME defects", defects)
for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
    check(msg[h] is not None, "header %s" % h)
check(msg["MIME-Version"] == "1.0", "MIME-Version 1.0", msg["MIME-Version"])
check(re.fullmatch(r"<[0-9a-f]{32}@[A-Za-z0-9.-]+>", str(msg["Message-ID"]))
      is not None, "Message-ID <random@host>", msg["Message-ID"])
try:
    date = msg["Date"].datetime
    check(date is not None and date.tzinfo is not None,
          "Date is an RFC 5322 date with a zone", msg["Date"])
except Exception as e:
    check(False, "Date parses", e)
if args.subject is not None:
    check(str(msg["Subject"]) == args.subject, "Subject decodes right",
          repr(str(msg["Subject"])))
def mailboxes(header):
    return [(a.display_name, a.addr_spec) for a in header.addresses]


if args.sender is not None:
    got = mailboxes(msg["From"])
    check(got == [email.utils.parseaddr(args.sender)], "From", got)
# The Message-ID's domain is the sender's.
sender = msg["From"].addresses[0].domain
check(re.fullmatch(r"<[0-9a-f]{32}@%s>" % re.escape(sender),
                   str(msg["Message-ID"])) is not None,
      "Message-ID in the sender's domain", msg["Message-ID"])
if args.to:
    if args.to == ["undisclosed"]:
        check(str(msg["To"]) == "undisclosed-recipients:;" and
              msg["To"].addresses == (), "To: an empty group", msg["To"])
    else:
        got = mailboxes(msg["To"])
        check(got == [email.utils.parseaddr(a) for a in args.to], "To", got)

texts = [p for p in msg.walk() if p.get_content_type() == "text/plain"]
cals = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
check(len(texts) == 1, "one text/plain part", len(texts))
if texts:
    t = texts[0]
    check(t.get_content_charset() == "utf-8", "text part in UTF-8",
          t.get_content_charset())
    check(t["Content-Transfer-Encoding"] in ("quoted-printable", "8bit"),
          "text part quoted-printable", t["Content-Transfer-Encoding"])
    if args.text is not None:
        want = open(args.text, encoding="utf-8").read()
        got = t.get_content()
        check(got == want, "the text part decodes to the plain text",
              "%r vs %r" % (got[:200], want[:200]))
check([c.get_param("method") for c in cals] == args.method,
      "calendar parts and their method parameters",
      [c.get_param("method") for c in cals])
uids, events = [], 0
for c in cals:
    method = c.get_param("method")
    check(c.get_param("charset") == "UTF-8", "calendar charset=UTF-8",
          c.get_param("charset"))
    check(c.get_content_disposition() == "attachment" and
          c.get_filename().endswith(".ics"), "calendar attached as .ics",
          c.get_filename())
    data = c.get_payload(decode=True)
    check(b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""),
          "calendar keeps its CRLF line ends")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as e:
        check(False, "calendar parses", e)
        continue
    got = cal.get("METHOD")
    check((None if got is None else str(got)) == method,
          "METHOD:%s matches the content type" % method, got)
    for ev in cal.walk("VEVENT"):
        events += 1
        uids.append(str(ev["UID"]))
        check(not ev.errors, "event without parse errors", ev.errors)
        # A published calendar (PUBLISH or none) holds either.
        check(str(ev.get("STATUS")) in
              {"CANCEL": ("CANCELLED",), "REQUEST": ("CONFIRMED",)}.get(
                  method, ("CONFIRMED", "CANCELLED")),
              "STATUS fits the method", ev.get("STATUS"))
        if args.organizer is not None:
            check(str(ev.get("ORGANIZER")) == "mailto:" + args.organizer,
                  "ORGANIZER is the sender", ev.get("ORGANIZER"))
        att = ev.get("ATTENDEE")
        att = [] if att is None else att if isinstance(att, list) else [att]
        check([str(a) for a in att] ==
              ["mailto:" + email.utils.parseaddr(a)[1] for a in args.to
               if a != "undisclosed"],
              "an ATTENDEE per recipient", [str(a) for a in att])
for u in args.uid:
    check(u in uids, "the meeting's UID %s" % u, uids)
if args.events is not None:
    check(events == args.events, "%d events" % args.events, events)

if args.forbid:
    words = [w.strip() for w in open(args.forbid, encoding="utf-8")
             if w.strip()]
    found = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        body = part.get_payload(decode=True).decode("utf-8")
        found += [w for w in words if w in body]
    heads = " ".join(str(v) for v in msg.values())
    found += [w for w in words if w in heads]
    check(not found, "no member's name, phone or e-mail in any part "
          "(%d checked)" % len(words), found)
