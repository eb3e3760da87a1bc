#!/usr/bin/env python3
"""The store's data-safety cases from the fault-injection pass, against the real `skm` binary:

- backup onto the live database (relative path, absolute path, symlink, hard link) while a
  writer runs is refused and the database stays whole; an existing file needs --force; backups
  are 0600; a corrupt database is not backed up;
- a -wal copied from another database, and a stale -wal under a backup copied over the database
  with `cp`, are refused (code wal_mismatch) without changing anything; `skm restore` restores
  the backup and moves the old files aside;
- another program's SQLite file, an empty file, /dev/null, a folder and a fifo are refused and
  left as they were (nothing created in /dev);
- a reader does not wait for a held write lock, and reads work in a read-only folder (run as
  'nobody' when root, since root ignores permissions);
- no read command or RPC method creates a missing database.

Prints one JSON line: {"result": "ok"|"fail", "checks": N, "problems": [...]}.

    python3 store_safety.py --skm .build/debug/skm
"""
import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import fresh_database, integrity, submit_line  # noqa: E402

problems = []
checks = 0


def expect(condition, what):
    global checks
    checks += 1
    if not condition:
        problems.append(what)


def skm(binary, *args, db=None, cwd=None, env=None, timeout=60, user=None, stdin_text=None):
    command = [binary, *args] + (["--db", db] if db is not None else [])
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    result = subprocess.run(command, input=stdin_text, capture_output=True, text=True, cwd=cwd,
                            env=env, timeout=timeout, stdin=None if stdin_text is not None else subprocess.DEVNULL)
    return result.returncode, result.stdout, result.stderr


