"""Event assembly: triggers and annotations in, the document's events out.

An article mentions one incident many times ("two explosions", "the blast", "another bomb
detonated 20 minutes later"); each mention is a trigger. Assembly groups the triggers of one
incident, gives the group its date, place, counts and attributions from the annotations
near its mentions, and orders the events by salience. Rules, in order:

1. Triggers in one sentence that are compatible (same family of violence, no conflicting
   date or place) are one event; a statement stays apart from the act it speaks of.
2. A later event joins an earlier one when both are violent and agree on date and place, or
   when it only refers back ("the attack", "killed him") with no date or place of its own,
   or when they share a named target.
3. Dates: an explicit date near the trigger; else one relative to another event ("a day
   after", "20 minutes later"); else the date carried over in the paragraph; else the
   document's date for the main event.
4. The most specific place of the group wins (city over country), within one country.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from itertools import count as counter

from ..annotations.actors import entity_at
from ..annotations.casualties import ADDED, attacker_words, combine
from ..annotations.claims import act_nouns, attribution_for, state_force_words
from ..annotations.dates import resolve_relative, tense
from ..annotations.gazetteer import Gazetteer, distance_km
from ..annotations.places import SETTLED
from ..model import Casualty, Count, Document, Event, Participant, Place, Span, Time, Trigger
from .triggers import lexicon as trigger_lexicon

VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}
# A more specific type wins when mentions of one incident disagree ("blasts" + "killed").
TYPE_RANK = {
    "explosions_remote_violence": 5,
    "battles": 4,
    "violence_against_civilians": 3,
    "riots": 2.5,  # a protest that turns violent is a riot
    "protests": 2,
    "strategic_developments": 1,
    "statement": 0,
}
PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")  # each blank line; a paragraph starts two characters on
# "other": a place the gazetteer lacks, at the point of the district or state its text puts it in
# ("Baga, Kukawa district, Borno state"): it names more than that state does.
FEATURE_RANK = {"site": 6, "city": 5, "admin2": 4, "other": 3.5, "admin1": 3, "region": 2, "country": 1}
GENERIC_SUBTYPES = {"attack", "armed_clash", "other"}
TERRITORY = {"government_regains_territory", "non_state_actor_overtakes_territory"}


@cache
def knowledge() -> dict:
    return json.loads(files("eventwire").joinpath("data/assembly.json").read_text(encoding="utf-8"))


@cache
def words(key: str) -> frozenset[str]:
    """A word list of data/assembly.json as a set, built once."""
    return frozenset(knowledge()[key])


def last_word(p: Participant) -> str:
    return (p.mention.lower().split() or [""])[-1]


def listed(word: str, listed_words: frozenset[str]) -> bool:
    """A word, or its singular in -s, in a word list ("assailants", "troops")."""
    return word in listed_words or word.removesuffix("s") in listed_words


def head_word(p: Participant) -> str:
    """ "supporters of two party factions", "a group of residents": the word before "of"."""
    return (p.mention.lower().partition(" of ")[0].split() or [""])[-1]


@dataclass
class Group:
    """Triggers taken to report one event, with what assembly has found for it."""

    triggers: list[Trigger]
    sentences: set[int] = field(default_factory=set)
    date: Time | None = None  # an explicit or published-relative date near a mention
    places: list[Place] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    apart: set[int] = field(default_factory=set)  # ids of triggers told apart ("X came a day after Y")
    echoes: set[int] = field(default_factory=set)  # ids of triggers that only point back ("killed in the attack")

    @property
    def type(self) -> str:
        own = [t for t in self.triggers if id(t) not in self.echoes] or self.triggers
        return max((t.type for t in own), key=TYPE_RANK.get)

    @property
    def first(self) -> int:
        return min(t.span.start for t in self.triggers)

    @property
    def violent(self) -> bool:
        return self.type in VIOLENT


HARMFUL = {"looting_property_destruction"}  # acts of no violent type that still hurt people: "set the trucks on fire"


class Layout:
    """Sentence and paragraph lookups by character offset."""

    def __init__(self, doc: Document, triggers: list[Trigger]):
        sents = list(doc.doc.sents) if doc.doc is not None else []
        self.sent_starts = [s.start_char for s in sents]
        self.sent_ends = [s.end_char for s in sents]
        text = doc.text
        self.para_starts = [0] + [m.start() + 2 for m in PARAGRAPH_BREAK.finditer(text)]
        self.triggers_in: dict[int, list[Trigger]] = {}
        for t in triggers:
            self.triggers_in.setdefault(self.sent(t.span.start), []).append(t)
        self.places_in: dict[int, list[Place]] = {}  # by sentence: no scan of every place per trigger
        for p in doc.places:
            self.places_in.setdefault(self.sent(p.start), []).append(p)
        # "stormed the precinct following the death of George Floyd": phrases telling an act before the sentence's
        self.earlier_phrases = [pp for pp in (earlier_phrase(doc.doc, t.span) for t in triggers) if pp is not None]

    def earlier(self, t: Trigger) -> tuple[int, int] | None:
        """The earlier phrase a trigger lies in ("after the deaths of 12 soldiers in an ambush"), or None."""
        return next((pp for pp in self.earlier_phrases if pp[0] <= t.span.start < pp[1]), None)

    def nearest_trigger(self, start: int) -> Trigger | None:
        """The trigger of the sentence closest to an offset: a place or figure belongs to it."""
        return min(self.triggers_in.get(self.sent(start), []), key=lambda t: abs(t.span.start - start), default=None)

    def sent(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def para(self, offset: int) -> int:
        return bisect.bisect_right(self.para_starts, offset) - 1

    def sentence_span(self, i: int, doc: Document) -> Span:
        return doc.span(self.sent_starts[i], self.sent_ends[i])


class Events:
    """The `events` stage."""

    def __call__(self, doc: Document) -> None:
        if doc.doc is None:
            return
        summed = {t.span.start for t in doc.triggers if cumulative(t, doc)}
        triggers = [t for t in doc.triggers if kept(t, doc) and t.span.start not in summed]
        triggers = [t for t in triggers if not alleged_of_victims(t, triggers, doc)]
        layout = Layout(doc, triggers)
        groups = sentence_groups(triggers, doc, layout)
        unowned = assign_casualties(groups, doc, summed)
        groups = merge_groups(groups, doc, layout)
        for g in groups:
            g.places = group_places(g, doc, layout)
        resolve_relative_dates(groups, doc, layout)
        ordered = by_salience(groups, doc, layout)
        main = ordered[0] if ordered else None
        if main is not None and (main.violent or any(t.subtype in HARMFUL for t in main.triggers)):
            # a toll in a sentence of its own is the main event's; an arson's only from a sentence apart, not
            # a death it happened "after"
            main.casualties += [c for c in unowned if not c.mixed
                                and (main.violent or layout.sent(c.count.start) not in main.sentences)]
        accused = blamed_perpetrators(ordered, doc)
        ids = counter(1)
        doc.events = [build_event(f"e{next(ids)}", g, doc, layout, main=(i == 0), accused=accused.get(id(g), []))
                      for i, g in enumerate(ordered)]


# ---------------------------------------------------------------- grouping


def kept(t: Trigger, doc: Document) -> bool:
    """Acts that did not happen are left out; an act one side denies is disputed, not absent
    ("the army denied that guerrillas attacked the farm" after the rebels reported it)."""
    if (t.hypothetical or t.habitual) and t.type != "statement":
        return False
    return not t.negated or any(c.denied and c.scope_start <= t.span.start < c.scope_end for c in doc.claims)


def cumulative(t: Trigger, doc: Document) -> bool:
    """ "More than 40,000 people have been killed since 2006", "the war has killed 500,000 people over the
    past decade", "they have killed many people", "have died so far this year", "in 2019, 3,000 civilians
    were killed in attacks", "has carried out numerous attacks": a toll or a tally summed over a period or
    over many acts, no one act."""
    tok = verb = doc.doc[t.head]
    day = any(x.precision == "day" and tok.sent.start_char <= x.start < tok.sent.end_char for x in doc.times)
    if tok.pos_ == "NOUN" and many(tok) and not day:  # "a series of bombings hit Baghdad on Monday": one day's
        return True
    if tok.pos_ == "NOUN" and not day and any(thousands(x) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                              for x in c.subtree):
        return True  # "the killing of over 70,000 Salvadorans"
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" or tok.dep_ in ("dobj", "nsubj"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "attacks" of "were killed in such attacks"
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    acts = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by") for p in c.children
            if p.dep_ == "pobj" and p.tag_ == "NNS" and p.lemma_.lower() in act_nouns()
            and not any(a.dep_ == "nummod" for a in p.children)]
    coarse = any(x.precision == "year" and x.start >= verb.sent.start_char and x.end <= verb.sent.end_char
                 for x in doc.times)
    if any(coarse or many(p) and not day for p in acts):
        return True  # "last year, more than 3,000 civilians were killed in such attacks"
    told = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not day and any(thousands(x, 10000) for c in told for x in c.subtree):
        return True  # "an army that murdered Monsignor Romero and thousands of civilians"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(summed_over(c) for c in verb.children):
        return True  # "mothers of protesters killed since April": a reduced "who have been killed"
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return any(summed_over(c) for c in verb.children) or any(thousands(x) for c in told for x in c.subtree) or \
        not day and any(a.dep_ == "amod" and a.lower_ in words("many_people_words") for c in told for a in c.children)


def many(act) -> bool:
    """ "numerous attacks", "such attacks", "a series of attacks", "dozens of killings"."""
    if act.tag_ != "NNS":
        return False
    quantity = act.head if act.dep_ == "pobj" and act.head.lower_ == "of" else None
    return any(a.lower_ in words("many_words") for a in act.children) or \
        quantity is not None and quantity.head.lower_ in words("many_words")


def summed_over(c) -> bool:
    """A verb's part that sums over a period: "since 2006", "since the deal was signed", "so far",
    "to date", "over the past decade", "in recent years"."""
    if c.lower_ == "since" and c.dep_ in ("prep", "mark") or c.lower_ == "far" and any(
            a.lower_ == "so" for a in c.children):
        return True
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
        return True
    return c.dep_ == "prep" and c.lower_ in ("over", "in", "during", "to", "for") and any(
        p.lower_ == "date" or p.lemma_ in words("period_units") and (p.tag_ == "NNS" or any(
            a.lower_ in ("past", "last") for a in p.children)) for p in c.children if p.dep_ == "pobj")


def thousands(x, least: int = 1000) -> bool:
    """ "has killed more than 30,000 people": more dead than one act leaves. With a perfect tense 1,000
    tells a tally; in any tense it takes 10,000 ("an army that murdered thousands of civilians")."""
    if x.lower_ in ("thousands", "millions"):
        return True
    digits = x.text.replace(",", "")
    return x.like_num and digits.isdigit() and int(digits) >= least


def sentence_groups(triggers: list[Trigger], doc: Document, layout: Layout) -> list[Group]:
    groups: list[Group] = []
    dividers = [x for x in doc.times if x.anchor == "event" and x.relation in ("after", "before")]
    for t in sorted(triggers, key=lambda t: t.span.start):
        if recalled(t, doc):
            continue
        s = layout.sent(t.span.start)
        date = date_for(t, doc, layout)
        home = next(
            (
                g
                for g in groups
                if s in g.sentences
                and compatible_types(g, t, doc)
                and dates_agree(g.date, date)
                and not distinct_targets(g.triggers, [t])
                and layout.earlier(g.triggers[0]) == layout.earlier(t)  # the death before is an act of its own
                and not any(g.triggers[-1].span.end <= x.start and x.end <= t.span.start for x in dividers)
            ),
            None,
        )
        if home is None:
            groups.append(Group([t], {s}, date))
        else:
            home.triggers.append(t)
            home.date = home.date or date
    for g in groups:  # told apart by an earlier phrase, groups of one sentence stay apart when merged too
        for h in groups:
            if h is not g and g.sentences == h.sentences \
                    and layout.earlier(g.triggers[0]) != layout.earlier(h.triggers[0]):
                g.apart |= {id(t) for t in h.triggers}
    for x in dividers:
        s = layout.sent(x.start)
        before = [t for g in groups for t in g.triggers if layout.sent(t.span.start) == s and t.span.end <= x.start]
        after = [t for g in groups for t in g.triggers if layout.sent(t.span.start) == s and t.span.start >= x.end]
        for g in groups:
            if any(t in before for t in g.triggers):
                g.apart |= {id(t) for t in after}
            if any(t in after for t in g.triggers):
                g.apart |= {id(t) for t in before}
    return groups


def recalled(t: Trigger, doc: Document) -> bool:
    """ "the fourth death anniversary", "the anniversary of Soleimani's death": an earlier event
    named to date a later one, not an act of this sentence."""
    return recalled_token(doc.doc[t.head : t.head + 1])


def compatible_types(g: Group, t: Trigger, doc: Document) -> bool:
    if (g.type == "statement") != (t.type == "statement"):
        return False
    if g.type == "statement":
        return g.triggers[0].subtype == t.subtype
    return (g.type in VIOLENT) == (t.type in VIOLENT) and (g.type in VIOLENT or g.type == t.type) \
        or protest_and_its_violence(g.triggers, [t], doc)


def protest_and_its_violence(a: list[Trigger], b: list[Trigger], doc: Document) -> bool:
    """A protest and the riot it turned into ("rioters clashed with police ... police used pepper spray
    to disperse them"), or the force used on its protesters ("police fired on the crowd, killing two
    protesters") or their arrest ("baton-charged the protesters and arrested several doctors"), are one
    event as ACLED codes it."""
    for mine, other in ((a, b), (b, a)):
        protesters = [p for t in mine for p in t.perpetrators]
        if all(t.type == "protests" for t in mine) and any(
                (t.type == "riots" or t.type in VIOLENT or t.subtype == "arrests") and (
                    t.type == "riots" or intervention(mine + other) or force_on_crowd(t, doc) or any(
                        last_word(p) in words("protester_words") or overlaps(p, protesters)
                        for p in t.targets + t.perpetrators))
                for t in other):
            return True
    return False


def force_on_crowd(t: Trigger, doc: Document) -> bool:
    """ "Protesters took to the streets. Security forces opened fire, killing 10": state forces' violence
    (or arrests) on no one the text names or arms is the protest's repression; a force known by its own
    name ("Carabineros arrested around 50 people") is one too."""
    return state_forces(t.perpetrators, doc) and not any(
        p.entity or listed(last_word(p), words("armed_target_words")) for p in t.targets)


def overlaps(p: Participant, others: list[Participant]) -> bool:
    """ "fired at residents peacefully protesting": the protest's own people, met with force."""
    return p.start is not None and any(
        q.start is not None and q.start < (p.end or p.start) and p.start < (q.end or q.start) for q in others)


def intervention(triggers: list[Trigger]) -> bool:
    """ "Police fired tear gas to disperse the crowd": force met the protest, and its violence is the protest's."""
    return any(t.subtype in ("protest_with_intervention", "excessive_force_against_protesters") for t in triggers)


def target_entities(triggers: list[Trigger]) -> set[str]:
    return {p.entity for t in triggers for p in t.targets if p.entity}


def distinct_targets(a: list[Trigger], b: list[Trigger]) -> bool:
    """Two named human targets with different entities are two acts."""
    ta, tb = target_entities(a), target_entities(b)
    return bool(ta and tb and not ta & tb)


def dates_agree(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or a.value is None or b.value is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def merge_groups(groups: list[Group], doc: Document, layout: Layout) -> list[Group]:
    merged: list[Group] = []
    for g in groups:
        latest_first = sorted(merged, key=lambda m: max(t.span.start for t in m.triggers), reverse=True)
        if told_act(g, doc):  # "40 people were killed in the attack": the attack's, not the arson beside it
            latest_first.sort(key=lambda m: m.violent != g.violent)
        home = next((m for m in latest_first if same_incident(m, g, doc, layout)), None)
        if home is None:
            merged.append(g)
        else:
            if told_act(g, doc) and not told_act(home, doc) or not home.violent and toll_of(home, g, doc):
                home.echoes |= {id(t) for t in g.triggers}  # what came of the act does not type it
            if told_act(g, doc, words("fight_nouns")) and not told_act(home, doc):
                # the fight's other side: its dead add to those told with the act ("also" drops a repeat)
                g.casualties = [replace(c, side="also") if c.side is None else c for c in g.casualties]
            home.triggers += g.triggers
            home.sentences |= g.sentences
            home.casualties += g.casualties
            home.apart |= g.apart
            if g.date and not legal_reference(g, doc) and (home.date is None or len(g.date.value or "") > len(home.date.value or "")):
                home.date = g.date
    return merged


def same_incident(a: Group, b: Group, doc: Document, layout: Layout) -> bool:
    if a.type == "statement" or b.type == "statement":
        return same_statement(a, b, doc, layout)
    if a.violent != b.violent and told_act(b, doc) and not told_act(a, doc) and dates_agree(a.date, b.date):
        return True  # "Assailants set fire to a mosque. One person was killed in the attack."
    if toll_of(a, b, doc):
        return True
    joined = conjoined(a, b, doc)
    if (a.violent != b.violent or (not a.violent and a.type != b.type)) and not rioting(a, b) \
            and not protest_and_its_violence(a.triggers, b.triggers, doc) and not interception(a, b) and not joined:
        return False
    if b.violent and legal_reference(b, doc):
        return True  # "X was charged with murder on Saturday": the act told before, not a new one
    if any(id(t) in a.apart for t in b.triggers) or any(id(t) in b.apart for t in a.triggers):
        return False
    if not dates_agree(a.date, b.date):
        return False
    pa, pb = group_places(a, doc, layout), group_places(b, doc, layout)
    if pa and pb and not places_agree(pa, pb):
        return False
    if joined or interception(a, b) and a.sentences & b.sentences:  # "fired missiles, which were intercepted"
        return True
    if target_entities(a.triggers) & target_entities(b.triggers):
        return True
    if distinct_targets(a.triggers, b.triggers):
        return False
    if told_act(b, doc, words("fight_nouns")) and not told_act(a, doc):
        return True  # "attacked ANA checkpoints, killing 5 soldiers. 9 Taliban were killed in the clash."
    if counts_conflict(a, b, doc, layout):
        return False
    # An undated, unplaced mention ("the blast", "two militants were killed") continues the story,
    # unless it names both who did it and to whom: that is an act of its own.
    own_act = bool(target_entities(b.triggers)) and any(t.perpetrators for t in b.triggers)
    refers_back = (b.date is None and not pb or b.date is not None and (definite(b, doc) or anaphoric(b, doc))) \
        and not own_act
    # An undated, unplaced headline ("3 Afghan Police Killed in Suicide Attack") announces the lead's act.
    headline = a.sentences == {0} and a.date is None and not pa and min(b.sentences) <= 2
    return refers_back or headline or bool(pa and pb)


def toll_of(a: Group, b: Group, doc: Document) -> bool:
    """A toll with no act of its own (death or injury words only, no doer, no place or date of its own)
    is the act's told just before it ("A car bomb exploded outside a hotel. At least 35 people were killed"),
    and a verbless tally closing the report ("Shops were looted in Durban. 2 people killed.") is the
    report's, as "2 fatalities." is."""
    def toll(t: Trigger) -> bool:  # "were killed", "2 people killed.", "died": by no one named
        tok = doc.doc[t.head]
        return (t.outcome or t.type in VIOLENT and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)) \
            and not t.perpetrators and not t.places

    if not b.triggers or not all(toll(t) for t in b.triggers) or all(toll(t) for t in a.triggers) \
            or b.date is not None:
        return False
    if a.violent and min(b.sentences) == max(a.sentences) + 1:
        return True
    heads = [doc.doc[t.head] for t in b.triggers]
    last = max(h.sent.end for h in heads)
    return all(h.dep_ == "ROOT" and h.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in h.children)
               for h in heads) and not any(x.head >= last for x in doc.triggers)


