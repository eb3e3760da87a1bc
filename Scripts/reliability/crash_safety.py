#!/usr/bin/env python3
"""Crash safety of `skm rpc`: kill it with SIGKILL at random moments while it acknowledges a
stream of `response.submit` calls, restart it, and check after every kill that

  * every acknowledged response is stored exactly once, with the answers that were sent;
  * a response that was sent but not acknowledged is either absent or stored whole (never half);
  * SQLite's integrity check passes and the running aggregates equal a recount (`skm check`).

Unacknowledged responses are sent again after the restart (with the same client id), as a
careful client does; the idempotent write turns a retry of a stored one into a duplicate.

    python3 crash_safety.py --skm .build/release/skm --trials 200
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import fresh_database, integrity, run, stored_by_client, submit_line, unsur_text, answers_for  # noqa: E402


def trial(skm, db, pending, next_number, rng, acknowledged):
    """One server life: send `pending` (retries) and new requests until killed at a random moment."""
    proc = subprocess.Popen([skm, "rpc", "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)
    sent = {}
    lock = threading.Lock()
    numbers = list(pending) + list(range(next_number, next_number + rng.randint(1, 200)))

    def writer():
        try:
            for request_id, n in enumerate(numbers):
                client = f"c-{n}"
                with lock:
                    sent[request_id] = n
                proc.stdin.write(submit_line(client, n, request_id).encode())
                if rng.random() < 0.3:
                    time.sleep(rng.random() * 0.004)
            proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    deadline = rng.random() * 0.06
    killer = threading.Timer(deadline, lambda: proc.send_signal(signal.SIGKILL))
    killer.start()
    acks = 0
    for line in proc.stdout:
        answer = json.loads(line)
        if "error" in answer:
            raise SystemExit(f"server answered an error: {answer}")
        with lock:
            n = sent[answer["id"]]
        acknowledged[f"c-{n}"] = (answer["result"]["id"], unsur_text(answers_for(n)))
        acks += 1
    killer.cancel()
    proc.wait()
    thread.join(timeout=2)
    killed = proc.returncode == -signal.SIGKILL
    return set(numbers), numbers[-1] + 1 if numbers else next_number, acks, killed


def verify(skm, db, acknowledged, attempted):
    stored = stored_by_client(db)
    for client, (rid, answers) in acknowledged.items():
        rows = stored.get(client, [])
        if len(rows) != 1:
            raise SystemExit(f"acknowledged {client} stored {len(rows)} times")
        if rows[0][0] != rid or rows[0][1] != answers:
            raise SystemExit(f"acknowledged {client} stored differently: {rows[0]} vs {(rid, answers)}")
    for n in attempted:
        rows = stored.get(f"c-{n}", [])
        if len(rows) > 1:
            raise SystemExit(f"c-{n} stored {len(rows)} times")
        if rows and rows[0][1] != unsur_text(answers_for(n)):
            raise SystemExit(f"c-{n} stored half or wrong: {rows[0]}")
    if integrity(db) != "ok":
        raise SystemExit("SQLite integrity check failed")
    status, out, err = run(skm, db, "check", check=False)
    if status != 0:
        raise SystemExit(f"skm check failed after a kill:\n{out}{err}")
    return {f"c-{n}" for n in attempted if f"c-{n}" in stored}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skm", required=True)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    workdir = args.workdir or tempfile.mkdtemp(prefix="skm-crash-")
    db = fresh_database(args.skm, workdir)
    acknowledged = {}
    pending = []
    attempted = set()
    next_number = 0
    kills = 0
    total_acks = 0
    for t in range(args.trials):
        numbers, next_number, acks, killed = trial(args.skm, db, pending, next_number, rng, acknowledged)
        attempted |= numbers
        kills += killed
        total_acks += acks
        present = verify(args.skm, db, acknowledged, attempted)
        pending = sorted(n for n in attempted if f"c-{n}" not in present)
    # A last life without a kill: every pending retry must go through.
    proc = subprocess.run([args.skm, "rpc", "--db", db], input="".join(submit_line(f"c-{n}", n, i) for i, n in enumerate(pending)),
                          capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        answer = json.loads(line)
        n = pending[answer["id"]]
        acknowledged[f"c-{n}"] = (answer["result"]["id"], unsur_text(answers_for(n)))
    verify(args.skm, db, acknowledged, attempted)
    stored = stored_by_client(db)
    print(json.dumps({
        "trials": args.trials, "killsMidStream": kills, "acknowledged": total_acks,
        "responsesStored": sum(len(v) for v in stored.values()), "requestsAttempted": len(attempted),
        "result": "ok",
    }))


if __name__ == "__main__":
    main()
