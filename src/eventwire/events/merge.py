"""Cross-document merging: document-level events (reports) in, canonical events out.

Many outlets report one incident; each article's extract gives a document-level event (a
*report*). `Merger` clusters reports incrementally: a new report is scored against the
canonical events it could belong to and joins the best one when the evidence is strong
enough, else it starts a new canonical event. A report that clearly matches several
canonical events joins them (the biggest absorbs the others; `Merger.absorbed()` tells the
store), so the result depends little on the order reports arrive in. Background events of
one article that the extractor kept apart never merge with each other alone. Pure and
deterministic; knowledge (families, windows, weights, stopwords) lives in data/merge.json.

Blocking keeps it near-linear: a canonical event is indexed under (type family, country)
then the event and publication days (and months) of its reports; a report looks up the days
within `window_days` of its event day (else the days before its publication), in its family
("violence" with violence, statements only with statements) and its country (or unknown
country), plus the events that share a victim's or suspect's full name. Each bucket gives at
most its `bucket_cap` most recently joined events, so `add` scores a bounded number.

Evidence, summed as log-odds-like points (weights in data/merge.json), joined above `threshold`:
- date gap between event days (or, weaker, publication days); beyond the window it nearly
  vetoes, unless both name the same person (a follow-up weeks later);
- place: the same place name, or one side's place named in the other's text (the gazetteer
  may pick the wrong homonym), else distance between coordinates, else admin1 / country;
- names of people near the event (participants, PERSON entities inside its evidence): a
  shared first + last name is strong, a shared surname weaker;
- killed counts agreeing or not;
- TF-IDF cosine (stemmed content words) between the report's text and the event's reports
  from other documents, document frequencies kept incrementally by the Merger.

Counts of a canonical event (killed and injured alike), `canonical`:
1. A figure inside a "claimed" scope (the claimant's own words: "IS said it killed 50
   soldiers") is kept in `count_history` but never becomes `best` unless a non-claimant
   source gives the same figure. With only claimant figures, `best` is null and low/high
   bound what the claimant says.
2. `best` is the latest credible figure by published date; on the same date a revision
   ("has risen to 103") beats a plain figure, then the higher figure wins (tolls rise).
3. A revision beats what it revises: a later plain figure lower than an earlier revision
   (a stale copy of the figure that was revised) does not replace it.
4. `low` / `high` are the minimum / maximum across credible sources (their low and high).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date as _date
from functools import cache, lru_cache
from importlib.resources import files
from itertools import islice
from typing import Any

FEATURE_RANK = {"site": 6, "city": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1, "other": 0}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SUFFIXES = ("ings", "ing", "ed", "s")
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@cache
def knowledge() -> dict:
    data = json.loads(files("eventwire").joinpath("data/merge.json").read_text(encoding="utf-8"))
    data["stopwords"] = frozenset(data["stopwords"])
    data["name_titles"] = frozenset(data["name_titles"])
    data["name_noise"] = frozenset(data["name_noise"])
    return data


@dataclass
class Report:
    """One document-level event as merging sees it; JSON-serialisable (the store keeps it as JSON)."""

    doc_id: str
    event_id: str  # the event's id in the document's extract output ("e1")
    published: str | None  # the document's date (YYYY-MM-DD)
    title: str | None
    url: str | None
    primary: bool  # the document's first (main) event
    event: dict  # the contract Event JSON, as extracted
    text: str  # title + evidence (+ lead for the main event), <= text_chars
    country: str | None = None  # the event's country, else the document's main country
    names: list[str] = field(default_factory=list)  # people near the event, as written
    terms: list[str] = field(default_factory=list)  # content words of `text`, lowercased
    claimed: list[str] = field(default_factory=list)  # "killed"/"injured": the figure is the claimant's
    revised: list[str] = field(default_factory=list)  # "killed"/"injured": the figure revises an earlier one

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict) -> Report:
        """The inverse of `to_json`; keys it does not know (a newer store's) are ignored."""
        return cls(**{k: v for k, v in obj.items() if k in _REPORT_FIELDS})


_REPORT_FIELDS = frozenset(Report.__dataclass_fields__)


# ----------------------------------------------------------------------------------- reports


def headline(title: str | None) -> str:
    """The headline without the site name that pages append ("... - Live5News.com | News")."""
    if not title:
        return ""
    for sep in knowledge()["headline_separators"]:
        title = title.split(sep)[0]
    return title.strip()


def stem(word: str) -> str:
    """A light suffix strip so that "bombs", "bombing" and "bombings" meet (news English inflection)."""
    if len(word) > 4:
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


def terms_of(text: str) -> list[str]:
    """Content words of a text, lowercased and lightly stemmed, stopwords dropped."""
    stop = knowledge()["stopwords"]
    return [stem(w) for w in WORD.findall(text.lower()) if len(w) > 1 and w not in stop]


@lru_cache(maxsize=1 << 16)
def place_words(name: str) -> tuple[str, ...]:
    """The words of a place name as they appear among a text's terms (cached: places recur)."""
    return tuple(terms_of(name))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> tuple[str, str] | None:
    """(first + last name, surname) of a person's name, lowercased, without titles, middle names and the
    descriptions entity names drag along ("Texas Toddler Braison Howard" -> "braison howard", "howard");
    None if it is no person's name ("Routt County")."""
    k = knowledge()
    words = [w.lower().strip("'-") for w in NAME_WORD.findall(name) if w[0].isupper()]
    words = [w for w in words if w and w.rstrip(".") not in k["name_titles"]]
    if not words or any(w in k["name_noise"] for w in words):
        return None
    return (" ".join(words[-2:]) if len(words) > 1 else ""), (words[-1] if len(words[-1]) > 2 else "")


def claimant_figure(parsed: Any, claims: list[Any], start: int | None, end: int | None) -> bool:
    """Whether a figure is the claimant's own: inside the clause the claim verb reports ("IS said it
    killed 50 soldiers"), not the writer's toll beside a claim ("claimed the attack that killed 20";
    "... killing 20, police said. Al-Shabaab claimed responsibility")."""
    if parsed is None or start is None or end is None:
        return False
    figure = parsed.char_span(start, end, alignment_mode="expand")
    for claim in claims:
        cue = parsed.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
        if figure is None or cue is None or cue.root.sent != figure.root.sent:
            continue
        verb = cue.root if cue.root.pos_ in ("VERB", "AUX") else cue.root.head
        token = figure.root
        while token.head is not token:
            if token.head == verb:
                if token.dep_ in ("ccomp", "xcomp", "parataxis"):
                    return True
                break
            token = token.head
    return False


def _inside(start: int | None, end: int | None, spans: list[tuple[int, int]]) -> bool:
    return start is not None and end is not None and any(s <= start and end <= e for s, e in spans)


def _main_country(places: list[dict]) -> str | None:
    codes = Counter(p.get("country_code") for p in places if p.get("country_code") and not p.get("demonym"))
    return codes.most_common(1)[0][0] if codes else None


def reports_of(doc: Any, contract: dict) -> list[Report]:
    """The reports of one processed document (contract = views.contract.document(doc)).

    The text of a report is the headline (main event) and its evidence sentences, plus the
    lead for the main event; names are the people among its participants and the PERSON
    entities mentioned inside its evidence; a count is flagged claimed when it lies in the clause a
    claim of responsibility reports (`claimant_figure`), revised when its casualty figure is a revision.
    """
    k = knowledge()
    title = contract.get("title") or getattr(doc, "title", None)
    text = getattr(doc, "text", "") or ""
    claims = [c for c in getattr(doc, "claims", []) or [] if c.attribution == "claimed" and not c.denied]
    parsed = getattr(doc, "doc", None)
    revisions = [(c.kind, c.count.start, c.count.end) for c in getattr(doc, "casualties", []) or [] if c.revision]
    people = [e for e in contract.get("entities", []) if e.get("kind") == "person"]
    by_id = {e["id"]: e for e in contract.get("entities", [])}
    doc_country = _main_country(contract.get("places", []))
    out = []
    for i, ev in enumerate(contract.get("events", [])):
        spans = [(s["start"], s["end"]) for s in ev.get("evidence", [])]
        parts = [headline(title)] if i == 0 else []
        parts += list(dict.fromkeys(s["text"] for s in ev.get("evidence", [])))
        if i == 0:
            parts.append(text[: k["lead_chars"]])
        body = "\n".join(p for p in parts if p)[: k["text_chars"]]
        names = []
        for p in ev.get("perpetrators", []) + ev.get("targets", []):
            ent = by_id.get(p.get("entity") or "")
            if ent is not None and ent.get("kind") == "person":
                names.append(ent["name"])
        for e in people:
            if any(_inside(m["start"], m["end"], spans) for m in e.get("mentions", [])):
                names.append(e["name"])
        claimed, revised = [], []
        for kind in ("killed", "injured"):
            c = ev.get(kind)
            if not c:
                continue
            if claims and claimant_figure(parsed, claims, c.get("start"), c.get("end")):
                claimed.append(kind)
            if any(rk == kind and rs < c.get("end", 0) and c.get("start", 0) < re_ for rk, rs, re_ in revisions):
                revised.append(kind)
        loc = ev.get("location") or {}
        out.append(Report(
            doc_id=contract.get("doc_id", getattr(doc, "id", "")), event_id=ev["id"],
            published=contract.get("published"), title=title, url=contract.get("url"), primary=i == 0,
            event=ev, text=body, country=loc.get("country_code") or doc_country,
            names=list(dict.fromkeys(names)), terms=terms_of(body), claimed=claimed, revised=revised))
    return out


# ----------------------------------------------------------------------------------- merging


def day_number(value: str | None) -> int | None:
    """Day ordinal of a YYYY-MM-DD string; None for months, years, junk."""
    if not value or len(value) != 10:
        return None
    try:
        return _date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _gap(days: list[int], day: int) -> int:
    """Days from `day` to the nearest of the sorted `days`."""
    j = bisect_left(days, day)
    return min(abs(days[i] - day) for i in (j - 1, j) if 0 <= i < len(days))


def _step(table: list[list[float]], x: float, beyond: float) -> float:
    """Points for a value x from [[upper bound, points], ...] (first bound >= x), else `beyond`."""
    for bound, pts in table:
        if x <= bound:
            return pts
    return beyond


def _interp(table: list[list[float]], x: float) -> float:
    """Piecewise-linear points for x over [[x, points], ...] (sorted), flat outside."""
    xs = [p[0] for p in table]
    j = bisect_left(xs, x)
    if j == 0:
        return table[0][1]
    if j == len(table):
        return table[-1][1]
    (x0, y0), (x1, y1) = table[j - 1], table[j]
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


class _Features:
    """What scoring reads off a report, computed once per add."""

    __slots__ = ("doc_id", "family", "day", "month", "month_mid", "pub", "lat", "lon", "cc", "admin1", "place_terms",
                 "full", "surnames", "killed", "terms")

    def __init__(self, r: Report, families: dict):
        ev = r.event
        self.doc_id = r.doc_id
        self.family = families.get(ev.get("type"), ev.get("type") or "")
        self.day = day_number(ev.get("date"))
        self.month = (ev.get("date") or "")[:7] if len(ev.get("date") or "") == 7 else None  # month precision only
        self.month_mid = day_number(self.month + "-15") if self.month else None
        self.pub = day_number(r.published)
        loc = ev.get("location") or {}
        self.lat, self.lon = loc.get("lat"), loc.get("lon")
        below_admin1 = loc.get("feature") not in ("country", "admin1")
        self.place_terms = place_words(loc.get("name") or "") if below_admin1 else ()
        self.cc = r.country or ""
        self.admin1 = loc.get("admin1") if loc.get("feature") != "country" else None
        keys = [k for k in (name_key(n) for n in r.names) if k]
        self.full = {f for f, _ in keys if f}
        self.surnames = {s for _, s in keys if s}
        killed = ev.get("killed") or {}
        self.killed = killed.get("best") if "killed" not in r.claimed else None
        self.terms = Counter(r.terms)


class _Canon:
    """A canonical event's merged profile: what candidates are scored against. Its sets are dicts (key -> None):
    dicts of plain values are not tracked by the garbage collector, whose passes otherwise grow with the store."""

    __slots__ = ("family", "days", "pubs", "points", "regions", "places", "full", "surnames", "killed", "vecs", "n",
                 "docs", "mains")

    def __init__(self, family: str):
        self.family = family
        self.days: list[int] = []  # sorted distinct event days (ordinals) of its reports
        self.pubs: list[int] = []  # sorted distinct publication days
        self.points: list[tuple[float, float]] = []
        self.regions: dict[tuple[str, str | None], None] = {}
        self.places: dict[tuple, None] = {}  # words of the names of its locations below admin1
        self.full: dict[str, None] = {}
        self.surnames: dict[str, None] = {}
        self.killed: dict[int, None] = {}
        self.vecs: list[tuple] = []  # (doc_id, unit TF-IDF vector) of its latest reports
        self.n = 0
        self.docs: dict[str, None] = {}
        self.mains: dict[str, None] = {}  # documents whose main event is here


class Merger:
    """Incremental clustering of reports into canonical events, blocked (type family, date window, country or
    distance) so it grows near-linearly: never score all pairs. When a report links canonical events, the absorbed
    ids are reported once by `absorbed()` and still `resolve()` to the event that took them in."""

    def __init__(self) -> None:
        k = knowledge()
        self.k = k
        self.w = k["weights"]
        self.families: dict[str, str] = k["families"]
        self.window = k["window_days"]
        self.cap = k["bucket_cap"]
        self.text_max = max(p for _, p in self.w["text"])
        self.threshold = k["threshold"]
        self._reports: dict[str, list[Report]] = {}
        self._canon: dict[str, _Canon] = {}
        # (family, country or "" or "*") -> day or month -> canon ids; (family, full name, 120-day span) -> canon ids
        self._index: dict[tuple, dict] = {}
        self._named: dict[tuple, dict[str, None]] = {}
        self._df: Counter = Counter()
        self._n = 0
        self._alias: dict[str, str] = {}  # absorbed canon id -> the one that absorbed it
        self._absorbed: list[tuple[str, str]] = []  # (absorbed, into) since the last `absorbed()` call

    # -- public

    def add(self, report: Report, canon_id: str | None = None) -> str:
        """Join `report` to the best-matching canonical event or start a new one; return its canon id.
        With canon_id given (rebuilding from the store), put it there without scoring."""
        f = _Features(report, self.families)
        vec = self._vector(f.terms)
        for t in f.terms:
            self._df[t] += 1
        self._n += 1
        if canon_id is not None:
            canon_id = self.resolve(canon_id)
            self._join(canon_id, report, f, vec)
            return canon_id
        scored = sorted(((self._score(f, vec, self._canon[cid]), cid) for cid in self._candidates(f)), reverse=True)
        scored = [(s, cid) for s, cid in scored if s > self.threshold]
        if not scored:
            canon_id = new_canon_id(report)
            while canon_id in self._canon or canon_id in self._alias:  # the same report added twice: a fresh id
                canon_id = "ev-" + hashlib.sha1(canon_id.encode()).hexdigest()[:12]
            self._join(canon_id, report, f, vec)
            return canon_id
        # A report that clearly matches several canonical events shows they are one: the biggest absorbs the rest
        # (what makes the result depend less on the order reports arrive in).
        linked = [cid for s, cid in scored if s > self.threshold + self.k["link_margin"]] or [scored[0][1]]
        canon_id = max(linked, key=lambda cid: self._canon[cid].n)
        self._join(canon_id, report, f, vec)
        for cid in linked:
            if cid != canon_id:
                self._absorb(cid, canon_id)
        return canon_id

    def absorbed(self) -> list[tuple[str, str]]:
        """(absorbed canon id, canon id it now belongs to) for the merges of canonical events since the last call:
        the store moves those reports and drops the absorbed events."""
        out, self._absorbed = self._absorbed, []
        return out

    def reports(self, canon_id: str) -> list[Report]:
        return list(self._reports.get(self.resolve(canon_id), []))

    def resolve(self, canon_id: str) -> str:
        """The canon id a (possibly absorbed) canon id now stands for."""
        while canon_id in self._alias:
            canon_id = self._alias[canon_id]
        return canon_id

    def canon_ids(self) -> list[str]:
        """Canonical event ids in creation order."""
        return list(self._reports)

    def __len__(self) -> int:
        return len(self._reports)

    # -- internals

    def _vector(self, tf: Counter) -> dict[str, float]:
        """Unit TF-IDF vector of the report's terms, idf from the reports seen so far (the report included),
        its strongest `max_terms` terms only."""
        base, df, log = math.log(self._n + 2) + 1.0, self._df, math.log
        vec = {t: (1.0 + log(c)) * (base - log(df.get(t, 0) + 1)) for t, c in tf.items()}  # smoothed idf
        if len(vec) > self.k["max_terms"]:
            vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[: self.k["max_terms"]])
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _days(self, f: _Features) -> list:
        """The index keys a report looks up: the window around its event day, else the days before its
        publication (events are reported after they happen), plus its month when dated to a month only."""
        w = self.window
        if f.day is not None:
            return list(range(f.day - w, f.day + w + 1))
        days: list = list(range(f.pub - w, f.pub + 2)) if f.pub is not None else []
        return days + [f.month] if f.month else days

    def _absorb(self, cid: str, into: str) -> None:
        for r in self._reports.pop(cid):
            g = _Features(r, self.families)
            self._join(into, r, g, self._vector(g.terms))
        del self._canon[cid]
        self._alias[cid] = into
        self._absorbed.append((cid, into))

    def _candidates(self, f: _Features) -> list[str]:
        seen: dict[str, None] = {}
        days = self._days(f)
        for cc in ((f.cc, "") if f.cc else ("", "*")):
            by_day = self._index.get((f.family, cc))
            if by_day:
                for d in days:
                    bucket = by_day.get(d)
                    if bucket:
                        seen.update(dict.fromkeys(islice(reversed(bucket), self.cap)))
        when = f.day if f.day is not None else f.pub
        if when is not None:  # follow-ups weeks later, dated by their own news, still name the victim
            span = when // self.k["named_window_days"]
            for name in f.full:
                for b in (span - 1, span, span + 1):
                    seen.update(dict.fromkeys(islice(reversed(self._named.get((f.family, name, b), {})), self.cap)))
        return list(dict.fromkeys(self.resolve(cid) for cid in seen)) if self._alias else list(seen)

    def _join(self, cid: str, r: Report, f: _Features, vec: dict[str, float]) -> None:
        c = self._canon.get(cid)
        if c is None:
            c = self._canon[cid] = _Canon(f.family)
            self._reports[cid] = []
        self._reports[cid].append(r)
        c.n += 1
        c.docs[r.doc_id] = None
        if r.primary:
            c.mains[r.doc_id] = None
        keys: list = []
        for d, pool in ((f.day, c.days), (f.pub, c.pubs)):
            if d is not None:
                j = bisect_left(pool, d)
                if j == len(pool) or pool[j] != d:
                    pool.insert(j, d)
                keys.append(d)
        if f.day is not None:  # reports dated to a month only look up their month
            keys.append(_date.fromordinal(f.day).isoformat()[:7])
        if f.place_terms:
            c.places[f.place_terms] = None
        if f.lat is not None and f.lon is not None and len(c.points) < 16:
            c.points.append((f.lat, f.lon))
        if f.cc:
            c.regions[(f.cc, f.admin1)] = None
        c.full.update(dict.fromkeys(f.full))
        c.surnames.update(dict.fromkeys(f.surnames))
        if f.killed:
            c.killed[f.killed] = None
        c.vecs.append((f.doc_id, vec))
        if len(c.vecs) > self.k["max_vectors"]:
            c.vecs.pop(0)
        # Indexed under its country and under "*" (any country) so reports of unknown country still find it.
        buckets = [self._index.setdefault((f.family, cc), {}).setdefault(d, {}) for cc in (f.cc or "", "*")
                   for d in keys]
        when = f.day if f.day is not None else f.pub
        if when is not None:
            span = when // self.k["named_window_days"]
            buckets += [self._named.setdefault((f.family, name, span), {}) for name in f.full]
        for bucket in buckets:  # ordered dicts: the most recently joined last
            bucket.pop(cid, None)
            bucket[cid] = None

    @staticmethod
    def _same_place(f: _Features, c: _Canon) -> bool:
        """The same place name, or one side's place named in the other's text: whichever homonym the gazetteer
        picked ("Madison"), and wherever it put a place it got wrong, the articles name the same place."""
        if f.place_terms in c.places or any(all(t in f.terms for t in p) for p in c.places):
            return True
        return any(doc_id != f.doc_id and all(t in vec for t in f.place_terms) for doc_id, vec in c.vecs)

    def _score(self, f: _Features, vec: dict[str, float], c: _Canon) -> float:
        if len(c.docs) == 1 and f.doc_id in c.docs and f.doc_id not in c.mains:
            # Background events of one article that the extractor kept apart stay apart, unless they join its
            # main event or another article's report.
            return -math.inf
        w = self.w
        s = w["prior"]
        named = not c.full.keys().isdisjoint(f.full)  # iterates over the smaller side
        if f.day is not None and c.days:
            gap = _gap(c.days, f.day)
            pts = _step(w["date_gap"], gap, w["date_far"])
        elif f.month and c.days and _gap(c.days, f.month_mid) <= 16:  # a day of its month (give or take a day)
            gap, pts = 0, w["date_same_month"]
        else:
            mine = f.day if f.day is not None else f.pub
            theirs = c.days or c.pubs
            gap = _gap(theirs, mine) if mine is not None and theirs else 0
            pts = _step(w["published_gap"], gap, w["date_far"])
        if named and gap <= self.k["named_window_days"]:  # the same victim named weeks apart: a follow-up
            pts = max(pts, w["date_far_named"])
        s += pts
        if f.place_terms and self._same_place(f, c):
            s += w["distance_km"][0][1]
        elif f.lat is not None and c.points:
            dist = min(distance_km(f.lat, f.lon, la, lo) for la, lo in c.points)
            s += _step(w["distance_km"], dist, w["distance_far"])
        elif f.cc and c.regions:
            if all(cc != f.cc for cc, _ in c.regions):
                s += w["other_country"]
            elif f.admin1:
                others = {a for cc, a in c.regions if cc == f.cc and a}
                if f.admin1 in others:
                    s += w["same_admin1"]
                elif others:
                    s += w["other_admin1"]
        if named:
            s += w["name_full"]
        elif not c.surnames.keys().isdisjoint(f.surnames):
            s += w["name_surname"]
        if f.killed and c.killed:
            s += w["count_agree"] if f.killed in c.killed else w["count_differ"]
        if s + self.text_max <= self.threshold:  # no text can lift it: skip the cosines
            return s
        best = -1.0
        for doc_id, other in c.vecs:
            if doc_id != f.doc_id:
                best = max(best, sum([vec[t] * other[t] for t in vec.keys() & other.keys()]))
        if best >= 0.0:
            s += _interp(w["text"], best)
        return s


