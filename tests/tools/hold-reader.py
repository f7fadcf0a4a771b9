#!/usr/bin/env python3
"""hold-reader.py DB CMD...: CMD run while another connection holds a
read transaction open on DB, so that no checkpoint can empty its
write-ahead log (a report or a backup reading at the same time).
Prints CMD's exit status; CMD's standard output is thrown away, its
standard error goes to ours."""
import sqlite3
import subprocess
import sys

c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
c.execute("SELECT count(*) FROM sqlite_schema").fetchone()
p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
c.execute("COMMIT")
c.close()
print(p.returncode)
