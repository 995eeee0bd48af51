"""A bounded load test of `eventwire serve` on 127.0.0.1: concurrent readers while a writer ingests.

    python tools/loadtest.py                          # 24 readers for 30 s, one writer posting 50 articles
    python tools/loadtest.py --readers 32 --seconds 60

Builds a store of the example articles (examples/) in a temporary directory, starts `eventwire serve`
on a free port (uvicorn, a real process, as users run it) with a write token, then runs READERS
concurrent clients (httpx, one connection each) for SECONDS over /api/events with filters,
/api/events/{id}, /api/stats, /, /map, /timeline and /events/{id}, WHILE one writer posts short
articles through POST /api/documents with the token (after one priming write, timed apart, that
starts the extractor process). Prints requests per second, p50/p95/p99 latency
and errors (any status other than 200/201, or a failed request) for the readers, per route and in
all, and the same for the writes. Prints figures; asserts nothing.

The client runs on the same machine as the server and competes with it for the CPU: the figures are
a floor for what the server does on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "loadtest-token"

# Short articles for the writer: each sentence is a plausible wire report; places, actors and counts vary.
REPORTS = [
    "Gunmen killed {n} villagers in {place}, {country}, on {day}, police said. The attackers fled on motorcycles.",
    "A roadside bomb struck a police patrol near {place}, {country}, on {day}, killing {n} officers, officials said.",
    "Thousands of people marched through {place}, {country}, on {day} to protest against rising fuel prices.",
    "Soldiers clashed with rebels outside {place}, {country}, on {day}; the army said {n} fighters were killed.",
    "A suicide bomber blew himself up at a checkpoint in {place}, {country}, on {day}, killing {n} people.",
    "Riot police fired tear gas at students in {place}, {country}, on {day}, and {n} people were injured.",
    "An air strike hit a market in {place}, {country}, on {day}, killing {n} civilians, medics said.",
    "Armed men abducted {n} aid workers on the road to {place}, {country}, on {day}, the United Nations said.",
    "A grenade thrown into a bar in {place}, {country}, on {day} wounded {n} people, witnesses said.",
    "Militants stormed a military base near {place}, {country}, on {day}, and {n} soldiers died in the fighting.",
]
PLACES = [("Maiduguri", "Nigeria"), ("Kandahar", "Afghanistan"), ("Mogadishu", "Somalia"), ("Goma", "Congo"),
          ("Peshawar", "Pakistan"), ("Aleppo", "Syria"), ("Mosul", "Iraq"), ("Bamako", "Mali"),
          ("Khartoum", "Sudan"), ("Kharkiv", "Ukraine"), ("Quetta", "Pakistan"), ("Benghazi", "Libya"),
          ("Juba", "South Sudan"), ("Marawi", "Philippines"), ("Sanaa", "Yemen"), ("Ouagadougou", "Burkina Faso"),
          ("Niamey", "Niger"), ("Kabul", "Afghanistan"), ("Lagos", "Nigeria"), ("Bogota", "Colombia"),
          ("Medellin", "Colombia"), ("Port-au-Prince", "Haiti"), ("Nairobi", "Kenya"), ("Dhaka", "Bangladesh"),
          ("Yangon", "Myanmar")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def articles(count: int) -> list[dict]:
    """`count` distinct short articles, published on successive days of March 2024."""
    out = []
    for i in range(count):
        place, country = PLACES[i % len(PLACES)]
        text = REPORTS[i % len(REPORTS)].format(n=3 + i % 17, place=place, country=country, day=DAYS[i % 7])
        out.append({"id": f"load-{i:03d}", "text": text, "published": f"2024-03-{1 + i % 28:02d}",
                    "url": f"https://news.example.org/load/{i}"})
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def eventwire(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], check=True, **kw)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def summary(name: str, latencies: list[float], errors: int, seconds: float) -> str:
    if not latencies:
        return f"{name:<22} no requests"
    ms = [x * 1000 for x in latencies]
    return (f"{name:<22} {len(ms):>7} req {len(ms) / seconds:>8.1f} req/s  p50 {percentile(ms, 50):>7.1f} ms"
            f"  p95 {percentile(ms, 95):>7.1f} ms  p99 {percentile(ms, 99):>7.1f} ms  max {max(ms):>7.1f} ms"
            f"  errors {errors}")


async def wait_ready(base: str, server: subprocess.Popen) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(600):
            if server.poll() is not None:
                sys.exit(f"the server exited with status {server.returncode}")
            try:
                if (await client.get("/api/stats")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    sys.exit("the server did not answer within 60 s")


async def reader(base: str, paths: list[str], start: int, deadline: float, stats: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for path in itertools.islice(itertools.cycle(paths), start, None):
            if time.monotonic() >= deadline:
                return
            route = path.split("?")[0] if not path.startswith(("/api/events/", "/events/")) else \
                path.rsplit("/", 1)[0] + "/{id}"
            began = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            stats[route]["latency"].append(time.perf_counter() - began)
            stats[route]["errors"] += not ok


async def writer(base: str, docs: list[dict], deadline: float, stats: dict) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=headers) as client:
        for doc in docs:
            if time.monotonic() >= deadline:
                return
            began = time.perf_counter()
            try:
                ok = (await client.post("/api/documents", json=doc)).status_code == 201
            except httpx.HTTPError:
                ok = False
            stats["latency"].append(time.perf_counter() - began)
            stats["errors"] += not ok


async def prime(base: str) -> float:
    """One write before the clock starts, as a server that has been up a while has done: the extractor process
    starts and loads its model. Returns its seconds."""
    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        response = await client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, json={
            "id": "prime", "text": "Police said two men were arrested in Tehran, Iran, on Sunday after a shooting.",
            "published": "2024-03-04"})
    if response.status_code != 201:
        sys.exit(f"the priming write failed: {response.status_code} {response.text}")
    return time.perf_counter() - began


async def load(base: str, readers: int, seconds: float, writes: int) -> None:
    first = await prime(base)
    async with httpx.AsyncClient(base_url=base) as client:
        ids = [e["id"] for e in (await client.get("/api/events", params={"limit": 50})).json()]
    paths = ["/api/events", "/api/events?country=IR", "/api/events?since=2024-01&limit=20",
             "/api/events?type=explosions_remote_violence", "/api/events?near=30.28,57.08,100",
             "/api/events?text=police", "/api/stats", "/", "/map", "/timeline", "/?country=AF"]
    paths += [f"/api/events/{i}" for i in ids] + [f"/events/{i}" for i in ids[:3]]
    read_stats: dict = defaultdict(lambda: {"latency": [], "errors": 0})
    write_stats: dict = {"latency": [], "errors": 0}
    began = time.monotonic()
    deadline = began + seconds
    await asyncio.gather(*(reader(base, paths, k * 3, deadline, read_stats) for k in range(readers)),
                         writer(base, articles(writes), deadline, write_stats))
    elapsed = time.monotonic() - began
    print(f"eventwire load test: {readers} concurrent readers for {elapsed:.1f} s over {len(paths)} URLs,"
          f" one writer posting up to {writes} articles; client and server on {os.cpu_count()} CPU(s)")
    print(f"first write (before the clock: extractor process started, model loaded): {first:.1f} s")
    for route in sorted(read_stats):
        print(summary(route, read_stats[route]["latency"], read_stats[route]["errors"], elapsed))
    every = [x for s in read_stats.values() for x in s["latency"]]
    print(summary("ALL READS", every, sum(s["errors"] for s in read_stats.values()), elapsed))
    print(summary("WRITES (POST)", write_stats["latency"], write_stats["errors"], elapsed))
    async with httpx.AsyncClient(base_url=base) as client:
        total = sum(r["count"] for r in (await client.get("/api/stats")).json())
    print(f"canonical events in the store after the run: {total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=24, help="concurrent reading clients (default 24)")
    parser.add_argument("--seconds", type=float, default=30, help="how long the readers run (default 30)")
    parser.add_argument("--writes", type=int, default=50, help="articles the writer posts (default 50)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp:
        db = str(Path(tmp) / "load.duckdb")
        examples = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md", ".html"))
        eventwire("ingest", *examples, "--db", db, "--workers", "1", stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
                                  env={**os.environ, "EVENTWIRE_TOKEN": TOKEN}, stdout=subprocess.DEVNULL,
                                  stderr=open(Path(tmp) / "server.log", "wb"))
        try:
            asyncio.run(wait_ready(base, server))
            asyncio.run(load(base, args.readers, args.seconds, args.writes))
        finally:
            server.terminate()
            server.wait(30)
        errors = [line for line in (Path(tmp) / "server.log").read_text(errors="replace").splitlines()
                  if "Traceback" in line or "ERROR" in line]
        print(f"server log: {len(errors)} error line(s)" + "".join(f"\n  {line}" for line in errors[:10]))


if __name__ == "__main__":
    main()
