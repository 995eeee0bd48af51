"""Event briefs: one canonical event told for a reader, built only from the store, every line sourced.

A brief has a title, a generated "Why in news" sentence (who did what to whom, where, when, the
toll, in the attribution's own wording), key facts, a timeline of related events (same actors,
nearby places, background events of the same articles) and profiles of the actors involved and
of the people and groups the articles describe. Nothing is invented: each line carries citations
(source document, character offsets, the quoted sentence) back to the stored text.

`gather(store, canon_id)` reads the store (and parses, with the packaged spaCy model, only the
sentences that mention a profiled actor, to find their roles in appositions and copular clauses);
`markdown(brief)` and `html(brief)` are pure renderers. `brief_file(path)` briefs one article
without a store, through a temporary one. Wording lives in data/brief.json.
"""

from __future__ import annotations

import html as _html
import json
import re
import tempfile
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..news.clean import plain


@cache
def wording() -> dict:
    return json.loads(files("eventwire").joinpath("data/brief.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------- the brief


@dataclass
class Cite:
    """Where a line comes from: source number, and (when known) a character range and the sentence quoted."""

    source: int
    start: int | None = None
    end: int | None = None
    quote: str = ""


@dataclass
class Line:
    text: str
    cites: list[Cite] = field(default_factory=list)
    label: str | None = None
    children: list[Line] = field(default_factory=list)
    strong: bool = False  # the brief's own event in the timeline


@dataclass
class Profile:
    name: str
    kind: str  # person | group | state | place
    lines: list[Line] = field(default_factory=list)  # involvement, aliases, seen
    roles: list[Line] = field(default_factory=list)
    events: list[Line] = field(default_factory=list)


@dataclass
class Source:
    n: int
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    path: str | None


@dataclass
class Brief:
    event_id: str
    title: str
    subtitle: str
    why: Line
    facts: list[Line]
    timeline: list[Line]
    profiles: list[Profile]
    sources: list[Source]


# ----------------------------------------------------------------------------------- wording (pure)


def folded(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def what(event: dict) -> str:
    """'suicide bombing', from the subtype, else the type."""
    w = wording()
    sub, typ = event.get("subtype"), event.get("type")
    return w["subtypes"].get(sub) or w["types"].get(typ) or (sub or typ or "event").replace("_", " ")


@cache
def country_name(code: str | None) -> str | None:
    if not code:
        return None
    from ..annotations.kb import load_kb

    actor = load_kb().get(code.upper())
    return actor.name if actor else code


def where(loc: dict | None) -> str:
    """'Kerman, Iran'; a country alone when the place is one."""
    if not loc:
        return ""
    name = loc.get("name") or loc.get("mention") or ""
    country = country_name(loc.get("country_code"))
    if loc.get("feature") == "country" or not country or folded(country) == folded(name):
        return name or country or ""
    return f"{name}, {country}" if name else country


def when(day: str | None) -> str:
    """'3 January 2024', 'January 2024', '2014' (as written when it is no date)."""
    if not day:
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", day)
    if not m:
        return day
    months = wording()["months"]
    if m[3]:
        return f"{int(m[3])} {months[int(m[2]) - 1]} {m[1]}"
    if m[2]:
        return f"{months[int(m[2]) - 1]} {m[1]}"
    return m[1]


def people(n: int) -> str:
    t = wording()["toll"]
    return f"{n} {t['person'] if n == 1 else t['people']}"


def named_victim(event: dict) -> str | None:
    """The one named person a single-death event killed ('Saleh al-Aroui'), if the data names one."""
    humans = [p for p in event.get("targets") or [] if p.get("kind") == "human" and p.get("entity")]
    return humans[0].get("name") if len(humans) == 1 else None


def toll(event: dict, table: dict) -> str:
    killed = (event.get("killed") or {}).get("best")
    injured = (event.get("injured") or {}).get("best")
    victim = named_victim(event)
    k = (victim if killed == 1 and victim else people(killed)) if killed else None
    i = (str(injured) if killed else people(injured)) if injured else None
    if k and i:
        return table["killed_and_injured"].format(killed=k, injured=i)
    if k:
        return table["killed"].format(killed=k)
    if i:
        return table["injured"].format(injured=i)
    if victim and "targeted" in table:
        return table["targeted"].format(target=victim)
    return ""


def lead_actor(event: dict) -> dict | None:
    """The perpetrator the sentence names: a resolved group or person; a description ('two IS members',
    'a suicide bomber') does not make a subject, the event then leads the sentence."""
    victims = {folded(x.get("name") or x.get("text") or "") for x in (event.get("targets") or [])
               + (event.get("weapons") or [])}
    return next((p for p in event.get("perpetrators") or []
                 if p.get("entity") and folded(p.get("name") or "") not in victims), None)


def why_sentence(event: dict) -> str:
    """One sentence: who did what to whom, where, when, the toll, worded by the attribution."""
    w = wording()
    loc, day = where(event.get("location")), when(event.get("date"))
    parts = {"what": what(event), "where": (f" in {loc}" + ("," if "," in loc and day else "")) if loc else "",
             "when": (f" on {day}" if re.match(r"\d", day) else f" in {day}") if day else ""}
    actor = lead_actor(event)
    name = (actor.get("name") or actor.get("mention")) if actor else None
    if event.get("type") == "statement" and name:
        text = w["event_first"]["statement"].format(actor=name, **parts)
    elif name and event.get("type") in w["actor_first_types"]:
        template = w["attribution"].get(actor.get("attribution") or "reported", w["attribution"]["reported"])["why"]
        text = template.format(actor=name, toll=toll(event, w["toll"]), **parts)
    else:
        t = toll(event, w["event_first_toll"])
        by = f" by {name}" if name else ""
        article = "An" if parts["what"][:1].lower() in "aeiou" else "A"
        text = w["event_first"]["toll" if t else "plain"].format(A=article, by=by, toll=t, **parts)
    return text[0].upper() + text[1:]


def title_of(event: dict) -> str:
    """'Suicide bombing in Kerman, Iran, 3 January 2024'."""
    loc, day = where(event.get("location")), when(event.get("date"))
    text = what(event)
    text = text[0].upper() + text[1:]
    if loc:
        text += f" in {loc}"
    return f"{text}, {day}" if day else text


def count_text(c: dict | None) -> str | None:
    if not c:
        return None
    low, high = c.get("low"), c.get("high")
    span = f"{low}–{high}" if low is not None and high is not None and low != high else None
    if c.get("best") is None:
        return f"not established; only the claimant's figure ({span or low})" if low is not None else None
    return f"{c['best']}" + (f" (sources range {span})" if span else "")


def event_phrase(e: dict) -> str:
    """'Air/drone strike in Beirut, Lebanon, by Israel (suspected); 1 killed'."""
    text = what(e)
    text = text[0].upper() + text[1:]
    loc = where(e.get("location"))
    if loc:
        text += f" in {loc}"
    perps = [p.get("name") or p.get("mention") for p in e.get("perpetrators") or []]
    perps = [p for p in perps if p]
    if perps:
        attr = (e.get("perpetrators") or [{}])[0].get("attribution")
        text += (", " if loc else " ") + "by " + ", ".join(perps[:3])
        if attr and attr != "reported":
            text += f" ({attr})"
    tolls = [f"{c['best']} {k}" for k in ("killed", "injured") if (c := e.get(k)) and c.get("best")]
    return text + ("; " + ", ".join(tolls) if tolls else "")


# ----------------------------------------------------------------------------------- sentences


_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*[ \t]+(?=[\"“‘(]?[A-Z0-9])|\n")
_SPACE_PUNCT = re.compile(r"\s+([.,;:!?])(?=\s|$)")
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMrs?|\bMs|\bDr|\bGen|\bLt|\bCol|\bSgt|\bSt|\bGov|\bSen|\bRep|\bProf)\.$")


class Text:
    """A stored document's text with its markup blanked and its sentences indexed, for quotes."""

    def __init__(self, text: str):
        self.text = text
        self.plain = plain(text)
        self.starts = [0]
        for m in _BOUNDARY.finditer(self.plain):
            if m.group() == "\n" and not self.line_ends(m.start()):
                continue
            if m.group() != "\n" and _ABBREV.search(self.plain, max(0, m.start() - 6), m.start()):
                continue
            self.starts.append(m.end())

    def line_ends(self, i: int) -> bool:
        """Does the newline at `i` end a sentence? As in the parse (pipeline.load_nlp): after a blank line, a
        short line (a headline, a bullet) or a full stop; a hard-wrapped line runs on."""
        line = self.plain[self.plain.rfind("\n", 0, i) + 1: i].strip()
        return not line or self.plain[i + 1: i + 2] == "\n" or len(line) < 50 or line[-1] in ".!?:\"”'’"

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence(s) holding [start, end), without blanked markup and spaces at the edges."""
        end = start + 1 if end is None or end <= start else end
        i = bisect_right(self.starts, start) - 1
        j = bisect_right(self.starts, max(start, end - 1))
        s = self.starts[i]
        e = self.starts[j] if j < len(self.starts) else len(self.plain)
        while s < e and self.plain[s].isspace():
            s += 1
        while e > s and self.plain[e - 1].isspace():
            e -= 1
        return s, e

    def quote(self, start: int, end: int) -> str:
        """The sentence as a reader sees it: markup gone, spaces collapsed (also where blanked markup left them
        before punctuation)."""
        text = _SPACE_PUNCT.sub(r"\1", " ".join(self.plain[start:end].split()))
        limit = wording()["quote_chars"]
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ----------------------------------------------------------------------------------- roles (parse)


def _phrase(head, exclude: set[int]) -> tuple[str, int, int] | None:
    """The noun phrase headed by `head` without appositions, clauses and the head's own coordinations
    ('commander of the Quds Force'; 'one of the best-connected Hamas leaders to both Iran and Hezbollah')."""
    skip = set(exclude)
    for t in head.subtree:
        if t.i > t.head.i and t.i != head.i and (t.dep_ in ("appos", "relcl", "acl", "punct")
                                                  or (t.head.i == head.i and t.dep_ in ("conj", "cc"))):
            skip |= {u.i for u in t.subtree}
    return _clean([t for t in head.subtree if t.i not in skip])


def _clean(tokens) -> tuple[str, int, int] | None:
    from ..annotations.actors import Actors

    return Actors._clean_role(list(tokens))


def roles_in(sent, span, person: bool) -> list[tuple[str, int, int]]:
    """Descriptions of the entity whose mention is `span` in the parsed sentence `sent`: appositions
    ('a top Hamas leader, Saleh al-Aroui'; 'Al-Aroui, 57,'), copular attributes ('Soleimani was the
    commander of the Quds Force'; 'X, who is a student'), fronted descriptions ('A popular figure in Iran,
    Soleimani was ...'), 'served as' and 'was elected' complements, and noun titles before the name
    ('spokesperson Randhir Jaiswal'). Offsets are relative to `sent`."""
    w = wording()
    root = span.root
    inner = set(range(span.start, span.end))
    heads = [c for c in root.children if c.dep_ == "appos"]
    heads += [a for c in root.children if c.dep_ == "relcl" and c.lemma_ == "be"  # 'X, who is a student'
              and any(s.dep_ == "nsubj" and s.lower_ in w["relative_pronouns"] for s in c.children)
              for a in c.children if a.dep_ == "attr"]
    if root.dep_ == "appos":  # the head's phrase leaves appositions (so the mention) out
        head = root.head
        if (head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.lower_ == "of"
                and head.head.head.pos_ == "NOUN" and span.start > 0 and sent[span.start - 1].text == ","):
            head = head.head.head  # 'the mayor of Tikrit, Omar Haddad': the parse hangs him on Tikrit
        heads.append(head)
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        if verb.lemma_ == "be":
            heads += [c for c in verb.children if c.dep_ == "attr"]
        heads += [c for c in verb.children if c.dep_ in (root.dep_, "npadvmod") and c.i < span.start
                  and c.pos_ == "NOUN" and any(t.text == "," for t in sent[c.i:span.start])]
        if root.dep_ == "nsubjpass":  # 'was elected mayor', 'was named minister'
            heads += [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]
        if verb.lemma_ in w["role_as_verbs"]:
            heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      for g in c.children if g.dep_ == "pobj"]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    out = []
    for h in heads:
        if h.pos_ == "NUM" and h.dep_ == "appos" and h.like_num and not list(h.children):
            if person:
                out.append((w["age_role"].format(n=h.text), h.idx, h.idx + len(h.text)))
        elif h.pos_ == "NOUN" or (h.pos_ == "NUM" and any(c.dep_ == "prep" for c in h.children)):
            found = _phrase(h, inner)
            if found:
                out.append(found)
    left = [t for t in root.lefts if t.i < span.start and t.dep_ in ("compound", "nmod", "amod")]
    if left:
        toks = list(sent[left[0].left_edge.i: span.start])
        if any(t.pos_ == "NOUN" for t in toks):
            found = _clean(toks)
            if found:
                out.append(found)
    return out


# ----------------------------------------------------------------------------------- gathering


@dataclass
class _Candidate:
    """One person or group across the source documents."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)  # doc_id, start, end
    stored_roles: list[tuple[str, str]] = field(default_factory=list)  # doc_id, role text
    involved: list[tuple[dict, str]] = field(default_factory=list)  # (participant, role) in the main event
    as_participant: set[str] = field(default_factory=set)  # participant kinds in any event of the sources
    geocoded: bool = False
    kb: bool = False
    roles: list[tuple[str, str, int, int]] = field(default_factory=list)  # text, doc_id, start, end

    def keys(self) -> set[str]:
        return {folded(n) for n in [self.name, *self.aliases] if len(n.split()) > 1 or n == self.name}


class _Gatherer:
    def __init__(self, store, nlp=None):
        self.store = store
        self.nlp = nlp
        self.w = wording()
        self.docs: dict[str, dict] = {}
        self.texts: dict[str, Text] = {}
        self.numbers: dict[str, int] = {}

    # -- documents and citations

    def doc(self, doc_id: str) -> dict | None:
        if doc_id not in self.docs:
            row = self.store.con.execute(
                "SELECT doc_id, title, url, CAST(published AS VARCHAR), source, text, extract FROM documents"
                " WHERE doc_id = ?", [doc_id]).fetchone()
            self.docs[doc_id] = None if row is None else dict(
                zip(("doc_id", "title", "url", "published", "source", "text"), row[:6]), extract=json.loads(row[6]))
            if row is not None:
                self.texts[doc_id] = Text(row[5])
        return self.docs[doc_id]

    def number(self, doc_id: str) -> int | None:
        if doc_id not in self.numbers:
            if self.doc(doc_id) is None:
                return None
            self.numbers[doc_id] = len(self.numbers) + 1
        return self.numbers[doc_id]

    def cite(self, doc_id: str | None, start: int | None = None, end: int | None = None) -> list[Cite]:
        """A citation of the sentence(s) around [start, end) of a stored document; none if it is not stored."""
        n = self.number(doc_id) if doc_id else None
        if n is None:
            return []
        if start is None:
            return [Cite(n)]
        text = self.texts[doc_id]
        s, e = text.sentence(start, end)
        return [Cite(n, s, e, text.quote(s, e))]

    def sources(self) -> list[Source]:
        out = []
        for doc_id, n in self.numbers.items():
            d = self.docs[doc_id]
            out.append(Source(n, doc_id, d["title"], d["url"], d["published"], d["source"]))
        return out

    # -- the brief

    def brief(self, canon_id: str) -> Brief:
        event = self.store.event(canon_id)
        if event is None:
            raise KeyError(canon_id)
        documents = self.store.documents_of(canon_id)
        for d in documents:
            self.number(d["doc_id"])
        self.reports = [(doc_id, json.loads(r)) for doc_id, r in self.store.con.execute(
            "SELECT doc_id, report FROM reports WHERE canon_id = ? ORDER BY seq", [canon_id]).fetchall()]
        trig = event.get("trigger") or {}
        why = Line(why_sentence(event), self.cite(trig.get("doc_id"), trig.get("start"), trig.get("end"))
                   if trig else [])
        actor = lead_actor(event)
        if actor and actor.get("doc_id"):  # the actor's sentence says more than the trigger's
            why.cites = self.cite(actor["doc_id"], actor.get("start"), actor.get("end"))
        for kind in ("killed", "injured"):
            c = event.get(kind) or {}
            if c.get("best") is not None:
                why.cites += self.cite(c.get("doc_id"), c.get("start"), c.get("end"))
        why.cites = _unique(why.cites)
        facts = self.facts(event)
        timeline = self.timeline(event)
        profiles = self.profiles(event)
        n = len(documents)
        subtitle = f"Event {canon_id} · {n} source document{'s' if n != 1 else ''} · " \
                   f"confidence {float(event.get('confidence') or 0):.2f}"
        return Brief(canon_id, title_of(event), subtitle, why, facts, timeline, profiles, self.sources())

    def facts(self, event: dict) -> list[Line]:
        w = self.w
        out = []
        trig = event.get("trigger") or {}
        kind, sub = ((event.get(k) or "").replace("_", " ") for k in ("type", "subtype"))
        label = f"{what(event)} ({kind}: {sub})"
        out.append(Line(label, self.cite(trig.get("doc_id"), trig.get("start"), trig.get("end")) if trig else [],
                        label="What"))
        if event.get("date"):
            text = event["date"] + ("" if event.get("date_precision") in (None, "day")
                                    else f" ({event['date_precision']})")
            time = self.date_mention(event)
            if time:
                text += f", from “{time[1]['mention']}”"
            elif self.reports and (self.doc(self.reports[0][0]) or {}).get("published") == event["date"]:
                text += ", the report's publication day"
            out.append(Line(text, self.cite(time[0], time[1]["start"], time[1]["end"]) if time else [],
                            label="Date"))
        loc = event.get("location")
        if loc:
            bits = [loc.get("name") or loc.get("mention")]
            if loc.get("admin1") and folded(loc["admin1"]) != folded(bits[0] or ""):
                bits.append(loc["admin1"])
            if loc.get("feature") != "country":
                bits.append(country_name(loc.get("country_code")))
            text = ", ".join(b for b in bits if b)
            if loc.get("lat") is not None and loc.get("lon") is not None:
                text += f" ({loc['lat']:.4f}, {loc['lon']:.4f}"
                text += f"; GeoNames {loc['geonames_id']})" if loc.get("geonames_id") else ")"
            if loc.get("feature"):
                text += f", {loc['feature']}"
            if loc.get("mention") and loc.get("mention") != loc.get("name"):
                text += f", written “{loc['mention']}”"
            out.append(Line(text, self.cite(self.location_doc(loc), loc.get("start"), loc.get("end")), label="Place"))
        for role, label in (("perpetrators", "Perpetrators"), ("targets", "Targets")):
            items = event.get(role) or []
            if role == "targets":  # "over 100 people", "several others": the counts below say it better
                generic = set(w["generic_victims"])
                items = [p for p in items if not (p.get("kind") == "human" and not p.get("entity")
                                                  and ((p.get("mention") or "").lower().split() or [""])[-1] in generic)]
            if items:
                line = Line("", label=label)
                for p in items:
                    text = p.get("name") or p.get("mention") or "?"
                    if p.get("mention") and p["mention"] != text:
                        text += f" (written “{p['mention']}”)"
                    if role == "perpetrators":
                        attr = p.get("attribution") or "reported"
                        text += f" — {attr}: {w['attribution'].get(attr, {}).get('how', attr)}"
                    line.children.append(Line(text, self.cite(p.get("doc_id"), p.get("start"), p.get("end"))))
                out.append(line)
        if event.get("weapons"):
            line = Line("", label="Weapons")
            for wpn in event["weapons"]:
                line.children.append(Line(wpn.get("text", "?"), self.cite(wpn.get("doc_id"), wpn.get("start"),
                                                                          wpn.get("end"))))
            out.append(line)
        for kind in ("killed", "injured"):
            c = event.get(kind)
            text = count_text(c)
            if text:
                out.append(Line(text, self.cite(c.get("doc_id"), c.get("start"), c.get("end")),
                                label=kind.capitalize()))
        history = event.get("count_history") or []
        if history:
            line = Line("", label="Count history")
            for h in history:
                flags = [f for f in ("revised", "claimed") if h.get(f)]
                text = (f"{h.get('published') or 'undated'}: killed {_dash(h.get('killed'))},"
                        f" injured {_dash(h.get('injured'))}")
                if flags:
                    text += " (" + "; ".join(f"{f}: {', '.join(h[f])}" for f in flags) + ")"
                line.children.append(Line(text, self.cite(h.get("doc_id"))))
            out.append(line)
        return out

    def date_mention(self, event: dict) -> tuple[str, dict] | None:
        """The date expression giving the event's date: inside its evidence first, else anywhere in its sources."""
        spans = {(s.get("doc_id"), s["start"], s["end"]) for s in event.get("evidence") or []}
        found = None
        for doc_id, _ in self.reports:
            d = self.doc(doc_id)
            for t in (d or {}).get("extract", {}).get("times", []):
                if t.get("value") != event["date"]:
                    continue
                if any(dd == doc_id and s <= t["start"] and t["end"] <= e for dd, s, e in spans):
                    return doc_id, t
                found = found or (doc_id, t)
        return found

    def location_doc(self, loc: dict) -> str | None:
        for doc_id, r in self.reports:
            mine = r["event"].get("location") or {}
            if (mine.get("start"), mine.get("name")) == (loc.get("start"), loc.get("name")):
                return doc_id
        return self.reports[0][0] if self.reports else None

    # -- timeline

    def timeline(self, event: dict) -> list[Line]:
        """Events reported by the same articles, sharing a named actor, or within `near_km`: the
        `timeline_limit` closest in time to this one (chosen on the indexed columns, then loaded), by date."""
        from ..store.db import Filters

        w = self.w
        con = self.store.con
        found: dict[str, tuple[str | None, list[str]]] = {}

        def add(rows, reason) -> None:
            for cid, day, *extra in rows:
                found.setdefault(cid, (day, []))[1].append(reason.format(*extra))
        doc_ids = list(dict.fromkeys(d for d, _ in self.reports))
        add(con.execute(f"SELECT DISTINCT r.canon_id, e.date FROM reports r JOIN events e USING (canon_id)"
                        f" WHERE r.doc_id IN ({_marks(doc_ids)})", doc_ids).fetchall(), "same article")
        names = sorted({p["name"] for r in ("perpetrators", "targets") for p in event.get(r) or []
                        if p.get("entity") and p.get("name")})
        if names:
            add(con.execute(f"SELECT DISTINCT a.canon_id, e.date, a.name FROM event_actors a JOIN events e"
                            f" USING (canon_id) WHERE a.name IN ({_marks(names)})", names).fetchall(),
                "same actor: {}")
        loc = event.get("location") or {}
        if loc.get("lat") is not None and loc.get("feature") != "country":
            where_, args = Filters(near=(loc["lat"], loc["lon"], w["near_km"])).sql()
            add(con.execute(f"SELECT e.canon_id, e.date FROM events e WHERE {where_}", args).fetchall(),
                f"within {w['near_km']} km")
        day = event.get("date")
        dated = [cid for cid, (d, _) in found.items() if d and cid != event["id"]]
        dated.sort(key=lambda cid: (_day_gap(found[cid][0], day), cid))
        chosen = sorted([event["id"], *dated[: w["timeline_limit"] - 1]],
                        key=lambda cid: (found.get(cid, (day, []))[0] or "", cid))
        out = []
        for cid in chosen:
            e = event if cid == event["id"] else self.store.event(cid)
            ev = (e.get("evidence") or [{}])[0]
            text = f"{e.get('date') or 'undated'} — {event_phrase(e)}"
            text += " — this event" if cid == event["id"] else \
                f" ({'; '.join(dict.fromkeys(found[cid][1]))}) — {cid}"
            out.append(Line(text, self.cite(ev.get("doc_id"), ev.get("start"), ev.get("end")),
                            strong=cid == event["id"]))
        return out

    # -- profiles

    def profiles(self, event: dict) -> list[Profile]:
        cands = self.candidates(event)
        self.find_roles(cands)
        w = self.w
        chosen = []
        for c in cands:
            kind = self.kind_of(c)
            if c.involved or (kind in ("person", "group") and (c.roles or c.as_participant)):
                chosen.append((c, kind))
        chosen.sort(key=lambda ck: (not ck[0].involved, -len(ck[0].mentions)))
        return [self.profile(c, kind, event.get("date")) for c, kind in chosen[: w["profile_limit"]]]

    def candidates(self, event: dict) -> list[_Candidate]:
        """People and groups of the source documents, one per referent across them."""
        out: list[_Candidate] = []
        by_key: dict[str, _Candidate] = {}
        involved = {(p.get("doc_id"), p.get("entity")): (p, role) for role in ("perpetrators", "targets")
                    for p in event.get(role) or [] if p.get("entity")}
        for doc_id in dict.fromkeys(d for d, _ in self.reports):
            d = self.doc(doc_id)
            if d is None:
                continue
            ex = d["extract"]
            placed = {folded(p.get("mention") or "") for p in ex.get("places", []) if p.get("lat") is not None}
            kinds: dict[str, set[str]] = {}
            for ev in ex.get("events", []):
                for p in ev.get("perpetrators", []) + ev.get("targets", []):
                    if p.get("entity"):
                        kinds.setdefault(p["entity"], set()).add(p.get("kind") or "")
            for ent in ex.get("entities", []):
                c = next((by_key[k] for k in _Candidate(ent["name"], "", ent.get("aliases") or []).keys()
                          if k in by_key), None)
                if c is None:
                    c = _Candidate(ent["name"], ent.get("kind") or "other")
                    out.append(c)
                for alias in [ent["name"], *(ent.get("aliases") or [])]:
                    if alias != c.name and alias not in c.aliases:
                        c.aliases.append(alias)
                c.mentions += [(doc_id, m["start"], m["end"]) for m in ent.get("mentions", [])]
                c.stored_roles += [(doc_id, r) for r in ent.get("roles") or []]
                c.as_participant |= kinds.get(ent["id"], set())
                c.geocoded |= any(folded(m["text"]) in placed for m in ent.get("mentions", []))
                c.kb |= bool(ent.get("kb_id"))
                if (doc_id, ent["id"]) in involved:
                    c.involved.append(involved[(doc_id, ent["id"])])
                for k in c.keys():
                    by_key.setdefault(k, c)
        return out

    def parseable(self, c: _Candidate) -> bool:
        """Worth parsing for roles: people and groups, participants, and names that are neither a resolved place
        nor a known actor (a person the NER took for a place)."""
        return c.kind in ("person", "organization") or bool(c.as_participant or c.involved) or not (c.geocoded or c.kb)

    def find_roles(self, cands: list[_Candidate]) -> None:
        """Roles from the parse of the sentences that mention each candidate (and the next sentence when it
        opens with a pronoun standing for it), then the roles the actors stage stored, located in the text."""
        wanted = [c for c in cands if self.parseable(c)]
        jobs: dict[tuple[str, int, int], list[tuple[_Candidate, int, int]]] = {}
        person_at = self.person_mentions(cands)
        for c in wanted:
            for doc_id, s, e in c.mentions:
                text = self.texts[doc_id]
                ss, se = text.sentence(s, e)
                jobs.setdefault((doc_id, ss, se), []).append((c, s, e))
                if self.personal(c) and not person_at(doc_id, ss, se, c):  # the only person: 'He' next is them
                    nxt = text.sentence(se + 1) if se + 1 < len(text.plain) else None
                    if nxt and not person_at(doc_id, *nxt) and nxt[0] > se:
                        jobs.setdefault((doc_id, *nxt), []).append((c, -1, -1))
        if jobs:
            nlp = self.nlp or _load_nlp()
            keys = list(jobs)
            sents = nlp.pipe(self.texts[d].plain[s:e] for d, s, e in keys)
            pronouns = set(self.w["pronouns"]["person"])
            for (doc_id, ss, se), sent in zip(keys, sents):
                for c, s, e in jobs[(doc_id, ss, se)]:
                    if s >= 0:
                        spans = [sent.char_span(s - ss, e - ss, alignment_mode="expand")]
                    else:  # the next sentence: its subject pronoun stands for the candidate
                        spans = [sent[t.i: t.i + 1] for t in sent[:3] if t.lower_ in pronouns
                                 and t.dep_ in ("nsubj", "nsubjpass")]
                    if s >= 0 and self.personal(c) and not person_at(doc_id, ss, se, c):
                        spans += [sent[t.i: t.i + 1] for t in sent if t.lower_ in pronouns
                                  and t.dep_ in ("nsubj", "nsubjpass")]
                    for span in filter(None, spans):
                        for text, rs, re_ in roles_in(sent, span, self.personal(c)):
                            c.roles.append((text, doc_id, ss + rs, ss + re_))
        for c in wanted:
            self.locate_stored_roles(c)
            c.roles = _dedupe_roles(c.roles)

    def person_mentions(self, cands: list[_Candidate]):
        """A test: does [s, e) of a document hold a mention of a person other than `but`?"""
        spans = [(doc_id, s, e, c) for c in cands if self.personal(c) for doc_id, s, e in c.mentions]

        def test(doc_id: str, s: int, e: int, but: _Candidate | None = None) -> bool:
            return any(d == doc_id and s <= ms and me <= e and c is not but for d, ms, me, c in spans)
        return test

    def personal(self, c: _Candidate) -> bool:
        return c.kind == "person" or bool(c.as_participant & {"human", "individual"})

    def locate_stored_roles(self, c: _Candidate) -> None:
        """The actors stage keeps role strings without offsets: find each near a mention to cite it."""
        for doc_id, role in dict.fromkeys(c.stored_roles):
            text = self.texts[doc_id]
            pattern = re.compile(r"\s+".join(map(re.escape, role.split())))
            for _, s, e in (m for m in c.mentions if m[0] == doc_id):
                hit = pattern.search(text.plain, max(0, s - 120), min(len(text.plain), e + 200))
                if hit:
                    c.roles.append((role, doc_id, hit.start(), hit.end()))
                    break

    def kind_of(self, c: _Candidate) -> str:
        """person | group | state | place, by the entity's kind, else by context (how events and roles use it)."""
        if c.kind == "person" or c.as_participant & {"human", "individual"}:
            return "person"
        if c.kind == "organization" or "organization" in c.as_participant:
            return "state" if c.kb and c.kind == "location" else "group"
        heads = set(self.w["person_heads"])
        if any(r[0].split()[-1].lower() in heads or any(x in heads for x in r[0].lower().split()) for r in c.roles):
            return "person"
        return "place" if c.kind == "location" else "other"

    def profile(self, c: _Candidate, kind: str, day: str | None) -> Profile:
        """Involvement, aliases, when seen, roles, and the actor's events nearest in time to `day`."""
        p = Profile(c.name, kind)
        for part, role in c.involved:
            attr = part.get("attribution")
            text = f"{role[:-1]} of this event" + (f" ({attr})" if role == "perpetrators" and attr else "")
            p.lines.append(Line(text, self.cite(part.get("doc_id"), part.get("start"), part.get("end")),
                                label="Involvement"))
        row = self.store.con.execute("SELECT aliases, documents, first_seen, last_seen FROM actors WHERE name = ?",
                                     [c.name]).fetchone()
        aliases: list[str] = []
        for a in [*c.aliases, *(json.loads(row[0]) if row else [])]:
            if folded(a) != folded(c.name) and all(folded(a) != folded(b) for b in aliases):
                aliases.append(a)
        if aliases:
            p.lines.append(Line(", ".join(aliases), self.cite(c.mentions[0][0]) if c.mentions else [],
                                label="Also called"))
        if row:
            first, last, n = row[2], row[3], row[1]
        else:
            first, last, n = self.store.con.execute(
                "SELECT min(CAST(d.published AS VARCHAR)), max(CAST(d.published AS VARCHAR)), count(*) FROM entities e"
                " JOIN documents d USING (doc_id) WHERE e.name = ?", [c.name]).fetchone()
        if n:
            docs = f"{n} document{'s' if n != 1 else ''} in the store"
            p.lines.append(Line(f"first {first}, last {last} ({docs})" if first else f"{docs}, undated",
                                label="Seen in the news"))
        for text, doc_id, rs, re_ in c.roles[: self.w["roles_limit"]]:
            p.roles.append(Line(text, self.cite(doc_id, rs, re_)))
        names = [c.name, *aliases]
        rows = self.store.con.execute(
            f"SELECT a.canon_id, a.role, a.attribution, e.date FROM event_actors a JOIN events e USING (canon_id)"
            f" WHERE a.name IN ({_marks(names)}) ORDER BY e.date NULLS LAST, a.canon_id", names).fetchall()
        first: dict[str, tuple] = {}  # canon id -> (role, attribution, date): its first role
        for cid, role, attr, day_ in rows:
            first.setdefault(cid, (role, attr, day_))
        near = sorted(first, key=lambda cid: (_day_gap(first[cid][2], day), cid))[: self.w["profile_events_limit"]]
        for cid in sorted(near, key=lambda cid: (first[cid][2] or "", cid)):
            role, attr, _ = first[cid]
            e = self.store.event(cid)
            ev = (e.get("evidence") or [{}])[0]
            how = role[:-1] + (f", {attr}" if role == "perpetrators" and attr and attr != "reported" else "")
            p.events.append(Line(f"{e.get('date') or 'undated'} — {event_phrase(e)} ({how}) — {cid}",
                                 self.cite(ev.get("doc_id"), ev.get("start"), ev.get("end"))))
        return p


def _marks(values: list) -> str:
    return ",".join("?" * len(values)) or "NULL"


def _dash(x) -> str:
    return "-" if x is None else str(x)


def _unique(cites: list[Cite]) -> list[Cite]:
    return list({(c.source, c.start, c.end): c for c in cites}.values())


def _ordinal(day: str | None) -> int | None:
    """Day number of YYYY, YYYY-MM or YYYY-MM-DD (a year or month counts from its first day)."""
    from datetime import date

    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", day or "")
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)).toordinal() if m else None
    except ValueError:
        return None


def _day_gap(a: str | None, b: str | None) -> int:
    x, y = _ordinal(a), _ordinal(b)
    return abs(x - y) if x is not None and y is not None else 10 ** 6


def _dedupe_roles(roles: list[tuple]) -> list[tuple]:
    """One line per description: exact repeats and descriptions another one contains are dropped."""
    out = []
    for r in roles:
        key = folded(r[0])
        if any(key == folded(o[0]) or re.search(rf"\b{re.escape(key)}\b", folded(o[0])) for o in out):
            continue
        out = [o for o in out if not re.search(rf"\b{re.escape(folded(o[0]))}\b", key)]
        out.append(r)
    return out


def _load_nlp():
    from ..pipeline import load_nlp

    return load_nlp()


def gather(store, canon_id: str, nlp=None) -> Brief:
    """The brief of canonical event `canon_id` from `store` (KeyError when there is no such event)."""
    return _Gatherer(store, nlp).brief(canon_id)


def brief_file(path: str | Path, nlp=None) -> Brief:
    """Brief one article without a store: extract it into a temporary one and brief its main event."""
    from ..news.readers import ReadError, read
    from ..store.db import Store
    from ..store.ingest import Ingest

    items = list(read([str(path)]))
    bad = [i for i in items if isinstance(i, ReadError)]
    if bad:
        raise ValueError(str(bad[0]))
    if not items:
        raise ValueError(f"{path}: no document")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "brief.duckdb") as store:
        Ingest(store).run(items[:1])
        row = store.con.execute("SELECT canon_id FROM reports ORDER BY seq LIMIT 1").fetchone()
        if row is None:
            raise ValueError(f"{path}: no event found in it")
        return gather(store, row[0], nlp)


# ----------------------------------------------------------------------------------- rendering (pure)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host (anything else is shown as text, never linked)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


URL_SAFE = ":/?&=#%+@,;~!$*'()"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Untrusted text made inert in Markdown: markup characters backslash-escaped, lines joined."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_cites(cites: list[Cite]) -> str:
    out = []
    for c in cites:
        where_ = f" @{c.start}–{c.end}" if c.start is not None else ""
        out.append(f"[{c.source}{where_}]" + (f" “{md(c.quote)}”" if c.quote else ""))
    return (" — " + "; ".join(out)) if out else ""


def _md_line(line: Line, depth: int = 0) -> list[str]:
    pad = "  " * depth
    label = f"**{md(line.label)}:** " if line.label else ""
    text = f"**{md(line.text)}**" if line.strong else md(line.text)
    out = [f"{pad}- {label}{text}{_md_cites(line.cites)}".rstrip()]
    for child in line.children:
        out += _md_line(child, depth + 1)
    return out


def _source_label(s: Source) -> tuple[str, str | None]:
    """(text, link) of a source: its title or id, then date and where it was read from."""
    bits = [s.title + f" ({s.doc_id})" if s.title else s.doc_id]
    if s.published:
        bits.append(f"published {s.published}")
    url = safe_url(s.url)
    if s.url and not url:
        bits.append(s.url)
    elif not s.url and s.path:
        bits.append(s.path)
    return " — ".join(bits), url


def markdown(b: Brief) -> str:
    out = [f"# {md(b.title)}", "", f"*{md(b.subtitle)}*", "", "## Why in news", "",
           md(b.why.text) + _md_cites(b.why.cites), "", "## Key facts", ""]
    for line in b.facts:
        out += _md_line(line)
    out += ["", "## Timeline", ""]
    for line in b.timeline:
        out += _md_line(line)
    out += ["", "## Profiles"]
    for p in b.profiles:
        out += ["", f"### {md(p.name)} ({md(p.kind)})", ""]
        for line in p.lines:
            out += _md_line(line)
        if p.roles:
            out.append("- **Described as:**")
            for line in p.roles:
                out += _md_line(line, 1)
        if p.events:
            out.append("- **Events in the store:**")
            for line in p.events:
                out += _md_line(line, 1)
    out += ["", "## Sources", ""]
    for s in b.sources:
        text, url = _source_label(s)
        link = f" <{quote(url, safe=URL_SAFE)}>" if url else ""
        out.append(f"{s.n}. {md(text)}{link}")
    return "\n".join(out) + "\n"


def _h(text) -> str:
    return _html.escape(str(text), quote=True)


def _html_cites(cites: list[Cite]) -> str:
    out = []
    for c in cites:
        where_ = f" @{c.start}–{c.end}" if c.start is not None else ""
        q = f' <q>{_h(c.quote)}</q>' if c.quote else ""
        out.append(f'<span class="cite"><a href="#src-{c.source}">[{c.source}{where_}]</a>{q}</span>')
    return (" — " + "; ".join(out)) if out else ""


def _html_line(line: Line) -> str:
    label = f"<b>{_h(line.label)}:</b> " if line.label else ""
    text = f"<strong>{_h(line.text)}</strong>" if line.strong else _h(line.text)
    kids = "<ul>" + "".join(_html_line(c) for c in line.children) + "</ul>" if line.children else ""
    return f"<li>{label}{text}{_html_cites(line.cites)}{kids}</li>"


_CSS = ("body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
        ".sub{color:#666}.cite{color:#555;font-size:.9em}q{font-style:italic}li{margin:.25em 0}"
        ".why{font-size:1.1em;border-left:4px solid #c33;padding-left:.8em}")


def html(b: Brief) -> str:
    """A standalone page; every piece of text escaped, only http(s) URLs linked."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_h(b.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_h(b.title)}</h1>", f'<p class="sub">{_h(b.subtitle)}</p>',
           "<h2>Why in news</h2>", f'<p class="why">{_h(b.why.text)}{_html_cites(b.why.cites)}</p>',
           "<h2>Key facts</h2><ul>", *(_html_line(x) for x in b.facts), "</ul>",
           "<h2>Timeline</h2><ul>", *(_html_line(x) for x in b.timeline), "</ul>", "<h2>Profiles</h2>"]
    for p in b.profiles:
        out += [f"<h3>{_h(p.name)} <small>({_h(p.kind)})</small></h3><ul>", *(_html_line(x) for x in p.lines)]
        if p.roles:
            out += ["<li><b>Described as:</b><ul>", *(_html_line(x) for x in p.roles), "</ul></li>"]
        if p.events:
            out += ["<li><b>Events in the store:</b><ul>", *(_html_line(x) for x in p.events), "</ul></li>"]
        out.append("</ul>")
    out.append("<h2>Sources</h2><ol>")
    for s in b.sources:
        text, url = _source_label(s)
        body = f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(text)}</a>' if url else _h(text)
        out.append(f'<li id="src-{s.n}" value="{s.n}">{body}</li>')
    out += ["</ol>", "</body></html>"]
    return "\n".join(out) + "\n"


def render(b: Brief, fmt: str = "md") -> str:
    return html(b) if fmt == "html" else markdown(b)