def conjoined(a: Group, b: Group, doc: Document) -> bool:
    """ "Rioters stormed and set fire to the precinct": verbs joined by "and" under one subject tell one act."""
    def verb(t: Trigger):  # "set fire": the light verb of a trigger noun
        tok = doc.doc[t.head]
        return tok if tok.pos_ == "VERB" or tok.dep_ != "dobj" else tok.head

    for x, y in ((a, b), (b, a)):
        heads = {verb(t).i for t in x.triggers}
        for t in y.triggers:
            tok = verb(t)
            if tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.i in heads \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return True
    return False


def told_act(g: Group, doc: Document, nouns: frozenset | None = None) -> bool:
    """Every mention points back at an act told before: "the attack" ("suspected that the Taliban carried
    out the attack"), or a death or injury "in the attack", "in the incident", "in the clash"; `nouns`
    narrows the act nouns."""
    names = nouns if nouns is not None else act_nouns() | words("fight_nouns")

    def pointer(tok) -> bool:  # a bare "the attack", not "the killing of a colleague"
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in names and tok.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and not any(
            c.dep_ in ("prep", "compound", "amod", "nmod", "poss", "acl", "relcl") for c in tok.children)

    def points_back(t: Trigger) -> bool:
        tok = doc.doc[t.head]
        return pointer(tok) or any(pointer(p) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                                   for p in c.children if p.dep_ == "pobj")
    return all(points_back(t) for t in g.triggers)


def definite(g: Group, doc: Document) -> bool:
    """ "The shooting happened Monday evening": a noun with a definite article names the act told
    before, and its date is that act's."""
    return all(doc.doc[t.head].pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in doc.doc[t.head].children) for t in g.triggers)


PERSONAL = frozenset({"he", "she", "him", "her"})