def new_canon_id(report: Report) -> str:
    """Deterministic id of the canonical event a report starts."""
    return "ev-" + hashlib.sha1(f"{report.doc_id}\x1f{report.event_id}".encode()).hexdigest()[:12]


# ----------------------------------------------------------------------------------- canonical


def _place_key(p: dict) -> tuple:
    return (p.get("country_code"), p.get("admin1"), p.get("name"), p.get("feature"))


def _contains(coarse: dict, fine: dict) -> bool:
    """Does place `coarse` contain (or equal) place `fine`?  By country, then admin1."""
    if coarse.get("country_code") != fine.get("country_code"):
        return False
    feat = coarse.get("feature")
    if feat == "country":
        return True
    if feat == "admin1":
        return coarse.get("admin1") == fine.get("admin1") or coarse.get("name") == fine.get("admin1")
    return _place_key(coarse) == _place_key(fine)


def merged_location(reports: list[Report]) -> dict | None:
    """The most precise place agreed by the most reports: a place is supported by the reports that name it or a
    place containing it; most support wins, then precision, then the earliest report."""
    locs = [r.event.get("location") for r in reports]
    locs = [p for p in locs if p]
    if not locs:
        return None
    distinct = list({_place_key(p): p for p in reversed(locs)}.values())[::-1]

    def rank(p: dict) -> tuple:
        support = sum(1 for q in locs if _contains(q, p))
        return (support, FEATURE_RANK.get(p.get("feature") or "other", 0))
    return max(distinct, key=rank)


