"""Scoring extractor output against an analyst's own gold annotations (`eventwire eval`).

Gold is one JSON object per document in the contract's shape (shared/CONTRACT.md) plus
the text: `{"id" or "doc_id", "text", "published"?, "events": [...], "places"?, "times"?,
"entities"?}`. Gold events may be partial: a field is scored only where the analyst coded
it (the key is present; `null` means "coded as none"), so an analyst who codes only
type, date and killed is not penalised for the weapons the extractor also finds.

Everything here is pure: gold lines and contract dicts in, a `Report` out. `cli.py`
reads the files and runs the pipeline.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .news.readers import BadInput, check_published
from .views.schema import schema

EVENT_FIELDS = ("type", "subtype", "date", "location", "perpetrators", "attribution", "targets", "weapons",
                "killed", "injured")
FIELDS = ("event", *EVENT_FIELDS, "places", "times")
LIST_FIELDS = ("perpetrators", "targets", "weapons")
PLACE_KM = 161.0  # the usual geoparsing tolerance (100 miles, acc@161)

_WORD = re.compile(r"[^\W_]+")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ARTICLES = frozenset({"a", "an", "the"})
# Skipped by acronyms (besides initials of all words): "Tehrik-i-Taliban Pakistan" is TTP.
FUNCTION_WORDS = frozenset({"of", "and", "for", "in", "on", "at", "to", "de", "i", "e"})


# ---------------------------------------------------------------------------------------------
# fuzzy names


def name_tokens(name: str) -> list[str]:
    """Lower-cased words without accents, punctuation or articles ("the Taliban's" → ["talibans"])."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = folded.lower().replace("'", "").replace("\u2019", "")
    return [w for w in _WORD.findall(folded) if w not in ARTICLES]


def _initials(tokens: list[str]) -> set[str]:
    return {"".join(w[0] for w in tokens), "".join(w[0] for w in tokens if w not in FUNCTION_WORDS)}


def same_name(a: str, b: str) -> bool:
    """Whether two names plausibly name the same thing, as an analyst would accept.

    After `name_tokens` (lower case, accents, punctuation and articles removed), true when
    the words are equal; or one's words are all among the other's ("gunmen" / "unidentified
    gunmen", "Islamic State" / "the Islamic State group"); or one is a single word spelling
    the other's initials ("TTP" / "Tehrik-i-Taliban Pakistan", "AQIM" / "al-Qaeda in the
    Islamic Maghreb"); or the two read alike (difflib ratio >= 0.85: "Qassem" / "Qasem").
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    for one, many in ((ta, tb), (tb, ta)):
        if len(one) == 1 and len(many) >= 2 and one[0] in _initials(many):
            return True
    return difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= 0.85


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------------------------
# reading gold


class GoldError(ValueError):
    """A gold (or prediction) line that cannot be used; the message names file and line."""


def _types() -> tuple[set[str], set[str]]:
    props = schema()["$defs"]["event"]["properties"]
    return set(props["type"]["enum"]), set(props["subtype"]["enum"])


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _gold_count(x: Any, where: str) -> int | None:
    """A count as an int (`188`) or a Count (`{"best": 188}`); 0 and null both mean none."""
    best = x.get("best") if isinstance(x, dict) else x
    if best is not None and not (isinstance(best, int) and not isinstance(best, bool) and best >= 0):
        raise GoldError(f'{where}: expected a count (a whole number, {{"best": n}} or null), got {json.dumps(x)}')
    return best or None


def _gold_place(p: Any, where: str, default_km: float | None = None) -> dict:
    """A gold Place (or just its name): names, point, country, offsets, tolerance."""
    if isinstance(p, str):
        p = {"name": p}
    if not isinstance(p, dict):
        raise GoldError(f"{where}: expected a place object or a name, got {json.dumps(p)}")
    lat, lon = p.get("lat"), p.get("lon")
    point = None
    if lat is not None or lon is not None:
        if not (_number(lat) and _number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise GoldError(f"{where}: lat/lon must both be numbers within range, got {lat!r}, {lon!r}")
        point = (float(lat), float(lon))
    cc = p.get("country_code")
    if cc is not None and not isinstance(cc, str):
        raise GoldError(f"{where}.country_code: expected a string")
    names = [s for s in (p.get("mention"), p.get("name")) if isinstance(s, str) and s.strip()]
    km = p.get("within_km", default_km)
    if km is not None and not (_number(km) and km >= 0):
        raise GoldError(f"{where}.within_km: expected a non-negative number")
    return {"names": names, "point": point, "country_code": cc.upper() if cc else None, "km": km,
            "span": _offsets(p, where), "label": _place_label(p)}


def _gold_mention_place(p: Any, where: str) -> dict:
    """A gold toponym of the document's `places`: it needs its mention text."""
    if not (isinstance(p, dict) and isinstance(p.get("mention"), str) and p["mention"].strip()):
        raise GoldError(f'{where}: expected an object with "mention" (the toponym as written)')
    return _gold_place(p, where, PLACE_KM)


