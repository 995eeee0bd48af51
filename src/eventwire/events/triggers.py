"""The `triggers` stage: words that report an event, typed into the contract's taxonomy.

A lexicon (data/triggers.json) maps lemmas to senses; a sense may need context ("strike"
is an air strike only near air/drone/missile words). A key may be a verb with its particle or
preposition ("shoot down", "fire on"), whose object can be required to be a concrete thing, not a
time ("fired on protesters", not "fired on Monday"), or one of a class ("broke into a house",
"withdrew from Sheberghan" but not "from the talks", "fought ISWAP"), whose members may be kinds of
mention. A sense may need two kinds of context at once ("took over the city" and "without a fight").
Generic violence words (attack, kill, blast) take their subtype from the instrument the parse
attaches to them: "killed in a drone strike" is an air/drone strike, "detonated explosive belts"
a suicide bombing, "a drone targeted a car, killing two" an air strike, and shells fired with small arms a
ground assault ("attacked the base with mortars and small arms"); a word that is a weapon only in
some senses must be one there ("set off a mine", not "attacked a gold mine"). Violence in play
("were play fighting") is none, and a crowd destroying property while it demands something, or beside
its blockade or march, riots; protesters "denouncing" something protest, they make no statement, and an act
named in what they call for ("calling for justice for the killing of activists") is none of theirs. The launch
of what was intercepted ("intercepted missiles fired by X") is the interception's, no act of its own.
Each trigger is marked `negated` ("denied that guerrillas attacked", "no one was killed")
or `hypothetical` (threats, plans, modals, failed attempts) or `habitual` (violence in general, not one
act) so that assembly can weigh it.
Matching uses lowercase lemmas, so lowercased and uppercase texts work alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from ..model import Document, Trigger

WINDOW = 3  # tokens either side in which a sense's required context may appear
VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}
DENIED_VIA = {"ccomp", "xcomp", "conj"}
CLIMB = {"ccomp", "xcomp", "advcl", "acl", "prep", "pobj", "pcomp", "dobj", "conj", "attr", "oprd"}


def load(name: str) -> dict:
    """A packaged JSON data file, by path relative to eventwire/data."""
    return json.loads(resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8"))


def lemma(tok) -> str:
    return tok.lemma_.lower()


def verb_keys(tok) -> set[str]:
    """Lemma and plain forms: the lemmatizer misreads some regular verbs ("staged" -> "stag")."""
    low = tok.lower_
    keys = {lemma(tok), low}
    for suffix, cut in (("ed", 1), ("ed", 2), ("es", 1), ("s", 1), ("ing", 3)):
        if low.endswith(suffix):
            keys.add(low[:-cut])
    return keys


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}


def noun_like(tok) -> bool:
    """Uppercase and lowercase texts confuse NOUN and PROPN; the lexicon only needs 'a noun'. A plural
    noun the tagger took for a verb in -s ("Air Force airstrikes targeted") or a gerund heading a
    subject ("fighting between X and Y left 25 dead") is one by its function."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag_ in ("VBZ", "VBG") and tok.dep_ in NOMINAL_DEPS


@dataclass(frozen=True)
class Sense:
    type: str
    subtype: str
    pos: frozenset
    requires: frozenset = frozenset()
    also: frozenset = frozenset()  # a second context, in the wider one ("without" beside "took over the city")
    generic: bool = False
    outcome: bool = False  # tells what came of an act; needs a violent word beside it
    object: str = ""  # what the key's object must be: "concrete" (not a time) or a noun class
    beside_violence: tuple = ()  # (type, subtype) taken in a sentence with another violent word ("broke in and shot")
    by_crowd: bool = False  # destruction that a crowd doing it makes a riot
    past_doer: bool = False  # only a past act with its doer told ("the government released 98 prisoners")
    whole_object: bool = False  # every conjunct of the object in the class ("burned tyres", not "tyres and a bank")
    doer: str = ""  # a noun class its subject must be in ("a crowd threw Molotov cocktails", not "into a crowd")


@dataclass(frozen=True)
class Lexicon:
    senses: dict  # lemma -> tuple[Sense, ...]
    weapons: frozenset
    small_arms: frozenset  # "with mortars and small arms": guns beside shells make a ground assault
    weapon_needs: dict  # weapon word -> words that make it one ("a gold mine" is none, "set off a mine" is)
    instruments: dict  # lemma -> explosions_remote_violence subtype
    precedence: dict  # subtype -> rank (lower wins)
    suicide: frozenset
    firearms: frozenset
    bearer_verbs: frozenset  # "assailants wearing explosive vests": what they wear or hold is the instrument
    negators: frozenset
    denial_heads: frozenset
    light_verbs: frozenset  # "carry out", "stage", "launch" an attack
    falsity_words: frozenset  # "the report that ... is unfounded"
    report_nouns: frozenset
    stop_heads: frozenset  # "stop bombing civilian targets"
    hypothetical_heads: frozenset
    announce_verbs: frozenset  # "announced that it would end its ceasefire": a decision made
    conditional_marks: frozenset
    habitual_adverbs: frozenset
    habitual_adjectives: frozenset  # "the constant raids"
    means_preps: frozenset  # "by kidnapping businessmen"
    natural: frozenset  # causes and victims that make a violence word non-political
    phrasal_heads: frozenset  # first words of "verb particle" keys
    classes: dict  # noun class name -> lemmas, for phrasal objects
    times: frozenset  # nouns that make an object a time ("fired on Monday")
    control_nouns: frozenset  # "control of X" stands for X
    person_nouns: frozenset  # "armed men": words for people that their adjective tells apart
    kind_heads: frozenset  # nouns a trigger word only classifies ("assault rifle", "riot police")
    temporal_marks: frozenset  # conjunctions of a clause that dates another ("after", "before")
    victim_nouns: frozenset  # acts done to someone ("the death of", "the killing of")
    past_as_base: frozenset  # verbs whose past is their base form ("set off"): a VBP tag may be a past
    grievance_preps: frozenset  # "protested over the killing of": what a protest is about
    feeling_words: frozenset  # "protesters angered by the killing of": what a crowd reacts to
    aftermath_marks: frozenset  # "demonstrated after a policeman shot a man": what came before the act
    game_words: frozenset  # "play fighting": violence in a game
    scene_nouns: frozenset  # "the encounter site": a place named by an act
    protest_cues: frozenset  # "vandalised the office demanding relief": a crowd's destruction is a protest