def error_code(stdout):
    try:
        return json.loads(stdout)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def digest(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    finally:
        conn.close()


class Writer:
    """`skm rpc` submitting responses one by one until stopped; counts acknowledgements."""

    def __init__(self, binary, db):
        self.proc = subprocess.Popen([binary, "rpc", "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        self.acknowledged = 0
        self.stop = False
        self.thread = threading.Thread(target=self.loop)
        self.thread.start()

    def loop(self):
        n = 0
        while not self.stop:
            self.proc.stdin.write(submit_line(f"w-{n}", n, n))
            self.proc.stdin.flush()
            reply = json.loads(self.proc.stdout.readline())
            if "result" in reply:
                self.acknowledged += 1
            n += 1

    def finish(self):
        self.stop = True
        self.thread.join()
        self.proc.stdin.close()
        self.proc.wait()


def backup_onto_live_database(binary, work):
    folder = os.path.join(work, "backup")
    db = fresh_database(binary, folder, "db.sqlite")
    os.symlink("db.sqlite", os.path.join(folder, "link.sqlite"))
    os.link(db, os.path.join(folder, "hard.sqlite"))
    writer = Writer(binary, db)
    time.sleep(0.3)
    for target in ["./db.sqlite", db, "link.sqlite", "hard.sqlite"]:
        for force in ([], ["--force"]):
            status, out, err = skm(binary, "backup", target, *force, db="db.sqlite", cwd=folder)
            expect(status != 0, f"backup onto {target} {force} was accepted (exit {status})")
    writer.finish()
    expect(integrity(db) == "ok", f"database damaged by a backup onto itself: {integrity(db)}")
    expect(count(db) == writer.acknowledged, f"backup onto itself: {count(db)} stored, {writer.acknowledged} acknowledged")
    status, out, err = skm(binary, "check", db=db)
    expect(status == 0, f"skm check after refused backups: {out}{err}")

    copy = os.path.join(folder, "copy.sqlite")
    status, out, err = skm(binary, "backup", copy, db=db)
    expect(status == 0, f"backup to a new file failed: {err}")
    expect(os.path.exists(copy) and stat.S_IMODE(os.stat(copy).st_mode) == 0o600, "backup is not 0600")
    with open(os.path.join(folder, "existing.txt"), "w") as f:
        f.write("keep me")
    status, out, err = skm(binary, "backup", "existing.txt", db=db, cwd=folder)
    expect(status != 0 and digest(os.path.join(folder, "existing.txt")) == hashlib.sha256(b"keep me").hexdigest(),
           "backup overwrote an existing file without --force")
    status, out, err = skm(binary, "backup", "existing.txt", "--force", db=db, cwd=folder)
    expect(status == 0 and count(os.path.join(folder, "existing.txt")) == count(db), f"backup --force failed: {err}")
    leftovers = [name for name in os.listdir(folder) if name.endswith(".tmp")]
    expect(not leftovers, f"temporary files left behind: {leftovers}")

    # A damaged database is not copied.
    broken = os.path.join(folder, "broken.sqlite")
    shutil.copy(copy, broken)
    conn = sqlite3.connect(broken)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(broken, "r+b") as f:
        f.seek(4096 * (pages - 1))
        f.write(b"\xff" * 4096)
    status, out, err = skm(binary, "backup", os.path.join(folder, "of-broken.sqlite"), db=broken)
    expect(status == 1 and "skm check" in err, f"a corrupt database was backed up: {status} {err}")
    expect(not os.path.exists(os.path.join(folder, "of-broken.sqlite")), "a copy of a corrupt database was written")


def foreign_wal(binary, work):
    folder = os.path.join(work, "foreign")
    other = fresh_database(binary, folder, "other.sqlite")
    demo_dir = os.path.join(folder, "demo")
    skm(binary, "demo", "--dir", demo_dir)
    demo = os.path.join(demo_dir, "skm.sqlite")
    demo_count = count(demo)
    writer = subprocess.Popen([binary, "rpc", "--db", other], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for n in range(50):
        writer.stdin.write(submit_line(f"o-{n}", n, n))
        writer.stdin.flush()
        writer.stdout.readline()
    shutil.copy(other + "-wal", demo + "-wal")
    writer.kill()
    writer.wait()
    before = (digest(demo), digest(demo + "-wal"))
    for args in (["ikm", "--json"], ["check", "--json"], ["submit", "--unit", "KEC", "--service", "KTP", "--date",
                                                         "2025-03-01", "--answers", "444444444", "--json"]):
        status, out, err = skm(binary, *args, db=demo)
        expect(status != 0 and error_code(out) == "wal_mismatch", f"foreign -wal: {args[0]} gave {status} {out[:300]}")
    expect((digest(demo), digest(demo + "-wal")) == before, "foreign -wal: the files were changed")
    os.remove(demo + "-wal")
    if os.path.exists(demo + "-shm"):
        os.remove(demo + "-shm")
    expect(count(demo) == demo_count, f"demo holds {count(demo)} responses, had {demo_count}")


def stale_wal_and_restore(binary, work):
    folder = os.path.join(work, "stale")
    demo_dir = os.path.join(folder, "demo")
    skm(binary, "demo", "--dir", demo_dir)
    demo = os.path.join(demo_dir, "skm.sqlite")
    backup = os.path.join(folder, "cadangan.sqlite")
    skm(binary, "backup", backup, db=demo)
    backup_count = count(backup)
    # More responses, then a crash: the -wal stays beside the database.
    writer = subprocess.Popen([binary, "rpc", "--db", demo], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for n in range(300):
        params = {"unit": "KEC-TT", "service": "KTP-KK", "date": "2025-06-02", "answers": [4, 4, 3, 4, 4, 3, 4, 4, 3]}
        writer.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "response.submit", "params": params, "id": n}) + "\n")
        writer.stdin.flush()
        writer.stdout.readline()
    writer.kill()
    writer.wait()
    expect(os.path.getsize(demo + "-wal") > 0, "no stale -wal after the crash")
    shutil.copy(backup, demo)  # the unsafe "restore" the issue describes
    before = (digest(demo), digest(demo + "-wal"))
    status, out, err = skm(binary, "ikm", "--json", db=demo)
    expect(status != 0 and error_code(out) == "wal_mismatch", f"stale -wal under a copied backup: ikm gave {status} {out[:300]}")
    expect("skm restore" in out, "the wal_mismatch message does not point to skm restore")
    expect((digest(demo), digest(demo + "-wal")) == before, "stale -wal: the files were changed")

    status, out, err = skm(binary, "restore", backup, db=demo)
    expect(status == 0, f"skm restore failed: {out}{err}")
    aside = [name for name in os.listdir(demo_dir) if ".sebelum-pulih-" in name]
    expect(any(name.endswith("-wal") for name in aside) and len(aside) >= 2, f"restore did not move the old files aside: {aside}")
    expect("Dipindahkan" in out and "Dipulihkan" in out, f"restore does not say what it did: {out}")
    status, out, err = skm(binary, "ikm", "--json", db=demo)
    respondents = json.loads(out).get("respondents") if status == 0 else None
    expect(status == 0 and respondents == backup_count, f"after restore: {status} respondents {respondents}, backup {backup_count}")
    status, out, err = skm(binary, "check", db=demo)
    expect(status == 0, f"skm check after restore: {out}{err}")
    # The files moved aside are byte for byte what was there (nothing deleted or rewritten).
    main_aside = [name for name in aside if not name.endswith("-wal") and not name.endswith("-shm")][0]
    moved = (digest(os.path.join(demo_dir, main_aside)), digest(os.path.join(demo_dir, main_aside + "-wal")))
    expect(moved == before, "the files moved aside differ from the ones that were there")

    # Not while another process has the database open.
    server = subprocess.Popen([binary, "rpc", "--db", demo], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "unit.list", "params": {}, "id": 1}) + "\n")
    server.stdin.flush()
    server.stdout.readline()
    before = digest(demo)
    status, out, err = skm(binary, "restore", backup, db=demo)
    server.stdin.close()
    server.wait()
    expect(status != 0 and "sedang dibuka program lain" in err and digest(demo) == before,
           f"restore while skm rpc has the database open: {status} {err}")

    # A backup that is not an skm database is refused and nothing moves.
    not_skm = os.path.join(folder, "lain.sqlite")
    sqlite3.connect(not_skm).execute("CREATE TABLE t(x)").connection.close()
    before = digest(demo)
    status, out, err = skm(binary, "restore", not_skm, db=demo)
    expect(status != 0 and "bukan cadangan basis data skm" in err and digest(demo) == before,
           f"restore from a non-skm file: {status} {err}")


