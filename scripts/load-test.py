#!/usr/bin/env python3
"""Bounded load test of `soatxet serve` on loopback: N concurrent clients POST a corpus report to
/api/v1/check for S seconds; prints requests, errors, throughput, p50/p95/p99 latency and the
server's resident memory before and after (from /proc/PID/status).

usage: scripts/load-test.py PORT PID [--clients 50] [--seconds 20] [--file Corpus/...txt]
"""
import argparse, http.client, json, os, threading, time

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("pid", type=int)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--file", default="Corpus/tld-so-ket-dh-ix/ldld-da-nang-khong-bai-hoc.txt")
    args = parser.parse_args()
    body = open(args.file, "rb").read()
    name = os.path.basename(args.file)
    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.monotonic() + args.seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        while time.monotonic() < deadline:
            start = time.monotonic()
            try:
                connection.request("POST", f"/api/v1/check?filename={name}", body, {"Content-Type": "application/octet-stream"})
                response = connection.getresponse()
                data = response.read()
                ok = response.status == 200 and json.loads(data)["documents"]
            except Exception as error:  # noqa: BLE001 - every failure counts
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
            elapsed = time.monotonic() - start
            with lock:
                (latencies if ok else errors).append(elapsed)

    before = rss_kib(args.pid)
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    began = time.monotonic()
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    wall = time.monotonic() - began
    after = rss_kib(args.pid)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")
    print(json.dumps({
        "clients": args.clients, "seconds": round(wall, 1), "requests": len(latencies), "errors": len(errors),
        "throughput_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(pick(0.50), 1), "p95_ms": round(pick(0.95), 1), "p99_ms": round(pick(0.99), 1),
        "rss_before_mib": round(before / 1024, 1), "rss_after_mib": round(after / 1024, 1),
    }, indent=1))

if __name__ == "__main__":
    main()