@cache
def lexicon() -> Lexicon:
    t, w = load("triggers.json"), load("weapons.json")
    senses = {
        lem: tuple(
            Sense(s["type"], s["subtype"], frozenset(s["pos"]), frozenset(s.get("requires", ())),
                  frozenset(s.get("also_requires", ())), s.get("generic", False), s.get("outcome", False),
                  s.get("object", ""), tuple(s.get("beside_violence", ())), s.get("by_crowd", False),
                  s.get("past_doer", False), s.get("whole_object", False), s.get("doer", ""))
            for s in entries
        )
        for lem, entries in t["lemmas"].items()
    }
    return Lexicon(
        senses=senses,
        weapons=frozenset(w["weapons"]),
        small_arms=frozenset(w["small_arms"]),
        weapon_needs={k: frozenset(v) for k, v in w["phrase_heads"].items()},
        instruments=dict(w["instruments"]),
        precedence={s: i for i, s in enumerate(w["precedence"])},
        suicide=frozenset(t["suicide_words"]),
        firearms=frozenset(t["firearms"]),
        bearer_verbs=frozenset(w["bearer_verbs"]) | frozenset(w["container_verbs"]),
        negators=frozenset(t["negators"]),
        denial_heads=frozenset(t["denial_heads"]),
        light_verbs=frozenset(t["light_verbs"]),
        falsity_words=frozenset(t["falsity_words"]),
        report_nouns=frozenset(t["report_nouns"]),
        stop_heads=frozenset(t["stop_heads"]),
        hypothetical_heads=frozenset(t["hypothetical_heads"]),
        announce_verbs=frozenset(t["announce_verbs"]),
        conditional_marks=frozenset(t["conditional_marks"]),
        habitual_adverbs=frozenset(t["habitual_adverbs"]),
        habitual_adjectives=frozenset(t["habitual_adjectives"]),
        means_preps=frozenset(t["means_preps"]),
        natural=frozenset(t["natural_causes"]) | frozenset(t["animals"]),
        phrasal_heads=frozenset(k.split()[0] for k in senses if " " in k),
        classes={k: frozenset(v) for k, v in t["object_classes"].items()},
        times=frozenset(t["time_nouns"]),
        control_nouns=frozenset(t["control_nouns"]),
        person_nouns=frozenset(t["person_nouns"]),
        kind_heads=frozenset(t["kind_heads"]) | frozenset(w["weapons"]),
        temporal_marks=frozenset(t["temporal_marks"]),
        victim_nouns=frozenset(t["victim_nouns"]),
        past_as_base=frozenset(t["past_as_base"]),
        grievance_preps=frozenset(t["grievance_preps"]),
        feeling_words=frozenset(t["feeling_words"]),
        aftermath_marks=frozenset(t["aftermath_marks"]),
        game_words=frozenset(t["game_words"]),
        scene_nouns=frozenset(t["scene_nouns"]),
        protest_cues=frozenset(t["protest_cues"]),
    )