def foreign_files(binary, work):
    folder = os.path.join(work, "foreign-files")
    os.makedirs(folder, exist_ok=True)
    other = os.path.join(folder, "other.db")
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes(x)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    empty_schema = os.path.join(folder, "versioned.db")
    conn = sqlite3.connect(empty_schema)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    empty = os.path.join(folder, "empty.sqlite")
    open(empty, "w").close()
    commands = [["ikm", "--json"], ["unit", "add", "KEC", "Kecamatan"], ["check", "--json"],
                ["import", os.devnull], ["unit", "list", "--json"]]
    for path in (other, empty_schema, empty):
        before = digest(path)
        for args in commands:
            status, out, err = skm(binary, *args, db=path)
            refused = error_code(out) == "not_skm_database" if "--json" in args else "bukan basis data skm" in err
            expect(status != 0 and refused, f"{os.path.basename(path)}: {args[0]} gave {status} {out[:200]} {err[:200]}")
        expect(digest(path) == before, f"{os.path.basename(path)} was changed")
        expect(not os.path.exists(path + "-wal"), f"{os.path.basename(path)} got a -wal")
    status, out, err = skm(binary, "init", db=empty)
    expect(status == 0 and count(empty) == 0, f"skm init on an empty file: {out}{err}")

    fifo = os.path.join(folder, "fifo")
    os.mkfifo(fifo)
    devices_before = sorted(name for name in os.listdir("/dev") if name.startswith("null"))
    for path in ("/dev/null", folder, fifo):
        for args in (["ikm"], ["unit", "add", "KEC", "Kecamatan"], ["init"]):
            status, out, err = skm(binary, *args, db=path, timeout=20)
            expect(status != 0 and err.strip() != "", f"{path}: {args[0]} gave {status}")
    status, out, err = skm(binary, "ikm", env={**os.environ, "SKM_DB": "/dev/null"})
    expect(status != 0 and "bukan berkas biasa" in err, f"SKM_DB=/dev/null: {status} {err}")
    devices_after = sorted(name for name in os.listdir("/dev") if name.startswith("null"))
    expect(devices_after == devices_before, f"files left in /dev: {devices_after}")


def readers_do_not_wait(binary, work):
    folder = os.path.join(work, "readers")
    db = fresh_database(binary, folder)
    skm(binary, "submit", "--unit", "KEC", "--service", "KTP", "--date", "2025-03-01", "--answers", "444444444", db=db)
    holder = sqlite3.connect(db, isolation_level=None, timeout=1)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO audit_log(at, action) VALUES ('t', 'uji')")
    started = time.monotonic()
    status, out, err = skm(binary, "ikm", "--json", db=db, timeout=40)
    elapsed = time.monotonic() - started
    holder.execute("ROLLBACK")
    holder.close()
    expect(status == 0 and elapsed < 5, f"a reader waited for a writer: exit {status} after {elapsed:.1f} s {err}")


