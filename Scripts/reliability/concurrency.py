#!/usr/bin/env python3
"""Four processes writing one database at once: two `skm rpc` servers (single submits and
batches), one `skm import` of a CSV file and one loop of `skm submit` commands. Checks that every
process succeeds, that no "database is locked"/busy message reaches anyone, that the final count
is exact, and that `skm check` finds the aggregates equal to a recount.

    python3 concurrency.py --skm .build/release/skm --submits 400 --rows 20000 --loop 40
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(__file__))
from common import answers_for, fresh_database, run, submit_line  # noqa: E402


def rpc_session(skm, db, lines, results, name):
    proc = subprocess.run([skm, "rpc", "--db", db], input="".join(lines), capture_output=True, text=True)
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    results[name] = (proc.returncode, answers, proc.stderr)


def import_session(skm, db, path, results):
    proc = subprocess.run([skm, "import", path, "--db", db, "--json"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    results["import"] = (proc.returncode, proc.stdout, proc.stderr)


def submit_loop(skm, db, count, results):
    failures = []
    for i in range(count):
        proc = subprocess.run(
            [skm, "submit", "--db", db, "--unit", "KEC", "--service", "SKET", "--date", "2025-05-05",
             "--answers", "".join(map(str, answers_for(i))), "--client-id", f"loop-{i}"],
            capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            failures.append(proc.stderr)
    results["loop"] = (0 if not failures else 1, failures, "".join(failures))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skm", required=True)
    parser.add_argument("--submits", type=int, default=400, help="single submits per RPC server")
    parser.add_argument("--rows", type=int, default=20000, help="rows in the imported CSV")
    parser.add_argument("--loop", type=int, default=40, help="`skm submit` processes")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="skm-concurrency-")
    db = fresh_database(args.skm, workdir)
    csv_path = os.path.join(workdir, "impor.csv")
    with open(csv_path, "w") as f:
        f.write("date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,clientId\n")
        for i in range(args.rows):
            a = answers_for(i)
            unsur = [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[8], a[7]]
            f.write(f"2025-06-{1 + i % 28:02d},KEC,KTP,{','.join(map(str, unsur))},imp-{i}\n")
    lines_a = [submit_line(f"a-{i}", i, i) for i in range(args.submits)]
    batches = []
    per_batch = 100
    for b in range(args.submits // per_batch):
        items = [{"unit": "KEC", "service": "KTP", "date": "2025-04-04", "answers": answers_for(i), "clientId": f"b-{b}-{i}"}
                 for i in range(per_batch)]
        batches.append(json.dumps({"jsonrpc": "2.0", "method": "response.submitMany", "params": {"responses": items}, "id": b}) + "\n")
    results = {}
    threads = [
        threading.Thread(target=rpc_session, args=(args.skm, db, lines_a, results, "rpc-a")),
        threading.Thread(target=rpc_session, args=(args.skm, db, batches, results, "rpc-b")),
        threading.Thread(target=import_session, args=(args.skm, db, csv_path, results)),
        threading.Thread(target=submit_loop, args=(args.skm, db, args.loop, results)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    problems = []
    everything = json.dumps({k: (v[0], str(v[1])[:10000], v[2]) for k, v in results.items()}).lower()
    for word in ("locked", "busy", "sibuk"):
        if word in everything:
            problems.append(f"'{word}' reached a user")
    for name, (status, _, err) in results.items():
        if status != 0:
            problems.append(f"{name} exited {status}: {err[:300]}")
    for name in ("rpc-a", "rpc-b"):
        for answer in results[name][1]:
            if "error" in answer:
                problems.append(f"{name} got an error: {answer['error']}")
    stored_a = sum(1 for a in results["rpc-a"][1] if "result" in a)
    stored_b = sum(a["result"]["stored"] for a in results["rpc-b"][1] if "result" in a)
    imported = json.loads(results["import"][1] or "{}").get("stored", 0)
    expected = args.submits + (args.submits // per_batch) * per_batch + args.rows + args.loop
    with sqlite3.connect(db) as connection:
        total = connection.execute("select count(*) from responses").fetchone()[0]
    if total != expected:
        problems.append(f"expected {expected} responses, found {total}")
    check_status, check_out, check_err = run(args.skm, db, "check", check=False)
    if check_status != 0:
        problems.append(f"skm check: {check_out}{check_err}")
    report = {"processes": 4, "rpcSubmits": stored_a, "rpcBatchStored": stored_b, "imported": imported,
              "submitLoop": args.loop, "expected": expected, "stored": total, "problems": problems}
    print(json.dumps(report))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
