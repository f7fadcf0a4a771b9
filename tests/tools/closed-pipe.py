#!/usr/bin/env python3
"""closed-pipe.py default|ignore|stderr CMD...: CMD with standard output
a pipe whose reading end is closed before it starts (so the outcome does
not depend on timing), SIGPIPE left to kill it (default) or ignored; or
(stderr) standard error that pipe, standard output /dev/null, SIGPIPE
left to kill it.
Prints the exit status, 128+N for a signal N as the shell does; CMD's
standard error goes to ours."""
import os
import signal
import subprocess
import sys

ignore = sys.argv[1] == "ignore"
on_stderr = sys.argv[1] == "stderr"
r, w = os.pipe()
os.close(r)


def pre():
    signal.signal(signal.SIGPIPE, signal.SIG_IGN if ignore else signal.SIG_DFL)


if on_stderr:
    p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=w,
                       preexec_fn=pre)
else:
    p = subprocess.run(sys.argv[2:], stdout=w, preexec_fn=pre)
os.close(w)
print(p.returncode if p.returncode >= 0 else 128 - p.returncode)