def context(tok, wide: bool = False) -> set[str]:
    """Lemmas and lowercase forms a sense's `requires` may name: its head, children, objects of its
    prepositions ("hacked three villagers to death", "entered the town without fighting", "dropped by a
    helicopter"), nearby tokens ("took its 25 crew members hostage"), for a noun joined to another, the word that
    one hangs on ("held a march and rally"),
    for the object of a preposition, the word the preposition hangs on ("took two nurses as hostages") and,
    for a verb with no object, the object it shares with the verb joined to it ("intercepted and destroyed a drone").
    The wide context, where `also_requires` is met, adds what qualifies the objects ("named X as its new
    leader", "declared a state of emergency", "launched a missile towards Marib"), and who holds them
    ("cleared the last building held by the militants")."""
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - WINDOW), min(sent.end, tok.i + WINDOW + 1)
    near = list(tok.doc[lo:hi]) + list(tok.children) + [tok.head]
    if tok.dep_ == "pobj":
        near.append(tok.head.head)
    if tok.dep_ == "nsubj":  # "clashes broke out between two communities": the sides hang on the verb
        near += [g for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children]
    if tok.dep_ == "conj" and noun_like(tok) and noun_like(tok.head):  # "held a motorcade and rally": the verb is both's
        near.append(tok.head.head)
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in tok.children):
        near += [c for c in tok.head.children if c.dep_ == "nsubj"]  # "mobs torched houses and clashed"
    # "entered Izium and raised the flag after Russian troops withdrew": the clause dates both verbs
    near += [g for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for g in c.children if g.dep_ == "advcl"]
    if tok.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in tok.children):  # "V1 and V2 the object"
        near += [o for c in tok.children if c.dep_ == "conj" and c.i == tok.i + 2 and tok.doc[tok.i + 1].dep_ == "cc"
                 for o in c.children if o.dep_ == "dobj"]
    objects = [g for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ in ("pobj", "pcomp")]
    near += objects
    # "exchanged small arms and grenade launcher fire": the last of coordinated objects, however parsed, is one
    near += [g for c in tok.children if c.dep_ == "dobj" for j in c.conjuncts
             for g in (j, *(o for o in j.children if o.dep_ == "dobj"))]
    if wide:
        direct = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += direct
        qualifiers = [g for o in objects for g in o.children if g.dep_ in ("amod", "compound", "nummod", "acl")]
        qualifiers += [g for o in direct for g in o.children if g.dep_ == "prep"]  # "a missile towards Marib"
        near += qualifiers
        near += [p for o in objects + qualifiers for g in o.children if g.dep_ in ("prep", "agent")
                 for p in g.children if p.dep_ == "pobj"]
    return {lemma(t) for t in near} | {t.lower_ for t in near}


def sense_of(tok, lex: Lexicon, kinds: dict | None = None) -> Sense | None:
    """The first sense of the token's lemma (or of its "verb particle" key) whose conditions hold;
    `kinds` maps the indices of tokens inside place and organization mentions to "PLACE" / "ORG"."""
    key = lemma(tok)
    if key not in lex.senses and tok.lower_ not in lex.senses and key not in lex.phrasal_heads:
        return None  # most words: asked of every token
    if tok.ent_type_ in ("DATE", "TIME") or not tok.is_alpha and "-" not in tok.text:
        return None
    pos = "NOUN" if noun_like(tok) else tok.pos_
    if pos == "NOUN" and tok.dep_ == "compound" and lemma(tok.head) in lex.kind_heads:
        return None  # "assault rifles", "riot police": a kind of thing, no event
    phrasal: dict[str, list] = {}
    if key in lex.phrasal_heads:
        for c in tok.children:
            if c.dep_ in ("prt", "prep"):
                phrasal.setdefault(f"{key} {c.lower_}", []).append(c)
    ctx = wide = None
    for k in (*phrasal, *dict.fromkeys((key, tok.lower_))):
        for s in lex.senses.get(k, ()):
            if pos not in s.pos:
                continue
            if s.requires:
                ctx = context(tok) if ctx is None else ctx
                if not s.requires & ctx:
                    continue
            if s.also:
                wide = context(tok, wide=True) if wide is None else wide
                if not s.also & wide:
                    continue
            if s.past_doer and not (tok.tag_ in ("VBD", "VBN")
                                    and any(c.dep_ in ("nsubj", "agent") for c in tok.children)):
                continue
            if s.doer and not any(lemma(d) in lex.classes[s.doer] or d.lower_ in lex.classes[s.doer]
                                  for d in doers(tok)):
                continue
            particles = phrasal.get(k, (None,))
            if s.object and not any(fits_object(tok, p, s.object, lex, kinds or {}, s.whole_object) for p in particles):
                continue
            return s
    return None


def fits_object(tok, particle, wanted: str, lex: Lexicon, kinds: dict, whole: bool = False) -> bool:
    """Whether the key's object is a concrete thing (not a time: "fired on Monday") or in a noun class, by its
    lemma or, written "@ORG", its kind of mention ("fought ISWAP") or entity label. The object of a
    preposition ("fired on") is its own; that of a verb alone or with an adverb particle ("dispersed the
    crowd", "broke up the rally") is its direct object or passive subject, which a passive joined to another shares
    ("were dragged from their cars and beaten"): "the crowd dispersed" has none;
    "control of the bakery" is the bakery; `whole` asks it of each of the object's conjuncts."""
    if wanted == "sides":
        return two_sides(tok, lex, kinds)
    obj = next((c for c in particle.children if c.dep_ == "pobj"), None) if particle is not None else None
    if obj is None and (particle is None or particle.dep_ == "prt"):
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None and tok.dep_ == "conj" and tok.tag_ == "VBN":  # "were dragged from their cars and beaten"
            obj = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    if obj is None:
        return False
    if lemma(obj) in lex.control_nouns:
        obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), obj)
    if wanted == "concrete":
        return obj.ent_type_ not in ("DATE", "TIME") and lemma(obj) not in lex.times
    members = lex.classes.get(wanted, ())
    return all(in_class(o, members, lex, kinds) for o in (obj, *obj.conjuncts) if whole or o is obj)


def in_class(obj, members, lex: Lexicon, kinds: dict) -> bool:
    """Whether a noun is one of a class's members, by its lemma or form (the lemmatizer misses some plurals),
    its kind of mention ("@ORG") or entity label, or the words that say what it is."""
    # "captured cartel leader Dairo Antonio Usuga": the noun before a name says what it is
    titles = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"] if obj.pos_ == "PROPN" else []
    # "seized three of the workers", "three International Committee of the Red Cross workers": counted, the
    # noun after "of" is what was counted
    if any(c.dep_ == "nummod" for c in obj.children):
        titles += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if lemma(obj) in lex.person_nouns:  # "armed men": a bare word for people is what its adjective says
        titles += [c for c in obj.children if c.dep_ == "amod"]
    return lemma(obj) in members or obj.lower_ in members or f"@{kinds.get(obj.i)}" in members \
        or f"@{obj.ent_type_}" in members or any(lemma(t) in members for t in titles)


