#!/usr/bin/python3
# The identities of the fixture's members, one a line, as the database
# would hold them in the clear: names, phones in E.164 (as ally-add
# stores them) and as typed, e-mail addresses, religions.
import re
import sys
import yaml

for m in yaml.safe_load(open(sys.argv[1])):
    for k in ("name", "email", "religion"):
        if m.get(k):
            print(m[k])
    if m.get("phone"):
        digits = re.sub(r"[^0-9+]", "", str(m["phone"]))
        print("+31" + digits[1:] if digits.startswith("0") else digits)
