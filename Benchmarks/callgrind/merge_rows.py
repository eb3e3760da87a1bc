#!/usr/bin/env python3
"""Instructions per merged row of `skm merge`, counted by callgrind on the writing (main) thread —
the one a merge waits on; the reader thread runs beside it on the second core — and on both
threads together: (cost of merging a source of N rows − cost of merging a source of one row) /
(N − 1), each into a fresh database, so start-up, schema creation and opening cancel out. The
sources are made by `skm import` (not counted) of CSVs shaped like skm-bench-merge's (OfficeCSV:
every day of 2025, answers mostly 3–4 with 2 % blanks, a profile, an occasional comment).

    python3 Benchmarks/callgrind/merge_rows.py [--skm .build/release/skm] [--rows 5000]
        [--keep DIR] [--check REFERENCE_FILE]

With --check, exits 1 when the main thread's figure is more than 20 % above the first number in
REFERENCE_FILE (a release build; see Benchmarks/README.md, "Merge").
"""
import argparse, datetime, glob, os, random, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "S1", "S2"]


def write_csv(path, count, seed=2025):
    rng = random.Random(seed)
    start = datetime.date(2025, 1, 1)
    lines = ["date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,time,gender,education,occupation,age,comment"]
    for i in range(count):
        day = start + datetime.timedelta(days=rng.randrange(365))
        answers = []
        for _ in range(9):
            p = rng.random()
            answers.append("" if p < 0.02 else ("2" if p < 0.10 else ("3" if p < 0.55 else "4")))
        comment = '"Pelayanan baik, ruang tunggu panas"' if rng.random() < 0.05 else ""
        lines.append(",".join([day.isoformat(), "K1", "S%d" % (i % 5)] + answers + [
            "08-12" if rng.random() < 0.7 else "13-17", "L" if rng.random() < 0.5 else "P",
            EDUCATIONS[rng.randrange(6)], "LAINNYA", str(18 + rng.randrange(60)), comment]))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def instructions(skm, count, directory, name):
    csv = os.path.join(directory, name + ".csv")
    source = os.path.join(directory, name + "-sumber.sqlite")
    target = os.path.join(directory, name + "-tujuan.sqlite")
    write_csv(csv, count)
    made = subprocess.run([skm, "import", csv, "--create-missing", "--db", source],
                          capture_output=True, stdin=subprocess.DEVNULL)
    if made.returncode != 0:
        sys.exit("skm import gagal: %s" % made.stdout.decode()[-600:])
    out = os.path.join(directory, name + ".callgrind")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", "--callgrind-out-file=" + out,
                          skm, "merge", source, "--db", target],
                         capture_output=True, stdin=subprocess.DEVNULL)
    if run.returncode != 0:
        sys.exit("skm merge gagal: %s" % (run.stdout.decode() + run.stderr.decode())[-2000:])
    added = re.search(r"([\d.]+) respons ditambahkan", run.stdout.decode())
    if added is None or int(added.group(1).replace(".", "")) != count:
        sys.exit("skm merge tidak menambahkan %d respons: %s" % (count, run.stdout.decode()[-600:]))
    total = sum(int(n) for n in re.findall(r"Collected : (\d+)", run.stderr.decode()))
    main_thread = None
    for part in glob.glob(out + "-*"):
        with open(part) as f:
            text = f.read()
        found = re.search(r"^summary: (\d+)", text, re.M)
        # The main thread is the one that ran skm_main.
        if found and "skm_main" in text:
            main_thread = int(found.group(1))
    if total == 0 or main_thread is None:
        sys.exit("callgrind tidak mencetak total per thread: %s" % run.stderr.decode()[-2000:])
    return main_thread, total, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/release/skm")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--keep", help="folder for the files, databases and callgrind output")
    parser.add_argument("--check", help="reference file: fail when more than 20 % above its first number")
    args = parser.parse_args()
    if args.rows < 2:
        sys.exit("--rows harus 2 atau lebih")
    directory = args.keep or tempfile.mkdtemp(prefix="skm-callgrind-merge-")
    os.makedirs(directory, exist_ok=True)
    one_main, one_total, _ = instructions(args.skm, 1, directory, "one")
    many_main, many_total, out = instructions(args.skm, args.rows, directory, "many")
    per_main = (many_main - one_main) // (args.rows - 1)
    per_total = (many_total - one_total) // (args.rows - 1)
    print("skm merge, %d respons: %d instruksi per respons di thread penulis, %d di kedua thread (callgrind: %s)"
          % (args.rows, per_main, per_total, out))
    if args.check:
        reference.check(per_main, args.check, "instruksi per respons di thread penulis")


if __name__ == "__main__":
    main()
