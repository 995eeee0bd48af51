"""Crash safety: an ingest SIGKILLed over and over, while it extracts, merges and rewrites canonical events,
resumes each time and ends in the store a never-killed ingest of the same corpus builds.

The model loads once in this process; each ingest runs in a forked child (sharing the loaded pipeline), so a
restart costs milliseconds, not a model load, and dozens of kills fit in a short test. The child reports
where it is through a pipe (merging, writing, rewriting an event, committed), which is how the test knows
where each kill landed, and how some kills are aimed at the rewriting of canonical events.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
import traceback
from pathlib import Path

import pytest

from eventwire.model import Document
from eventwire.news.readers import read
from eventwire.pipeline import shared
from eventwire.store.db import Store, text_hash
from eventwire.store.ingest import Ingest

# Few incidents, many articles each: most reports join an existing event, so most documents rewrite one.
INCIDENTS = [
    {
        "day": "2024-03-12", "days_after": [0, 0, 1, 1, 2, 3, 3],
        "headlines": ["Suicide bomber kills {k} at Maiduguri market", "Blast tears through crowded market in Maiduguri",
                      "Death toll in Maiduguri market bombing rises to {k}", "Nigeria: market attack in Borno state capital",
                      "Boko Haram blamed for Maiduguri bombing"],
        "leads": [
            "A suicide bomber blew himself up in a busy market in Maiduguri, Nigeria, on Tuesday, killing {k} people"
            " and wounding {i}, police said.",
            "At least {k} people were killed and {i} injured when a suicide bomber attacked the Monday Market in"
            " Maiduguri, the capital of Borno state, on Tuesday morning, officials said.",
            "An explosion at a crowded market in the northeastern Nigerian city of Maiduguri on Tuesday killed {k}"
            " traders and shoppers, a police spokesman said.",
        ],
        "details": [
            "Witnesses said the bomber, a young man, detonated his explosives near stalls selling vegetables.",
            "No group has claimed the attack, but the army blamed Boko Haram militants, who have targeted the city"
            " for years.",
            "The wounded were taken to the State Specialist Hospital, where doctors appealed for blood donors.",
            "Governor Babagana Zulum visited the market and condemned the bombing as cowardly.",
            "Traders said soldiers had sealed off the area by midday.",
        ],
        "tolls": [(12, 30), (12, 30), (15, 34), (18, 41)],
    },
    {
        "day": "2024-04-08", "days_after": [0, 1, 1, 2, 2, 4],
        "headlines": ["Gunmen kill {k} policemen at Peshawar checkpoint", "Militants storm police post near Peshawar",
                      "Pakistani Taliban claim attack on Peshawar police", "Police officers killed in night attack in"
                      " northwest Pakistan"],
        "leads": [
            "Gunmen attacked a police checkpoint on the outskirts of Peshawar, Pakistan, on Monday night, killing {k}"
            " policemen and wounding {i}, officials said.",
            "Militants armed with rifles and grenades stormed a police post near Peshawar late on Monday, killing {k}"
            " officers before fleeing, police said.",
            "{k} police officers were killed and {i} wounded when insurgents opened fire on a checkpoint in Peshawar on"
            " Monday, a senior police official said.",
        ],
        "details": [
            "The Pakistani Taliban, known as Tehreek-e-Taliban Pakistan, claimed responsibility in a statement.",
            "Police said the attackers used the darkness to approach the post from nearby fields.",
            "A search operation was under way in the surrounding villages on Tuesday.",
            "The provincial chief minister ordered an inquiry and announced compensation for the families.",
        ],
        "tolls": [(5, 3), (6, 4), (6, 4)],
    },
    {
        "day": "2024-05-19", "days_after": [0, 0, 1, 1, 2, 2, 3],
        "headlines": ["Russian strike on Kharkiv hypermarket kills {k}", "Missiles hit shopping centre in Kharkiv",
                      "Kharkiv mourns victims of hypermarket strike", "Ukraine: death toll from Kharkiv attack rises"],
        "leads": [
            "A Russian missile strike hit a hypermarket in Kharkiv, Ukraine, on Sunday, killing {k} people and"
            " injuring {i}, the regional governor said.",
            "Two Russian guided bombs struck a crowded building supplies store in the Ukrainian city of Kharkiv on"
            " Sunday afternoon, killing {k} shoppers and staff, officials said.",
            "At least {k} people died and {i} were wounded when Russian forces bombed a hypermarket in Kharkiv on"
            " Sunday, Ukrainian officials said.",
        ],
        "details": [
            "Governor Oleh Syniehubov said more than 200 people were inside the store when it was hit.",
            "Firefighters battled the blaze for hours as smoke rose over the city.",
            "President Volodymyr Zelensky called the strike another act of Russian terror.",
            "Rescuers were still searching the rubble for missing people on Monday.",
        ],
        "tolls": [(11, 40), (14, 43), (16, 43), (19, 54)],
    },
    {
        "day": "2024-06-25", "days_after": [0, 0, 1, 1, 2],
        "headlines": ["Protesters storm Kenyan parliament", "Thousands march in Nairobi against finance bill",
                      "Kenya protests turn deadly in Nairobi"],
        "leads": [
            "Thousands of protesters marched in Nairobi, Kenya, on Tuesday against proposed tax rises, and police"
            " fired tear gas and live rounds, killing {k} people, rights groups said.",
            "Demonstrators opposed to a finance bill broke into the parliament compound in Nairobi on Tuesday, and at"
            " least {k} people were shot dead by police, witnesses said.",
            "Police in Nairobi opened fire on crowds protesting new taxes on Tuesday, killing {k} and wounding {i},"
            " the Kenya Human Rights Commission said.",
        ],
        "details": [
            "Parts of the parliament building were set on fire as lawmakers fled through a tunnel.",
            "President William Ruto called the protests treasonous and deployed the army.",
            "Hospitals in the capital said they had treated dozens of people with gunshot wounds.",
        ],
        "tolls": [(5, 31), (13, 50), (22, 58)],
    },
]
# Unrelated incidents, one article each: new events between the merging ones.
SINGLES = [
    ("Armed robbers kill shopkeeper in Kano", "2024-03-13",
     "Armed robbers shot dead a shopkeeper in Kano, Nigeria, on Tuesday night and escaped with cash, police said."),
    ("Car bomb in Mogadishu kills five", "2024-04-09",
     "A car bomb exploded near a checkpoint in Mogadishu, Somalia, on Monday, killing five soldiers, officials said."
     " Al-Shabaab said it carried out the attack."),
    ("Farmers protest in Paris", "2024-05-20",
     "Hundreds of farmers drove tractors into central Paris, France, on Sunday to protest against low prices."),
    ("Clashes in Khartoum", "2024-06-26",
     "Fighting between the army and the Rapid Support Forces killed 14 civilians in Khartoum, Sudan, on Tuesday,"
     " medics said."),
    ("Gunmen abduct students in Kaduna", "2024-03-14",
     "Gunmen kidnapped 30 students from a school in Kaduna state, Nigeria, on Wednesday, a teacher said."),
]


def articles() -> list[dict]:
    """The corpus, in ingest order: incidents' articles interleaved by publication date, singles among them."""
    rows = []
    for n, inc in enumerate(INCIDENTS):
        y, m, d = map(int, inc["day"].split("-"))
        for k, after in enumerate(inc["days_after"]):
            killed, injured = inc["tolls"][min(k * len(inc["tolls"]) // len(inc["days_after"]), len(inc["tolls"]) - 1)]
            details = [inc["details"][(k + j) % len(inc["details"])] for j in range(1 + k % 3)]
            title = inc["headlines"][k % len(inc["headlines"])].format(k=killed)
            lead = inc["leads"][k % len(inc["leads"])].format(k=killed, i=injured)
            rows.append({"id": f"inc{n}-{k}", "published": f"{y}-{m:02d}-{d + after:02d}", "url": None,
                         "text": f"{title}\n{lead} {' '.join(details)}\n"})
    for k, (title, day, body) in enumerate(SINGLES):
        rows.append({"id": f"single-{k}", "published": day, "url": f"https://example.org/single/{k}",
                     "text": f"{title}\n{body}\n"})
    rows.sort(key=lambda r: (r["published"], r["id"]))
    for r in rows:
        if r["url"] is None:
            del r["url"]
    return rows


# ---- the ingest child ------------------------------------------------------------------------------------

def ingest_child(corpus: Path, db: Path, marks: int | None) -> None:
    """Runs in the forked child: one ingest of the corpus, telling `marks` (a pipe) where it is. Never returns."""
    code = 0
    try:
        def mark(what: str) -> None:
            if marks is not None:
                os.write(marks, (what + "\n").encode())

        store = Store(db)
        mark("opened")
        job = Ingest(store, batch=2)  # small transactions: more of them for the kills to land in
        mark("rebuilt")
        save, add_documents, put_events = job.save, store.add_documents, store.put_events

        def traced_save(results, *args):
            mark(f"merge {results[0].contract['doc_id']}")
            save(results, *args)
            mark(f"committed {' '.join(r.contract['doc_id'] for r in results)}")

        def traced_add_documents(docs, *args):
            mark(f"write {docs[0][0]['doc_id']}")
            add_documents(docs, *args)

        def traced_put_events(events, *args):
            if events:
                mark(f"rewrite {' '.join(events)}")
            put_events(events, *args)

        job.save, store.add_documents, store.put_events = traced_save, traced_add_documents, traced_put_events
        job.run(read([str(corpus)]))
        store.close()
        mark("done")
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stderr.flush()
        os._exit(code)


def start(corpus: Path, db: Path, traced: bool) -> tuple[int, int | None]:
    r, w = os.pipe() if traced else (None, None)
    pid = os.fork()
    if pid == 0:
        if r is not None:
            os.close(r)
        ingest_child(corpus, db, w)
    if w is not None:
        os.close(w)
    return pid, r


def read_marks(fd: int, timeout: float) -> list[str]:
    """Marks the child has written so far, waiting at most `timeout` for the first; [] at end of pipe too."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return []
    data = os.read(fd, 65536)
    return data.decode().splitlines() if data else ["<eof>"]


def phase(mark: str | None) -> str:
    """Where the child was when it died, from its last mark."""
    if mark is None:
        return "starting"  # forked, opening the store (replaying its write-ahead log)
    word = mark.split()[0]
    return {"opened": "rebuilding the merger", "rebuilt": "extracting", "committed": "extracting",
            "merge": "merging", "write": "writing documents", "rewrite": "rewriting canonical events"}[word]


def exit_code(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


# ---- the test --------------------------------------------------------------------------------------------

KILLS = 40  # then one run to the end


def clusters(store: Store) -> dict[str, frozenset]:
    """canon id -> the (doc_id, event_id) of its reports, from the events table's report lists."""
    return {e["id"]: frozenset((r["doc_id"], r["event_id"]) for r in e["reports"]) for e in store.events()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in articles()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean(corpus) -> Path:
    """The store a never-killed ingest builds."""
    # Load the model and the stages' data once, before forking: every child inherits them ready.
    list(shared().run([Document(id="warm-up", text=SINGLES[0][2], published="2024-01-01")]))
    db = corpus.parent / "clean.duckdb"
    pid, _ = start(corpus, db, traced=False)
    assert exit_code(pid) == 0
    return db


def test_ingest_killed_dozens_of_times_mid_merge_ends_in_the_store_of_a_clean_ingest(corpus, clean, tmp_path):
    rng = random.Random(7)
    db = tmp_path / "killed.duckdb"
    landed: list[str] = []
    code = None
    while code != 0:
        pid, fd = start(corpus, db, traced=True)
        # Every kill is placed by the child's progress, not the clock, so each run gets about one document
        # further on any machine: a third come as a canonical event is being rewritten once `after` documents
        # are committed; the rest a random time after the child's `n`th mark (n = 0: while it opens the store).
        aimed, killing = rng.random() < 1 / 3, len(landed) < KILLS
        after, n, delay = rng.randint(1, 2), rng.randint(0, 4), rng.uniform(0.0, 0.06)
        last, seen, committed, finished, due = None, 0, 0, False, None
        while not finished:
            for m in read_marks(fd, 0.002):
                if m == "<eof>":
                    finished = True
                    continue
                last, seen, committed = m, seen + 1, committed + m.startswith("committed")
                if aimed and m.startswith("rewrite") and committed >= after:
                    due = time.monotonic()
                    break
            if due is None and not aimed and seen >= n:
                due = time.monotonic() + delay
            if killing and due is not None and time.monotonic() >= due and not finished:
                os.kill(pid, signal.SIGKILL)
                break
        code = exit_code(pid)
        while (marks := read_marks(fd, 0)) and marks != ["<eof>"]:  # what it wrote before it died
            last = next((m for m in reversed(marks) if m != "<eof>"), last)
        os.close(fd)
        assert code in (0, -signal.SIGKILL), f"the ingest failed on its own (exit {code}) after {len(landed)} kills"
        if code:
            landed.append(phase(last))
    print(f"\n{len(landed)} kills: " + ", ".join(f"{p} {landed.count(p)}" for p in sorted(set(landed))))
    assert len(landed) >= 20
    assert landed.count("rewriting canonical events") >= 5

    docs = articles()
    with Store(db, read_only=True) as store, Store(clean, read_only=True) as reference:
        assert store.problems() == []
        stored = store.con.execute("SELECT doc_id, text_hash FROM documents").fetchall()
        assert sorted(stored) == sorted((d["id"], text_hash(d["text"])) for d in docs)  # each once, none lost
        extracted = {(doc["doc_id"], e["id"]) for (extract,) in store.con.execute(
            "SELECT extract FROM documents").fetchall() for doc in [json.loads(extract)] for e in doc["events"]}
        got = clusters(store)
        in_events = [r for members in got.values() for r in members]
        assert len(in_events) == len(set(in_events)) == len(extracted)  # every report in exactly one event
        assert set(in_events) == extracted
        assert sorted(got.values(), key=sorted) == sorted(clusters(reference).values(), key=sorted)
        assert got == clusters(reference)  # the same canonical ids too
        assert {e["id"]: e for e in store.events()} == {e["id"]: e for e in reference.events()}