def two_sides(tok, lex: Lexicon, kinds: dict) -> bool:
    """ "The Tatmadaw and the Arakan Army fought near Kyauktaw": a verb with no object whose subject is armed
    sides joined by "and" tells a fight between them."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return False
    armed = lex.classes["armed"]
    return any(c.dep_ == "nsubj" and c.conjuncts and all(in_class(t, armed, lex, kinds) for t in (c, *c.conjuncts))
               for c in tok.children)


def armed_sense(tok, lex: Lexicon) -> bool:
    """A word that is a weapon only in some senses is one when a modifier or the verb it hangs on (through
    a preposition: "stepped on a mine") says so: "set off a mine", not "attacked a gold mine"."""
    needs = lex.weapon_needs.get(lemma(tok))
    if needs is None:
        return True
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return any(lemma(t) in needs or t.lower_ in needs for t in (*tok.children, head))


def instrument_tokens(tok, lex: Lexicon):
    """Tokens that may name how the act was done: modifiers, objects and instrument phrases; an object
    in a sense that is no weapon is what was hit ("attacked a gold mine")."""
    for c in tok.children:
        if c.dep_ in ("nsubjpass", "dobj") and not armed_sense(c, lex):
            continue
        if c.dep_ in ("compound", "amod", "nmod", "nsubj", "nsubjpass", "dobj", "npadvmod"):
            yield c
            yield from (g for g in c.children if g.dep_ in ("compound", "amod"))
            yield from borne(c, lex)
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with", "from", "during", "using"):
            for p in c.children:
                if p.dep_ == "pobj":
                    yield p
                    yield from (g for g in p.children if g.dep_ in ("compound", "amod"))
                    yield from borne(p, lex)
    if tok.dep_ in ("compound", "amod") and noun_like(tok.head):  # "bomb attack" seen from "bomb"
        yield tok.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB" and sense_of(tok.head, lex) is None:
        # "a drone targeted a car, killing two": the clause's instrument is the killing's (unless the clause
        # tells an act of its own: "hurled a petrol bomb at a bus, killing 7")
        for c in tok.head.children:
            if c.dep_ == "nsubj" or c.dep_ == "dobj" and armed_sense(c, lex):
                yield c
                yield from (g for g in c.children if g.dep_ in ("compound", "amod"))


def borne(noun, lex: Lexicon):
    """What a doer or a projectile carries, told in a clause on it: "assailants wearing explosive vests",
    "shells containing chlorine gas", "a car packed with explosives" (not "a bulletproof vest")."""
    for verb in noun.children:
        if verb.dep_ == "acl" and lemma(verb) in lex.bearer_verbs and not any(c.dep_ == "prt" for c in verb.children):
            things = [c for c in verb.children if c.dep_ == "dobj"]
            things += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            for t in things:
                if armed_sense(t, lex):
                    yield t
                    yield from (g for g in t.children if g.dep_ in ("compound", "amod"))


def retype(tok, sense: Sense, lex: Lexicon) -> tuple[str, str]:
    """A generic sense takes the strongest instrument subtype found around it."""
    if not sense.generic:
        return sense.type, sense.subtype
    if sense.type == "explosions_remote_violence" and gun_fired(tok, lex):
        shot = lex.senses["shoot"][0]
        return shot.type, shot.subtype
    best = None
    for t in instrument_tokens(tok, lex):
        for key in (lemma(t), t.lower_):
            if key in lex.suicide and killing_and_suicide(tok, t, lex):
                continue
            sub = "suicide_bomb" if key in lex.suicide else lex.instruments.get(key)
            if sub and (best is None or lex.precedence[sub] < lex.precedence[best]):
                best = sub
    own = lex.instruments.get(lemma(tok))
    if best is None and own and sense.type == "explosions_remote_violence":
        best = own
    if best is None or best == "shelling_artillery_missile_attack" and with_small_arms(tok, lex):
        return sense.type, sense.subtype
    return "explosions_remote_violence", best


def with_small_arms(tok, lex: Lexicon) -> bool:
    """ "Attacked an army base with mortars and small arms": shelling joined by gunfire is a ground assault, a
    clash as ACLED codes it, no remote violence."""
    return any(lemma(c) in lex.small_arms or c.lower_ in lex.small_arms
               for t in instrument_tokens(tok, lex) for c in (t, *t.conjuncts))


def gun_fired(tok, lex: Lexicon) -> bool:
    """ "The rifle went off", "playing with a gun when it went off": a shot, not a blast."""
    for c in tok.children:
        if c.dep_ == "nsubj" and (lemma(c) in lex.firearms or c.lower_ == "it" and any(
                lemma(w) in lex.firearms for w in tok.doc[tok.sent.start : c.i])):
            return True
    return False


def killing_and_suicide(tok, suicide, lex: Lexicon) -> bool:
    """ "an apparent murder-suicide", "died in a murder-suicide": a killing and a suicide, not a suicide bombing."""
    return suicide.i == tok.head.i or any(c.dep_ == "compound" and lemma(c) in lex.senses for c in suicide.children)


def trigger_extent(tok, lex: Lexicon) -> tuple[int, int]:
    """Character extent: the head plus instrument modifiers and particles ("drone strike", "blow up")."""
    start, end = tok.idx, tok.idx + len(tok.text)
    for c in tok.children:
        key = lemma(c)
        if c.dep_ in ("compound", "amod") and c.i < tok.i and (key in lex.instruments or key in lex.suicide):
            start = min(start, c.idx)
        elif c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c.text)
    return start, end


def natural(tok, lex: Lexicon) -> bool:
    """The agent, cause or victim is a disease, a disaster or animals: "the virus killed", "kill 10,000 birds"."""
    near = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "amod", "attr")]
    near += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "from", "by", "in", "against")
             for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp") and tok.head is not tok:
        near += [tok.head, *(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))]
    near += [p for t in near for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj"]  # "thousands of birds"
    return any((lemma(t) in lex.natural or t.lower_ in lex.natural) and t.pos_ != "VERB" for t in near)  # not "stormed"


def armed_doer(tok, lex: Lexicon) -> bool:
    """ "Assailants destroyed a telecommunications tower", "residents damaged hospital property": armed men
    or a crowd bring about the outcome themselves."""
    armed = lex.classes["armed"] | lex.classes["crowd"]
    return any(c.dep_ == "nsubj" and (lemma(c) in armed or c.lower_ in armed) for c in tok.children)


TERRITORY = {"government_regains_territory", "non_state_actor_overtakes_territory",
             "non_violent_transfer_of_territory"}
RIOT = Sense("riots", "violent_demonstration", frozenset())


def doers(tok) -> list:
    """The subjects of a verb, or of the verb it is joined to ("blocked the road and vandalised shops"); of a
    quantity, what it counts ("hundreds of people")."""
    found = [c for c in tok.children if c.dep_ == "nsubj"]
    if not found and tok.dep_ == "conj":
        found = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return [next((p for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"), d) if d.like_num or d.ent_type_ == "CARDINAL" else d for d in found]


def planned(tok, lex: Lexicon) -> bool:
    """ "Protested against a plan to cut down trees", "threatened to burn the office": an infinitive or a
    modal tells an act to come, not one done."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    return any(c.dep_ == "aux" and (c.lower_ == "to" or lemma(c) in lex.hypothetical_heads) for c in verb.children)


