"""The data model every stage shares.

A `Document` travels through the pipeline: readers fill its text, cleaning adds the
parse-ready copy, each annotation stage appends to its own list, and event assembly
reads them all. The contract's JSON (`views.contract`) is a view of these objects, so a
field added here can be added to the output without touching any stage.

All offsets are Python string indices into `Document.text`, exactly as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
Attribution = Literal["claimed", "accused", "suspected", "confirmed", "reported"]


@dataclass
class Span:
    """A stretch of the document text."""

    text: str
    start: int
    end: int


@dataclass
class Post:
    """An embedded social-media post (`@handle · Follow … 11:41 AM · Jan 4, 2024`)."""

    start: int
    end: int
    author: str | None = None
    handle: str | None = None
    posted: str | None = None  # ISO date of the post's timestamp
    timestamp: Span | None = None


@dataclass
class Time:
    """A date expression and its normalised value.

    `anchor` says what the value was resolved against, so that a later stage can
    re-resolve expressions tied to another event ("a day after X", "20 minutes later").
    """

    mention: str
    start: int
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be placed
    precision: Precision | None = None
    anchor: Literal["absolute", "published", "event", "none"] = "absolute"
    # For event-relative expressions: signed offset in days from the referenced event
    # ("a day after" = +1 relative to the event in the `after` clause).
    offset_days: int | None = None
    offset_years: int | None = None  # "the fourth anniversary of X" = X + 4 years
    relation: Literal["after", "before", "later", "earlier", "anniversary"] | None = None
    offset_months: int | None = None  # "two months after X" = X + 2 months
    days: int = 1  # days the expression covers at its precision: "the weekend" is its Saturday, and 2


@dataclass
class Place:
    """A toponym, resolved to a gazetteer entry where one fits."""

    mention: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str = "other"  # city | admin1 | admin2 | country | region | site | other
    admin2: str | None = None
    population: int | None = None
    demonym: bool = False  # "Iraqi": counted as a toponym by LGL-style corpora, never an event location


@dataclass
class Entity:
    """One real-world referent (person, group, state, place) with all its mentions."""

    id: str
    name: str
    kind: Literal["person", "organization", "location", "other"]
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # From the knowledge base when resolved: its key, actor type and country.
    kb_id: str | None = None
    actor_type: str | None = None  # state | state_force | armed_group | ... (see data/actors.json)
    country_code: str | None = None
    roles: list[str] = field(default_factory=list)  # appositions: "commander of the Quds Force"
    # Ids of the groups and states its roles name ("Hamas" in "a top Hamas leader"): who a
    # spokesperson or official speaks for.
    affiliations: list[str] = field(default_factory=list)


@dataclass
class Count:
    """A casualty figure with its bounds (`over 100` → low 101)."""

    best: int | None
    low: int | None = None
    high: int | None = None
    text: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Casualty:
    """A killed or injured figure found in the text, before it is tied to an event."""

    kind: Literal["killed", "injured"]
    count: Count
    revision: bool = False  # "has risen to 103": supersedes earlier figures
    trigger: Span | None = None  # the word saying killed/injured
    victims: Span | None = None  # who: "people", "two soldiers"
    mixed: bool = False  # "three casualties": killed and injured together, split unknown
    # "attackers" (their own dead), "also" (added: "7 Taliban were also killed"), "all" (names them:
    # "including the bomber"), "one" (a definite person)
    side: str | None = None
    tally: bool = False  # a figure and its noun alone ("70 fatalities."): the text's own count, preferred


@dataclass
class Claim:
    """A statement tying an actor to an act: claimed, accused, suspected, confirmed."""

    attribution: Attribution
    cue: Span  # "claimed responsibility", "accused", "believed"
    actor: Span | None = None  # who claims / accuses
    scope_start: int = 0  # the character range the attribution governs
    scope_end: int = 0
    denied: bool = False  # "the army denied that guerrillas attacked": the scope's act is disputed
    exempt: list = field(default_factory=list)  # (start, end) it does not govern: state forces in a group's
    # claimed scope; the act told before an accusation of "the attack", whose doers are not the accused


@dataclass
class Participant:
    name: str
    mention: str
    kind: Literal["organization", "individual", "human", "physical"]
    entity: str | None = None
    attribution: Attribution = "reported"
    start: int | None = None
    end: int | None = None


@dataclass
class Trigger:
    """A word or phrase that reports an event, with the arguments the parse gives it.

    `places` and `times` index `Document.places` / `Document.times` entries attached to
    the trigger by syntax ("in Beirut", "on Wednesday"); assembly falls back to nearby ones.
    """

    span: Span
    head: int  # token index of the trigger's head in `Document.doc`
    type: str
    subtype: str
    perpetrators: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    weapons: list[Span] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    negated: bool = False  # "denied that guerrillas attacked"
    habitual: bool = False  # "a regime which assassinates priests": violence in general, no one act
    hypothetical: bool = False  # threats, plans, failed attempts
    outcome: bool = False  # a death/injury/damage word: tells what came of an act, needs one beside it


@dataclass
class Event:
    id: str
    type: str
    subtype: str
    date: str | None = None
    date_precision: Precision | None = None
    location: Place | None = None
    perpetrators: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    weapons: list[Span] = field(default_factory=list)
    killed: Count | None = None
    injured: Count | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    trigger: Span | None = None


@dataclass
class Document:
    """An article and everything the pipeline has found in it."""

    id: str
    text: str
    published: str | None = None
    published_source: Literal["given", "inferred", "none"] = "none"
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (path, path:line)
    html: bool = False  # text was extracted from HTML, so the output repeats it
    clean: str = ""  # `text` with markup blanked out, same length: offsets carry over
    posts: list[Post] = field(default_factory=list)
    doc: Any = None  # the spaCy Doc over `clean`
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Shrink [start, end) past blanked markup and spaces at its edges ("# Suicide bomber")."""
        visible = self.clean or self.text
        while start < end and visible[start].isspace():
            start += 1
        while end > start and visible[end - 1].isspace():
            end -= 1
        return start, end

    def span(self, start: int, end: int) -> Span:
        start, end = self.trim(start, end)
        return Span(self.text[start:end], start, end)
