"""parts.py MESSAGE PREFIX: the parts of a message of meet-plan -f mail.

Prints the decoded Subject, the names of the top-level headers in order
and the content types of the leaf parts; writes the text part, decoded,
to PREFIX.text and the calendar parts, decoded, to PREFIX.cal0, .cal1...
"""
import email
import email.policy
import sys

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
prefix = sys.argv[2]
print("subject: " + str(msg["Subject"]))
print("names: " + " ".join(msg.keys()))
types = []
ncal = 0
for part in msg.walk():
    if part.is_multipart():
        continue
    types.append(part.get_content_type())
    data = part.get_payload(decode=True)
    if part.get_content_type() == "text/plain":
        name = prefix + ".text"
    else:
        name = "%s.cal%d" % (prefix, ncal)
        ncal += 1
    with open(name, "wb") as out:
        out.write(data)
print("parts: " + " ".join(types))
