#!/usr/bin/env python3
"""Instructions per stored response of `response.submitMany` ×1000 (dates over --days days of
2025, as skm-bench-rpc sends them), counted by callgrind: (cost of N responses − cost of one)
/ (N − 1), each run against a fresh database, so start-up and set-up cancel out.

    python3 Benchmarks/callgrind/submit_many.py [--skm .build/release/skm] [--requests 3] [--days 365]
"""
import argparse, datetime, os, re, subprocess, sys, tempfile

PATTERNS = [[4, 3, 4, 3, 4, 4, 3, 4, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4],
            [2, 3, 4, 1, 2, 3, 4, 3, 2], [1, 2, 3, 4, 4, 3, 2, 1, 4], [4, 4, 3, 4, 3, 4, 4, 3, 4],
            [3, 2, 3, 3, 4, 3, 3, 2, 3]]


def response(i, days, client):
    p = [str(a) for a in PATTERNS[i % len(PATTERNS)]]
    if i % 10 == 7:
        p[i % 9] = "null"
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=(i * 37) % days)
    return ('{"unit":"KEC","service":"KTP","date":"%s","answers":[%s],"clientId":"%s"}'
            % (day.isoformat(), ",".join(p), client))


def requests(count, batch, days):
    lines = ['{"jsonrpc":"2.0","method":"unit.add","params":{"code":"KEC","name":"Kecamatan"},"id":1}',
             '{"jsonrpc":"2.0","method":"service.add","params":{"unit":"KEC","code":"KTP","name":"KTP"},"id":2}']
    for r in range(count):
        items = ",".join(response(r * batch + k, days, "m%d-%d" % (r, k)) for k in range(batch))
        lines.append('{"jsonrpc":"2.0","method":"response.submitMany","params":{"atomic":true,"responses":[%s]},"id":%d}'
                     % (items, 3 + r))
    return "\n".join(lines) + "\n"


def instructions(skm, payload, directory, name):
    db = os.path.join(directory, name + ".sqlite")
    out = os.path.join(directory, name + ".callgrind")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, skm, "rpc", "--db", db],
                         input=payload.encode(), capture_output=True)
    answers = run.stdout.decode().splitlines()
    if run.returncode != 0 or any('"error"' in a for a in answers):
        sys.exit("skm rpc failed: %s %s" % (run.stderr.decode()[-2000:], answers[-1:]))
    match = re.search(r"Collected : (\d+)", run.stderr.decode())
    return int(match.group(1)), out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/release/skm")
    parser.add_argument("--requests", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--keep", help="folder for the databases and callgrind files")
    args = parser.parse_args()
    directory = args.keep or tempfile.mkdtemp(prefix="skm-callgrind-")
    os.makedirs(directory, exist_ok=True)
    one, _ = instructions(args.skm, requests(1, 1, args.days), directory, "one")
    n = args.requests * args.batch
    many, out = instructions(args.skm, requests(args.requests, args.batch, args.days), directory, "many")
    print("response.submitMany ×%d, %d responses over %d days: %.1fk instructions per response (callgrind: %s)"
          % (args.batch, n, args.days, (many - one) / (n - 1) / 1000, out))


if __name__ == "__main__":
    main()