def _offsets(obj: dict, where: str) -> tuple[int, int] | None:
    start, end = obj.get("start"), obj.get("end")
    if start is None and end is None:
        return None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise GoldError(f"{where}: start/end must be integers with 0 <= start <= end")
    return start, end


def _gold_participant(p: Any, where: str, aliases: dict[str, list[str]]) -> dict:
    if isinstance(p, str):
        p = {"name": p}
    if not isinstance(p, dict) or not any(isinstance(p.get(k), str) for k in ("name", "mention")):
        raise GoldError(f'{where}: expected a name or an object with "name", got {json.dumps(p)}')
    names = [s for s in (p.get("name"), p.get("mention")) if isinstance(s, str)]
    names += [a for a in p.get("aliases") or [] if isinstance(a, str)]
    for key in (p.get("entity"), *names):
        names += aliases.get(key, [])
    return {"names": names, "kind": p.get("kind"), "attribution": p.get("attribution"),
            "label": _participant_label(p)}


def _gold_event(e: Any, where: str, aliases: dict[str, list[str]]) -> dict:
    types, subtypes = _types()
    if not isinstance(e, dict):
        raise GoldError(f"{where}: expected an event object")
    if e.get("type") not in types:
        raise GoldError(f"{where}.type: expected one of {', '.join(sorted(types))}, got {json.dumps(e.get('type'))}")
    out: dict[str, Any] = {"type": e["type"]}
    if "subtype" in e:
        if e["subtype"] is not None and e["subtype"] not in subtypes:
            raise GoldError(f"{where}.subtype: unknown subtype {json.dumps(e['subtype'])}")
        out["subtype"] = e["subtype"]
    if "date" in e:
        if e["date"] is not None and not (isinstance(e["date"], str) and _DATE.fullmatch(e["date"])):
            raise GoldError(f"{where}.date: expected YYYY, YYYY-MM, YYYY-MM-DD or null, got {json.dumps(e['date'])}")
        out["date"] = e["date"]
    if "location" in e:
        out["location"] = None if e["location"] is None else _gold_place(e["location"], f"{where}.location")
    for name in ("perpetrators", "targets", "weapons"):
        if name not in e:
            continue
        items = e[name] if e[name] is not None else []
        if not isinstance(items, list):
            raise GoldError(f"{where}.{name}: expected a list")
        if name == "weapons":
            texts = [w.get("text") if isinstance(w, dict) else w for w in items]
            bad = [w for w in texts if not isinstance(w, str)]
            if bad:
                raise GoldError(f'{where}.weapons: expected strings or {{"text": ...}} objects')
            out[name] = [{"names": [w], "label": w} for w in texts]
        else:
            out[name] = [_gold_participant(p, f"{where}.{name}[{i}]", aliases) for i, p in enumerate(items)]
    for name in ("killed", "injured"):
        if name in e:
            out[name] = _gold_count(e[name], f"{where}.{name}")
    return out