def crowd_did(tok, lex: Lexicon) -> bool:
    """Destruction with no doer told, or done by people who gather ("residents", "protesters", "youths")."""
    verb = tok.head if tok.dep_ == "dobj" else tok  # "set fire": the light verb's subject
    rioters = lex.classes["rioters"]
    return all(lemma(d) in rioters or d.lower_ in rioters for d in doers(verb))


def protesting_crowd(tok, sent, lex: Lexicon) -> bool:
    """Property a crowd destroys while it demands or protests ("villagers vandalised the office demanding
    relief") is a violent demonstration; what a crowd destroys otherwise assembly types by who they are."""
    rioters = lex.classes["rioters"]
    return any(lemma(d) in rioters or d.lower_ in rioters for d in doers(tok)) \
        and any(lemma(t) in lex.protest_cues for t in sent)


def intercepted(found: list) -> set[int]:
    """Token indices of what an interception stopped ("intercepted seven missiles and a drone"): its launch,
    told in a clause on it, is no act apart from the interception."""
    objects = [c for tok, s in found if s.subtype == "disrupted_weapons_use"
               for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return {t.i for o in objects for t in (o, *o.conjuncts)}


def coordinated_verb(tok) -> bool:
    """ "Blocked the road and vandalised shops": a participle the parse hangs on its object is still a verb
    when it follows an "and" joining verbs (not "the razed towns and burned houses")."""
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return prev is not None and prev.dep_ == "cc" and prev.head.pos_ == "VERB"


def background(tok, lex: Lexicon) -> bool:
    """An outcome word in a clause that dates the sentence's act ("set fire to a police station after a
    man died in custody") tells of an earlier event, not of what came of the act."""
    return any(c.dep_ == "mark" and c.lower_ in lex.temporal_marks for c in tok.children)


def grievance(tok, protests: set[int], lex: Lexicon) -> bool:
    """A noun naming what a protest is about ("students protested over the killing of a journalist",
    "marched against the arrest of their leader"), or an act that only tells who is meant in what the
    protesters demand ("demands for the prosecution of those who killed protesters"), tells an earlier act,
    not one of this report."""
    if noun_like(tok) and tok.dep_ == "pobj" and tok.head.lower_ in lex.grievance_preps and tok.head.head.i in protests:
        return True
    if (noun_like(tok) or tok.dep_ in ("pcomp", "amod")) and demanded(tok, protests, lex):
        return True
    if tok.dep_ != "relcl" or lemma(tok.head) in lex.protest_cues:
        return False  # "demonstrators who had attacked banks": the protesters' own act
    node = tok.head
    for _ in range(8):  # up the noun phrase the act describes someone in, to a demand
        node = node.head
        if lemma(node) in lex.protest_cues:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return False
    return False


def backdrop(tok, leads: set[int], lex: Lexicon) -> bool:
    """ "Demonstrated after a policeman shot a man", "blocked the road following the church bombings",
    "recaptured the hill after days of shelling", "protesters angered by the murder of a girl": an act told in a
    clause or phrase that dates a crowd's act or a change of territory, or as what a crowd reacts to, is the
    backdrop of the sentence's act, not its own event."""
    node = tok
    for _ in range(6):
        if node.dep_ in ("prep", "agent") and lemma(node.head) in lex.feeling_words:
            return True
        timed = node.dep_ in ("prep", "advcl") and node.lower_ in lex.aftermath_marks or node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.aftermath_marks for c in node.children)
        if timed:  # on the act, the verb that holds it ("staged a protest"), or a clause on its object (a misparse)
            anchor = node.head
            return anchor.i in leads or any(c.dep_ == "dobj" and c.i in leads for c in anchor.children) \
                or anchor.dep_ == "acl" and anchor.head.dep_ == "dobj" and anchor.head.head.i in leads
        if node.dep_ not in ("pobj", "prep", "conj") or node.head is node:
            return False
        node = node.head
    return False


