#!/usr/bin/env python3
"""Two front-desk clerks entering the same batch at once (`skm entry --batch PAGI`, pipe mode).

Each round both clerks confirm one form while another program holds the write lock, so both
sessions reach "save" together; then the lock is released. Every confirmed form must become its
own row with its own batch number (`PAGI/k`), each "Tersimpan" line must name a different
response, and the count must be exact. A free-running phase (no lock) follows.

    python3 entry_batch.py --skm .build/release/skm --rounds 20 --forms 50
"""
import argparse
import json
import os
import re
import select
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import fresh_database, run  # noqa: E402

FORM = ["444444444", "", "", "", ""]  # answers, then gender/education/occupation/age left blank


class Clerk:
    """One `skm entry --batch` session fed line by line through a pipe."""

    def __init__(self, skm, db, batch):
        self.proc = subprocess.Popen(
            [skm, "entry", "--batch", batch, "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, bufsize=1)
        self.out = ""

    def send(self, *lines):
        self.proc.stdin.write("".join(line + "\n" for line in lines))
        self.proc.stdin.flush()

    def wait_for(self, text, count, timeout=30):
        """Reads output until `text` has appeared `count` times."""
        deadline = time.time() + timeout
        fd = self.proc.stdout.fileno()
        while self.out.count(text) < count:
            left = deadline - time.time()
            if left <= 0:
                raise SystemExit(f"timed out waiting for {text!r} x{count}; output so far:\n{self.out}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536).decode()
                if not chunk:
                    raise SystemExit(f"entry ended early:\n{self.out}\n{self.proc.stderr.read()}")
                self.out += chunk

    def finish(self):
        self.send("q")
        self.proc.stdin.close()
        self.out += self.proc.stdout.read()
        err = self.proc.stderr.read()
        return self.proc.wait(timeout=60), err


def saved_lines(text):
    return re.findall(r"Tersimpan: respons #(\d+) \(([^)]*)\)", text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skm", required=True)
    parser.add_argument("--rounds", type=int, default=20, help="forms each clerk saves under a held lock")
    parser.add_argument("--forms", type=int, default=50, help="forms each clerk saves freely afterwards")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="skm-entry-batch-")
    db = fresh_database(args.skm, workdir)
    problems = []

    clerks = [Clerk(args.skm, db, "PAGI"), Clerk(args.skm, db, "PAGI")]
    for clerk in clerks:
        clerk.send("1")  # the first service
    for round_number in range(1, args.rounds + 1):
        for clerk in clerks:
            clerk.send(*FORM)
            clerk.wait_for("Ringkasan formulir", round_number)
        lock = sqlite3.connect(db, isolation_level=None, timeout=30)
        lock.execute("BEGIN IMMEDIATE")
        for clerk in clerks:
            clerk.send("")  # confirm: both sessions now try to save at once
        time.sleep(0.3)
        lock.execute("COMMIT")
        lock.close()
        for clerk in clerks:
            clerk.wait_for("respons #", round_number)

    def free_run(clerk):
        for i in range(1, args.forms + 1):
            clerk.send(*FORM, "")
            clerk.wait_for("respons #", args.rounds + i)

    threads = [threading.Thread(target=free_run, args=(c,)) for c in clerks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outputs = []
    for clerk in clerks:
        status, err = clerk.finish()
        if status != 0:
            problems.append(f"entry exited {status}: {err}")
        outputs.append(clerk.out)

    saved = [s for text in outputs for s in saved_lines(text)]
    confirmed = 2 * (args.rounds + args.forms)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, client_id FROM responses").fetchall()
    conn.close()
    if len(saved) != confirmed:
        problems.append(f"{len(saved)} 'Tersimpan' lines for {confirmed} confirmed forms")
    if len({rid for rid, _ in saved}) != len(saved):
        problems.append("two 'Tersimpan' lines name the same response")
    if len(rows) != confirmed:
        problems.append(f"{len(rows)} rows stored for {confirmed} confirmed forms")
    if len({client for _, client in rows}) != len(rows):
        problems.append("two rows share a batch number")
    if sorted(client for _, client in saved) != sorted(client for _, client in rows):
        problems.append("the batch numbers shown differ from the ones stored")
    status, _, err = run(args.skm, db, "check", check=False)
    if status != 0:
        problems.append(f"skm check: {err}")
    print(json.dumps({"confirmed": confirmed, "stored": len(rows), "acknowledged": len(saved), "problems": problems}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