def _gold_entity_aliases(ents: Any, where: str) -> dict[str, list[str]]:
    """Gold entity id and name → every name it goes by, so gold perpetrators carry their aliases."""
    if ents is None:
        return {}
    if not isinstance(ents, list):
        raise GoldError(f"{where}: expected a list")
    out: dict[str, list[str]] = {}
    for i, ent in enumerate(ents):
        if not isinstance(ent, dict) or not isinstance(ent.get("name"), str):
            raise GoldError(f'{where}[{i}]: expected an object with "name"')
        names = [ent["name"], *(a for a in ent.get("aliases") or [] if isinstance(a, str))]
        for key in (ent.get("id"), *names):
            if isinstance(key, str):
                out.setdefault(key, []).extend(names)
    return out


def _gold_times(times: Any, where: str) -> list[dict]:
    if not isinstance(times, list):
        raise GoldError(f"{where}: expected a list")
    out = []
    for i, t in enumerate(times):
        w = f"{where}[{i}]"
        if not isinstance(t, dict) or not isinstance(t.get("mention"), str):
            raise GoldError(f'{w}: expected an object with "mention" and "value"')
        if t.get("value") is not None and not (isinstance(t["value"], str) and _DATE.fullmatch(t["value"])):
            raise GoldError(f"{w}.value: expected YYYY, YYYY-MM, YYYY-MM-DD or null, got {json.dumps(t.get('value'))}")
        out.append({"names": [t["mention"]], "value": t.get("value"), "span": _offsets(t, w),
                    "label": f"{t['mention']} = {t.get('value')}"})
    return out