def anaphoric(g: Group, doc: Document) -> bool:
    """ "... when he was shot Thursday morning": an act whose only victim is a pronoun befell someone
    already told of, so it is the act told before."""
    return all(not t.targets and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in PERSONAL
                                     for c in doc.doc[t.head].children) for t in g.triggers)


def rioting(a: Group, b: Group) -> bool:
    """ "Protesters burned churches in Zinder. 5 killed.": what a crowd destroys is its riot, and the
    riot's toll is told after it."""
    crowd = words("protester_words") | words("crowd_words") | words("mob_words")
    return any(all(t.subtype == "looting_property_destruction" for t in g.triggers) and other.violent and any(
        last_word(p) in crowd for t in g.triggers for p in t.perpetrators) for g, other in ((a, b), (b, a)))


def interception(a: Group, b: Group) -> bool:
    """ "The Houthis fired a missile towards Marib. Air defences intercepted it.": one act, foiled."""
    return a.type == "explosions_remote_violence" and all(t.subtype == "disrupted_weapons_use" for t in b.triggers)


def legal_reference(g: Group, doc: Document) -> bool:
    """Every mention of the group names an act as what someone is charged with, convicted of, tried or
    arrested for ("charged with murder", "murder charges", "convicted of killing"): a later step about an
    act already told, whose date is that of the step."""
    return all(legal_word(doc.doc[t.head]) is not None for t in g.triggers)


def legal_word(tok):
    """The word that names this act as what someone is charged with, suspected of or tried for, if any."""
    for _ in range(4):
        if tok.dep_ not in ("pobj", "pcomp", "prep", "compound", "nmod", "amod"):
            return None
        tok = tok.head
        if tok.lemma_.lower() in words("legal_words"):
            return tok
    return None


def alleged_of_victims(t: Trigger, triggers: list[Trigger], doc: Document) -> bool:
    """ "A mob lynched five men suspected of kidnapping": an act alleged of the people another act befell
    is no act of the sentence."""
    word = legal_word(doc.doc[t.head])
    if word is None or word.dep_ not in ("acl", "amod", "relcl"):
        return False
    return any(u is not t and u.type in VIOLENT and word.head.head.i == u.head for u in triggers)


def counts_conflict(a: Group, b: Group, doc: Document, layout: Layout) -> bool:
    """Tolls that cannot describe one incident ("12 killed" vs "63 killed") keep events apart,
    unless the later one revises the toll ("has risen to 103"); the attackers' own dead are a
    toll of their own ("two attackers were killed" beside "killed one officer")."""
    for kind in ("killed", "injured"):
        ca = [c for c in a.casualties if c.kind == kind and c.side not in ADDED]
        cb = [c for c in b.casualties if c.kind == kind and c.side not in ADDED]
        if any(c.revision for c in cb):
            continue
        if any(disjoint(x.count, y.count) for x in ca for y in cb):
            return True
    return False


def disjoint(x: Count, y: Count) -> bool:
    lo_x, hi_x = x.low or 0, x.high if x.high is not None else float("inf")
    lo_y, hi_y = y.low or 0, y.high if y.high is not None else float("inf")
    return hi_x < lo_y or hi_y < lo_x


def same_statement(a: Group, b: Group, doc: Document, layout: Layout) -> bool:
    """One statement quoted twice (in the text and in the embedded post), or continued in the
    same paragraph without a new speaker."""
    if a.type != b.type or a.triggers[0].subtype != b.triggers[0].subtype:
        return False
    sa = {p.entity or p.mention for p in speakers(a, doc, layout)}
    sb = {p.entity or p.mention for p in speakers(b, doc, layout)}
    if sa and sb:
        return bool(sa & sb)
    return not sb and layout.para(a.first) == layout.para(b.first)


def speakers(g: Group, doc: Document, layout: Layout) -> list[Participant]:
    """Who made a statement: the trigger's own subject, else the author of the post it is in,
    else the subject of a verb of saying in its sentence or the one before."""
    found = [p for t in g.triggers for p in t.perpetrators]
    if found:
        return found
    for post in doc.posts:
        if post.start <= g.first < post.end and post.author:
            at = doc.text.find(post.author, post.start, post.end)
            if at >= 0:
                return [participant_for(doc, doc.span(at, at + len(post.author)), "individual", "reported")]
    if g.triggers[0].subtype == "threat":  # the threatener is the one who threatens, not whoever said so
        return []
    say = words("say_verbs")
    first = layout.sent(g.first)
    for s in (first, first - 1):
        if s < 0 or layout.para(layout.sent_starts[s]) != layout.para(g.first):
            continue
        sent = doc.doc.char_span(layout.sent_starts[s], layout.sent_ends[s], alignment_mode="expand")
        for tok in sent or []:
            if tok.lemma_.lower() in say and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ != "PRON":
                    return speaker_participants(subj, doc)
    return []


def speaker_participants(subj, doc: Document) -> list[Participant]:
    """ "Ministry of External Affairs spokesperson Randhir Jaiswal": the official and the
    institution they speak for, which is the statement's author."""
    left, right = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    out: list[Participant] = []
    seen: set[str] = set()
    for ent in doc.entities:
        for m in ent.mentions:
            if left <= m.start and m.end <= right and ent.id not in seen:
                seen.add(ent.id)
                kind = "individual" if ent.kind == "person" else "organization"
                out.append(Participant(ent.name, m.text, kind, ent.id, "reported", m.start, m.end))
    if not out and subj.lemma_.lower() in knowledge()["speaker_heads"]:  # "police said", not "the note said"
        head = doc.span(subj.idx, subj.idx + len(subj))
        ent = entity_at(doc, head.start, head.end)
        out.append(Participant(ent.name if ent else head.text, head.text, "organization", ent.id if ent else None,
                               "reported", head.start, head.end))
    return sorted(out, key=lambda p: p.kind != "organization")


# ---------------------------------------------------------------- dates


def date_for(t: Trigger, doc: Document, layout: Layout) -> Time | None:
    """The explicit or document-relative date of a trigger: attached by syntax, else one it governs,
    else one in its clause, else the nearest in its sentence that does not date a report ("shot
    Saturday night ..., and Sunday evening police said" dates the shooting Saturday); one in a relative
    clause on an argument only when the sentence has no other."""
    head = doc.doc[t.head]
    aside = []
    for x in (doc.times[i] for i in t.times if i < len(doc.times)):
        if x.value and x.anchor != "event" and not ends_period(doc, x) and not later_death(head) \
                and not commemorated(doc, x) and not in_force_from(doc, x, t):
            if not in_argument_clause(doc, x, head):
                return x
            aside.append(x)
    mine = clause_of(head)
    under, own, other = [], [], []
    for x, root in event_times(doc, layout.sent(t.span.start), layout):
        if clause_of(root) != head.i and reporting(root) or later_death(root.doc[clause_of(root)]) \
                or in_force_from(doc, x, t, root):
            continue  # "died after being shot ..., police said Tuesday", however the parse hangs the saying
        if in_argument_clause(doc, x, head, root):
            aside.append(x)
        elif head in root.ancestors:
            under.append(x)  # "arrested Monday in connection with the shooting of a boy on March 18"
        elif clause_of(root) == mine:
            own.append(x)
        else:
            other.append(x)
    return min(under or own or other or aside, key=lambda x: abs(x.start - t.span.start), default=None)


def within(day: Time, period: Time) -> bool:
    """Whether a day-precise date falls inside a coarser or longer one."""
    if period.value is None or day.value is None:
        return False
    if period.precision != "day":
        return day.value.startswith(period.value)
    first = dt.date.fromisoformat(period.value)
    return first <= dt.date.fromisoformat(day.value) < first + dt.timedelta(days=period.days)


def event_times(doc: Document, sent: int | None, layout: Layout):
    """(time, its root token) for the dated expressions of a sentence (of the whole text for None)."""
    for x in doc.times:
        if x.value and x.anchor != "event" and sent in (None, layout.sent(x.start)) and not stamped(doc, x):
            span = doc.doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is not None and not ends_period(doc, x, span.root) and not commemorated(doc, x, span.root):
                yield x, span.root


STAMP_WORDS = re.compile(r"\b(?:posted|published|updated)\b[^\n]{0,20}$", re.I)
STAMP_REST = re.compile(r"[\s\d:.,|APMapm]*(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|ET|GMT|UTC)?\s*")
DATELINE_CLOSE = re.compile(r"\s*\)\s*(?:--|[—–-])")


def stamped(doc: Document, x: Time) -> bool:
    """The page's own date: "Posted 3:57 AM, May 26, 2015", "(Published Tuesday, Nov. 29, 2016)", a
    dateline's "KOKOMO, Ind. (June 15, 2014) —", a date alone on its line. It tells when the story was
    written, not when anything in it happened."""
    line = doc.text.rfind("\n", 0, x.start) + 1
    end = doc.text.find("\n", x.end)
    before, after = doc.text[line:x.start], doc.text[x.end:len(doc.text) if end < 0 else end]
    return bool(STAMP_WORDS.search(before) or before.rstrip().endswith("(") and DATELINE_CLOSE.match(after)
                or not before.strip() and STAMP_REST.fullmatch(after))


def ends_period(doc: Document, x: Time, root=None) -> bool:
    """ "a siege which lasted until September 24", "extend the ceasefire to the end of May": the day an act
    ended, not the day it happened."""
    if root is None:
        span = doc.doc.char_span(x.start, x.end, alignment_mode="expand")
        root = span.root if span is not None else None
    if root is None or root.dep_ != "pobj":
        return False
    if root.head.lower_ == "of" and root.head.head.lemma_.lower() in words("period_bound_nouns"):
        root = root.head.head  # the date inside "the end of May"
    if root.lemma_.lower() in words("period_bound_nouns"):
        return root.dep_ == "pobj" and root.head.lower_ in words("period_bound_preps")
    return root.head.lower_ in words("period_end_words")


def in_force_from(doc: Document, x: Time, t: Trigger, root=None) -> bool:
    """ "Announced a unilateral ceasefire from 12 June", "a curfew starting Friday": the day a decision takes
    effect, not the day it was made."""
    root = root if root is not None else time_root(doc, x)
    if t.type != "strategic_developments" or root is None or root.dep_ != "pobj" \
            or root.head.lower_ not in words("in_force_words"):
        return False
    hangs_on = root.head.head
    return hangs_on.i == t.head or any(a.i == t.head for a in hangs_on.ancestors)


def time_root(doc: Document, x: Time):
    """The token heading a date's span in the parse, if the span aligns with it."""
    span = doc.doc.char_span(x.start, x.end, alignment_mode="expand")
    return span.root if span is not None else None


def commemorated(doc: Document, x: Time, root=None) -> bool:
    """ "a strike to mark the anniversary of the November 2019 protests": the date of the earlier event
    an anniversary marks, never of an act the sentence tells. A day counted from the document date
    ("the anniversary of the crackdown on Sunday") is the parse misplacing the act's own day."""
    root = root if root is not None else time_root(doc, x)
    return root is not None and not (x.precision == "day" and x.anchor == "published") \
        and any(a.lemma_.lower() in words("commemoration_nouns") for a in root.ancestors)