def demanded(tok, protests: set[int], lex: Lexicon) -> bool:
    """ "Returned to the square, calling for accountability for the killing of protesters", "demanding the trial of
    those responsible for killing protesters", "their demands for justice for killed protesters": an act named,
    through a grievance preposition, in the object of what protesters call for is what they protest about."""
    node, about = tok, False
    for _ in range(8):
        if node.dep_ not in ("pobj", "pcomp", "prep", "dobj", "conj", "amod") or node.head is node:
            return False
        about = about or node.dep_ == "prep" and node.lower_ in lex.grievance_preps
        node = node.head
        if about and noun_like(node) and lemma(node) in lex.protest_cues:
            return True  # "renewed their demands for accountability for killed protesters"
        if node.pos_ in ("VERB", "AUX"):
            return about and (node.i in protests or node.dep_ in ("acl", "advcl") and node.head.i in protests)
    return False


def scene(tok, lex: Lexicon) -> bool:
    """ "Pelted stones near the encounter site", "at the blast scene": an act's noun naming a place points at
    an act told elsewhere, it tells none itself."""
    return noun_like(tok) and tok.dep_ in ("compound", "nmod") and lemma(tok.head) in lex.scene_nouns


def game(tok, lex: Lexicon) -> bool:
    """ "Were play fighting", "a play-fight", "a pretend shootout": the word just before, joined to it, makes the
    violence a game."""
    prev = tok.i - 1
    while prev >= tok.sent.start and tok.doc[prev].is_punct:
        prev -= 1
    if prev < tok.sent.start:
        return False
    word = tok.doc[prev]
    return lemma(word) in lex.game_words and (word.head.i == tok.i or tok.head.i == word.i)


def is_weapon(tok, lex: Lexicon) -> bool:
    return noun_like(tok) and lemma(tok) in lex.weapons


def negative_det(tok) -> bool:
    """ "no" as a determiner, but not the abbreviation of "number" ("detachment no 4")."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "det" and tok.lower_ == "no" and not (nxt is not None and nxt.text[:1].isdigit())


def negated(tok, lex: Lexicon) -> bool:
    """Explicit negation, a negative participant ("no one was killed"), a negated light verb ("a battle of
    such proportions had not been staged", "did not launch an attack"), or a denial above it."""
    if tok.dep_ in ("nsubjpass", "dobj") and verb_keys(tok.head) & lex.light_verbs and any(
            c.dep_ == "neg" for c in tok.head.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if negative_det(c):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            c.lower_ in lex.negators or any(negative_det(d) for d in c.children)
        ):
            return True
    node, deps = tok, DENIED_VIA | {"dobj"}  # "denied the massacre", "denied that ... attacked"
    for _ in range(3):
        if node.dep_ not in deps or node.head is node:
            break
        node, deps = node.head, DENIED_VIA
        if lemma(node) in lex.denial_heads and not any(c.dep_ == "neg" for c in node.children):
            return True
    return refuted(tok, lex)


def refuted(tok, lex: Lexicon) -> bool:
    """ "The report that the ambassador's daughter was wounded is absolutely unfounded": the clause of a
    report that the sentence calls false."""
    node = tok
    while node.dep_ in ("conj", "pobj", "agent", "prep") and node.head is not node:  # "wounded by gunfire"
        node = node.head
    report = node.head
    if node.dep_ not in ("acl", "ccomp") or lemma(report) not in lex.report_nouns or report.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verdict = report.head
    return any(c.dep_ in ("acomp", "attr") and (c.lower_ in lex.falsity_words or any(
        a.lower_ in lex.falsity_words for a in c.children if a.dep_ == "amod")) for c in verdict.children) \
        and not any(c.dep_ == "neg" for c in verdict.children)


def hypothetical(tok, lex: Lexicon) -> bool:
    """Modal or conditional, a purpose ("moved in to take control", "investigations to capture the
    assailants") or an infinitive predicate ("one thing is to fight the enemy", "their aim was to kill"),
    or governed by a threat, plan, attempt or failure."""
    if to_be_stopped(tok, lex) or tok.dep_ == "xcomp" and tok.head.lower_ == "about":  # "about to explode"
        return True
    predicate = tok.dep_ == "advcl" or lemma(tok.head) == "be" and tok.dep_ in ("xcomp", "ccomp", "attr") \
        or tok.dep_ == "acl" and tok.head.pos_ == "NOUN"  # "operations to capture the criminals"
    if predicate and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    node = tok
    for depth in range(4):
        for c in node.children:
            if c.dep_ == "aux" and lemma(c) in lex.hypothetical_heads:
                return True
            if c.dep_ == "mark" and c.lower_ in lex.conditional_marks:
                return True
        if depth and lemma(node) in lex.hypothetical_heads:
            return True
        if node.dep_ not in CLIMB or node.head is node or node.dep_ == "conj" and depth == 0:
            break
        node = node.head
    return False


def to_be_stopped(tok, lex: Lexicon) -> bool:
    """ "Stop bombing civilian targets", "asked him to stop the repression, kidnapping and the use of
    torture", "until it stops the bombings", "demand that murders and kidnappings cease": violence someone
    is to end, not one act. A past "stopped the attack" or "the shooting stopped" stays."""
    node = tok
    while (node.dep_ == "conj" and noun_like(node) or node.dep_ in ("pobj", "prep")) and node.head is not node:
        node = node.head  # "stop assassinations, arrests, use of torture"
    stop = node.head
    ended = node.dep_ in ("dobj", "xcomp") and stop.tag_ not in PAST or node.dep_ == "nsubj" and stop.tag_ in ("VB", "VBP")
    return ended and lemma(stop) in lex.stop_heads \
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in PAST for c in stop.children)


