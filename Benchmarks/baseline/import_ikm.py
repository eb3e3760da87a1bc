#!/usr/bin/env python3
"""Baseline for skm's import benchmark: the same work in plain Python with its sqlite3 module.

Reads the CSV, checks each row (date, answers 1-4 or blank), stores it with the same SQLite
settings skm uses (WAL, synchronous=FULL, one transaction), then computes the IKM for the year,
the second quarter and one service with SQL aggregates. Prints one JSON line of figures.

    python3 import_ikm.py responses.csv baseline.sqlite
"""
import csv
import datetime
import json
import os
import resource
import sqlite3
import sys
import time


def main(csv_path, db_path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE responses(id INTEGER PRIMARY KEY, day TEXT, unit TEXT, service TEXT,"
        " u1 INT, u2 INT, u3 INT, u4 INT, u5 INT, u6 INT, u7 INT, u8 INT, u9 INT,"
        " time_slot TEXT, gender TEXT, education TEXT, occupation TEXT, age INT, comment TEXT)"
    )
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    batch = []
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            datetime.date.fromisoformat(row[0])
            answers = []
            for cell in row[3:12]:
                if cell == "":
                    answers.append(None)
                else:
                    value = int(cell)
                    if not 1 <= value <= 4:
                        raise ValueError(f"answer {value}")
                    answers.append(value)
            if all(a is None for a in answers):
                raise ValueError("no answers")
            batch.append([row[0], row[1], row[2], *answers, row[12], row[13], row[14], row[15],
                          int(row[16]) if row[16] else None, row[17] or None])
            if len(batch) == 10000:
                db.executemany("INSERT INTO responses(day, unit, service, u1, u2, u3, u4, u5, u6, u7, u8, u9,"
                               " time_slot, gender, education, occupation, age, comment)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
                batch = []
    if batch:
        db.executemany("INSERT INTO responses(day, unit, service, u1, u2, u3, u4, u5, u6, u7, u8, u9,"
                       " time_slot, gender, education, occupation, age, comment)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    db.execute("COMMIT")
    import_seconds = time.perf_counter() - start
    import_peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    sums = ", ".join(f"COUNT(u{i}), SUM(u{i})" for i in range(1, 10))
    queries = [
        ("day BETWEEN '2025-01-01' AND '2025-12-31'", ()),
        ("day BETWEEN '2025-04-01' AND '2025-06-30'", ()),
        ("day BETWEEN '2025-01-01' AND '2025-12-31' AND unit = ? AND service = ?", ("U1", "S3")),
    ]
    times, ikms = [], []
    for where, params in queries:
        samples = []
        for _ in range(5):
            t = time.perf_counter()
            row = db.execute(f"SELECT {sums} FROM responses WHERE {where}", params).fetchone()
            nrr = [row[2 * i + 1] / row[2 * i] for i in range(9)]
            ikm = sum(nrr) / 9 * 25
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        times.append(samples[len(samples) // 2])
        ikms.append(ikm)
    print(json.dumps({
        "import_seconds": import_seconds,
        "import_peak_kb": import_peak_kb,
        "queries_ms": times,
        "ikm": ikms,
        "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