def in_argument_clause(doc: Document, x: Time, head, root=None) -> bool:
    """ "retook the town from the rebels, which had held it since 2012": a date in a relative clause on
    one of the act's arguments tells when that clause's state or act was, not when this act happened
    (though it may be the same: "detonated belts in the crowd which had gathered on Wednesday"); one on
    the act itself ("the ambush, which happened on Monday") dates it."""
    root = root if root is not None else time_root(doc, x)
    for tok in (root, *root.ancestors) if root is not None else ():
        if tok.i == head.i:
            return False
        if tok.dep_ == "relcl" and tok.head.i != head.i and tok.head.lemma_.lower() not in trigger_lexicon().senses:
            return any(a.i == head.i for a in tok.ancestors)
    return False


def clause_of(tok):
    """The verb heading the clause a token is in (the sentence root when there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT" and tok.head is not tok:
        tok = tok.head
    return tok.i


def reporting(tok) -> bool:
    """A time in a clause of saying, or of a later step of the story, dates the report, not the event;
    but a time the parse hangs on the step right after a phrase that tells the act dates the act: "the
    officer who shot a 13-year-old in the neighborhood Wednesday night was identified", "a man accused in
    the shooting of a 17-year-old on Saturday"; so does a day the act itself was reported on."""
    verb = tok.doc[clause_of(tok)]
    if later_death(verb):
        return True
    if verb.lemma_.lower() not in reporting_verbs():
        return False
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in act_nouns() for c in verb.children):
        return False  # "the incident was reported at 1:25 p.m. on Friday": when it came to light
    while tok.head.i != verb.i and tok.dep_ != "ROOT":
        tok = tok.head  # the verb's own child that holds the time
    acts = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < tok.i
            and any(r.dep_ == "relcl" for r in s.children)]
    acts += [p for c in verb.children if c.dep_ == "prep" for p in c.children
             if p.dep_ == "pobj" and p.lemma_.lower() in trigger_lexicon().senses]
    return not any(a.right_edge.i + 1 == tok.left_edge.i for a in acts)


def later_death(verb) -> bool:
    """ "died of his injuries on March 15": the death's day, later than the act's; "died of a gunshot
    wound Sunday" tells the act itself."""
    return verb.lemma_.lower() == "die" and any(
        p.lemma_.lower() in words("wound_words") and not any(
            a.dep_ == "compound" or a.dep_ == "det" and a.lower_ in ("a", "an") for a in p.children)
        for c in verb.children if c.dep_ == "prep" for p in c.children)


@cache
def reporting_verbs() -> frozenset[str]:
    return words("say_verbs") | words("step_verbs")


def lead_date(doc: Document, layout: Layout) -> Time | None:
    """The first day-precise date of the lead that is not when something was said or will be done:
    news leads date their story ("It happened Monday inside the parking garage")."""
    return next((x for s in range(min(4, len(layout.sent_starts))) for x, root in event_times(doc, s, layout)
                 if act_day(x, root, doc)), None)


def act_day(x: Time, root, doc: Document) -> bool:
    """A past day something happened on, not one something was said or will be done."""
    return x.precision == "day" and not reporting(root) and tense(root.doc[root.i : root.i + 1]) != "future" \
        and (not doc.published or x.value <= doc.published)


def latest_day(doc: Document, layout: Layout) -> Time | None:
    """The latest past day the story tells, when nothing dates its main act: police "responded Friday
    evening", "got a 911 call Saturday morning". News follows its act closely, so earlier days are
    background ("two weeks ago, students honoured two classmates"); days something was said, a later
    step was taken or a court sat are left out."""
    days = [x for x, root in event_times(doc, None, layout) if act_day(x, root, doc) and not court(root)]
    return max(days, key=lambda x: x.value, default=None)


def court(tok) -> bool:
    """A day a court sat or a charge was brought ("arraigned Thursday", "appeared in court Tuesday")."""
    clause = tok.doc[clause_of(tok)]
    return any(t.lemma_.lower() in words("legal_steps")
               for t in (clause, *clause.children, *(p for c in clause.children if c.dep_ == "prep" for p in c.children)))


def resolve_relative_dates(groups: list[Group], doc: Document, layout: Layout) -> None:
    """ "X came a day after Y": Y is dated from X; "20 minutes later" dates from the event before."""
    for x in doc.times:
        if x.anchor != "event" or x.relation not in ("after", "before", "later", "earlier"):
            continue
        s = layout.sent(x.start)
        before = [g for g in groups if any(layout.sent(t.span.start) == s and t.span.end <= x.start for t in g.triggers)]
        after = [g for g in groups if any(layout.sent(t.span.start) == s and t.span.start >= x.end for t in g.triggers)]
        if x.relation in ("after", "before") and before and after:
            ref, target = before[-1], after[0]
            if ref.date and ref.date.value and target.date is None and ref is not target:
                inverse = Time(x.mention, x.start, x.end, None, anchor="event", relation=x.relation,
                               offset_days=-(x.offset_days or 0))
                value, precision = resolve_relative(inverse, ref.date.value)
                if value:
                    target.date = Time(x.mention, x.start, x.end, value, precision, anchor="event")
        elif x.relation in ("later", "earlier") and before and before[0].date is None:
            prev = [g for g in groups if g.date and g.first < x.start and g is not before[0]]
            if prev and prev[-1].date.value:
                value, precision = resolve_relative(x, prev[-1].date.value)
                if value:
                    before[0].date = Time(x.mention, x.start, x.end, value, precision, anchor="event")


def carried_date(g: Group, doc: Document, layout: Layout) -> Time | None:
    """The latest date written earlier in the same paragraph as the group's first mention."""
    p = layout.para(g.first)
    prior = [x for x in doc.times if x.value and x.anchor != "event" and x.start < g.first
             and layout.para(x.start) == p and not stamped(doc, x) and not commemorated(doc, x)]
    return prior[-1] if prior else None


# ---------------------------------------------------------------- places


def group_places(g: Group, doc: Document, layout: Layout) -> list[Place]:
    if g.places:
        return g.places
    out: list[Place] = []
    for t in g.triggers:
        s = layout.sent(t.span.start)
        attached = [doc.places[i] for i in t.places if i < len(doc.places)]
        for p in attached:  # grows as it goes: "in Malita municipality, Davao Occidental province, Philippines"
            attached += [q for q in layout.places_in.get(s, []) if (addresses(q, p, doc) or addresses(p, q, doc))
                         and q not in attached]
        if all(origin(p, doc) for p in attached):  # none, or only where the shot came from: add the sentence's
            attached += [p for p in layout.places_in.get(s, []) if layout.nearest_trigger(p.start) is t
                         and p not in attached]
        out += [p for p in attached if not modifies_actor(p, t, doc) and not speaks(p, doc)]
    # "on the Kabul-Kandahar highway in Qalat": Qalat; "near the border with Niger": not Niger
    out = [p for p in out if not beyond(p, doc)]
    out = [p for p in out if not origin(p, doc)] or out
    return [p for p in out if p.lat is not None and not p.demonym]


DATELINE_MARKS = re.compile(r"[—–(\n]|--| - ")
ADDRESS_GAP = re.compile(r"\s*(?:(?:district|village|town|city|area|subdistrict|municipality|commune|province|state|"
                         r"region|department|governorate|division|prefecture|county|upazila|tehsil)\s*)?,\s*")


IN_DIVISION_GAP = re.compile(r"\s+in\s+(?:the\s+)?")
DIVISION_WORDS = frozenset({"district", "province", "governorate", "region", "state", "county", "township", "tehsil",
                            "upazila", "division", "department", "prefecture", "municipality", "territory"})


def addresses(q: Place, p: Place, doc: Document) -> bool:
    """ "in Nassoumbou village, Sahel region": the first name of an address the trigger's place ends; and
    "near Turbat in Kech district": a town of the division the text says it lies in."""
    if q.end > p.start:
        return False
    if ADDRESS_GAP.fullmatch(doc.text, q.end, p.start) is not None:
        return True
    return IN_DIVISION_GAP.fullmatch(doc.text, q.end, p.start) is not None and q.feature == "city" \
        and p.mention.split()[-1].lower() in DIVISION_WORDS and (q.country_code, q.admin1) == (p.country_code, p.admin1)


def route_of(tok) -> int | None:
    """The token index of the road a name modifies, if any: in "the Kunduz-Takhar highway" Kunduz
    hangs on Takhar, Takhar on the highway."""
    for _ in range(3):
        if tok.dep_ not in ("compound", "amod", "nmod", "punct") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in words("route_nouns"):
            return tok.i
    return None


def origin(p: Place, doc: Document) -> bool:
    """ "Rockets were fired from Gaza at Sderot": where a shot came from; "blocked the Dhaka-Mymensingh
    highway at Gazipur": where a road leads. The event is where it struck or stood, when the sentence
    names that too."""
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    joined = doc.text[p.end:p.end + 1] in "-–" or doc.text[max(0, p.start - 1):p.start] in "-–"
    route = route_of(span.root) if joined else None  # "the Dhaka-Mymensingh highway", not "Dallas Acworth Highway"
    roots = (doc.doc.char_span(q.start, q.end, alignment_mode="expand") for q in doc.places)
    if route is not None and sum(r is not None and route_of(r.root) == route for r in roots) > 1:
        return True  # two towns on one road: its ends, not where it was
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep, head = root.head, root.head.head
    # "a bus traveling from Bamenda to Kumbo near Ndop": both ends of a route the sentence names, not where
    return prep.lower_ == "from" and head.pos_ in ("VERB", "NOUN") or \
        prep.lower_ == "to" and any(c.lower_ == "from" and c.dep_ == "prep" for c in head.children)


def beyond(p: Place, doc: Document) -> bool:
    """ "near the border with Niger", "troops fled across the border to Uganda", "fighters left for Idlib",
    "advancing towards Tripoli":
    a country over the border, where those who fled went or where a force was heading, not where the act was."""
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj":
        return False
    prep, head = span.root.head, span.root.head.head
    return prep.lower_ == "with" and head.lemma_.lower() in words("border_nouns") or \
        prep.lower_ in ("to", "into", "for") and head.lemma_.lower() in words("flight_verbs") or \
        prep.lower_ in ("towards", "toward") and head.lemma_.lower() in words("heading_verbs")
    # "forces advancing towards Tripoli entered Gharyan"; but a missile "fired towards Marib" is Marib's


def speaks(p: Place, doc: Document) -> bool:
    """ "The Pentagon said a drone strike killed five in Idlib": a place that speaks stands for its
    institution, not for where the act happened."""
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or not reporting(span.root):
        return False
    verb = span.root.head  # not a dateline the parse made a subject ("KALAMAZOO, Mich. (AP) — Police say")
    return verb.i > span.root.i and not DATELINE_MARKS.search(doc.text, span.end_char, verb.idx)