def announced(tok, lex: Lexicon) -> bool:
    """ "The ELN announced that it would not extend its unilateral ceasefire": a decision on what a group will
    do is made when it is announced; the announcement happened, whatever its modal. The parser may hang both
    the announcing verb and its clause on the subject ("the groups announced that they would extend")."""
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            return any(c.dep_ == "acl" and c.i < node.i and lemma(c) in lex.announce_verbs and c.tag_ in PAST
                       for c in node.head.children)
        if node.dep_ not in CLIMB or node.head is node:
            return False
        node = node.head
        if lemma(node) in lex.announce_verbs and node.tag_ in PAST:
            return True
    return False


def protested_by(tok, lex: Lexicon) -> bool:
    """ "Gathered at the Capitol to protest the order", "banged pots to protest": the act done in
    order to protest is the protest (unless that act is itself only planned)."""
    head = tok.head
    return tok.dep_ in ("advcl", "xcomp") and head.tag_ == "VBD" and lemma(head) not in lex.hypothetical_heads


PAST = {"VBD", "VBN"}
SPECIFIERS = {"det", "nummod", "poss", "predet"}
GENERIC_CLIMB = {"prep", "pobj", "conj", "appos", "compound", "dobj", "nsubj", "nsubjpass", "npadvmod"}


def habitual(tok, lex: Lexicon) -> bool:
    """Violence told as a habit or in general, not as one act: an adverb of habit ("generally attack"),
    a present-tense verb with no auxiliary ("a regime which assassinates priests"), or a bare plural
    noun that no past-tense verb governs ("to stop assassinations", "through kidnappings and
    extortion"). The tagger reads a past whose form is the base ("assailants set off a device") as a
    present: for those verbs VBP proves nothing. Callers spare headlines."""
    if any(c.lower_ in lex.habitual_adverbs for c in tok.children):
        return True
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj") and tok.head.tag_ in ("VBZ", "VBP"):
        return True  # "killing civilians is a war crime"
    if means_of_habit(tok, lex):
        return True
    if tok.tag_ == "NNS" and any(a.dep_ == "amod" and a.lower_ in lex.habitual_adjectives for a in tok.children) \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.sent):
        return True  # "concerned about the constant raids by subversive groups"
    if tok.pos_ == "VERB":
        if tok.tag_ == "VBP" and lemma(tok) in lex.past_as_base:
            return False
        auxiliary = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        return tok.tag_ in ("VBZ", "VBP") and not auxiliary and not dated(tok)
    if tok.tag_ != "NNS" or any(c.dep_ in SPECIFIERS for c in tok.children):
        return False
    node = tok
    for _ in range(6):
        if node.dep_ not in GENERIC_CLIMB or node.head is node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":  # "including bomb attacks" climbs on
            past = node.tag_ in PAST or any(c.dep_ in ("aux", "auxpass") and c.tag_ in PAST for c in node.children)
            return not past and not dated(node)
    return False


def means_of_habit(tok, lex: Lexicon) -> bool:
    """ "The group finances itself by kidnapping businessmen and extorting ranchers", "it is not by
    blowing up pipelines that ...": a gerund of means serves a present-tense verb, a habit too."""
    node = tok
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.tag_ != "VBG" or node.dep_ != "pcomp" or node.head.lower_ not in lex.means_preps:
        return False
    verb = node.head.head
    return verb.tag_ in ("VBZ", "VBP") and lemma(verb) not in lex.past_as_base \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not dated(verb)


def dated(tok) -> bool:
    """A clause with a time of its own ("the attacks today come after ...") tells of acts, not habits;
    a verb joined to it keeps its own time ("which assassinates priests and which bombed the capital this
    morning")."""
    own = [t for c in tok.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) for t in c.subtree]
    return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("today", "yesterday", "tonight") for t in [tok, *own])


def headline(sent, n: int) -> bool:
    """The first sentence, or a line without closing punctuation ("Teenager accidentally shoots himself"):
    headline style, whose present tense tells a single act."""
    words = [t for t in sent if not t.is_space]
    return n == 0 or not words or words[-1].text not in ENDS