def parse_gold_line(line: str, where: str, need_text: bool) -> dict:
    """One gold line → a normalised gold document; `GoldError` naming `where` when it is unusable."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise GoldError(f"{where}: expected a JSON object per line")
    doc_id = obj.get("id", obj.get("doc_id"))
    if not isinstance(doc_id, str) or not doc_id:
        raise GoldError(f'{where}: missing "id" (or "doc_id"): a non-empty string')
    text = obj.get("text")
    if need_text and not (isinstance(text, str) and text.strip()):
        raise GoldError(f'{where}: document {doc_id!r} has no "text" (needed unless --pred gives predictions)')
    try:
        published = check_published(obj.get("published"))
    except BadInput as exc:
        raise GoldError(f"{where}: {exc}") from None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    if not isinstance(obj.get("events"), list):
        raise GoldError(f'{where}: document {doc_id!r} needs "events": a list (possibly empty)')
    aliases = _gold_entity_aliases(obj.get("entities"), f"{where}: entities")
    places = obj.get("places")
    if places is not None and not isinstance(places, list):
        raise GoldError(f"{where}: places: expected a list")
    return {
        "id": doc_id,
        "text": text if isinstance(text, str) else "",
        "published": published,
        "title": title,
        "events": [_gold_event(e, f"{where}: events[{i}]", aliases) for i, e in enumerate(obj["events"])],
        "places": None if places is None else
        [_gold_mention_place(p, f"{where}: places[{i}]") for i, p in enumerate(places)],
        "times": None if obj.get("times") is None else _gold_times(obj["times"], f"{where}: times"),
    }


def read_gold(lines: Iterable[str], path: str, need_text: bool = True) -> tuple[list[dict], list[str]]:
    """Every usable gold document and every problem (`path:line: why`); blank lines are skipped."""
    golds, errors, seen = [], [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold = parse_gold_line(line, f"{path}:{n}", need_text)
        except GoldError as exc:
            errors.append(str(exc))
            continue
        if gold["id"] in seen:
            errors.append(f"{path}:{n}: duplicate document id {gold['id']!r}")
            continue
        seen.add(gold["id"])
        golds.append(gold)
    if not golds and not errors:
        errors.append(f"{path}: no gold documents")
    return golds, errors


def read_predictions(lines: Iterable[str], path: str) -> tuple[dict[str, dict], list[str]]:
    """Extract output (one contract object per line) by doc_id, and its unusable lines."""
    preds, errors = {}, []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{n}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not (isinstance(obj, dict) and isinstance(obj.get("doc_id"), str) and isinstance(obj.get("events"), list)):
            errors.append(f'{path}:{n}: not an extract output line (needs "doc_id" and "events")')
            continue
        preds[obj["doc_id"]] = obj
    return preds, errors


# ---------------------------------------------------------------------------------------------
# labels for the list of misses


def _place_label(p: dict | None) -> str:
    if not isinstance(p, dict):
        return "-"
    name = p.get("name") or p.get("mention") or "?"
    if isinstance(p.get("mention"), str) and p["mention"] != name:
        name = f"{p['mention']} → {name}"
    where = f" {p['lat']:.2f},{p['lon']:.2f}" if _number(p.get("lat")) and _number(p.get("lon")) else ""
    cc = f" ({p['country_code']})" if p.get("country_code") else ""
    return f"{name}{cc}{where}"


def _participant_label(p: dict) -> str:
    extra = ", ".join(x for x in (p.get("kind"), p.get("attribution")) if isinstance(x, str))
    return f"{p.get('name') or p.get('mention')}" + (f" [{extra}]" if extra else "")


def _event_label(e: dict) -> str:
    loc = e.get("location")
    loc = loc["label"] if isinstance(loc, dict) and "label" in loc else _place_label(loc)
    return f"{e.get('type')}/{e.get('subtype') or '-'} {e.get('date') or '-'} {loc}"


def _show(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, list):
        return "; ".join(x) or "-"
    return str(x)


# ---------------------------------------------------------------------------------------------
# scoring


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, gold: int, predicted: int, correct: int) -> None:
        self.gold += gold
        self.predicted += predicted
        self.correct += correct

    @property
    def precision(self) -> float | None:
        return 100 * self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return 100 * self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    doc_id: str
    field: str
    gold: str
    predicted: str


@dataclass
class Report:
    documents: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    misses: list[Miss] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # gold documents without a prediction

    def as_dict(self, misses: int | None = None) -> dict[str, Any]:
        def r(x):
            return None if x is None else round(x, 2)

        return {
            "documents": self.documents,
            "missing_predictions": self.missing,
            "fields": {name: {"gold": t.gold, "predicted": t.predicted, "correct": t.correct,
                              "precision": r(t.precision), "recall": r(t.recall), "f1": r(t.f1)}
                       for name, t in self.tallies.items() if t.gold or t.predicted},
            "misses_total": len(self.misses),
            "misses": [vars(m) for m in self.misses[:misses]],
        }


def pair_up(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """A largest one-to-one matching gold index → predicted index (Kuhn's augmenting paths)."""
    adj = [[j for j in range(n_pred) if ok(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _objects(x: Any) -> list[dict]:
    return [o for o in x if isinstance(o, dict)] if isinstance(x, list) else []


def _span(obj: dict) -> tuple[int, int] | None:
    s, e = obj.get("start"), obj.get("end")
    return (s, e) if isinstance(s, int) and isinstance(e, int) else None


class _DocScorer:
    """Scores one gold document against one predicted contract object into a shared Report."""

    def __init__(self, gold: dict, pred: dict, report: Report, km: float, skip: frozenset[str]):
        self.gold, self.pred, self.report, self.km = gold, pred, report, km
        self.entities = {e["id"]: e for e in _objects(pred.get("entities")) if isinstance(e.get("id"), str)}
        self.gold_events = [e for e in gold["events"] if e["type"] not in skip]
        self.pred_events = [e for e in _objects(pred.get("events")) if e.get("type") not in skip]
        # Fields the analyst coded somewhere in this document: spurious events count against these only.
        self.coded = {k for e in self.gold_events for k in e}

    def tally(self, name: str, gold: int, predicted: int, correct: int) -> None:
        self.report.tallies[name].add(gold, predicted, correct)

    def miss(self, name: str, gold: Any, predicted: Any) -> None:
        self.report.misses.append(Miss(self.gold["id"], name, _show(gold), _show(predicted)))

    # --- field tests

    def date_ok(self, gold: str | None, pred: Any) -> bool:
        return isinstance(gold, str) and isinstance(pred, str) and pred[: len(gold)] == gold

    def location_ok(self, gold: dict | None, pred: Any) -> bool:
        if gold is None or not isinstance(pred, dict):
            return False
        if gold["point"]:
            lat, lon = pred.get("lat"), pred.get("lon")
            km = gold["km"] if gold["km"] is not None else self.km
            return _number(lat) and _number(lon) and haversine_km(*gold["point"], lat, lon) <= km
        if gold["country_code"]:
            cc = pred.get("country_code")
            return isinstance(cc, str) and cc.upper() == gold["country_code"]
        names = [pred.get(k) for k in ("name", "mention", "admin1", "admin2")]
        return any(isinstance(s, str) and same_name(g, s) for g in gold["names"] for s in names)

    def names(self, p: dict) -> list[str]:
        """A predicted participant's name, mention and its entity's name and aliases."""
        ent = self.entities.get(p.get("entity")) if isinstance(p.get("entity"), str) else None
        extra = [ent.get("name"), *(ent.get("aliases") or [])] if ent else []
        return [s for s in (p.get("name"), p.get("mention"), *extra) if isinstance(s, str)]

    def item_ok(self, name: str, g: dict, p: dict) -> bool:
        if name == "weapons":
            return isinstance(p.get("text"), str) and same_name(g["names"][0], p["text"])
        if g["kind"] and p.get("kind") != g["kind"]:
            return False
        return any(same_name(a, b) for a in g["names"] for b in self.names(p))

    def pred_value(self, name: str, p: dict) -> Any:
        value = p.get(name)
        if name in ("killed", "injured"):
            best = value.get("best") if isinstance(value, dict) else None
            return best if _number(best) and best else None
        return value

    # --- alignment

    def affinity(self, g: dict, p: dict) -> int:
        """How alike two events are: type 4, date 2, location 2, a shared perpetrator or target 1 each."""
        score = 4 * (p.get("type") == g["type"])
        score += 2 * ("date" in g and self.date_ok(g["date"], p.get("date")))
        score += 2 * ("location" in g and self.location_ok(g["location"], p.get("location")))
        for name in ("perpetrators", "targets"):
            preds = _objects(p.get(name))
            score += any(self.item_ok(name, gi, pi) for gi in g.get(name, []) for pi in preds)
        return score

    def align(self) -> list[tuple[int, int]]:
        """Gold events to predicted ones, one to one, best affinity first; a pair needs the same
        type or two other agreements (a mistyped event found with its date and place)."""
        candidates = sorted((-a, i, j) for i, g in enumerate(self.gold_events) for j, p in enumerate(self.pred_events)
                            if (a := self.affinity(g, p)) >= 4)
        used_g, used_p, pairs = set(), set(), []
        for _, i, j in candidates:
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                pairs.append((i, j))
        return sorted(pairs)

    # --- scoring

    def score(self) -> None:
        pairs = self.align()
        self.tally("event", len(self.gold_events), len(self.pred_events), len(pairs))
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, j in pairs:
            self.score_pair(self.gold_events[i], self.pred_events[j])
        for i, g in enumerate(self.gold_events):
            if i not in matched_g:
                self.miss("event", _event_label(g), "no matching event")
                for name in EVENT_FIELDS:
                    if name in LIST_FIELDS:
                        self.tally(name, len(g.get(name, [])), 0, 0)
                    elif name == "attribution":
                        self.tally(name, sum(bool(p["attribution"]) for p in g.get("perpetrators", [])), 0, 0)
                    elif name in g:
                        self.tally(name, g[name] is not None, 0, 0)
        for j, p in enumerate(self.pred_events):
            if j not in matched_p:
                self.miss("event", "no gold event", _event_label(p))
                self.tally("type", 0, 1, 0)
                for name in self.coded - {"type"}:
                    if name in LIST_FIELDS:
                        self.tally(name, 0, len(_objects(p.get(name))), 0)
                    else:
                        self.tally(name, 0, self.pred_value(name, p) is not None, 0)
        self.score_mentions("places", self.gold["places"], self.place_ok)
        self.score_mentions("times", self.gold["times"], self.time_ok)

    def score_pair(self, g: dict, p: dict) -> None:
        for name in EVENT_FIELDS:
            if name in LIST_FIELDS:
                if name in g:
                    self.score_items(name, g[name], _objects(p.get(name)))
                continue
            if name not in g or name == "attribution":
                continue
            gv, pv = g[name], self.pred_value(name, p)
            if name == "date":
                ok = self.date_ok(gv, pv)
            elif name == "location":
                ok = self.location_ok(gv, pv)
            else:
                ok = gv is not None and gv == pv
            self.tally(name, gv is not None, pv is not None, ok)
            if not ok and (gv is not None or pv is not None):
                shown_g = gv["label"] if name == "location" and gv else gv
                self.miss(name, shown_g, _place_label(pv) if name == "location" and pv else pv)

    def score_items(self, name: str, golds: list[dict], preds: list[dict]) -> None:
        match = pair_up(len(golds), len(preds), lambda i, j: self.item_ok(name, golds[i], preds[j]))
        self.tally(name, len(golds), len(preds), len(match))
        label = (lambda p: p.get("text")) if name == "weapons" else _participant_label
        shown = [label(p) for p in preds]
        for i, g in enumerate(golds):
            if i not in match:
                self.miss(name, g["label"], shown)
        for j, p in enumerate(preds):
            if j not in match.values():
                self.miss(name, "-", shown[j])
        if name == "perpetrators":
            coded = [i for i, g in enumerate(golds) if g["attribution"]]
            right = [i for i in coded if i in match and preds[match[i]].get("attribution") == golds[i]["attribution"]]
            self.tally("attribution", len(coded), sum(i in match for i in coded), len(right))
            for i in coded:
                if i in match and i not in right:
                    self.miss("attribution", golds[i]["label"], _participant_label(preds[match[i]]))

    def place_ok(self, g: dict, p: dict) -> bool:
        if not self.overlaps(g, p, "mention"):
            return False
        if g["point"] or g["country_code"]:
            return self.location_ok(g, p)
        return True

    def time_ok(self, g: dict, p: dict) -> bool:
        return self.overlaps(g, p, "mention") and p.get("value") == g["value"]

    @staticmethod
    def overlaps(g: dict, p: dict, key: str) -> bool:
        """Spans overlap when both carry offsets; otherwise one mention's words run inside the
        other's ("Monday" / "on Monday")."""
        ps = _span(p)
        if g["span"] and ps:
            return g["span"][0] < ps[1] and ps[0] < g["span"][1]
        if not isinstance(p.get(key), str):
            return False
        a, b = sorted((name_tokens(p[key]), name_tokens(g["names"][0])), key=len)
        return bool(a) and any(b[k : k + len(a)] == a for k in range(len(b) - len(a) + 1))

    def score_mentions(self, name: str, golds: list[dict] | None, ok: Callable[[dict, dict], bool]) -> None:
        """Places or times of the whole document. When the gold gives no offsets it lists each
        expression once, so predicted repeats of one mention text count once too. Demonyms
        ("Iranian", flagged by the places stage) are not toponyms an analyst codes: left out."""
        if golds is None:
            return
        preds = [p for p in _objects(self.pred.get(name)) if not p.get("demonym")]
        if not any(g["span"] for g in golds):
            unique: dict[tuple[str, ...], dict] = {}
            for p in preds:
                unique.setdefault(tuple(name_tokens(p.get("mention") or "")), p)
            preds = list(unique.values())
        match = pair_up(len(golds), len(preds), lambda i, j: ok(golds[i], preds[j]))
        self.tally(name, len(golds), len(preds), len(match))
        label = _place_label if name == "places" else (lambda t: f"{t.get('mention')} = {t.get('value')}")
        for i, g in enumerate(golds):
            if i not in match:
                near = [label(p) for p in preds if self.overlaps(g, p, "mention")]
                self.miss(name, g["label"], near or "not found")
        for j, p in enumerate(preds):
            if j not in match.values():
                self.miss(name, "-", label(p))


def score(golds: list[dict], preds: dict[str, dict], km: float = 25.0,
          skip_types: Iterable[str] = ()) -> Report:
    """Score predicted contract objects (by doc_id) against normalised gold documents.

    Per field, `gold` counts what the analyst coded, `predicted` what the extractor said
    where the analyst coded that field, `correct` the agreements; misses list both gold
    not found and predictions without gold, in document order.
    """
    report = Report()
    skip = frozenset(skip_types)
    for gold in golds:
        report.documents += 1
        pred = preds.get(gold["id"])
        if pred is None:
            report.missing.append(gold["id"])
            pred = {}
        _DocScorer(gold, pred, report, km, skip).score()
    return report
