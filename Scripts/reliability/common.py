"""Helpers shared by the reliability scripts: run skm, talk JSON-RPC to it, read the database."""
import json
import os
import sqlite3
import subprocess


def run(skm, db, *args, check=True):
    """Runs `skm ARGS --db DB`; returns (status, stdout, stderr)."""
    result = subprocess.run([skm, *args, "--db", db], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"skm {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.returncode, result.stdout, result.stderr


def fresh_database(skm, workdir, name="skm.sqlite"):
    """A new database with unit KEC and services KTP and SKET."""
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    run(skm, db, "unit", "add", "KEC", "Kecamatan Uji")
    run(skm, db, "service", "add", "KEC", "KTP", "KTP-el")
    run(skm, db, "service", "add", "KEC", "SKET", "Surat Keterangan")
    return db


def answers_for(n):
    """Deterministic answers (question order) for request number n."""
    return [1 + (n * 7 + k * 3) % 4 for k in range(9)]


def unsur_text(answers):
    """The stored answers text: unsur order (question 8 is U9, question 9 is U8)."""
    order = [0, 1, 2, 3, 4, 5, 6, 8, 7]
    return "".join(str(answers[q]) for q in order)


def submit_line(client_id, n, request_id):
    params = {"unit": "KEC", "service": "KTP", "date": "2025-03-14", "answers": answers_for(n), "clientId": client_id}
    return json.dumps({"jsonrpc": "2.0", "method": "response.submit", "params": params, "id": request_id}) + "\n"


def stored_by_client(db):
    """client id -> list of (id, answers, voided) rows, read straight from SQLite."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT client_id, id, answers, voided_at FROM responses").fetchall()
    finally:
        conn.close()
    found = {}
    for client, rid, answers, voided in rows:
        found.setdefault(client, []).append((rid, answers, voided))
    return found


def integrity(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