def merged_date(reports: list[Report]) -> tuple[str | None, str | None]:
    """The day most reports give (main events count double); ties go to the earliest day. Without any day,
    the most given month or year."""
    votes: Counter = Counter()
    for r in reports:
        d = r.event.get("date")
        if d:
            votes[d] += 2 if r.primary else 1
    if not votes:
        return None, None
    for length, precision in ((10, "day"), (7, "month"), (4, "year")):
        cands = [d for d in votes if len(d) == length]
        if cands:
            return min(cands, key=lambda d: (-votes[d], d)), precision
    return None, None


def merged_count(reports: list[Report], kind: str) -> dict | None:
    """The canonical count of `kind` ("killed"/"injured") by the rules in the module docstring."""
    figs = []
    for order, r in enumerate(reports):
        c = r.event.get(kind)
        if c and c.get("best") is not None:
            figs.append((r.published or "", kind in r.revised, c["best"], order, c, r, kind in r.claimed))
    if not figs:
        return None
    credible = [f for f in figs if not f[6]]
    pool = credible or figs
    low = min((f[4].get("low") if f[4].get("low") is not None else f[2]) for f in pool)
    high = max((f[4].get("high") if f[4].get("high") is not None else f[2]) for f in pool)
    if not credible:
        c, r = figs[-1][4], figs[-1][5]
        return {"best": None, "low": low, "high": high, "text": c.get("text", ""), "start": c.get("start", 0),
                "end": c.get("end", 0), "doc_id": r.doc_id, "claimed": True}
    chosen = max(credible, key=lambda f: (f[0], f[1], f[2], -f[3]))
    revisions = [f for f in credible if f[1] and f[0] < chosen[0] and f[2] > chosen[2]]
    if revisions and not chosen[1]:
        chosen = max(revisions, key=lambda f: (f[0], f[2], -f[3]))
    c, r = chosen[4], chosen[5]
    return {"best": chosen[2], "low": min(low, chosen[2]), "high": max(high, chosen[2]), "text": c.get("text", ""),
            "start": c.get("start", 0), "end": c.get("end", 0), "doc_id": r.doc_id}


