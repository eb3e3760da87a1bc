#!/usr/bin/env python3
"""Instructions per row of `skm import` (both threads: reader and writer), counted by callgrind:
(cost of importing N rows − cost of importing one) / (N − 1), each into a fresh database, so
start-up, schema creation and the commit cancel out. The rows are shaped like skm-bench-import's
(2 units × 10 services, dates over 2025, answers mostly 3–4 with 2 % blanks, a profile, an
occasional quoted comment), from a fixed seed.

    python3 Benchmarks/callgrind/import_rows.py [--skm .build/release/skm] [--rows 20000] [--keep DIR]
"""
import argparse, datetime, os, random, re, subprocess, sys, tempfile

HEADER = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,time,gender,education,occupation,age,comment\n"
EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "S1", "S2"]
OCCUPATIONS = ["PNS", "SWASTA", "WIRAUSAHA", "LAINNYA"]


def rows(count, seed=2025):
    rng = random.Random(seed)
    out = [HEADER]
    for i in range(count):
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        cells = [day.isoformat(), "U%d" % (i % 2), "S%d" % (i % 10)]
        for _ in range(9):
            r = rng.random()
            cells.append("" if r < 0.02 else ("2" if r < 0.10 else ("3" if r < 0.55 else "4")))
        cells += ["08-12" if rng.random() < 0.7 else "13-17", "L" if rng.random() < 0.5 else "P",
                  rng.choice(EDUCATIONS), rng.choice(OCCUPATIONS), str(18 + rng.randrange(60)),
                  '"Pelayanan baik, ruang tunggu panas"' if rng.random() < 0.05 else ""]
        out.append(",".join(cells) + "\n")
    return "".join(out)


def instructions(skm, text, directory, name):
    csv = os.path.join(directory, name + ".csv")
    with open(csv, "w") as f:
        f.write(text)
    db = os.path.join(directory, name + ".sqlite")
    out = os.path.join(directory, name + ".callgrind")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                          skm, "import", csv, "--create-missing", "--db", db],
                         capture_output=True, stdin=subprocess.DEVNULL)
    if run.returncode != 0:
        sys.exit("skm import failed: %s" % run.stderr.decode()[-2000:])
    total = sum(int(n) for n in re.findall(r"Collected : (\d+)", run.stderr.decode()))
    if total == 0:
        sys.exit("callgrind printed no total: %s" % run.stderr.decode()[-2000:])
    return total, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/release/skm")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--keep", help="folder for the files, databases and callgrind output")
    args = parser.parse_args()
    directory = args.keep or tempfile.mkdtemp(prefix="skm-callgrind-import-")
    os.makedirs(directory, exist_ok=True)
    one, _ = instructions(args.skm, rows(1), directory, "one")
    many, out = instructions(args.skm, rows(args.rows), directory, "many")
    print("skm import, %d rows: %.1fk instructions per row, both threads (callgrind: %s)"
          % (args.rows, (many - one) / (args.rows - 1) / 1000, out))


if __name__ == "__main__":
    main()