ENDS = {".", "!", "?", '"', "”", "'", "’", ")"}


def mention_kinds(doc: Document) -> dict[int, str]:
    """Token index -> "PLACE" inside a place mention, "ORG" inside a mention of an organization entity."""
    spans = [("PLACE", p.start, p.end) for p in doc.places if not p.demonym]
    spans += [("ORG", m.start, m.end) for e in doc.entities if e.kind == "organization" for m in e.mentions]
    return {t.i: kind for kind, start, end in spans
            for t in doc.doc.char_span(start, end, alignment_mode="expand") or ()}


class Triggers:
    """Finds and types event triggers sentence by sentence."""

    def __init__(self):
        self.lex = lexicon()

    def __call__(self, doc: Document) -> None:
        if doc.doc is None:
            return
        lex = self.lex
        kinds = mention_kinds(doc)
        for n, sent in enumerate(doc.doc.sents):
            # "razed towns", "burned houses": a participle describing a state tells no act; nor does
            # "a man accused of blasphemy" tell a speech act
            found = [(tok, s) for tok in sent if (s := sense_of(tok, lex, kinds))
                     and not (s.type == "strategic_developments" and tok.dep_ == "amod"
                              and not any(c.dep_ == "nsubj" for c in tok.children)  # a misparse keeps its doer
                              and not coordinated_verb(tok))
                     and not (s.type == "statement" and tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN")
                     and not (s.type in VIOLENT and game(tok, lex)) and not scene(tok, lex)]
            if not found:
                continue
            violent = any(not s.outcome and (s.type in VIOLENT or s.subtype == "looting_property_destruction")
                          for _, s in found) or any(is_weapon(t, lex) for t in sent)
            acts = [tok for tok, s in found if not s.outcome and s.type in VIOLENT]
            # "rioters burned tyres and threw stones at police": what rioters destroy is part of their riot
            riot = next((s for _, s in found if s.type == "riots" and not s.outcome), None)
            # "took control of the town after the army withdrew": with no fighting told, one peaceful handover;
            # "attacked the post and withdrew from the area": a withdrawal told with a fight ends it
            fights = any(s.subtype != "non_state_actor_overtakes_territory" for tok, s in found if tok in acts)
            handover = next((s for _, s in found if s.subtype == "non_violent_transfer_of_territory"), None)
            protests = {tok.i for tok, s in found if s.type == "protests"}
            leads = protests | {tok.i for tok, s in found if s.type == "riots" or s.subtype in TERRITORY}
            found = [(tok, s) for tok, s in found
                     if not (protests and s.type in VIOLENT | {"strategic_developments"}
                             and grievance(tok, protests, lex))
                     and not (s.type in VIOLENT and tok.i not in leads and backdrop(tok, leads, lex))]
            # "angry residents blocked the road and vandalised shops": a crowd that destroys is rioting, and its
            # blockade or march is part of its riot (assembly tells a mob from a demonstration by who and why)
            wrecked = protests and any(s.subtype == "looting_property_destruction" and crowd_did(tok, lex)
                                       and not planned(tok, lex) for tok, s in found)
            riot = riot or (RIOT if wrecked else None)
            stopped = intercepted(found)
            for tok, s in found:
                if tok.dep_ in ("acl", "relcl") and tok.head.i in stopped:
                    continue  # "intercepted missiles fired by the Houthis": the firing is the interception's
                if s.beside_violence and any(t is not tok for t in acts):
                    s = replace(s, type=s.beside_violence[0], subtype=s.beside_violence[1])
                elif riot and (s.subtype == "looting_property_destruction" or wrecked and s.subtype == "peaceful_protest"):
                    s = replace(s, type=riot.type, subtype=riot.subtype)
                elif s.by_crowd and protesting_crowd(tok, sent, lex):
                    s = replace(s, type="riots", subtype="violent_demonstration", outcome=False)
                elif s.type == "statement" and (tok.dep_ == "acl" and lemma(tok.head) in lex.protest_cues
                                                or tok.dep_ in ("acl", "advcl") and tok.head.i in protests):
                    # "protesters denouncing the collapse", "gathered outside the bank denouncing the collapse"
                    s = replace(s, type="protests", subtype="peaceful_protest")
                elif handover and s.subtype == "non_state_actor_overtakes_territory" and not fights:
                    s = replace(s, type=handover.type, subtype=handover.subtype)
                if s.subtype == "non_violent_transfer_of_territory" and fights:
                    continue
                if s.outcome and (not violent and not armed_doer(tok, lex) or background(tok, lex)) \
                        or s.type in VIOLENT and natural(tok, lex):
                    continue
                etype, subtype = retype(tok, s, lex)
                start, end = trigger_extent(tok, lex)
                doc.triggers.append(
                    Trigger(
                        span=doc.span(start, end),
                        head=tok.i,
                        type=etype,
                        subtype=subtype,
                        negated=negated(tok, lex),
                        hypothetical=etype != "statement" and hypothetical(tok, lex) and not (
                            etype == "protests" and protested_by(tok, lex)) and not (
                            subtype == "change_to_group_activity" and announced(tok, lex)),
                        habitual=etype != "statement" and not headline(sent, n) and habitual(tok, lex),
                        outcome=s.outcome,
                    )
                )