def _merged_participants(reports: list[Report], role: str) -> list[dict]:
    out: dict[str, dict] = {}
    for r in reports:
        for p in r.event.get(role, []):
            key = " ".join(WORD.findall((p.get("name") or p.get("mention") or "").lower()))
            if key and key not in out:
                out[key] = dict(p, doc_id=r.doc_id)
    return list(out.values())


def canonical(canon_id: str, reports: list[Report]) -> dict:
    """The canonical event: the contract Event JSON (id = canon_id; merged type, date, location, participants,
    weapons, counts, evidence) plus "reports", "count_history" (by published date) and "sources"."""
    # A total order, so that a store reaches the same canonical event whatever order reports came in.
    ordered = sorted(reports, key=lambda r: (r.published or "", not r.primary, r.doc_id, r.event_id))
    types = Counter(r.event.get("type") for r in ordered)
    top = max(sorted(types, key=str),
              key=lambda t: (types[t], any(r.primary and r.event.get("type") == t for r in ordered)))
    subtypes = Counter(r.event.get("subtype") for r in ordered if r.event.get("type") == top)
    main = next(r for r in ordered if r.event.get("type") == top)
    day, precision = merged_date(reports)
    weapons: dict[str, dict] = {}
    for r in ordered:
        for wpn in r.event.get("weapons", []):
            weapons.setdefault(wpn.get("text", "").lower(), dict(wpn, doc_id=r.doc_id))
    miss = 1.0
    for r in reports:
        miss *= 1.0 - min(0.99, float(r.event.get("confidence") or 0.0))
    history = [{"doc_id": r.doc_id, "published": r.published,
                "killed": (r.event.get("killed") or {}).get("best"),
                "injured": (r.event.get("injured") or {}).get("best"),
                "claimed": list(r.claimed), "revised": list(r.revised)}
               for r in ordered if r.event.get("killed") or r.event.get("injured")]
    return {
        "id": canon_id,
        "type": top,
        "subtype": max(sorted(subtypes, key=str), key=lambda s: (subtypes[s], s == main.event.get("subtype"))),
        "date": day,
        "date_precision": precision,
        "location": merged_location(ordered),
        "perpetrators": _merged_participants(ordered, "perpetrators"),
        "targets": _merged_participants(ordered, "targets"),
        "weapons": list(weapons.values()),
        "killed": merged_count(ordered, "killed"),
        "injured": merged_count(ordered, "injured"),
        "evidence": [dict(s, doc_id=r.doc_id) for r in ordered for s in r.event.get("evidence", [])],
        "confidence": round(1.0 - miss, 3),
        "merged": len(reports) > 1,
        "trigger": dict(main.event["trigger"], doc_id=main.doc_id) if main.event.get("trigger") else None,
        "reports": [{"doc_id": r.doc_id, "event_id": r.event_id, "published": r.published, "title": r.title,
                     "url": r.url} for r in ordered],
        "count_history": history,
        "sources": len({r.doc_id for r in reports}),
    }