def modifies_actor(p: Place, t: Trigger, doc: Document) -> bool:
    """ "US airstrike", "the US military had killed": the place names who acted, or whose target was hit,
    not where."""
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if any(x.start is not None and x.start < p.end and p.start < (x.end or 0) for x in t.perpetrators):
        return True
    if root.dep_ not in ("compound", "amod", "nmod", "poss", "nummod", "npadvmod"):
        return False
    head = root.head
    if head.i == t.head and not (root.dep_ == "npadvmod" and head.pos_ == "VERB") or \
            p.feature == "country" and head.ent_type_ not in ("GPE", "LOC", "FAC"):
        return True  # "the US embassy in Baghdad", "a Turkish base": whose target, not where
    return any(x.start is not None and x.start <= head.idx < x.end for x in t.perpetrators + t.weapons)


LOCAL = {"city", "site", "admin2"}


def places_agree(a: list[Place], b: list[Place]) -> bool:
    """Two towns more than 50 km apart are two incidents; a country agrees with its towns."""
    la = [p for p in a if p.feature in LOCAL]
    lb = [p for p in b if p.feature in LOCAL]
    if la and lb:
        return any(distance_km(x, y) <= 50 for x in la for y in lb)
    ca = {p.country_code for p in a if p.country_code}
    cb = {p.country_code for p in b if p.country_code}
    return not ca or not cb or bool(ca & cb)


    dlat, dlon = radians(y.lat - x.lat), radians(y.lon - x.lon)
    h = sin(dlat / 2) ** 2 + cos(radians(x.lat)) * cos(radians(y.lat)) * sin(dlon / 2) ** 2
    return 12742 * asin(sqrt(h))


def lead_place(doc: Document, layout: Layout) -> Place | None:
    """Where the story is set when its main event names no place: the dateline ("NAPLES, Fla. --")
    or the most specific place of the lead."""
    cut = layout.sent_ends[min(3, len(layout.sent_ends) - 1)] if layout.sent_ends else 0
    return best_place([p for p in doc.places if p.start < cut and p.lat is not None and not p.demonym
                       and not beyond(p, doc)], doc.text)


def story_place(doc: Document) -> Place | None:
    """Where a story whose lead names no place is set: the town it names most ("Bristol police
    said ... the Bristol man"), the first of equals, in the country and state most of its places
    are in (a "Busy Bee Playhouse" read as two villages abroad does not outvote Utah's towns)."""
    towns = [p for p in doc.places if p.feature in LOCAL and p.lat is not None and not p.demonym]
    for key in ("country_code", "admin1"):
        votes = [getattr(p, key) for p in doc.places if getattr(p, key)]
        if votes:
            main = max(dict.fromkeys(votes), key=votes.count)
            towns = [p for p in towns if getattr(p, key) == main] or towns
    names = [p.name for p in towns]
    return max(towns, key=lambda p: (names.count(p.name), -names.index(p.name)), default=None)


def best_place(places: list[Place], text: str = "") -> Place | None:
    """The most specific place of the main country; a town the text calls a city or town ("on Roxas Avenue in
    Davao city", "at Ataturk airport in Istanbul city", "Colonia village, Lamitan city") outranks the
    streets, works and villages named with it."""
    if not places:
        return None
    countries = [p.country_code for p in places if p.country_code]
    main = max(dict.fromkeys(countries), key=countries.count) if countries else None  # ties: first mentioned
    pool = [p for p in places if p.country_code == main] or places
    towns = [p for p in pool if p.feature in LOCAL and called_town(p, text)]
    if towns:
        pool = [p for p in pool if p.feature not in LOCAL or p in towns]
    # "at Galle Face Green in Colombo", "at Shehu Shagari College in Sokoto": a town's name inside a work's
    # yields to a town named alone
    bare = [p for p in pool if p.feature in LOCAL and not text[p.end:p.end + 2].strip()[:1].isupper()]
    if bare:
        pool = [p for p in pool if p.feature not in LOCAL or p in bare]
    best = max(pool, key=lambda p: (FEATURE_RANK.get(p.feature, 0), -pool.index(p)))
    # "near Lethpora village, Pulwama district": a village the gazetteer lacks, at the point of the town or
    # district it lies in, is where, by its own name
    # ... and so is the first name of an address before a division ("in Daganbhuiyan, Feni district"; but "in
    # Shaheb Bazar area, Rajshahi city" is the city's)
    return next((p for p in pool if p.feature == "other" and p.lat == best.lat and p.lon == best.lon
                 and (called_town(p, text, SETTLED) or best.feature != "city" and p.end <= best.start
                      and ADDRESS_GAP.fullmatch(text, p.end, best.start) is not None)), best)


def called_town(p: Place, text: str, words: frozenset = frozenset({"city", "town"})) -> bool:
    """A name the text calls a city or town right after it ("Davao city", "Bir al-Abed town")."""
    word = text[p.end:p.end + 12].split(maxsplit=1)[:1] if p.end is not None else []
    return bool(word) and word[0].strip(",.;:()") in words


# ---------------------------------------------------------------- counts and participants


def assign_casualties(groups: list[Group], doc: Document, summed: set[int]) -> list[Casualty]:
    """Each figure goes to the violent group of its sentence whose trigger is nearest in the parse,
    or whose target it counts ("Saleh al-Aroui ... killed" belongs to that killing). Returns the
    figures of sentences without a violent trigger. A toll summed over a period (`summed` holds its
    words' offsets) is no event's."""
    tokens = doc.doc
    natural_words = trigger_lexicon().natural
    unowned: list[Casualty] = []
    heads = [(g, t, tokens[t.head].sent.start) for g in groups if g.violent for t in g.triggers]  # sentences once
    for c in doc.casualties:
        span = tokens.char_span(c.count.start, c.count.end, alignment_mode="expand")
        if span is None or recalled_token(span) or c.trigger is not None and c.trigger.start in summed:
            continue
        start = span.sent.start  # once: `Span.sent` walks the sentence
        here = [(g, t) for g, t, sent in heads if sent == start]
        earlier = earlier_phrase(tokens, c.trigger)
        if earlier is not None:  # "stormed the precinct following the death of George Floyd": not the storming's
            here = [(g, t) for g, t in here if earlier[0] <= t.span.start < earlier[1]]
            if not here:
                continue
        if not here:
            if not natural_sentence(span.sent, natural_words):  # not "the toll from the landslide rose to 40"
                unowned.append(c)
            continue

        def distance(pair: tuple[Group, Trigger]) -> tuple:
            t = pair[1]
            counted = any(p.start is not None and p.start <= c.count.start < (p.end or 0) for p in t.targets)
            near = c.trigger if c.trigger else c.count
            return (not counted, abs(near.start - t.span.start))

        min(here, key=distance)[0].casualties.append(c)
    return unowned


def natural_sentence(sent, words: frozenset) -> bool:
    """A sentence that names a natural or accidental cause: its figures count that, not the violence."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def earlier_phrase(tokens, span: Span | None) -> tuple[int, int] | None:
    """The characters of "following the death of X", "after the killing of Y", "after an army raid": an act
    done to someone or by someone named, which a temporal preposition governs, came before the sentence's
    act, not of it ("recaptured the town after heavy fighting" is one act); nor is "the rape and murder of a girl"
    that protesters are angered by."""
    if span is None:
        return None
    word = tokens.char_span(span.start, span.end, alignment_mode="expand")
    root = word.root if word is not None else None
    while root is not None and root.dep_ == "conj":
        root = root.head
    prep = root.head if root is not None and root.dep_ == "pobj" else None
    lex = trigger_lexicon()
    felt = prep is not None and prep.dep_ in ("prep", "agent") and prep.head.lemma_.lower() in lex.feeling_words
    if prep is None or not felt and (prep.lower_ not in lex.temporal_marks or not (
            root.lemma_.lower() in lex.victim_nouns or own_doer(root, lex))):
        return None
    return prep.idx, prep.right_edge.idx + len(prep.right_edge.text)


def own_doer(act, lex) -> bool:
    """ "After a failed army raid", "following a Taliban attack": an act that names who did it is one of its
    own, not the fighting the sentence's act came out of ("recaptured the town after heavy fighting")."""
    armed = lex.classes["armed"]
    return any(c.dep_ in ("compound", "poss") and (c.lemma_.lower() in armed or c.ent_type_ in ("ORG", "NORP"))
               for c in act.children)


def recalled_token(span) -> bool:
    return span is not None and any(a.lemma_.lower() == "anniversary" for a in [span.root, *list(span.root.ancestors)[:3]])


def combine_counts(found: list[Casualty], kind: str) -> Count | None:
    mine = [c for c in found if c.kind == kind]
    if not mine:
        return None
    return combine(mine)


def claimed_perpetrators(g: Group, doc: Document) -> list[Participant]:
    """Attributions from claims whose scope covers a mention of the event."""
    out: list[Participant] = []
    for c in doc.claims:
        if not any(c.scope_start <= t.span.start < c.scope_end for t in g.triggers):
            continue
        if c.attribution in ("claimed", "reported") and not c.denied and c.actor is not None \
                and names_actor(doc, c.actor):
            out.append(participant_for(doc, voiced_group(doc, c.actor), "organization", c.attribution))
    return out


def voiced_group(doc: Document, s: Span) -> Span:
    """ "Taliban spokesperson Qari Yousuf Ahmadi claimed": the group its spokesman speaks for claims."""
    if not set(doc.text[s.start:s.end].lower().split()) & words("spokesperson_words"):
        return s
    inner = [m for e in doc.entities if e.kind == "organization" for m in e.mentions
             if s.start <= m.start and m.end <= s.end]
    return min(inner, key=lambda m: m.start) if inner else s


def blamed_perpetrators(groups: list[Group], doc: Document) -> dict[int, list[Participant]]:
    """Actors someone else blames or suspects with no act in the words ("He blamed al-Shabaab", "the
    government held the Taliban responsible", "officials suspected Boko Haram"), or only an anaphoric one
    ("blamed the attack on the FMLN"): accused (or suspected) perpetrators of the event whose object the
    accusation qualifies, else of the violent event (or arson) the accusation is about, the one mentioned
    inside it, else the latest mentioned before it. Keyed by id(group)."""
    out: dict[int, list[Participant]] = {}
    violent = [g for g in groups if g.violent or any(t.subtype == "looting_property_destruction" for t in g.triggers)]
    for c in doc.claims:
        if c.attribution not in ("accused", "suspected") or c.denied:
            continue
        verb = doc.doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
        accused = accused_of(verb.root) if verb is not None and len(verb) else None
        if accused is None:
            continue
        span = Span(doc.text[accused[0]:accused[1]], *accused)
        named = names_actor(doc, span)
        head = None if named else described_doer(doc, span)  # "dissident republicans were suspected"
        if not named and head is None:
            span = group_named_before(doc, span)
            if span is None:
                continue
        inside = [g for g in violent if any(c.scope_start <= t.span.start < c.scope_end for t in g.triggers)]
        inside = [g for g in groups if any(bears(verb.root, t) for t in g.triggers)] + inside
        before = [g for g in violent if g.first < c.cue.start]
        target = inside[0] if inside else max(before, key=lambda g: max(t.span.start for t in g.triggers
                                                                         if t.span.start < c.cue.start), default=None)
        if target is None:
            continue
        ent = entity_at(doc, span.start, span.end)
        if head is not None:  # "death squads" are a group, "dissident republicans" people
            kind = "organization" if head in words("suspect_group_heads") else "individual"
        else:
            kind = "individual" if ent is not None and ent.kind == "person" else "organization"
        out.setdefault(id(target), []).append(participant_for(doc, span, kind, c.attribution))
    return out