def read_only_folder(binary, work):
    user = "65534" if os.geteuid() == 0 else None
    if user is not None and shutil.which("setpriv") is None:
        expect(False, "setpriv missing: cannot test a read-only folder as root")
        return
    folder = tempfile.mkdtemp(prefix="skm-readonly-")
    try:
        db = fresh_database(binary, folder)
        skm(binary, "submit", "--unit", "KEC", "--service", "KTP", "--date", "2025-03-01", "--answers", "444444444", db=db)
        expect(not os.path.exists(db + "-wal"), "a -wal remained after the last connection closed")
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        for args in (["ikm", "--json"], ["unit", "list", "--json"], ["check"], ["export"]):
            status, out, err = skm(binary, *args, db=db, user=user)
            expect(status == 0, f"read-only folder: {args[0]} gave {status} {out[:200]} {err[:300]}")
        status, out, err = skm(binary, "unit", "add", "BARU", "Unit Baru", db=db, user=user)
        expect(status != 0 and "tidak dapat ditulisi" in err, f"read-only folder: a write gave {status} {err[:300]}")
        expect(sorted(os.listdir(folder)) == ["skm.sqlite"], f"read-only folder gained files: {os.listdir(folder)}")
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def no_read_creates_a_database(binary, work):
    folder = os.path.join(work, "missing")
    os.makedirs(folder, exist_ok=True)
    missing = os.path.join(folder, "nope.sqlite")
    reads = [["service", "list", "--unit", "KEC"], ["service", "list"], ["unit", "list"], ["questionnaire", "list"],
             ["questionnaire", "show", "permenpanrb-14-2017"], ["ikm"], ["ikm", "--unit", "KEC"], ["export"],
             ["response", "list"], ["response", "show", "1"], ["report", "--year", "2025", "--dir", os.path.join(folder, "r")],
             ["iku", "list"], ["iku", "show", "X"], ["iku", "evaluate", "X", "--year", "2025"], ["akip", "show", "--year", "2025"],
             ["check"], ["backup", os.path.join(folder, "b.sqlite")], ["restore", os.path.join(folder, "b.sqlite")],
             ["void", "1", "--reason", "salah"], ["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444"],
             ["service", "add", "KEC", "KTP", "KTP-el"], ["iku", "set", "X", "Y", "2025", "5"]]
    for args in reads:
        skm(binary, *args, db=missing)
        expect(not os.path.exists(missing), f"skm {' '.join(args)} created the missing database")
        if os.path.exists(missing):
            os.remove(missing)
    methods = [("skm.info", {}), ("questionnaire.list", {}), ("questionnaire.get", {"id": "permenpanrb-14-2017"}),
               ("unit.list", {}), ("service.list", {"unit": "KEC"}), ("service.list", {}), ("response.get", {"id": 1}),
               ("response.list", {"filter": {"unit": "KEC"}}), ("response.list", {}), ("response.void", {"id": 1, "reason": "x"}),
               ("ikm.compute", {"filter": {"unit": "KEC"}}), ("ikm.compute", {}), ("iku.plan.list", {}), ("iku.plan.get", {"id": "X"}),
               ("iku.evaluate", {"plan": "X", "year": 2025}), ("akip.get", {"year": 2025}),
               ("report.generate", {"year": 2025, "dir": os.path.join(folder, "r")}),
               ("response.submit", {"unit": "KEC", "service": "KTP", "answers": [4] * 9}),
               ("response.submitMany", {"responses": [{"unit": "KEC", "service": "KTP", "answers": [4] * 9}]}),
               ("service.add", {"unit": "KEC", "code": "A", "name": "B"}),
               ("iku.realization.set", {"plan": "X", "indicator": "Y", "year": 2025, "value": 1})]
    lines = "".join(json.dumps({"jsonrpc": "2.0", "method": m, "params": p, "id": i}) + "\n" for i, (m, p) in enumerate(methods))
    for line in lines.splitlines(keepends=True):
        skm(binary, "rpc", db=missing, stdin_text=line)
        expect(not os.path.exists(missing), f"RPC {line.strip()} created the missing database")
        if os.path.exists(missing):
            os.remove(missing)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skm", required=True)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    binary = os.path.abspath(args.skm)
    work = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="skm-store-safety-"))
    for case in (backup_onto_live_database, foreign_wal, stale_wal_and_restore, foreign_files, readers_do_not_wait,
                 read_only_folder, no_read_creates_a_database):
        try:
            case(binary, work)
        except Exception as error:  # a crash of the script is a failed case, reported with the rest
            problems.append(f"{case.__name__}: {type(error).__name__}: {error}")
    print(json.dumps({"result": "ok" if not problems else "fail", "checks": checks, "problems": problems}))
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
