#!/usr/bin/env python3
"""Load test of `skm serve` on loopback: N respondents at once, each opens the form and posts it.

Starts the real `skm serve` (port chosen by the system) on a fresh database with unit KEC and
service KTP, releases N client threads together (each: GET the form, POST it with its one-time
token), then posts every form a second time (a double submit), and checks with `skm response
list --json` that exactly N responses are stored, each client id once. Prints p50/p99 latency
of the posts and the throughput, stops the server with SIGTERM and checks it exits 0.
Exit status 0 only when everything held.

    python3 Benchmarks/Serve/serve_load.py --skm .build/release/skm --count 200
"""
import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

ANSWERS = "q1=4&q2=3&q3=4&q4=4&q5=3&q6=4&q7=4&q8=2&q9=3&gender=L&age=35"


def start_server(skm, directory):
    env = dict(os.environ, SKM_DB=os.path.join(directory, "skm.sqlite"))
    for args in (["init"], ["unit", "add", "KEC", "Kecamatan Uji"], ["service", "add", "KEC", "KTP", "KTP-el"]):
        subprocess.run([skm] + args, env=env, check=True, stdout=subprocess.DEVNULL, cwd=directory)
    server = subprocess.Popen(
        [skm, "serve", "--listen", "127.0.0.1:0", "--rate-limit", "100000"],
        env=env, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = server.stdout.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", first)
    if not match:
        server.kill()
        raise SystemExit(f"server did not start: {first!r} {server.stderr.read()!r}")
    return server, int(match.group(1)), env


def request(port, method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read().decode("utf-8")
    connection.close()
    return response.status, data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/release/skm")
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    skm = os.path.abspath(args.skm)
    with tempfile.TemporaryDirectory(prefix="skm-serve-load-") as directory:
        server, port, env = start_server(skm, directory)
        problems = []
        latencies = []
        bodies = [None] * args.count
        lock = threading.Lock()
        barrier = threading.Barrier(args.count)

        def respondent(index):
            try:
                status, page = request(port, "GET", "/s/KEC/KTP")
                token = re.search(r'name="token" value="([^"]+)"', page)
                if status != 200 or not token:
                    raise RuntimeError(f"form: {status}")
                body = f"token={token.group(1)}&{ANSWERS}"
                bodies[index] = body
                barrier.wait(timeout=120)
                start = time.perf_counter()
                status, _ = request(port, "POST", "/s/KEC/KTP", body)
                elapsed = time.perf_counter() - start
                if status != 303:
                    raise RuntimeError(f"post: {status}")
                with lock:
                    latencies.append(elapsed)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                with lock:
                    problems.append(f"respondent {index}: {error}")
                barrier.abort()

        threads = [threading.Thread(target=respondent, args=(i,)) for i in range(args.count)]
        wall = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - wall
        # Every form sent again (back button, reload): nothing more may be stored.
        for body in bodies:
            if body is not None:
                status, _ = request(port, "POST", "/s/KEC/KTP", body)
                if status != 303:
                    problems.append(f"second post: {status}")
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "timeout"
        if code != 0:
            problems.append(f"server exit status {code}: {server.stderr.read()!r}")
        listed = subprocess.run(
            [skm, "response", "list", "--json", "--limit", "1000"], env=env, cwd=directory, check=True,
            capture_output=True, text=True)
        stored = json.loads(listed.stdout)
        client_ids = [row.get("clientId") for row in stored]
        if len(stored) != args.count or len(set(client_ids)) != args.count:
            problems.append(f"stored {len(stored)} responses with {len(set(client_ids))} client ids, expected {args.count}")
        if any(row.get("answersByUnsur", {}).get("U9") != 2 or row.get("answersByUnsur", {}).get("U8") != 3 for row in stored):
            problems.append("an answer was stored under the wrong unsur")

    latencies.sort()
    if latencies:
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        print(f"{args.count} concurrent submissions: stored {len(stored)} (each once after a second post of every form)")
        print(f"post latency p50 {p50:.1f} ms, p99 {p99:.1f} ms; throughput {args.count / wall:.0f} respondents/s "
              f"(GET form + POST, {wall:.2f} s wall)")
    for problem in problems[:20]:
        print("FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