def bears(verb, t: Trigger) -> bool:
    """ "Leaflets attributed to JNIM were distributed": the accusing verb qualifies what the act (violent or
    not) was done with or to, so the act is the one accused."""
    thing = verb.head
    return verb.dep_ == "acl" and thing.head.i == t.head and thing.dep_ in ("nsubj", "nsubjpass", "dobj")


def described_doer(doc: Document, s: Span) -> str | None:
    """The head word of a doer the text blames or suspects by description ("dissident republicans", "right-wing
    death squads"), or None."""
    span = doc.doc.char_span(s.start, s.end, alignment_mode="expand")
    head = span.root.lower_ if span is not None else ""
    return head if head in words("suspect_heads") or head in words("suspect_group_heads") else None


def accused_of(verb) -> tuple[int, int] | None:
    """The character range of whom an accusing verb accuses: its object ("accused X", "held X responsible"),
    what "blamed the attack on" and "attributed it to" point at, the passive subject ("X was blamed"); the
    phrase without its relative clauses and appositions ("the Taliban, who denied it")."""
    kids = list(verb.children)
    obj = next((k for k in kids if k.dep_ in ("dobj", "nsubjpass")), None)
    kids += list(obj.children) if obj is not None else []  # the parse may hang "on X" on "the attack"
    to = next((g for k in kids if k.dep_ == "prep" and k.lower_ in ("on", "to")
               for g in k.children if g.dep_ == "pobj"), None)
    if to is not None and (obj is None or obj.lemma_.lower() in act_nouns() or obj.pos_ == "PRON"):
        obj = to
    if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    toks = [obj] + [t for k in obj.children if k.dep_ in ("compound", "amod", "det", "poss", "nmod")
                    for t in k.subtree]
    toks += [t for k in obj.children if k.dep_ == "prep" and k.lower_ == "of"  # not "suspected X of being"
             and any(g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") for g in k.children) for t in k.subtree]
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    span = verb.doc[first:last + 1]
    return span.start_char, span.end_char


def group_named_before(doc: Document, s: Span) -> Span | None:
    """ "blamed the group": the armed group last named before, as that mention."""
    span = doc.doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in words("group_anaphors") or span.root.i == span.start:
        return None
    named = [m for e in doc.entities if e.actor_type == "armed_group" for m in e.mentions if m.end <= s.start]
    return max(named, key=lambda m: m.start, default=None)


def names_actor(doc: Document, s: Span) -> bool:
    """ "Islamic State claimed" names its actor; "the militant Sunni Muslim group said" only
    describes one (the entity inside covers a modifier, not the head noun)."""
    span = doc.doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    ent = entity_at(doc, head.idx, head.idx + len(head))
    return ent is not None and ent.kind in ("organization", "person")


def participant_for(doc: Document, s: Span, kind: str, attribution: str) -> Participant:
    ent = entity_at(doc, s.start, s.end)
    return Participant(
        name=ent.name if ent else s.text,
        mention=s.text,
        kind=kind,
        entity=ent.id if ent else None,
        attribution=attribution,
        start=s.start,
        end=s.end,
    )


def attribute(p: Participant, doc: Document) -> Participant:
    """The attribution of the claim that governs the perpetrator's mention."""
    if p.start is not None and p.attribution == "reported":
        claim = attribution_for(doc.claims, p.start, p.end or p.start)
        if claim is not None:
            p.attribution = claim.attribution
    return p


def merge_participants(found: list[Participant]) -> list[Participant]:
    """One participant per entity (or mention); a claim outranks a plain report."""
    out: dict[str, Participant] = {}
    for p in found:
        key = p.entity or p.mention.lower()
        if key not in out or (out[key].attribution == "reported" and p.attribution != "reported"):
            out[key] = p
    return list(out.values())


def one_per_referent(targets: list[Participant], doc: Document) -> list[Participant]:
    """ "The murder of six Jesuit priests ... the priests were shot": one event's victims described by the
    same noun, one description holding the other's words and no numbers that differ, are the same people,
    named by the fullest mention. "Two soldiers killed and three soldiers wounded" and "Atlacatl battalion
    troops ... Belloso battalion troops" stay two."""
    kept: list[tuple[Participant, tuple | None]] = []
    for p in targets:
        group = described_group(p, doc)
        same = next((i for i, (_, g) in enumerate(kept) if group and g and same_people(group, g)), None)
        if same is None:
            kept.append((p, group))
        elif len(p.mention) > len(kept[same][0].mention):
            kept[same] = (p, group)
    return [p for p, _ in kept]


def same_people(a: tuple, b: tuple) -> bool:
    (noun_a, number_a, words_a), (noun_b, number_b, words_b) = a, b
    return noun_a == noun_b and not (number_a and number_b and number_a != number_b) and (
        words_a <= words_b or words_b <= words_a)


def described_group(p: Participant, doc: Document) -> tuple[str, str | None, frozenset] | None:
    """The noun, number and other words of people a victim's description names ("six Jesuit priests":
    priest, six, {jesuit})."""
    if p.kind != "human" or p.entity or p.start is None or p.end is None:
        return None
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.like_num or span.root.pos_ not in ("NOUN", "PROPN"):
        return None
    root = span.root
    number = next((c.lower_ for c in root.children if c.dep_ == "nummod"), None)
    words = frozenset(t.lower_ for t in span if t is not root and t.is_alpha and t.dep_ not in ("det", "nummod", "quantmod"))
    return root.lemma_.lower(), number, words


# ---------------------------------------------------------------- output


def by_salience(groups: list[Group], doc: Document, layout: Layout) -> list[Group]:
    """The main event first (most mentioned among those in the headline or lead), then text order.
    A text no longer than a lead and without a headline (an incident summary, an event note) tells
    its event first: later sentences add what followed ("Israeli strikes later that day killed 20")."""
    if not groups:
        return []
    lead = set(range(0, 3))
    note = len(layout.sent_starts) <= len(lead) + 1 and layout.sentence_span(0, doc).text.rstrip()[-1:] in ".!?"

    def weight(g: Group) -> tuple:
        return (
            g.type != "statement",
            bool(g.sentences & lead),
            not all(layout.earlier(t) for t in g.triggers),  # not only an act the lead's act came after
            note and 0 in g.sentences,
            len(g.triggers) + len(g.casualties),
            -g.first,
        )

    main = max(groups, key=weight)
    return [main] + sorted((g for g in groups if g is not main), key=lambda g: g.first)


def gathered_and_hit(p: Participant, g: Group, doc: Document) -> bool:
    """ "Two IS members detonated their belts in the crowd which had gathered for the anniversary": a crowd
    whose gathering the group holds, and whom others than the state's forces hit, did not do that violence
    (protesters a force fired on stay the protest's side)."""
    gathered = [q for t in g.triggers if t.subtype == "peaceful_protest" for q in t.perpetrators]
    return overlaps(p, gathered) and any(
        overlaps(p, t.targets) and any(not overlaps(d, [p]) and not state_forces([d], doc) for d in t.perpetrators)
        for t in g.triggers if t.type in VIOLENT)


def build_event(eid: str, g: Group, doc: Document, layout: Layout, main: bool,
                accused: list[Participant] | None = None) -> Event:
    head = min(g.triggers, key=lambda t: (TYPE_RANK[t.type] != TYPE_RANK[g.type], t.subtype in GENERIC_SUBTYPES, t.span.start))
    subtype = best_subtype([t.subtype for t in g.triggers if t.type == g.type] or [head.subtype])
    date = g.date
    if main and g.violent and (date is None or date.precision != "day" or date.days > 1):
        lead = lead_date(doc, layout)  # a day the lead gives, inside a vague date ("last week", "the weekend")
        if lead is not None and (date is None or within(lead, date)):
            date = lead
    date = date or carried_date(g, doc, layout) or (latest_day(doc, layout) if main and g.violent else None)
    value, precision = (date.value, date.precision) if date else (None, None)
    if value is None and (main or g.type == "statement") and doc.published:
        value, precision = doc.published, "day"
    found = g.casualties
    targets = one_per_referent(merge_participants([p for t in g.triggers for p in t.targets if not role_word_only(p)]),
                               doc)
    if g.type == "statement":
        perps = merge_participants(speakers(g, doc, layout))
    else:
        backdrop, unknown = unknown_doer(g, doc)
        perps = merge_participants([attribute(p, doc) for t in g.triggers if t.head not in backdrop
                                    for p in t.perpetrators] + claimed_perpetrators(g, doc) + (accused or []))
        perps = perps or unknown
    answered = responders(g, doc)
    perps = [p for p in perps if p.name not in answered]
    perps = [p for p in perps if not gathered_and_hit(p, g, doc)] or perps
    if answered:  # nor are the attackers they killed the attack's victims
        targets = [p for p in targets if not listed(last_word(p), attacker_words())]
    cues = trigger_lexicon().protest_cues
    protest = any(t.type == "protests" or t.subtype == "violent_demonstration" and any(  # "... demanding relief"
        w.lemma_.lower() in cues for w in doc.doc[t.head].sent) for t in g.triggers)
    killed, gtype = combine_counts(found, "killed"), g.type
    if gtype == "explosions_remote_violence" and not (killed and killed.best) and any(
            t.subtype == "disrupted_weapons_use" for t in g.triggers):
        gtype, subtype = "strategic_developments", "disrupted_weapons_use"  # the shot was stopped
    if g.type == "protests" and subtype == "peaceful_protest" and any(t.subtype == "arrests" for t in g.triggers):
        subtype = "protest_with_intervention"  # protesters arrested
    # who protested is not who did the violence the protest met: only the other acts' doers (and those who
    # broke the protest up) type it
    acting = {p.entity or p.mention.lower() for t in g.triggers if t.subtype != "peaceful_protest"
              for p in t.perpetrators}
    doers = [p for p in perps if (p.entity or p.mention.lower()) in acting] or perps
    # "supporters demonstrating against Congress kicked and punched journalists": the protesters did the violence;
    # state forces told beside a protest met it ("protesters renewed demonstrations; security forces opened fire")
    marchers = {p.entity or p.mention.lower() for t in g.triggers if t.subtype == "peaceful_protest"
                for p in t.perpetrators if not state_forces([p], doc)}
    marching = any((p.entity or p.mention.lower()) in marchers for t in g.triggers if t.type in VIOLENT
                   for p in t.perpetrators)
    clash = any(t.subtype in ("mob_violence", "armed_clash") for t in g.triggers)
    riot = [t.subtype for t in g.triggers if t.type == "riots"]
    if riot and gtype == "violence_against_civilians" and all(t.outcome for t in g.triggers if t.type == gtype):
        gtype, subtype = "riots", best_subtype(riot)  # "youths pelted stones ...; forces fired pellets, injuring several"
    etype, subtype = acled_type(gtype, subtype, doers, targets, doc, protest, clash, marching)
    if subtype in TERRITORY:
        subtype = taken_by(g, doc) or subtype
        if unopposed(g, doc):
            etype, subtype = "strategic_developments", "non_violent_transfer_of_territory"
    if (etype, subtype) == ("strategic_developments", "looting_property_destruction") and killed and killed.best \
            and not armed(doers, doc):
        # "Shops were looted in Durban during xenophobic violence. 2 people killed.": looting or burning
        # that killed, by no armed group, is a riot (ACLED)
        etype, subtype = "riots", "violent_demonstration" if protest else "mob_violence"
    if (etype, subtype) == ("violence_against_civilians", "attack") and burned_only(g, targets, found):
        etype, subtype = "strategic_developments", "looting_property_destruction"
    if subtype in GENERIC_SUBTYPES and raid_to_arrest(g, found, doc):
        etype, subtype = "strategic_developments", "arrests"
    if subtype == "excessive_force_against_protesters":
        if riot:  # "workers demanding wages clashed with police and vandalised a factory": they rioted
            etype, subtype = "riots", best_subtype(riot)
        elif not lethal(g, killed, doc):  # "fired tear gas and pellets; several people were injured"
            subtype = "protest_with_intervention"
    elif etype == "strategic_developments" and subtype == "arrests" and any(
            last_word(p) in words("protester_words") for p in targets):
        etype, subtype = "protests", "protest_with_intervention"  # "officers arrested 32 protesters"
    location = best_place(g.places, doc.text) or (placed_by_story(g, doc, layout) if placed_by_lead(g, main) else None)
    if main and g.violent:
        location = headline_place(doc, location) or county_town(doc, location) or location
    perps = [coded_actor(p, etype, location, doc) for p in perps]
    evidence_sents = sorted(g.sentences | {layout.sent(c.count.start) for c in found})
    weapons = {(w.start, w.end): w for t in g.triggers for w in t.weapons}
    return Event(
        id=eid,
        type=etype,
        subtype=subtype,
        date=value,
        date_precision=precision or (None if value is None else {4: "year", 7: "month"}.get(len(value), "day")),
        location=location,
        perpetrators=perps,
        targets=targets,
        weapons=list(weapons.values()),
        killed=killed,
        injured=combine_counts(found, "injured"),
        evidence=[layout.sentence_span(i, doc) for i in evidence_sents if i < len(layout.sent_starts)],
        confidence=confidence(g, found, perps),
        trigger=head.span,
    )


def unknown_doer(g: Group, doc: Document) -> tuple[set[int], list[Participant]]:
    """ "It is not known who fired the shell amid fighting between the army and the rebels": the fight an act
    whose doer the text calls unknown happened amid is its backdrop, and its sides are not the act's doers;
    the "who" is its doer, unidentified. Returns the head tokens of such backdrop triggers and those doers."""
    found, doers = set(), []
    for t in g.triggers:
        fight = doc.doc[t.head]
        if fight.dep_ != "pobj" or fight.head.lower_ not in words("backdrop_preps"):
            continue
        act = fight.head.head
        who = [c for c in act.children if c.dep_ == "nsubj" and c.lower_ in words("unknown_doers")]
        if who and unknown_clause(act.head):
            found.add(t.head)
            doers += [participant_for(doc, doc.span(w.idx, w.idx + len(w)), "individual", "reported") for w in who]
    return found, doers


def unknown_clause(tok) -> bool:
    """ "It is unclear", "It is not known", "police have not established": what follows is not known."""
    word = tok.lemma_.lower()
    return word in words("unknown_words") or word in words("knowing_words") and any(
        c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "acomp" and unknown_clause(c) for c in tok.children)


def responders(g: Group, doc: Document) -> set[str]:
    """ "Assailants opened fire on a checkpoint. Security forces killed two of the assailants.": who
    fought the attackers back did not do the attack, unless the text has them act otherwise too. So
    did who fired in the sentence that tells the attackers' death ("The assailant was killed after
    police opened fire"), and forces in a later shootout with them."""
    def hits_attackers(t: Trigger) -> bool:
        return any(listed(last_word(p), attacker_words()) for p in t.targets)

    def sentence(t: Trigger) -> int:
        return doc.doc[t.head].sent.start

    def attackers_fell(t: Trigger) -> bool:  # whose attacker victims `own_side` has already taken away
        return hits_attackers(t) or any(c.dep_ == "nsubjpass" and listed(c.lower_, attacker_words())
                                        for c in doc.doc[t.head].children)

    undone = {sentence(t) for t in g.triggers if attackers_fell(t) and not t.perpetrators}
    # "Police stormed the flat, shot the assailant and arrested him": what they did beside hitting him answers too
    hitters = {(sentence(t), p.name) for t in g.triggers if hits_attackers(t) for p in t.perpetrators}

    first = min(sentence(t) for t in g.triggers)

    def fought_back(t: Trigger) -> bool:  # "The assailant was arrested after a shootout with police."
        return sentence(t) > first and not t.targets and t.perpetrators and state_forces(t.perpetrators, doc) \
            and any(c.dep_ in ("nsubj", "nsubjpass") and listed(c.lower_, attacker_words())
                    for c in doc.doc[t.head].sent)

    def answers(t: Trigger) -> bool:
        return hits_attackers(t) or not t.targets and sentence(t) in undone or fought_back(t) or bool(
            t.perpetrators) and all((sentence(t), p.name) in hitters for p in t.perpetrators)

    back = {p.name for t in g.triggers if answers(t) for p in t.perpetrators}
    attack = [t for t in g.triggers if not answers(t)]
    # "police shot dead two gunmen" alone: the police acted; "an assailant stabbed two officers; police shot him":
    # the stabbing is the attack, whoever the text leaves its doer (a toll alone is no attack)
    acted = any(t.perpetrators or not t.outcome for t in attack)
    return back - {p.name for t in attack for p in t.perpetrators} if acted else set()


def coded_actor(p: Participant, etype: str, location: Place | None, doc: Document) -> Participant:
    """Unnamed actors named as ACLED codes them, so that events can be counted by actor: the crowd of
    a protest is "Protesters (Pakistan)", of a riot "Rioters (Nigeria)", "unidentified gunmen" are an
    "Unidentified Armed Group (Mexico)" and "police" the "Police Forces of" the event's country. The
    mention keeps what the text says. "MNDAA troops" are the named group's, not an unnamed force,
    while "Congress workers" and unnamed parties protesting are protesters."""
    if p.entity is not None:
        return p
    mention = (p.mention or "").lower().split()
    before = doc.text[max(0, (p.start or 0) - 12):p.start or 0].lower().split()[-1:]  # "suspected militants"
    forces = knowledge()["unnamed_forces"]
    force = forces.get(" ".join(mention[-2:])) or forces.get(last_word(p))
    if force:  # "police arrested 20 people in Lahore": the country's police
        actor = force
    elif p.kind != "individual" and etype not in ("protests", "riots"):
        return p  # a group; but an unnamed one that protests ("a group of residents", "opposition parties") is the crowd
    elif etype == "protests":
        actor = "Protesters"
    elif etype == "riots":
        actor = "Rioters"
    elif etype in VIOLENT and mention and (mention[-1] in words("unidentified_heads") | words("unknown_doers") or (
            mention[-1] in words("unidentified_people") and set(mention + before) & words("unidentified_marks"))):
        actor = "Unidentified Armed Group"
    else:
        return p
    if actor not in ("Protesters", "Rioters") and group_inside(p, doc):
        return p
    country = Gazetteer.get().countries.get(location.country_code) if location and location.country_code else None
    if force:
        return replace(p, name=f"{actor} of {country.name}") if country else p
    return replace(p, name=f"{actor} ({country.name})" if country else actor)


def group_inside(p: Participant, doc: Document) -> bool:
    """Whether a named non-state group's mention lies inside the participant's words ("Abu Sayyaf
    gunmen"); "ENDF soldiers" are still the country's military forces."""
    if p.start is None or p.end is None:
        return False
    ent = entity_at(doc, p.start, p.end)
    return ent is not None and ent.kind == "organization" and ent.actor_type not in ("state", "state_force") \
        and any(p.start <= m.start and m.end <= p.end for m in ent.mentions)


def role_word_only(p: Participant) -> bool:
    """ "the victim", "the casualties": words for a role, which describe no one."""
    return p.entity is None and (p.mention or "").lower().removeprefix("the ").strip() in words("role_words")


def placed_by_story(g: Group, doc: Document, layout: Layout) -> Place | None:
    """The lead's place, else the story's town; never a place that names the actor ("a US drone
    strike near Barawe" did not happen in the United States)."""
    lead = lead_place(doc, layout)
    if lead is not None and any(modifies_actor(lead, t, doc) for t in g.triggers):
        lead = None
    return lead or story_place(doc)


TITLE_TAIL = re.compile(r"\s+(?:[-–—|:]\s+|\|).*$")  # " - WBTV Charlotte", " | Continuous News Coverage"
NOT_WHERE = frozenset({"from", "of"})  # "Woman from Sun Valley fatally shot after Tarzana hike"


def headline_place(doc: Document, location: Place | None) -> Place | None:
    """The town a given title names, as the text names it: "Poplar Bluff teen recovering after being
    shot" happened in Poplar Bluff, not in the county or the city the story's dateline or hospital
    names. Only a name that stands alone counts, in the title and somewhere in the text ("Mesa County",
    "Crest High School" name no town). None when the title names no town of the text or the event's
    place is that town already."""
    title = TITLE_TAIL.sub("", doc.title or "")
    if not title:
        return None
    named = []
    for p in doc.places:
        if p.feature != "city" or p.lat is None or p.demonym or not alone(doc.text, p.start, p.end):
            continue
        m = re.search(r"(?<!\w)" + re.escape(p.mention) + r"(?!\w)", title, re.I)
        longer = title[:m.start()].split()[-1:] + [p.mention] if m else []  # "Grand Mesa", not Mesa
        if m and alone(title, m.start(), m.end()) and not (
                longer[0][:1].isupper() and len(longer) > 1 and " ".join(longer).lower() in doc.text.lower()):
            named.append((m.start(), p))
    if not named:
        return None
    if location is not None and location.lat is not None and any(
            p.name == location.name or location.feature == "city" and distance_km(p, location) <= 10 for _, p in named):
        return None  # the town already, or a part of it; a county is no town
    return min(named, key=lambda x: (x[0], x[1].start))[1]


def alone(text: str, start: int, end: int) -> bool:
    """A name not inside a longer one ("Mesa County", "Ocoee Middle School") nor told as where someone
    is from ("a woman from Sun Valley")."""
    after = text[end:end + 30].split()
    before = text[max(0, start - 12):start].split()
    return not (after and after[0][:1].isupper()) and not (before and before[-1].lower() in NOT_WHERE)


def county_town(doc: Document, location: Place | None) -> Place | None:
    """A county's town the story names, for an act placed only in the county: "a shooting in East Knox
    County" reported from "KNOXVILLE" is Knoxville's, as incident records file it. The town told most
    often, the first of equals."""
    if location is None or location.feature != "admin2" or not location.admin2:
        return None
    towns = [p for p in doc.places if p.feature == "city" and p.lat is not None and not p.demonym
             and p.admin2 == location.admin2 and p.admin1 == location.admin1 and p.country_code == location.country_code]
    names = [p.name for p in towns]
    return max(towns, key=lambda p: (names.count(p.name), -p.start), default=None)


def placed_by_lead(g: Group, main: bool) -> bool:
    """The main event, and a violent one with neither date nor place of its own ("the group said it
    killed 300 people in the attack"), happened where the lead says."""
    return g.type != "statement" and (main or g.violent and g.date is None)


def acled_type(etype: str, subtype: str, perps: list[Participant], targets: list[Participant],
               doc: Document, protest: bool = False, clash: bool = False, marching: bool = False) -> tuple[str, str]:
    """A generic attack typed by who fought whom, as ACLED codes it: protesters or a mob doing the violence
    make a riot (what rioters burn, and the crude bombs they hurl, are part of their riot, but not the bombs
    a crowd is only suspected or accused of throwing), and so do those `marching` in the protest, whoever they
    are; rival crowds clashing with each other mob violence; armed groups clashing fight a battle, whatever
    word; state forces attacking protesters are excessive force against a protest; an attack on armed actors
    (still serving: not "a former cadre") is a battle, and an ambush of unarmed people is violence against
    civilians."""
    generic = etype in ("violence_against_civilians", "battles") and subtype in GENERIC_SUBTYPES
    if subtype == "mob_violence" and not protest and armed_sides(perps, doc):
        return "battles", "armed_clash"  # "SDF fighters clashed with Turkish-backed factions": armed groups fight
    if generic and protest and state_forces(perps, doc) and any(overlaps(t, perps) for t in targets):
        return "protests", "excessive_force_against_protesters"  # "fired at residents protesting": they protested
    if generic or subtype in ("looting_property_destruction", "violent_demonstration") or \
            etype == "explosions_remote_violence" and subtype in ("remote_explosive_landmine_ied", "grenade"):
        throwers = [p for p in perps if p.attribution not in ("suspected", "accused")] \
            if etype == "explosions_remote_violence" else perps
        if any(last_word(p) in words("mob_words") for p in throwers):  # but "during protests", a demonstration
            return "riots", "violent_demonstration" if protest else "mob_violence"
        crowd = words("protester_words") | (frozenset() if protest else words("crowd_words"))
        # marchers are hurt by force, not rioting, unless they did the violence themselves
        if marching or any(last_word(p) in crowd or head_word(p) in crowd for p in throwers):
            brawl = clash and not protest and not state_forces(perps, doc)
            # "youths armed with machetes attacked residents": a crowd that no protest tells of, on civilians
            hunt = not protest and not state_forces(perps, doc) and not any(
                last_word(p) in words("protester_words") for p in perps) and any(
                p.kind == "human" and last_word(p) not in crowd for p in targets) and not armed(targets, doc)
            return "riots", "mob_violence" if brawl or hunt else "violent_demonstration"  # rival supporters clashing
    if not generic:
        return etype, subtype
    if (protest or any(last_word(p) in words("protester_words") for p in targets)) and armed(perps, doc):
        return "protests", "excessive_force_against_protesters"  # "fired tear gas to disperse the crowd, injuring five"
    # "a police officer shot dead a rider at a checkpoint": the forces' own post is where, not whom;
    # "rebel positions", "Taliban bases" are the other side's
    aimed = [p for p in targets if p.kind == "human" or enemy_post(p, doc)] if state_forces(perps, doc) else targets
    aimed = [p for p in aimed if not former(p)]
    if etype == "violence_against_civilians" and armed(aimed, doc):
        return "battles", "armed_clash"
    if etype == "battles" and any(p.kind == "human" and last_word(p) in words("civilian_words") for p in targets) \
            and not armed(targets, doc):
        return "violence_against_civilians", "attack"  # "gunmen ambushed a bus, killing five passengers"
    return etype, subtype


def former(p: Participant) -> bool:
    """ "A former LTTE cadre", "an ex-soldier": no longer one of the armed, so a civilian target."""
    return bool(words("former_words") & set(re.split(r"[\s-]+", (p.mention or "").lower())))


def burned_only(g: Group, targets: list[Participant], found: list[Casualty]) -> bool:
    """ "Troops raided a village and set fire to 80 houses after residents fled", "insurgents attacked the
    town and burned houses": an attack that hurt no one told and destroyed property is property destruction
    (ACLED)."""
    hurt = any(c.count.best for c in found) or any(p.kind == "human" for p in targets)
    return not hurt and any(t.subtype == "looting_property_destruction" for t in g.triggers)


def raid_to_arrest(g: Group, found: list[Casualty], doc: Document) -> bool:
    """ "Carried out a raid in Al-Shuhayl and arrested 3 suspected ISIS members", "police stormed the house and
    detained five": a raid told only by the arrests it made, with no one hurt, is the arrests."""
    violent = [t for t in g.triggers if t.type in VIOLENT]
    return bool(violent) and all(doc.doc[t.head].lemma_.lower() in words("raid_words") for t in violent) \
        and any(t.subtype == "arrests" for t in g.triggers) and not any(c.count.best for c in found)


def taken_by(g: Group, doc: Document) -> str | None:
    """Territory taken by state forces is regained by the government, by an armed group overtaken by a
    non-state actor, whatever the verb ("troops captured the town", "the Taliban retook the district");
    between two forces of the state the verb decides."""
    taking = [t for t in g.triggers if t.subtype in TERRITORY]
    takers = [p for t in taking for p in t.perpetrators]
    if not armed(takers, doc):
        return None
    state = [p for p in takers if state_forces([p], doc)]
    if not state:
        return "non_state_actor_overtakes_territory"
    sents = [doc.doc[t.head].sent for t in taking]
    forces = {e.id: e for e in doc.entities if e.actor_type == "state_force"}
    mine = {forces[p.entity].country_code for p in takers if p.entity in forces}
    rivals = {e.id for e in forces.values() for m in e.mentions if e.country_code in mine
              and any(s.start_char <= m.start < s.end_char for s in sents)} - {p.entity for p in takers}
    # "the RSF took control of the SAF division headquarters": one force of a state took it from another
    return "government_regains_territory" if len(state) == len(takers) and not rivals else None


def unopposed(g: Group, doc: Document) -> bool:
    """ "The TNLA took over several villages after the army withdrew. No fighting was reported.": territory
    taken with no fight of its own, where the text says none was fought, changed hands without violence."""
    return not any(t.type in VIOLENT and t.subtype not in TERRITORY for t in g.triggers) and any(
        t.negated and t.type == "battles" and t.subtype not in TERRITORY for t in doc.triggers)


def lethal(g: Group, killed: Count | None, doc: Document) -> bool:
    """Force on protesters is excessive (ACLED) when it is lethal: people killed, live ammunition, or
    shooting with no less-lethal means told beside it ("opened fire on the marchers"); tear gas, rubber
    bullets, pellets, water cannon and batons that injure are an intervention."""
    if killed is not None and killed.best:
        return True
    sents = {doc.doc[t.head].sent.start: doc.doc[t.head].sent for t in g.triggers}.values()
    if any(phrase in sent.text.lower() for sent in sents for phrase in knowledge()["lethal_force_phrases"]):
        return True
    said = {w.lower_ for sent in sents for w in sent}
    shots = any(doc.doc[t.head].lemma_.lower() in words("firing_words") for t in g.triggers)
    return shots and not said & words("less_lethal_words")


def armed_sides(perps: list[Participant], doc: Document) -> bool:
    """Whether the sides of a clash are armed actors: a known armed group or force, or fighters."""
    return armed(perps, doc) and not any(last_word(p) in words("mob_words") for p in perps)


def state_forces(perps: list[Participant], doc: Document) -> bool:
    """Whether the doers are police, troops or another state force ("SPLA-IO forces" are a rebel group's)."""
    entities = {e.id: e for e in doc.entities}
    return any(p.entity in entities and entities[p.entity].actor_type == "state_force"
               or listed(last_word(p), state_force_words()) and not group_inside(p, doc) for p in perps)


def enemy_post(p: Participant, doc: Document) -> bool:
    """A post named for the armed group that holds it ("rebel positions", "Taliban bases"), not for a
    state force ("an army checkpoint")."""
    return group_inside(p, doc) or any(w in words("armed_target_words") and not listed(w, state_force_words())
                                       for w in (p.mention or "").lower().split()[:-1])


def armed(targets: list[Participant], doc: Document) -> bool:
    """Whether a target is armed (soldiers, police, militants, a checkpoint or base, a known force or armed
    group): ACLED codes an attack on armed actors as a battle, and keeps violence against civilians for the
    unarmed. Words are matched on the mention's last word or its last two, so "army officers" counts and
    "army doctors" does not."""
    entities = {e.id: e for e in doc.entities}
    for p in targets:
        ent = entities.get(p.entity) if p.entity else None
        if ent is not None and (ent.actor_type in words("armed_actor_types") or any(
                a in entities and entities[a].actor_type in words("armed_actor_types") for a in ent.affiliations)):
            return True  # a force or group, or one of its men ("Hizbul Mujahideen commander Riyaz Naikoo")
        tail = p.mention.lower().split()[-2:]
        if tail and (tail[-1] in words("armed_target_words") or " ".join(tail) in words("armed_target_phrases")):
            return True
        if tail and tail[-1] in words("force_site_words") | words("member_words") and p.start is not None and any(
                e.actor_type in words("armed_actor_types") and any(p.start <= m.start and m.end <= p.end
                                                                   for m in e.mentions) for e in doc.entities):
            return True  # "the ENDF Northern Command headquarters", "6 ANDSF members"
    return False


def best_subtype(subtypes: list[str]) -> str:
    """The most specific evidence wins ("twin blasts" + "explosive belts" is a suicide bombing)."""
    priority = knowledge()["subtype_priority"]
    ranked = [s for s in priority if s in subtypes]
    if ranked:
        return ranked[0]
    return next((s for s in subtypes if s not in GENERIC_SUBTYPES), subtypes[0])


def confidence(g: Group, found: list[Casualty], perps: list[Participant]) -> float:
    """More independent mentions and filled arguments make an event more certain."""
    score = 0.4 + 0.1 * min(len(g.triggers), 3) + 0.1 * bool(found) + 0.1 * bool(perps) + 0.1 * bool(g.places)
    return min(score, 0.95)
