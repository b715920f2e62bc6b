"""Watches a process that records into a history database and signals it at a
chosen moment, polling every half millisecond (quicker and steadier than a
shell loop that forks `stat`).

usage: signal_at.py PID DB measure
         prints "BEFORE RECORDING WAL": seconds from now until the recording
         starts (the write-ahead log passes 256 KiB; opening and migrating write
         less), seconds from then until the process ends, and the largest size
         the log reached.
       signal_at.py PID DB SIGNAL after SECONDS
       signal_at.py PID DB SIGNAL wal BYTES [DELAY]
         sends SIGNAL (KILL, INT, TERM) SECONDS from now, or DELAY seconds after
         the log reaches BYTES.
       signal_at.py PID DB SIGNAL checkpoint BYTES [DELAY]
         the same once the database file itself passes BYTES (the commit is
         done and its pages are being copied in).
Exits 0 when the signal was sent to the running process, 1 when it had ended
first.
"""
import os
import signal
import sys
import time

RECORDING = 256 * 1024


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def size(path):
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def wait_until(pid, condition):
    while alive(pid):
        if condition():
            return True
        time.sleep(0.0005)
    return False


def main():
    pid, db = int(sys.argv[1]), sys.argv[2]
    wal = db + "-wal"
    if sys.argv[3] == "measure":
        start = time.monotonic()
        largest = 0

        def recording():
            nonlocal largest
            largest = max(largest, size(wal))
            return largest > RECORDING

        if not wait_until(pid, recording):
            sys.exit(1)
        began = time.monotonic()

        def ended():
            nonlocal largest
            largest = max(largest, size(wal))
            return False

        wait_until(pid, ended)
        print(f"{began - start:.3f} {time.monotonic() - began:.3f} {largest}")
        return
    number = getattr(signal, "SIG" + sys.argv[3])
    mode, value = sys.argv[4], float(sys.argv[5])
    delay = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
    if mode == "after":
        deadline = time.monotonic() + value
        reached = wait_until(pid, lambda: time.monotonic() >= deadline)
    else:
        watched = wal if mode == "wal" else db
        reached = wait_until(pid, lambda: size(watched) >= value)
    if reached and delay > 0:
        deadline = time.monotonic() + delay
        reached = wait_until(pid, lambda: time.monotonic() >= deadline)
    if not reached or not alive(pid):
        sys.exit(1)
    os.kill(pid, number)


main()
