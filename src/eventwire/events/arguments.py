"""The `arguments` stage: who did it, to whom or what, with what, where and when.

For each trigger the dependency parse gives the roles: the subject of an active violent
verb, the by-agent of a passive and the actor modifying a nominal ("Israeli drone strike",
"the FMLN's attack") are perpetrators; objects, passive subjects and the of-phrase of a
nominal ("murder of X") are targets; "with"-phrases, exploding subjects and modifiers give
weapons. Spans are minimal noun phrases (head with its compounds, adjectives and numbers;
no determiner, relative clause or apposition), as event-extraction gold writes them; a
person is named without titles ("president cerezo" -> "cerezo"; a perpetrator keeps a military
rank, "colonel ponce"), a physical target without its demonym ("the salvadoran consulate" ->
"consulate"). The clause above an act can name its doer too: "accused X of", "held X responsible for", "X claimed responsibility for" (with that
attribution), "X were involved in", "X's responsibility for"; "no group has claimed" names nobody. A fight
names its other side ("an encounter with CRPF personnel", "killed in crossfire with police"), a strike or
procession who held it ("traders observed a strike", "a bandh called by X"), and who survived or received
an act is its target. A
spokesman's claim is his group's, a group reporting that its units acted claims the act, and a
reporter's "it"/"they" is the reporter ("police said they arrested"). Inclusion phrases add participants ("eight people, including the mayor"); a bare
count is a human target ("wounded 71"); a noun for the doer ("a suicide bomber") is its own
perpetrator. What an act or its weapon is "targeting" is its target; what is detonated or driven
into a crowd is a weapon whatever it is ("an explosives-laden vehicle"), and so is a thing armed
("a booby-trapped car"). Attackers killed in an act that names no doer of its own ("one assailant",
"including the bomber") are no victims of it. Who only hunts or investigates the doers, who is charged with
an act or has its responsibility placed on them ("placed the responsibility for the murder on X": accused),
and a name that a place word describes ("in Aucayacu, a small town") are no victims of it. Weapons keep the words that name them ("tear gas",
"improvised explosive device"), and a later "the assailants used X" gives the act its weapons.
Who launched the weapon that then did the act did it ("X launched a missile, which landed ..., wounding
4"); a state named on its weapon or strike acted through its military ("Ukrainian drones": Military Forces
of Ukraine), and a bare "regime helicopter" the military of the document's country; followers named by
their cause ("white extremists") are a movement, an organization; the crowd of a protest is who gathered
for it or whom an act met during it. Who the doers passed for ("men posing as officials") did nothing; an
earlier act the act answers ("in retaliation for the killing of X by Y") lends it no doers or victims; and a
sentence's one verb that the parse sank into a participle phrase keeps the sentence's first noun as subject; an
outcome hung on a clause that only sets the scene ("as soldiers were queuing ..., killing 29") is the act's; who a
weapon is believed to have been laid by, the group the doers are believed to be from or belong to, and the
military of the state a craft is believed to be of ("warplanes, believed to be Israeli") are suspected; whom an act
or its weapon is attributed to ("a bombing attributed to X", "a bomb blamed on X") is accused. A
force's body of men ("a CRPF team", "a police patrol") or an armed group's counted men ("44 members of the Special
Action Force", "four Maoists") that an act hits are its targets, named as the force or group; a team of a force
on a fight's other side is that force. A group that signed the leaflets left at an act, or that a note
names as "X suspected.", is its suspected doer; an explosive that went off in a text naming no doer at all is
an unidentified armed group's, as ACLED codes it. "Shot dead" and "banged pots" keep their doers where
the parse reads the verb as a noun or an adjective.
One craft of a model ("an A-37") is no group; men posted somewhere ("soviet embassy guards") name no group by
their post; and a tie to the inquiry into an act ("linked to the investigation of the murder") is no suspicion of
it. Lexicons under data/events/ decide kinds: individual vs organization
perpetrators, human vs physical targets; in lowercase text a word outside the model's WordNet
index is read as a name. Resolved entities from the actors stage give names and ids. Last,
each participant takes its referent's fullest mention in the document: a part of a name its
one full name ("Jaramillo" -> "Bernardo Jaramillo Ossa"), a definite description the earlier
mention it shortens ("the plane" -> "cargo plane"), an alias its entity's id.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..annotations.kb import actors_data, load_kb
from ..annotations.numbers import parse_number
from ..model import Document, Participant, Span, Trigger
from ..pipeline import load_nlp
from .triggers import armed_sense, lemma, lexicon, load, noun_like, verb_keys

FIRST_PERSON = {"we", "i"}
DEFINITE = {"the", "this", "that", "these", "those"}
NAME_POS = {"PROPN", "NOUN", "ADJ", "VERB", "X"}  # a parser reads lowercase names as any of these
NAME_JOINERS = {"de", "del", "y", "la", "van", "von", "bin", "al"}  # inside a name: "stela torrado de otalora"
NEGATIVE_DETS = {"no", "neither", "nor"}  # "no group has claimed": nobody claimed
NOTE_COUNTS = {"a", "an", "one", "several", "some", "many", "dozens", "scores", "hundreds"}  # "a boy killed"
RESULTS = {"dead"}  # a violent verb's result word ("shot dead"), which the parse may make the clause's head
SELF_PRONOUNS = {"it", "they"}  # in a clause reported by its subject, the reporter itself
QUOTES = {'"', "“", "”", "'", "‘", "’"}
PRONOUN_RELATIVES = {"who", "whom", "which", "that", "whose"}
NP_LEFT = {"compound", "amod", "nummod", "nmod", "quantmod", "npadvmod", "advmod", "poss", "case", "punct", "hmod", "hyph"}
TARGET_PREPS = {"on", "against", "at", "in", "inside", "outside", "near", "into", "onto", "upon", "to"}
VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}
PLACE_DEPS = {"prep", "npadvmod", "advmod", "obl", "tmod", "agent"}
PARTICIPLES = {"VBN", "VBD", "VBG"}
ARMED_TYPES = {"state_force", "armed_group", "militia"}  # knowledge-base actor types that fight
SCENE_MARKS = {"as", "while", "when"}  # "as worshippers were leaving": when an act happened
ORDINAL_ENDS = {"st", "nd", "rd", "th", "d"}  # "1st", "3d", "11th": a unit's number


@dataclass(frozen=True)
class Words:
    individual: frozenset
    organization: frozenset
    partitive: frozenset
    human: frozenset
    physical: frozenset
    titles: frozenset
    groups: frozenset
    demonyms: dict
    weapons: frozenset
    weapon_modifiers: frozenset
    units: frozenset
    use_verbs: frozenset
    placing_verbs: frozenset  # "a device abandoned by the FMLN": who left a weapon set it
    container_verbs: frozenset
    detonate_verbs: frozenset  # what they set off is the weapon ("detonated an explosives-laden vehicle")
    ram_verbs: frozenset  # with "into": what they drive is the weapon ("drove a truck into a crowd")
    victim_nouns: frozenset
    target_nouns: frozenset
    place_heads: frozenset
    routes: frozenset
    hedges: frozenset
    unknown: frozenset  # "an unidentified group" names no organisation (GTD: gname Unknown)
    ideologies: frozenset
    owned: frozenset
    parts: frozenset
    quantities: frozenset
    quantifiers: frozenset
    generic_groups: frozenset
    author_nouns: frozenset  # "the authors of the murder", "the leaders of the riot are X": X did it
    leader_verbs: frozenset
    undergoers: frozenset
    anaphoric: frozenset
    inclusion_preps: frozenset
    companion_adverbs: frozenset
    ranks: frozenset
    scene_preps: frozenset
    blame: dict  # verb -> attribution of its object for the act it governs
    claim_nouns: frozenset
    claim_verbs: frozenset
    attire_verbs: frozenset
    state_act_nouns: frozenset
    victim_subjects: frozenset
    tripped: frozenset  # "stepped on a landmine": weapons their victims set off
    calibre_words: frozenset  # "a .38 caliber revolver": the number before them is part of the weapon's name
    number_words: frozenset  # "detachment no. 4": the number after them is part of a unit's name
    kin: frozenset  # "the wife of X", "married to X": X is a relative of whom the act befell
    post_heads: frozenset  # "soviet embassy guards", "coban base troops": where men serve, no group that acts
    capacity_words: frozenset  # "off-duty", "former": a man acting outside the force he names
    pursuit_nouns: frozenset  # "linked to the investigation of the murder": tied to the inquiry, not the act
    disguise_verbs: frozenset  # "two men posing as officials": the officials did nothing
    motive_nouns: frozenset  # "in retaliation for the killing of X by Y": an earlier act this one answers
    motive_verbs: frozenset  # "to avenge the killing of X"
    movement_heads: frozenset  # "white extremists": a cause's followers, a movement
    assembly_verbs: frozenset  # "people who gathered for a demonstration": its crowd
    launch_verbs: frozenset  # "X launched a missile, which landed ...": X sent the weapon that did the act
    passive_human_heads: frozenset
    naming_verbs: frozenset
    trace_nouns: frozenset  # "leaflets of X were found at the scene": X is a suspected doer
    trace_verbs: frozenset
    trace_signs: frozenset  # "leaflets signed by X": X put its name to the trace
    elliptic_passives: frozenset  # "X suspected.": a note's passive without its auxiliary
    speaker_heads: frozenset
    custody_verbs: frozenset
    own_units: frozenset
    involvement: dict  # verb -> attribution of its subject for the act it is "in"
    say_verbs: frozenset
    suspect_verbs: frozenset  # "the attack is believed to have been carried out by X": X is suspected
    affiliations: dict  # verb -> prepositions naming whose the doers are believed to be ("belong to X")
    scene_locatives: frozenset  # "in X", "at X": a bare name there is where an act happened
    pursuit_verbs: frozenset  # "police are hunting a suspect ..., wounding 13": who seeks the doer did not act
    lay_verbs: frozenset  # "placed the responsibility for the murder on X": X is accused
    blame_nouns: frozenset
    hit_verbs: frozenset  # "the explosion rocked the building": what an act's noun does to its object
    aim_verbs: frozenset  # "a device targeting a police vehicle": their object is what the act hit
    doer_heads: frozenset  # "assailant", "bomber": named by the act they did
    mutual_verbs: frozenset  # "clashed with X": X is the other side, a perpetrator too
    note_passive: frozenset  # "8 guards killed.": a note's counted subject suffered these acts
    undergo_verbs: frozenset  # "X received threats", "X survived an attack": X is the target
    protest_verbs: frozenset  # "traders observed a strike", "a bandh called by X": who protested
    sign_verbs: frozenset  # "X and Y signed an agreement", "X reached a deal with Y": the parties
    mutual_nouns: frozenset  # "an encounter with X", "killed in crossfire with X": X is a side that fought
    wield_verbs: frozenset  # "the assailants used firearms": weapons told after the act
    english: frozenset  # WordNet lemmas: a lowercase word outside them is likely a name


@cache
def words() -> Words:
    p, w, t = load("events/participants.json"), load("weapons.json"), load("triggers.json")
    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    english = frozenset(x for pos in index.keys() for x in index[pos])
    return Words(
        individual=frozenset(p["individual_heads"]),
        organization=frozenset(p["organization_heads"]),
        partitive=frozenset(p["partitive_heads"]),
        human=frozenset(p["human_heads"]),
        physical=frozenset(p["physical_heads"]),
        titles=frozenset(p["titles"]),
        groups=frozenset(p["groups"]),
        demonyms=dict(p["demonyms"]),
        weapons=frozenset(w["weapons"]),
        weapon_modifiers=frozenset(w["modifiers"]),
        units=frozenset(w["units"]),
        use_verbs=frozenset(w["use_verbs"]),
        placing_verbs=frozenset(w["use_verbs"]) | frozenset(p["left_verbs"]) | frozenset(w["ram_verbs"]),
        container_verbs=frozenset(w["container_verbs"]),
        detonate_verbs=frozenset(w["detonate_verbs"]),
        ram_verbs=frozenset(w["ram_verbs"]),
        victim_nouns=frozenset(t["victim_nouns"]),
        target_nouns=frozenset(p["target_nouns"]),
        place_heads=frozenset(p["place_heads"]),
        routes=frozenset(p["route_heads"]),
        hedges=frozenset(p["hedges"]),
        unknown=frozenset(p["unknown_modifiers"]),
        ideologies=frozenset(p["ideologies"]),
        owned=frozenset(p["owned_heads"]),
        parts=frozenset(p["part_nouns"]),
        quantities=frozenset(p["quantities"]),
        quantifiers=frozenset(p["partitive_quantifiers"]),
        generic_groups=frozenset(p["generic_group_heads"]),
        author_nouns=frozenset(t["author_nouns"]) | frozenset(p["leader_heads"]),
        leader_verbs=frozenset(t["leader_verbs"]),
        undergoers=frozenset(t["undergoer_verbs"]),
        anaphoric=frozenset(p["anaphoric_heads"]),
        inclusion_preps=frozenset(p["inclusion_preps"]),
        companion_adverbs=frozenset(p["companion_adverbs"]),
        ranks=frozenset(p["ranks"]),
        scene_preps=frozenset(p["scene_preps"]),
        blame=dict(t["blame"]),
        claim_nouns=frozenset(t["claim_nouns"]),
        claim_verbs=frozenset(t["claim_verbs"]),
        attire_verbs=frozenset(p["attire_verbs"]),
        state_act_nouns=frozenset(p["state_act_nouns"]),
        victim_subjects=frozenset(p["victim_subjects"]),
        tripped=frozenset(p["tripped_weapons"]),
        calibre_words=frozenset(p["calibre_words"]),
        kin=frozenset(p["kin_words"]),
        post_heads=frozenset(p["post_heads"]),
        capacity_words=frozenset(p["capacity_words"]),
        pursuit_nouns=frozenset(p["pursuit_nouns"]),
        disguise_verbs=frozenset(p["disguise_verbs"]),
        motive_nouns=frozenset(p["motive_nouns"]),
        motive_verbs=frozenset(p["motive_verbs"]),
        launch_verbs=frozenset(p["launch_verbs"]),
        assembly_verbs=frozenset(p["assembly_verbs"]),
        movement_heads=frozenset(p["movement_heads"]),
        number_words=frozenset(p["number_words"]),
        passive_human_heads=frozenset(p["passive_human_heads"]),
        naming_verbs=frozenset(p["naming_verbs"]),
        speaker_heads=frozenset(p["speaker_heads"]),
        custody_verbs=frozenset(p["custody_verbs"]),
        own_units=frozenset(p["own_unit_heads"]),
        involvement=dict(p["involvement_verbs"]),
        say_verbs=frozenset(load("claims.json")["say_verbs"]),
        suspect_verbs=frozenset(load("claims.json")["suspect_verbs"]),
        trace_nouns=frozenset(load("claims.json")["trace_nouns"]),
        trace_verbs=frozenset(load("claims.json")["trace_verbs"]),
        trace_signs=frozenset(load("claims.json")["trace_signs"]),
        elliptic_passives=frozenset(load("claims.json")["elliptic_passives"]),
        affiliations={k: tuple(v) for k, v in load("claims.json")["affiliation_verbs"].items()},
        aim_verbs=frozenset(p["aim_verbs"]),
        hit_verbs=frozenset(p["hit_verbs"]),
        lay_verbs=frozenset(p["lay_verbs"]),
        pursuit_verbs=frozenset(p["pursuit_verbs"]),
        scene_locatives=frozenset(p["scene_locatives"]),
        blame_nouns=frozenset(p["blame_nouns"]),
        doer_heads=frozenset(p["doer_heads"]),
        mutual_verbs=frozenset(p["mutual_verbs"]),
        note_passive=frozenset(p["note_passive_verbs"]),
        mutual_nouns=frozenset(t["mutual_nouns"]),
        protest_verbs=frozenset(t["protest_verbs"]),
        sign_verbs=frozenset(t["sign_verbs"]),
        undergo_verbs=frozenset(t["undergo_verbs"]),
        wield_verbs=frozenset(w["wield_verbs"]),
        english=english,
    )


def is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def passive(tok) -> bool:
    """A passive clause, or a bare participle with no perfect "have" ("an Afghani injured", "and
    two more wounded"); a conjunct shares its head's auxiliary ("have attacked ... and killed")."""
    if sunk_subject(tok) is not None:
        return False
    subjects = [c.i for c in tok.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" and c.i < tok.i and not any(c.i < s for s in subjects)
           for c in tok.children):
        return True  # an "auxpass" after the verb ("arrested 7 suspected IS militants") or before its active
        # subject ("IS militants launched an attack": the group's name read as "is") is a misparse
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.i < tok.i and not children(tok, "dobj", "aux", "nsubj") \
            and (children(tok, "agent") or not any(t.is_punct for t in tok.doc[tok.head.i + 1:tok.i])):
        return True  # "the families of the six service members killed", "X – shot dead by police –": a reduced
        # relative tagged as a past tense, not a verb hung on a noun after a comma ("searching for the column, fired at")
    if tok.tag_ != "VBN" or tok.dep_ not in ("acl", "amod", "xcomp", "advcl", "conj"):
        return False
    if tok.dep_ == "advcl" and children(tok, "mark") and children(tok, "nsubj"):
        return False  # "after army troops attacked in the hamlet": a clause with its subject, a past tense read as VBN
    if tok.dep_ == "conj" and (is_verb(tok.head) and not passive(tok.head) or children(tok, "dobj")):
        return False
    return not any(c.dep_ == "aux" for c in tok.children)


def sunk_subject(tok):
    """The subject of a sentence's one verb that the parse sank into a phrase after the subject ("Fighters
    from the MILF, reportedly joined by Abu Sayyaf members, ambushed Marines", "gunmen travelling in
    several vehicles shot at passers-by"): with no verb at its root, the sentence's verb hangs as a
    participle on a noun inside a participle phrase of its first noun, which is its subject. Not a
    participle with its own by-agent ("villagers fleeing the fighting killed by troops")."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or children(tok, "agent"):
        return None
    root = tok  # the top of its own tree, under a dateline the parse may hang it on ("07/10/2007: Fighters ...")
    while root.head.i != root.i and not (root.dep_ == "appos" and root.head.tag_ == "CD"):
        root = root.head
    if is_verb(root) or not noun_like(root) or root.i > tok.i or tok.head.i == root.i:
        return None
    node = tok.head
    while node.head.i != root.i:
        node = node.head
    return root if node.dep_ == "acl" and is_verb(node) and node.i < tok.head.i else None


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok, preps):
    """Objects of the given prepositions under `tok` ("attack on X" -> X)."""
    return [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


@dataclass
class Frame:
    agents: list
    patients: list
    instruments: list
    attribution: dict = field(default_factory=dict)  # agent token index -> how the text ties it


class Arguments:
    """Fills each trigger's perpetrators, targets, weapons, places and times from the parse."""

    def __init__(self):
        self.w = words()
        self.lex = lexicon()
        kb = load_kb()
        self.units = frozenset(kb.unit_words)  # "team", "patrol": a body of a force's men
        forces = {k[0] for k in kb.force_kinds if len(k) == 1}
        self.men = frozenset(kb.member_words & (self.w.individual | self.w.human)) - forces  # "members", "fighters"
        self._ents, self._starts, self._other_spans, self._other_starts = [], [], [], []
        self._places, self._place_starts = [], []
        self._shouting = False  # all-caps wires (old MUC texts): case says nothing about names there

    # ---- roles -------------------------------------------------------------------------
    def frame(self, tok, trig: Trigger) -> Frame:
        f = Frame([], [], [])
        result = self.result_head(tok)
        if result is not None:  # "gunmen on a motorbike shot dead a worker", "shot" read as a noun
            f.agents, f.patients = children(result, "nsubj"), children(result, "dobj")
        elif is_verb(tok):
            self.verb_roles(tok, f, located=trig.type in VIOLENT or trig.subtype == "looting_property_destruction")
            if trig.type == "protests" and tok.dep_ == "acl" and tok.head in f.patients:
                f.patients.remove(tok.head)  # "500 workers protested in Gazipur": no one is protested
                f.agents.append(tok.head)
        else:
            self.noun_roles(tok, f)
            if trig.type == "protests":
                self.protesters(tok, f)
            elif trig.subtype == "agreement":
                self.signatories(tok, f)
        if trig.type in ("battles", "riots"):  # "clashes between the ELN and FARC dissidents", "between two communities"
            f.agents += pobjs(tok, {"between"}) or (
                pobjs(tok.head, {"between"}) if tok.dep_ == "nsubj" else [])  # "fighting broke out between X and Y"
        if trig.type == "statement":
            f.instruments = []
            f.agents = self.speakers(tok, f.agents)
        else:
            self.blamed(tok, f)
            self.reporting_group(f)
            self.aimed(tok, f)
            self.placers(f)
            self.tripped(tok, f)
        return f

    @staticmethod
    def result_head(tok):
        """The result word right after a violent verb that the parse read as a noun and made the head of its
        clause, holding the verb's subject and object ("X on a motorbike shot dead Y": "shot" a noun under "on",
        "dead" the root over X and Y); else None."""
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if is_verb(tok) or nxt is None or nxt.lower_ not in RESULTS or tok.head.i == nxt.i:
            return None
        subj, obj = children(nxt, "nsubj"), children(nxt, "dobj")
        return nxt if subj and obj and any(tok in s.subtree for s in subj) else None

    def protesters(self, tok, f: Frame) -> None:
        """Who holds a strike, bandh or procession: the subject of the verb that governs it ("traders
        observed a shutter-down strike", "activists brought out a procession") or the by-agent of the
        verb hung on it ("a bandh called by the Left parties")."""
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and verb_keys(head) & self.w.protest_verbs:
            f.agents += children(head, "nsubj") if tok.dep_ == "dobj" else pobjs(head, {"by"})
        for c in children(tok, "acl"):
            if verb_keys(c) & self.w.protest_verbs:
                f.agents += pobjs(c, {"by"})
        prep = tok.head if tok.dep_ == "pobj" else None
        act = prep.head if prep is not None and is_verb(prep.head) else None
        if act is not None and prep.lower_ == "for" and verb_keys(act) & self.w.assembly_verbs:
            f.agents += children(act, "nsubj")  # "people who gathered in Kreuzberg for a May Day demonstration"
        elif act is not None and prep.lower_ in ("during", "at") and not passive(act):
            # "police fired teargas at opposition supporters during a protest": a crowd the act met at a protest
            f.agents += [o for o in children(act, "dobj") + pobjs(act, {"at", "on", "against"}) if o.tag_ == "NNS"
                         and self.target_kind(o) == "human" and not self.name_like(self.name_tokens(o))]
        if prep is not None and prep.lower_ == "in" and tok.tag_ == "NN" and not children(tok, "det"):  # "banged pots in protest"
            verb = next((a for a in prep.ancestors if is_verb(a)), None)
            while verb is not None and verb.dep_ == "conj" and not children(verb, "nsubj"):
                verb = verb.head  # "banged pots and blew whistles in protest": the first verb's subject
            if verb is not None and not passive(verb):
                f.agents += children(verb, "nsubj")
        went = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "on" else None
        if went is not None and lemma(went) == "go" and tok.head is not tok.doc[tok.i - 1]:
            f.agents += children(went, "nsubj")  # "nurses went on strike", whatever the parse hung "strike" on

    def signatories(self, tok, f: Frame) -> None:
        """The parties to an agreement: the subject of the verb that makes it and whom they made it with
        ("the government and the TPLF signed an agreement", "agreed to a ceasefire with the rebels")."""
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ in ("dobj", "pobj") and verb_keys(verb) & self.w.sign_verbs:
            f.agents += children(verb, "nsubj") + pobjs(verb, {"with"}) + pobjs(tok, {"with"})

    def aimed(self, tok, f: Frame) -> None:
        """What an act or its weapon aimed at: "detonated a device targeting a police vehicle", "a car
        bomb targeting a convoy", "fired rockets aimed at the base"."""
        for node in (tok, *children(tok, "dobj"), *f.instruments):
            for c in node.children:
                if c.dep_ in ("acl", "advcl", "xcomp") and lemma(c) in self.w.aim_verbs:
                    f.patients += children(c, "dobj") + pobjs(c, {"at"})

    def placers(self, f: Frame) -> None:
        """Who set a weapon: "a landmine planted by the Taliban", "mortars fired by the rebels"."""
        for w in (*f.agents, *f.instruments, *f.patients):
            if self.weapon(w) or w.i in self.launched(w.head):  # "set off a mine left by X"
                f.agents += self.placed_by(w)
                self.add_agents(f, [b for c in self.believed(w) if verb_keys(c) & self.w.placing_verbs
                                    for b in pobjs(c, {"by"})], "suspected")  # "a mine believed to have been laid by X"

    def believed(self, x) -> list:
        """The clauses that tell what `x` is believed to be or have done, under a verb of belief said of it: hung
        on it ("gunmen suspected to be members of X"), or above it where the parse made the belief the sentence's
        verb ("a mine believed to have been laid by X exploded", "men believed to be from X abducted")."""
        verbs = [c for c in children(x, "acl") if verb_keys(c) & self.w.suspect_verbs]
        if x.dep_ in ("nsubj", "nsubjpass") and verb_keys(x.head) & self.w.suspect_verbs:
            verbs.append(x.head)
        return [c for v in verbs for c in children(v, "xcomp")]

    def placed_by(self, w) -> list:
        return [b for c in children(w, "acl") if verb_keys(c) & self.w.placing_verbs for b in pobjs(c, {"by"})]

    def tripped(self, tok, f: Frame) -> None:
        """People who are no armed actors and set off a mine, or a device someone else left, are its
        victims: "three shepherds set off a mine left by the Taliban", not "militants set off a bomb"."""
        verbs = [tok, tok.head] if tok.dep_ in ("advcl", "conj", "xcomp") and is_verb(tok.head) else [tok]
        objs = [tok.doc[i] for v in verbs for i in self.launched(v)]
        if not any(lemma(o) in self.w.tripped or self.placed_by(o) for o in objs):
            return
        for a in [a for a in f.agents if self.target_kind(a) == "human" and self.perp_kind(a) != "organization"
                  and not (lemma(a) in self.w.individual and lemma(a) not in self.w.human)]:
            f.agents.remove(a)
            f.patients.append(a)

    def reporting_group(self, f: Frame) -> None:
        """A group reporting what its own units did is their group: "the FMLN reports that urban
        commando units attacked" (claimed), unlike "police said gunmen attacked"."""
        for a in list(f.agents):
            verb = a.head
            if a.dep_ != "nsubj" or lemma(a) not in self.w.own_units or verb.dep_ != "ccomp" \
                    or not verb_keys(verb.head) & self.w.say_verbs:
                continue
            if any(c.dep_ in ("compound", "nmod", "poss", "amod") and self.perp_kind(c, modifier=True) == "organization"
                   for c in a.children) or pobjs(a, {"of", "from"}):
                continue  # "FMLN units", "units of the army": the phrase names its own group
            self.add_agents(f, [r for r in children(verb.head, "nsubj") if self.plain_group(r)], "claimed")

    def speakers(self, tok, agents: list) -> list:
        """Who made the statement: the clause's subject, or for "we"/"I" in a quote the one who said it."""
        node = tok
        agents = [a for a in agents if not self.instrument_noun(a)]  # "saddened by the bombings"
        while not agents and node.dep_ in ("conj", "acomp", "xcomp", "attr") and node.head != node:
            node = node.head  # "we are shocked and saddened"
            agents = children(node, "nsubj")
        if agents and all(a.lower_ in FIRST_PERSON for a in agents):
            while node.dep_ in ("ccomp", "parataxis", "conj", "xcomp", "acomp") and node.head != node:
                node = node.head
                said = children(node, "nsubj")
                if said:
                    return said
        return agents

    def blamed(self, tok, f: Frame) -> None:
        """Actors tied to the act by the clause above it: "accused X of attacking",
        "held X responsible for the murder", "X claimed responsibility for the bombing"."""
        for x in (tok, *f.agents, *f.instruments):  # "a bombing attributed to X", "a bomb blamed on X exploded"
            for c in children(x, "acl"):
                how = next((self.w.blame[k] for k in verb_keys(c) if k in self.w.blame), None)
                if how and not children(c, "neg"):
                    self.add_agents(f, pobjs(c, {"on", "to"}), how)
        gov = tok.head  # "blamed the attack on X", "the attack was attributed to X"
        if tok.dep_ in ("dobj", "nsubjpass") and is_verb(gov):
            how = next((self.w.blame[k] for k in verb_keys(gov) if k in self.w.blame), None)
            if how and pobjs(gov, {"on", "to"}):
                self.add_agents(f, pobjs(gov, {"on", "to"}), how)
                return
        node = tok
        for _ in range(6):
            if node.dep_ not in ("pobj", "pcomp", "prep", "dobj", "acomp", "oprd", "conj") and not (
                    node.dep_ == "attr" and lemma(node) in self.w.author_nouns) or node.head == node:
                return  # "accused X of being the masterminds of the murder" climbs through its author noun
            node, below = node.head, node
            key = lemma(node)
            if key in self.w.pursuit_nouns and not is_verb(node):
                return  # "linked to the results of the investigation of the murder": what is tied is the inquiry
            if node.dep_ == "prep" and (node.lower_ in self.w.scene_preps or node.lower_ == "in" and lemma(
                    node.head) in self.w.custody_verbs and lemma(below) != "connection"):
                return  # "captured rifles during the battle", "detained in raids": no charge for the act
            if node.dep_ == "prep" and node.lower_ == "behind" and is_verb(node.head):  # "X are behind the attack"
                self.add_agents(f, children(node.head, "nsubj"), "accused")
                return
            if key == "responsible":
                gov = node.head  # "held X responsible", "holds [X responsible]", "X was responsible"
                if node.dep_ == "amod":  # parsed as "[X responsible]" inside one noun phrase
                    if gov.dep_ == "appos":  # "hold X's government and the high command responsible": "command"
                        gov = gov.head  # hung as an apposition of the first of the list
                    actors, how = [gov], self.w.blame.get(lemma(gov.head))
                else:
                    how = self.w.blame.get(lemma(gov))  # "X were held responsible": the passive's subject
                    actors = children(node, "nsubj") or (children(gov, "dobj", "nsubjpass") if how else children(gov, "nsubj"))
                self.add_agents(f, actors, how or "reported")
                return
            laid = self.laid_on(tok, node)
            if laid:  # "placed the responsibility for the murder on the army": accused, not hit
                f.patients = [p for p in f.patients if p not in laid]
                self.add_agents(f, laid, "accused")
                return
            owner = children(node, "poss") if key in self.w.claim_nouns and not children(node, "det") else []
            if owner and owner[0].pos_ != "PRON":  # "the army's responsibility for the massacre"
                self.add_agents(f, owner, "accused")
                return
            if key in self.w.claim_nouns and node.dep_ == "dobj" and verb_keys(node.head) & self.w.claim_verbs:
                self.add_agents(f, affirmed(node.head, node), "claimed")
                return
            if verb_keys(node) & self.w.claim_verbs and any(lemma(c) in self.w.claim_nouns for c in node.children):
                noun = next(c for c in node.children if lemma(c) in self.w.claim_nouns)
                self.add_agents(f, affirmed(node, noun), "claimed")  # "claimed responsibility for"
                return
            if key in self.w.involvement and node.dep_ != "prep":  # "X were involved in the massacre"
                actors = children(node, "nsubj", "nsubjpass")
                if not actors and node.dep_ in ("acomp", "xcomp"):
                    actors = children(node.head, "nsubj", "nsubjpass")
                elif not actors and node.dep_ in ("acl", "amod") and noun_like(node.head):
                    actors = [node.head]  # "the men involved in the attack"
                if actors:  # else "suspected X of being involved in" is read further up
                    self.add_agents(f, actors, self.w.involvement[key])
                    return
            if key in self.w.blame and not children(node, "prt"):  # "tied up and killed farmers": no charge
                if tok.dep_ == "oprd" and tok.head.i == node.i:
                    return  # "were held hostage": the act's own verb, no charge
                if not is_verb(node):  # "the arrest of X for the killing", "X are suspects in the killing"
                    actors = pobjs(node, {"of"}) or predicated(node)
                elif node.dep_ == "acl" and noun_like(node.head):  # "10 people suspected of having detonated"
                    actors = [node.head]
                else:
                    actors = children(node, "nsubjpass") if passive(node) else children(node, "dobj")
                if tok.dep_ == "dobj" and tok.head.i == node.i:  # "blamed the attack on X"
                    actors = pobjs(node, {"on", "to"})
                if children(node, "neg") or any(c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_DETS
                                                for a in actors for c in a.children):
                    actors = []  # "neither X nor Y were tried for the bombing", "X was not charged with"
                self.add_agents(f, actors, self.w.blame[key])
                return

    def laid_on(self, act, node) -> list:
        """Whom "put the blame for the attack on X", "placed the responsibility for the murder on X" lays
        the act on: an "on" of the verb or the noun, else the last of the act's "on" chain ("the attack on
        the embassy on the FARC", also hung on its of-phrase: "the murder of the priests on two officers"),
        a lone one only if it can act ("the attack on the rebels")."""
        if is_verb(node):
            verb, nouns = node, [c for c in children(node, "dobj") if lemma(c) in self.w.blame_nouns]
        else:
            verb, nouns = node.head, [node] if lemma(node) in self.w.blame_nouns and node.dep_ == "dobj" else []
        if not nouns or not verb_keys(verb) & self.w.lay_verbs:
            return []
        laid = pobjs(verb, {"on", "upon"}) + pobjs(nouns[0], {"on", "upon"})
        if laid:
            return laid
        chain = pobjs(act, {"on", "upon"}) or [q for p in pobjs(act, {"of"}) for q in pobjs(p, {"on", "upon"})]
        while chain and pobjs(chain[-1], {"on", "upon"}):
            chain = chain + pobjs(chain[-1], {"on", "upon"})
        if len(chain) == 1 and (self.perp_kind(chain[0]) is None or self.target_kind(chain[0]) == "physical"):
            return []
        return chain[-1:]

    @staticmethod
    def add_agents(f: Frame, actors, how: str) -> None:
        for a in actors:
            f.agents.append(a)
            f.attribution[a.i] = how

    def verb_roles(self, tok, f: Frame, located: bool) -> None:
        pas = passive(tok) or lemma(tok) in self.w.undergoers or headline_passive(tok, lemma(tok) in self.w.note_passive)
        subj = self.unmask(tok, children(tok, "nsubj", "nsubjpass", "csubj"))  # not who "gunmen disguised as" were
        swallowed = [n for s in subj for a in children(s, "acl") if a.i < tok.i and passive(a)
                     for n in children(a, "conj") if noun_like(n) and n.i < tok.i]
        if swallowed:  # "several workers arrested and weapons recovered": the parse made the workers recover;
            subj, pas = swallowed, True  # the noun joined to the first participle is the note's second passive
        (f.patients if pas else f.agents).extend(subj)
        if subj and not pas and all(self.weapon(s) for s in subj):
            # "ARSA militants armed with guns, knives and bombs attacked": the parse made a weapon the subject
            f.agents += [d for d in children(tok, "dep") if d.i < tok.i and noun_like(d) and self.perp_kind(d)]
        f.patients += children(tok, "dobj", "attr")
        if not pas and not children(tok, "dobj"):  # "attacked and torched a police post": the object is shared
            f.patients += [d for c in children(tok, "conj") if is_verb(c) and not children(c, "nsubj", "nsubjpass")
                           for d in children(c, "dobj")]
        f.agents += pobjs(tok, {"by"})
        if pas and not pobjs(tok, {"by"}):  # "captured at the station by troops": the parser hung "by" low
            f.agents += [b for p in pobjs(tok, TARGET_PREPS) for b in pobjs(p, {"by"})]
            if tok.dep_ == "acl":
                f.agents += self.stray_agents(tok)
        if lemma(tok) in self.w.mutual_verbs and not pas:  # "troops clashed with JAS militants"
            f.agents += [p for p in pobjs(tok, {"with", "against"}) if not self.weapon(p)]
        f.instruments += pobjs(tok, {"with", "using"})
        f.patients += [p for p in pobjs(tok, {"on", "against"}) if not self.route(p)]
        for p in pobjs(tok, TARGET_PREPS - {"on", "against"}) if located else ():  # "exploded outside the embassy"
            if lemma(p) in self.w.mutual_nouns:
                continue  # "died in an exchange of fire": the fight, not what was hit
            if self.bare_name(p) and p.head.lower_ in self.w.scene_locatives:
                continue  # "attacked troops in Ayutuxtepeque": a name where a place goes is the place
            if self.target_kind(self.through_part(p)) is not None or self.weapon(p):
                f.patients.append(p)
        f.agents += [p for p in pobjs(tok, {"in", "during", "from"}) if self.instrument_noun(p)]
        fights = [p for p in pobjs(tok, {"in", "during"}) if lemma(p) in self.w.mutual_nouns]
        if pas and fights:  # "two Maoists were killed in an encounter with CRPF personnel": the other side did it
            f.agents += self.opponents(fights) or [p for p in pobjs(tok, {"with"}) if not self.weapon(p)]
        if not subj:
            (f.patients if pas else f.agents).extend(self.stray_subject(tok))
            self.inherit(tok, pas, f)

    def disguise(self, s) -> bool:
        """Who the doers passed for ("two men posing as officials"), whatever the parse made of it."""
        i = s.left_edge.i
        return i >= 2 and s.doc[i - 1].lower_ == "as" and lemma(s.doc[i - 2]) in self.w.disguise_verbs

    def unmask(self, verb, subj: list) -> list:
        """A verb's subjects with who the doers passed for, which the parse made the subject ("gunmen disguised
        as soldiers stopped a bus": soldiers stopped), replaced by the doers: the subject of the clause above,
        or the noun its participle phrase describes ("a car bomb driven into the base by two men posing as
        officials exploded": the bomb)."""
        if not any(self.disguise(s) for s in subj):
            return subj
        node = verb.head
        while node.dep_ in ("acl", "advcl", "conj", "xcomp") and is_verb(node) and not children(node, "nsubj") \
                and node.head.i != node.i:
            node = node.head
        doers = children(node, "nsubj") if is_verb(node) else [node] if noun_like(node) and node.i != verb.i else []
        return [s for s in subj + doers if not self.disguise(s)]

    @staticmethod
    def stray_subject(tok) -> list:
        """The subject that the parser hung as an apposition inside a phrase before its verb:
        "according to sources from the curia, the priest X and two women were murdered"."""
        aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]
        i = (aux[0].i if aux else tok.i) - 1
        while i >= 0 and (tok.doc[i].is_punct or tok.doc[i].dep_ == "advmod"):
            i -= 1
        if i < 0 or not noun_like(tok.doc[i]):
            return []
        node = tok.doc[i]
        while node.dep_ == "conj" and node.head != node:
            node = node.head
        return [node] if node.dep_ == "appos" and tok in node.ancestors else []

    @staticmethod
    def stray_agents(tok) -> list:
        """A by-phrase after a participle that the parser hung on the noun phrase above it:
        "the bodies of the priests murdered on friday by soldiers"."""
        node = tok.head
        for _ in range(3):
            found = [b for c in node.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > tok.i
                     for b in c.children if b.dep_ == "pobj"]
            if found or node.dep_ not in ("pobj", "prep") or node.head == node:
                return found
            node = node.head
        return []

    def inherit(self, tok, pas: bool, f: Frame) -> None:
        """A verb without its own subject takes it from the clause it hangs on."""
        head, dep = tok.head, tok.dep_
        if head == tok:
            return
        sunk = sunk_subject(tok)
        if sunk is not None:  # "Fighters from the MILF, joined by Abu Sayyaf members, ambushed Marines"
            f.agents.append(sunk)
            return
        if dep in ("acl", "amod") and noun_like(head) and (lemma(head) in self.w.place_heads or self.locality(head)):
            # "attacked Birane village, Zurmi local government area, Zamfara state, shooting residents": the
            # parse hangs the act on the address; its doer is the clause's subject, not the place
            verb = next((a for a in head.ancestors if is_verb(a)), None)
            (f.patients if pas else f.agents).extend(children(verb, "nsubj") if verb is not None else [])
            return
        first = next((a for a in head.ancestors if is_verb(a)), None) if dep == "amod" else None
        if first is not None and head.dep_ in ("conj", "dobj") and tok.i == head.left_edge.i > 0 \
                and tok.nbor(-1).dep_ == "cc" and not passive(first):
            # "residents blocked a road and banged pots": a verb read as the adjective of its object, which the
            # parse hung on the first verb; the first verb's subject acts on that object
            f.agents += children(first, "nsubj")
            f.patients.append(head)
            return
        if dep == "relcl" or (dep in ("acl", "amod") and noun_like(head)):
            (f.patients if pas else f.agents).append(head)
            return
        if dep == "advcl" and tok.tag_ in ("VBN", "VBD") and not children(tok, "dobj"):
            told = [p for p in pobjs(head, {"with"}) if p.right_edge.i + 1 == tok.i and not self.weapon(p)]
            if told:  # "six soldiers were killed with two others injured": the with-phrase is who was injured
                f.patients += told
                return
        scene = self.backdrop(head) if dep == "advcl" and is_verb(head) else None
        if scene is not None:  # "a bomb exploded as worshippers were leaving, killing 12": not the worshippers
            head = scene.head
        if dep in ("xcomp", "conj", "advcl", "ccomp") and is_verb(head):
            hs = self.unmask(head, children(head, "nsubj", "nsubjpass"))
            if not hs and head.dep_ in ("xcomp", "conj") and head.head is not head:
                hs = children(head.head, "nsubj", "nsubjpass")
            if not hs and dep == "conj" and head.dep_ == "acl" and noun_like(head.head):
                hs = [head.head]  # "Assailants tied up and killed farmers" parsed as a noun phrase: its noun acts
            if dep in ("advcl", "conj"):  # "police responded with tear gas, injuring 10"
                f.instruments += pobjs(head, {"with", "using"}) + [d for d in children(head, "dobj") if self.weapon(d)]
            if dep == "advcl" and not pas and verb_keys(head) & self.w.pursuit_verbs:
                return  # "police are hunting a man who left a bomb that exploded, wounding 13": not the hunters
            for h in hs:
                if dep == "advcl" and h.dep_ == "nsubj" and self.weapon(h):
                    f.instruments.append(h)  # "a bomb exploded, destroying ..."
                    f.patients += children(head, "dobj")  # "a landmine struck a vehicle, killing four"
                elif h.dep_ == "nsubjpass" and not pas and dep == "xcomp":
                    f.agents.append(h)  # "was ordered to kill": the orderee acts
                elif pas or h.dep_ == "nsubjpass" and (dep == "conj" or dep == "advcl" and tok.tag_ in ("VBD", "VBN")):
                    # "were killed and (were) wounded", "were killed with two others injured"
                    f.patients.append(h)
                else:
                    f.agents.append(h)

    def backdrop(self, verb):
        """The clause that sets the scene of an act, which a participle of its outcome was hung on: "as soldiers
        were queuing to collect their salaries, killing 29", "as protesters were marching, wounding 9" (a
        temporal clause of no violence, whose subject only was there). None where the clause is a violent act
        itself ("as police fired on the crowd, wounding 9")."""
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj") and not children(chain[-1], "mark") and chain[-1].head != chain[-1]:
            chain.append(chain[-1].head)
        node = chain[-1]
        timed = any(c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in node.children)
        if node.dep_ != "advcl" or not timed or not is_verb(node.head):
            return None
        senses = [s for x in chain for k in verb_keys(x) for s in self.lex.senses.get(k, ())]
        return None if any(s.type in VIOLENT for s in senses) else node

    def noun_roles(self, tok, f: Frame) -> None:
        if lemma(tok) in self.w.individual:  # "a suicide bomber" names its own doer
            f.agents.append(tok)
        for c in children(tok, "poss"):  # "the FMLN's attack", but "Galan's murder"
            victim = lemma(tok) in self.w.victim_nouns and not self.plain_group(c)
            (f.patients if victim else f.agents).append(c)
        for c in children(tok, "compound", "amod", "nmod"):
            if self.weapon(c) or self.instrument_noun(c):  # "an ENDF drone strike": the parse hangs the actor on the means
                f.agents += [m for m in children(c, "compound", "amod", "nmod") if (ent := self.entity_at(m)) is not None
                             and ent.actor_type and self.perp_kind(m, modifier=True)]
            if self.weapon(c):
                f.instruments.append(c)
            elif self.perp_kind(c, modifier=True) == "organization" and self.acts_as_modifier(c, tok) \
                    and not self.fought_at(tok, c):  # "the el nisperal battle"
                f.agents.append(c)  # "Israeli drone strike", "US strike"; not "terrorist attack", "Mali ambush"
            elif self.target_kind(c) == "physical":
                f.patients.append(c)
        for p in pobjs(tok, {"of"}):  # "the bombings of the air force": a force acts, a town suffers
            if self.fought_at(tok, p):
                continue
            mine = lemma(tok) not in self.w.victim_nouns and self.target_kind(p) is None \
                and self.perp_kind(p) == "organization"
            (f.agents if mine else f.patients).append(p)
        f.patients += [p for p in pobjs(tok, {"on", "against", "upon"}) if not self.route(p)]
        f.agents += pobjs(tok, {"by"})
        sides = self.opponents([tok])  # "an encounter with security forces": a side, not a weapon
        f.agents += sides
        f.instruments += [p for p in pobjs(tok, {"with", "using"}) if p not in sides]
        for p in pobjs(tok, TARGET_PREPS - {"on", "against"}):
            if self.target_kind(self.through_part(p)) == "physical":
                f.patients.append(p)
        if not pobjs(tok, {"of"}):  # "the kidnapping and assassination of X"
            f.patients += [p for c in tok.conjuncts for p in pobjs(c, {"of"})]
        if tok.dep_ == "compound" and tok.i + 2 == tok.head.i and tok.nbor(1).text == "-":
            tok = tok.head  # "staged a sit-in": the hyphenated noun is the verb's object
        head = tok.head
        if head != tok and verb_keys(head) & self.w.undergo_verbs and tok.dep_ != "nsubj":  # "X survived an attack"
            f.patients += children(head, "nsubj")
        elif head != tok and is_verb(head) and verb_keys(head) & self.lex.light_verbs and tok.dep_ != "nsubj":
            pas = passive(head)  # "carried out an attack", "were taken hostage"
            by = pobjs(head, {"by"}) or [p for c in head.conjuncts if passive(c) for p in pobjs(c, {"by"})]
            # "was planned and carried out by X"; "gunmen dressed as police opened fire": the gunmen
            doers = by + ([] if pas else self.unmask(head, children(head, "nsubj")))
            claimed = "claim" in verb_keys(head) or verb_keys(head) & self.w.claim_verbs and any(
                lemma(c) in self.w.claim_nouns for c in head.children)  # "the killing was claimed by X", not "took hostages"
            self.add_agents(f, doers, "claimed" if claimed else "reported")
            f.patients += pobjs(head, {"on", "against", "to"}) + (children(head, "nsubjpass") if pas else [])
            f.patients += [p for p in pobjs(head, TARGET_PREPS - {"on", "against", "to"})  # "opened fire inside a club"
                           if self.target_kind(self.through_part(p)) == "physical"]
            f.instruments += pobjs(head, {"with", "using"})
            if not children(head, "nsubj", "nsubjpass"):
                self.inherit(head, pas, f)
        elif tok.dep_ == "pobj" and head.lower_ == "on" and verb_keys(head.head) & {"go", "remain", "stay"}:
            f.agents += children(head.head, "nsubj")  # "nurses went on strike"
        elif tok.dep_ == "nsubj" and is_verb(head) and self.hits(head):  # "the blast destroyed a bus"
            f.patients += children(head, "dobj")  # not "the attack follows this same line"
        elif tok.dep_ == "pobj" and lemma(head.head) in self.w.target_nouns | self.w.author_nouns:
            aim = head.head  # "the embassy was the target of the attack", "the authors of the murder are X"
            if aim.dep_ in ("attr", "nsubj") and is_verb(aim.head):
                other = [c for c in aim.head.children if c.dep_ in ("nsubj", "attr") and c.i != aim.i]
                (f.agents if lemma(aim) in self.w.author_nouns else f.patients).extend(other)
        for c in children(tok, "acl"):  # "the killing, carried out by uniformed men"
            if verb_keys(c) & self.lex.light_verbs:
                f.agents += pobjs(c, {"by"})
        if tok.dep_ in ("nsubj", "nsubjpass") and verb_keys(head) & self.w.suspect_verbs:
            done = [b for c in children(head, "xcomp") if verb_keys(c) & self.lex.light_verbs for b in pobjs(c, {"by"})]
            self.add_agents(f, done, "suspected")  # "the attack is believed to have been carried out by ETA"

    def fought_at(self, fight, tok) -> bool:
        """ "the battle of El Nisperal", "the El Nisperal battle": a name on a fight is where it was fought, even
        when the places stage does not know it, and a name that the tagger merely guessed to be a group; a
        group known as one fought there ("the clashes of the FMLN", "the army clash")."""
        if lemma(fight) not in self.w.mutual_nouns:
            return False
        m = self.mention_at(tok)
        if m is not None and m[2].actor_type:
            return False
        toks = list(tok.doc.char_span(m[0], m[1], alignment_mode="expand") or [tok]) if m else \
            self.np_tokens(tok, keep_numbers=False)
        return self.name_like(toks) and not any(
            self.org_word(t) or lemma(t) in self.w.human or lemma(t) in self.w.physical for t in toks)

    def bare_name(self, tok) -> bool:
        """A name without a word for people or things ("Ayutuxtepeque", not "mayor Gomez", "Hotel Rex")."""
        toks = self.name_tokens(tok)
        return self.name_like(toks) and len(toks) == len(self.np_tokens(tok, keep_numbers=False)) and not any(
            lemma(t) in self.w.human or lemma(t) in self.w.physical for t in toks)

    def hits(self, verb) -> bool:
        """A verb by which an act or its weapon does something to its object ("the blast destroyed a bus",
        "the explosion rocked the building"), not one that relates it to something else ("the attack follows
        this line", "the bombing marked the anniversary")."""
        keys = verb_keys(verb)
        return any(k in self.lex.senses for k in keys) or bool(
            keys & (self.w.use_verbs | self.w.aim_verbs | self.w.hit_verbs))

    def opponents(self, fights) -> list:
        """The side named by "with" after a noun for a fight ("an encounter with the police", "an
        exchange of fire with BSF", "crossfire with RAB"), unless it is a weapon ("a gunfight with rifles")."""
        out = []
        for n in fights:
            if lemma(n) not in self.w.mutual_nouns:
                continue
            heads = [n, *pobjs(n, {"of"})]  # "an exchange of fire with X": "with" may hang on "fire"
            out += [p for h in heads for p in pobjs(h, {"with"}) if not self.weapon(p)]
        return out

    def route(self, tok) -> bool:
        """ "killed on the highway", "an ambush on the road": a road after "on" is where, not what."""
        return tok.head.lower_ == "on" and lemma(tok) in self.w.routes

    def plain_group(self, tok) -> bool:
        """A group or state for sure: a group word, or an actor the knowledge base knows. A name
        the entity tagger merely guessed to be an organisation ("Oqueli's assassination") is
        more often the victim."""
        if self.perp_kind(tok) != "organization":
            return False
        ent = self.entity_at(tok)
        return ent is None or bool(ent.actor_type) or self.org_word(tok)

    def through_part(self, tok):
        """"in front of the embassy" is about the embassy."""
        inner = pobjs(tok, {"of"})
        return inner[0] if inner and lemma(tok) in self.w.parts else tok

    # ---- typing ------------------------------------------------------------------------
    def weapon(self, tok) -> bool:
        key = lemma(tok)
        if not noun_like(tok):
            return False
        armed = key in self.w.weapons or key in self.lex.weapon_needs  # "tear gas", "stepped on a mine"
        return armed and armed_sense(tok, self.lex) or self.laden(tok)

    def laden(self, tok) -> bool:
        """A thing armed by a participle with a weapon word in it is the weapon: "an explosives-laden
        vehicle", "a bomb-rigged car", "a truck rigged with dynamite"."""
        return any(self.arming(c) for c in tok.children)

    def arming(self, mod) -> bool:
        """"explosives-laden", "bomb-rigged", "(a truck) rigged with dynamite": a container participle with a
        weapon word in it."""
        participle = mod.dep_ == "amod" or mod.dep_ == "acl" and mod.tag_ == "VBN"
        return participle and bool(verb_keys(mod) & self.w.container_verbs) and any(
            lemma(t) in self.w.weapons for t in mod.subtree if t is not mod)

    def launched(self, tok) -> set[int]:
        """Objects that are the weapon, whatever they are: what a detonation verb set off ("detonated an
        explosives-laden vehicle", "set off a car"), a vehicle driven into people ("drove a truck into a crowd")."""
        keys = verb_keys(tok)
        phrasal = {f"{k} {c.lower_}" for k in keys for c in children(tok, "prt")}
        if not ((keys | phrasal) & self.w.detonate_verbs or keys & self.w.ram_verbs and pobjs(tok, {"into"})):
            return set()
        return {x.i for d in children(tok, "dobj") for x in (d, *d.conjuncts)}

    def instrument_noun(self, tok) -> bool:
        """Nouns naming the means (a drone strike, an airstrike): their modifiers may be the actor.
        A noun for the doer ("suicide bombers") is the actor itself."""
        key = lemma(tok)
        means = key in self.lex.instruments or key in self.lex.senses
        return noun_like(tok) and means and key not in self.w.individual

    def name_like(self, toks) -> bool:
        """A proper name: capitalised proper nouns, or in lowercase text words outside WordNet."""
        alpha = [t for t in toks if t.is_alpha]
        if not alpha:
            return False
        if not self._shouting and all(t.pos_ == "PROPN" and not t.is_lower for t in alpha):
            return True
        return any(self.foreign(t) for t in alpha)

    def foreign(self, tok) -> bool:
        """Outside the English lexicon in every form: in lowercase text, a name."""
        forms = {lemma(tok)} | verb_keys(tok)
        if tok.lower_.endswith("king"):
            forms.add(tok.lower_[:-4])  # "trafficking" -> "traffic"
        return not forms & self.w.english

    def demonym(self, tok) -> bool:
        if tok.lower_ in self.w.demonyms or lemma(tok) in self.w.demonyms or tok.ent_type_ == "NORP":
            return True
        ent = self.entity_at(tok)
        return ent is not None and ent.kind == "location"

    def adjective_demonym(self, tok) -> bool:
        """A nation's adjective ("honduran", "Israeli"), not the state's short name ("US", "U.S."): before a unit's
        name it is part of that name ("russian army artillery"), before its men no group of its own ("salvadoran
        soldiers")."""
        state = self.w.demonyms.get(tok.lower_)
        if state is not None:
            return "".join(w[0] for w in state.lower().split()) != tok.lower_.replace(".", "")
        i = bisect_left(self._place_starts, tok.idx + 1) - 1
        return tok.tag_ not in ("NNS", "NNPS") and i >= 0 and self._places[i].demonym and \
            self._places[i].start <= tok.idx < self._places[i].end

    def org_word(self, tok) -> bool:
        """A token that names a group by itself: a known group, an acronym, an organisation head."""
        low = tok.lower_
        if low in self.w.groups or lemma(tok) in self.w.organization and tok.tag_ not in PARTICIPLES:
            return True  # "the army", not "forced disappearances": a participle is no group's head
        if not tok.is_alpha and "-" not in low:
            return False
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return False  # "an A-37 strafed": one of a model of craft or weapon, not a group
        if tok.is_upper and len(low) >= 2 and not self._shouting:
            return True
        single = not any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children)
        return single and tok.is_lower and acronym(low) and self.foreign(tok) and tok.pos_ in ("PROPN", "NOUN")

    def place(self, tok) -> bool:
        """A toponym, an area or a date: never a participant ("soyapango", "the zacamil neighborhood"). A
        named building is no place but what an act hits ("the Serena Hotel")."""
        if lemma(tok) in self.w.place_heads or tok.ent_type_ in ("DATE", "TIME"):
            return True
        if self.described_place(tok) or tok.dep_ == "appos" and lemma(tok.head) in self.w.place_heads:
            return True  # "on the central street Rue Victor Hugo": named in apposition to a place word
        if tok.ent_type_ == "FAC" and lemma(tok) in self.w.physical:
            return False  # "the Serena Hotel" is hit, even where the places stage resolved it
        if tok.ent_type_ in ("GPE", "LOC", "FAC") and not tok.is_lower:
            return True
        i = bisect_left(self._other_starts, tok.idx + 1) - 1
        return i >= 0 and self._other_spans[i][0] <= tok.idx < self._other_spans[i][1]

    def described_place(self, tok) -> bool:
        """ "in Aucayacu, a small town 300 km from Lima": a name that a place word describes right after it
        is a place whatever the parse made of the apposition."""
        doc, i = tok.doc, tok.i + 1
        if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].dep_ != "det":
            return False
        for t in doc[i + 2:i + 5]:
            if lemma(t) in self.w.place_heads:  # the head of its phrase: not "Pedro Ruiz, a village leader"
                return t.i + 1 == len(doc) or doc[t.i + 1].pos_ not in ("NOUN", "PROPN")
            if t.pos_ not in ("ADJ", "ADV"):
                return False
        return False

    def part_of_place(self, tok) -> bool:
        """ "in the center of Bogota": a bare noun for a part of a toponym names where, not what was hit
        ("the bank of the river" too); an owned building is hit ("the embassy of Peru", "offices of X")."""
        if lemma(tok) in self.w.owned or tok.lower_ in self.w.owned or any(
                c.dep_ in ("compound", "amod", "nmod", "poss") for c in tok.children):
            return False
        return any(self.place(p) and not self.target_kind(p) for p in pobjs(tok, {"of"}))

    def locality(self, tok) -> bool:
        """Inside a toponym resolved below country level: "the el nisperal battle" names where, not who."""
        i = bisect_left(self._place_starts, tok.idx + 1) - 1
        return i >= 0 and self._places[i].start <= tok.idx < self._places[i].end and \
            self._places[i].feature not in ("country", "other") and not self._places[i].demonym

    def acts_as_modifier(self, mod, act) -> bool:
        """A country's name before an act names its doer only for acts states do from afar ("US drone
        strike"); before others it says where ("Mali ambush", "Iraq bombing"). Demonyms and groups act."""
        return mod.ent_type_ != "GPE" or lemma(act) in self.w.state_act_nouns or any(
            lemma(c) in self.w.state_act_nouns for c in act.children if c.dep_ in ("compound", "amod"))

    def perp_kind(self, tok, modifier: bool = False) -> str | None:
        key = lemma(tok)
        if tok.pos_ == "PRON" and not children(tok, "det"):
            return None  # "blame us for", not "the US"
        ent = self.entity_at(tok)
        if modifier and key in self.w.physical and (ent is None or ent.actor_type is None):
            return None  # "Minibus bombing" in a title-case headline: what was hit, whatever NER says
        if ent is not None:  # a person, a group, or a place that is a state actor ("US drone"), not "Manchester"
            if ent.kind == "person" or ent.kind == "organization" and not ent.actor_type and self.person_told(tok):
                return "individual"
            return "organization" if ent.kind == "organization" or ent.actor_type else None
        if tok.lower_ in self.w.demonyms or (modifier and tok.ent_type_ in ("NORP", "GPE") and not self.locality(tok)):
            return "organization"
        if tok.pos_ == "PRON" or tok.lower_ in self.w.ideologies or self.weapon(tok) or self.instrument_noun(tok) \
                or self.place(tok):
            return None
        if key in self.w.partitive:
            inner = pobjs(tok, {"of"})
            if inner and self.perp_kind(inner[0]) == "individual":
                return "individual"
        if self.np_text(tok).lower() in self.w.groups:
            return "organization"  # "national guard", before "guard"
        if key in self.w.individual:
            return "individual"
        if self.org_word(tok):
            return "organization"
        if modifier or key in self.w.physical:
            return None
        if tok.ent_type_ == "PERSON" or (self.name_like(self.name_tokens(tok)) and noun_like(tok)):
            return "individual"
        if tok.ent_type_ in ("ORG", "NORP", "GPE"):
            return "organization"
        return None

    def person_told(self, tok) -> bool:
        """A name the entity tagger guessed to be a group that the text tells is a person: a person word before it
        ("radical preacher Anjem Choudary") or a list of people it stands in ("the leaders were X, Y and Z")."""
        start = self.mention_at(tok)[0]
        if any(c.dep_ in ("compound", "amod") and c.idx < start and lemma(c) in self.w.human
               and lemma(c) not in self.w.organization for c in tok.children):
            return True
        kinds = {ent.kind for c in tok.conjuncts if (ent := self.entity_at(c)) is not None}
        return kinds == {"person"}

    def target_kind(self, tok) -> str | None:
        key = lemma(tok)
        if self.nationals(tok):
            return "human"
        ent = self.entity_at(tok)
        if ent is not None:  # an armed group counted is its men: "four Maoists were killed"
            counted = ent.actor_type in ARMED_TYPES and any(c.dep_ == "nummod" for c in tok.children)
            return "human" if ent.kind == "person" or counted else None
        if tok.pos_ == "PRON" or self.weapon(tok) or self.place(tok):
            return None
        comp = " ".join(t.lower_ for t in self.np_tokens(tok)[-2:])
        if key in self.w.physical or comp in self.w.physical:
            return None if self.part_of_place(tok) else "physical"
        if key in self.w.human or tok.lower_ in self.w.human or key in self.w.individual:  # combatants too
            return "human"
        if tok.like_num and tok.dep_ in ("dobj", "nsubjpass", "nsubj", "conj") and not any(
                c.dep_ == "prep" for c in tok.children):  # "killed 13 people and wounded 71": people counted
            return "human"
        if noun_like(tok) and key not in self.lex.senses and not self.org_word(tok) and (
            tok.ent_type_ == "PERSON" or self.name_like(self.name_tokens(tok))
        ):
            return "human"
        return None

    def nationals(self, tok) -> bool:
        """People named by their nation: "two other Americans", "an Afghani" (not "the Afghan army")."""
        counted = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in tok.children)
        return counted and noun_like(tok) and tok.dep_ not in ("compound", "amod", "nmod", "poss") and (
            tok.ent_type_ == "NORP" or tok.lower_ in self.w.demonyms or lemma(tok) in self.w.demonyms)

    # ---- spans -------------------------------------------------------------------------
    def np_tokens(self, tok, keep_numbers: bool = True, keep_poss: bool = False):
        """Head plus its contiguous pre-modifiers, without determiners: the minimal noun phrase."""
        keep = set()
        for c in tok.children:
            if c.i < tok.i and c.dep_ in NP_LEFT and (keep_numbers or c.dep_ != "nummod") and (
                keep_poss and c.pos_ != "PRON" or c.dep_ != "poss"
            ):
                keep.update(t.i for t in c.subtree)
        i = tok.i
        while i - 1 in keep and not tok.doc[i].is_sent_start and (tok.doc[i - 1].dep_ not in ("det", "predet", "cc") or (
                tok.doc[i - 1].dep_ == "cc" and i > 1 and tok.doc[i - 2].like_num and tok.doc[i].like_num)):
            i -= 1  # a range of numbers is one count: "approximately 20 or 30 terrorists"
        dated = [t.i for t in tok.doc[i:tok.i] if t.ent_type_ in ("DATE", "TIME")]
        if dated:
            i = dated[-1] + 1  # "on 10 march alleged members", "early sunday morning terrorists"
        while i < tok.i and (tok.doc[i].is_punct and tok.doc[i].text not in ('"', "'")
                             or tok.doc[i].lower_ in self.w.hedges or tok.doc[i].tag_ == "JJS"):
            i += 1  # no leading punctuation, hedge or superlative ("so-called", "alleged", "biggest")
        if i < tok.i and tok.doc[i].lower_ == "dead" and i > 0 and tok.doc[i - 1].pos_ == "VERB":
            i += 1  # "shot dead two students": the verb's result, not the victims' kind
        closed = [t.i for t in tok.doc[i:tok.i] if t.text in (")", "]")]
        if closed:
            i = closed[-1] + 1  # "CPI (Maoist) cadres": the bracket ends the group's name, not the men's;
            # "[TEXT] unidentified individuals": a wire's section mark is no part of the phrase
        return list(tok.doc[i:tok.i + 1])

    def name_tokens(self, tok, ranked: bool = False):
        """The name part of a person NP: compounds right to left, stopping at a title; with
        `ranked`, a military rank stays ("colonel ponce")."""
        out = [tok]
        for t in reversed(self.np_tokens(tok, keep_numbers=False)[:-1]):
            if ranked and t.lower_ in self.w.ranks and not out[0].is_punct:
                out.insert(0, t)
                break
            if t.lower_ in self.w.titles or lemma(t) in self.w.human or self.demonym(t) or (
                t.pos_ == "NOUN" and out[0].pos_ == "PROPN" and not self.foreign(t)  # "pilot julio torres"
            ) or not (
                t.dep_ in ("compound", "punct", "hmod", "hyph")
                or t.dep_ in ("amod", "nmod") and (self.foreign(t) or t.pos_ == "PROPN")
            ):
                break
            out.insert(0, t)
        while out and out[0].is_punct:
            out.pop(0)
        return out

    def np_text(self, tok) -> str:
        toks = self.np_tokens(tok)
        return toks[0].doc[toks[0].i:toks[-1].i + 1].text if toks else ""  # not doc.text: built anew per call

    def perp_extent(self, tok, org: bool = False) -> tuple[int, int]:
        toks = self.np_tokens(tok)
        end_tok = tok
        if org and tok.dep_ == "compound":  # "Saudi-led coalition warplanes": the parse hangs "Saudi-led" on the head
            left = [c for c in tok.head.children if c.dep_ == "amod" and c.i < tok.i
                    and any(t.text == "-" for t in c.subtree) and c.right_edge.i + 1 == toks[0].i]
            toks = list(tok.doc[left[0].left_edge.i:tok.i + 1]) if left else toks
        if lemma(tok) in self.w.partitive:
            for p in pobjs(tok, {"of"}):
                inner = self.np_tokens(p)
                end_tok = inner[-1]
        if org and toks[0].i > 0 and tok.dep_ == "compound" and ordinal(toks[0].nbor(-1)) \
                and toks[0].nbor(-1).head in (tok, tok.head):  # "1st infantry brigade soldiers": the parse hangs
            toks = [toks[0].nbor(-1), *toks]  # the unit's number on the men, but it is part of the unit's name
        if org and tok.dep_ in ("compound", "nmod"):  # "carabineros os-7 department personnel", "russian army artillery":
            while True:  # the words the parse hung on the men or guns just before a unit's head name the unit too
                before = [c for c in tok.head.children if c.right_edge.i + 1 == toks[0].i and (
                    c.dep_ in ("compound", "nmod") or c.dep_ == "amod" and self.adjective_demonym(c))]
                if not before:
                    break
                toks = [*tok.doc[before[0].left_edge.i:before[0].right_edge.i + 1], *toks]
        if org:  # a group's name: "maoist shining path group" -> "shining path", "army of national liberation"
            while toks[:-1] and (toks[0].lower_ in self.w.ideologies or toks[0].is_punct) and not (
                    len(toks) == 2 and lemma(toks[1]) in self.w.organization):
                toks = toks[1:]
            if lemma(tok) in self.w.generic_groups and len(toks) > 1 and noun_like(toks[-2]) and (
                    self.org_word(toks[-2]) or " ".join(t.lower_ for t in toks[:-1]) in self.w.groups):
                end_tok = toks[-2]  # a known name: "mrta group" -> "mrta"; not "zarate wilka group", "guerrilla group"
            if lemma(tok) in self.w.generic_groups and len(toks) > 2 and toks[-2].text in QUOTES:
                opening = [k for k, t in enumerate(toks[:-2]) if t.text in QUOTES]  # 'a "Zarate Willka" group'
                toks, end_tok = toks[opening[-1] + 1 if opening else 0:], toks[-3]
            for p in pobjs(tok, {"of"}):
                if not any(c.dep_ in ("det", "poss") for c in p.children) and not self.place(p):
                    end_tok = p
        end_tok = self.numbered(end_tok)
        return toks[0].idx, end_tok.idx + len(end_tok.text)

    def numbered(self, tok):
        """The last word of a unit's name with its number after it: "military detachment no. 4", "battalion number
        3" (whatever the parse made of "no": the head of the phrase, or no part of it)."""
        doc = tok.doc
        i = tok.i if tok.lower_.rstrip(".") in self.w.number_words else tok.i + 1
        if i < len(doc) and doc[i].lower_.rstrip(".") in self.w.number_words:
            i += 2 if i + 1 < len(doc) and doc[i + 1].text == "." else 1  # "No . 4" split by the tokenizer
            if i < len(doc) and doc[i].like_num:
                return doc[i]
        return tok

    def measured(self, tok):
        """The weapon a quantity measures ("500 kg of dynamite" -> dynamite), else the word itself."""
        if lemma(tok) in self.w.units:
            inner = [p for p in pobjs(tok, {"of"}) if self.weapon(p)]
            if inner:
                return inner[0]
        return tok

    def weapon_extent(self, tok) -> tuple[int, int]:
        tok = self.measured(tok)
        keep, todo = set(), [tok]  # head, compounds ("car bomb", "m-16 rifle"), weapon adjectives ("hand grenade")
        named = self.w.weapon_modifiers | self.lex.weapon_needs.get(lemma(tok), frozenset())  # "tear gas"
        while todo:
            for c in todo.pop().children:
                if c.ent_type_ in ("DATE", "TIME"):
                    continue  # "on 27 january dynamite": the date is no part of the weapon
                if c.i < tok.i and (c.dep_ in ("compound", "nmod", "hmod", "hyph", "nummod", "npadvmod") and c.head != tok
                                    or c.dep_ in ("compound", "nmod", "hmod", "hyph") or c.text == "-"
                                    or c.dep_ == "nummod" and self.calibre(c)
                                    or c.dep_ == "amod" and (lemma(c) in named or c.lower_ in named or self.arming(c))):
                    keep.add(c.i)
                    todo.append(c)
        i = tok.i
        while i - 1 in keep and not tok.doc[i].is_sent_start:
            i -= 1
        while i > 0 and not tok.doc[i].is_sent_start and not tok.doc[i - 1].whitespace_ and "-" in (
                tok.doc[i].text, tok.doc[i - 1].text):
            i -= 1  # a hyphenated word is one word: "semi-automatic rifles", "rocket-propelled grenades"
        while i < tok.i and (tok.doc[i].like_num and tok.doc[i + 1].text != "-" and not self.calibre(tok.doc[i])
                             or tok.doc[i].dep_ == "compound"
                             and self.perp_kind(tok.doc[i], modifier=True) == "organization"):
            i += 1  # a count or its owner is no part of the weapon's name ("4 akm rifles", "Tatmadaw artillery")
        return tok.doc[i].idx, tok.idx + len(tok.text)

    def calibre(self, num) -> bool:
        """A number that measures a weapon ("a .38 caliber revolver", "a 9 mm pistol"), not one that counts it."""
        return num.i + 1 < len(num.doc) and lemma(num.nbor(1)) in self.w.calibre_words

    # ---- entities ----------------------------------------------------------------------
    def index_document(self, doc: Document) -> None:
        """Per-document lookups: entity mentions, place and time spans, whether the text is all caps."""
        spans = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions)
        self._ents = spans
        self._starts = [s for s, _, _ in spans]
        self._other_spans = sorted([(p.start, p.end) for p in doc.places] + [(t.start, t.end) for t in doc.times])
        self._other_starts = [s for s, _ in self._other_spans]
        self._places = sorted(doc.places, key=lambda p: p.start)
        self._place_starts = [p.start for p in self._places]
        letters = [c for c in doc.text[:2000] if c.isalpha()]
        self._shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)

    def mention_at(self, tok):
        """(start, end, entity) of the resolved mention covering this token, if the actors stage found one."""
        if not self._ents:
            return None
        i = bisect_left(self._starts, tok.idx + 1) - 1
        for j in range(max(0, i - 3), min(len(self._ents), i + 2)):
            if self._ents[j][0] <= tok.idx < self._ents[j][1]:
                return self._ents[j]
        return None

    def entity_at(self, tok):
        m = self.mention_at(tok)
        return m[2] if m else None

    def participant(self, doc: Document, start: int, end: int, kind: str, tok=None,
                    attribution: str = "reported") -> Participant:
        start, end = doc.trim(start, end)
        end = self.hyphen_end(doc, end)
        text = doc.text[start:end]
        ent = self.entity_at(tok) if tok is not None else None
        name = ent.name if ent is not None else self.w.demonyms.get(text.lower(), text)
        return Participant(name=name, mention=text, kind=kind, entity=ent.id if ent is not None else None,
                           attribution=attribution, start=start, end=end)

    @staticmethod
    def hyphen_end(doc: Document, end: int) -> int:
        """The end of a hyphenated word the parse split after its head: "brother-in-law" is one person, but
        "van-and-knife" before "attack" modifies the noun after it."""
        stop = end
        while doc.text[stop:stop + 1] == "-" and doc.text[stop + 1:stop + 2].isalpha():
            stop += 1
            while doc.text[stop:stop + 1].isalpha():
                stop += 1
        if stop == end:
            return end
        after = doc.doc.char_span(stop, len(doc.text), alignment_mode="expand")
        nxt = next((t for t in after if not t.is_space), None) if after is not None else None
        return end if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") else stop

    # ---- assembling one trigger --------------------------------------------------------
    def resolve(self, tok):
        """Relative pronouns stand for their antecedent, and a reporter's "it"/"they" for the
        reporter ("the group said it carried out", "who said they were responsible"); conjuncts
        are arguments too."""
        if tok.lower_ in SELF_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass") and self.own_report(tok.head):
            said = [s for s in children(tok.head.head, "nsubj") if s.lower_ not in SELF_PRONOUNS
                    and (self.perp_kind(s) == "organization" or s.tag_ in ("NNS", "NNPS") and not self.name_like([s]))]
            tok = said[0] if said else tok  # a spokesman's "they" is his group, not himself
        if tok.lower_ in PRONOUN_RELATIVES and tok.head.dep_ == "relcl":
            tok = tok.head.head
            if tok.dep_ == "pobj" and self.place(tok) and self.weapon(tok.head.head):
                tok = tok.head.head  # "a missile towards Marib city, which landed": the parse hangs it on the place
        whole, inner = tok, pobjs(tok, {"of"})
        if inner and (tok.like_num or tok.lower_ in self.w.quantifiers or lemma(tok) in self.w.parts):
            tok = inner[0]  # "six of their members", "in front of the embassy"
        joined = list(dict.fromkeys([*tok.conjuncts, *whole.conjuncts]))
        if not self.place(tok) and any(self.place(c) for c in joined):
            # "Assailants hacked ... in X village, Y district, Khulna division, Bangladesh": the parse joined the
            # address to the doers; its parts, a name of a resolved place before "division" too, are no doers
            joined = [c for c in joined if not self.place(c)
                      and not any(self.locality(m) for m in children(c, "compound"))]
        out = list(dict.fromkeys([tok, *joined]))
        out += [c for t in list(out) for c in t.children if c.i < t.i and c.dep_ in ("nmod", "compound")
                and c.pos_ == "PROPN" and children(c, "cc") and children(c, "conj")]  # "Libya Dawn and Zintan brigades"
        for t in {whole, *out}:
            # (not a place the parse set beside a place joined to the doers: "..., Borno state, Nigeria")
            for a in (c for c in t.children if c.dep_ == "appos" and noun_like(c)
                      and not (self.place(t) and self.place(c))):
                described = self.name_like(self.name_tokens(t)) and not self.name_like(self.name_tokens(a))
                out += [*([] if described else [a]), *a.conjuncts]  # "X, rector of the university" is X;
                # "three vehicles -- an ambulance, a fuel truck and a station wagon" are three
                out += [c for p in pobjs(a, {"of"}) for c in p.conjuncts if pobjs(c, {"of"}) and not self.place(c)]
                # "two Italians, A of Milan and B of Rome": the parser hangs B on Milan
        for c in self.companions([whole, *out]):
            out += [c, *c.conjuncts]  # "eight people, including the mayor", "X, together with Y"
        return list(dict.fromkeys(out))

    def own_report(self, clause) -> bool:
        """A plain statement of fact reported by a speaker ("the army reported that it arrested"),
        not a quote, a denial or a possibility ("said they had not ordered", "it can kill")."""
        verb = clause.head
        if clause.dep_ != "ccomp" or not verb_keys(verb) & self.w.say_verbs or children(clause, "neg"):
            return False
        quoted = any(t.text in ('"', "“", "”") for t in clause.doc[min(verb.i, clause.i):max(verb.i, clause.i)])
        return not quoted and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)

    def companions(self, heads):
        """Nouns an inclusion phrase adds to a participant: "including Y", "together with Y", "along with Y"."""
        for t in heads:
            for c in t.children:
                if c.dep_ != "prep":
                    continue
                if c.lower_ in self.w.inclusion_preps or c.lower_ == "with" and any(
                        a.dep_ == "advmod" and a.lower_ in self.w.companion_adverbs for a in c.children):
                    yield from (p for p in c.children if p.dep_ == "pobj" and noun_like(p))
                elif c.lower_ in self.w.companion_adverbs:  # "along" heading "with"
                    yield from (p for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                                for p in w.children if p.dep_ == "pobj" and noun_like(p))

    def perpetrators(self, doc: Document, heads, how: dict, crowd: bool = False) -> list[Participant]:
        """`crowd`: the act is a protest, whose bare count of people is its crowd ("thousands protested")."""
        out = []
        for h in heads:
            if self.instrument_noun(h):  # "killed by a US drone": the modifier acts; "sniper fire from X": X
                mods = [c for c in h.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                        and self.perp_kind(c, modifier=True) and self.acts_as_modifier(c, h)
                        and not self.fought_at(h, c)]
                mods += [p for p in pobjs(h, {"from", "by"}) if self.perp_kind(p) is not None]
                out += self.perpetrators(doc, mods, {c.i: how.get(h.i, "reported") for c in mods})
                out += self.believed_states(doc, h)
                continue
            if lemma(h) in self.w.speaker_heads:  # "a spokesman of the Medellin cartel claimed": the cartel
                voiced = [c for c in h.children if c.dep_ in ("compound", "nmod", "poss") and self.plain_group(c)]
                voiced += [p for p in pobjs(h, {"of", "for"}) if self.plain_group(p)]
                out += self.perpetrators(doc, voiced, {c.i: how.get(h.i, "reported") for c in voiced})
                continue
            if self.perp_kind(h) is None:  # "an exchange of fire with a joint team of CRPF": the CRPF
                h = (self.armed_body(doc, h, bare=False) or (h,))[0]
            named = [a for a in h.children if a.dep_ == "appos" and self.perp_kind(a) == "individual"
                     and self.name_like(self.name_tokens(a))]
            if named and lemma(h) not in self.w.partitive:  # "the spokesman, Randhir Jaiswal": the name
                h = named[0]
            kind = self.perp_kind(h, modifier=h.dep_ in ("compound", "amod", "nmod"))
            if kind is None and h.dep_ in ("nsubj", "pobj", "ROOT") and (lemma(h) in self.w.human or any(
                    c.dep_ == "amod" and (c.lower_ == "armed" or lemma(c) in self.w.unknown) for c in h.children)) \
                    and lemma(h) not in self.w.passive_human_heads:
                kind = "individual"  # "her husband shot her", "a man opened fire", "armed nomads attacked": who acts
            if kind is None and crowd and (h.lower_ in self.w.quantifiers or h.tag_ == "NNS" and not self.place(h)
                                           or lemma(h) in self.lex.classes["gathering"]):
                kind = "individual"  # "thousands protested", "entrepreneurs protested", "a crowd marched": the crowd
            if kind is None:
                continue
            if kind == "organization" and not self.entity_at(h) and any(
                    c.dep_ == "amod" and lemma(c) in self.w.unknown for c in h.children):
                kind = "individual"
            movement = kind == "individual" and self.movement(h)
            if movement:  # "the attack was carried out by white extremists"
                kind = "organization"
            personal = kind == "individual" and self.name_like(self.name_tokens(h)) and lemma(h) not in self.w.individual
            if personal:
                toks = self.name_tokens(h, ranked=True)
                start, end = toks[0].idx, h.idx + len(h.text)
            elif kind == "organization" and self.mention_at(h):
                start, end = self.mention_at(h)[:2]  # the group's name as the actors stage delimited it
            else:
                start, end = self.perp_extent(h, org=kind == "organization" and not movement)  # its cause is its name
                wearers = [h, *pobjs(h, {"of"})] if lemma(h) in self.w.partitive else [h]
                worn = [c for w in wearers for c in w.children if c.dep_ == "acl" and lemma(c) in self.w.attire_verbs]
                if kind == "individual" and worn:  # "men wearing military uniforms": how they were known
                    last = max(t.i for t in worn[0].subtree)
                    while h.doc[last].dep_ in ("prep", "punct", "cc"):  # "dressed in" with its "black" hung elsewhere
                        last -= 1
                    end = max(end, h.doc[last].idx + len(h.doc[last].text))
            said = how.get(h.i, "reported")
            if doc.text[start:end].lower() in self.w.anaphoric and not self.entity_at(h):
                continue  # "the group", "the forces": a pointer to a group named elsewhere
            named_by = self.owner(h) if kind == "organization" else h  # "LNA forces": the LNA
            out.append(self.participant(doc, start, end, kind, named_by, said))
            if kind == "organization" and self.armed_means(h):
                out[-1].name = self.military_of(named_by) or self.home_military(doc, h) or out[-1].name
            if kind == "organization" and not self.mention_at(h):  # "two factions of the X League": X too
                out += [self.participant(doc, *self.mention_at(g)[:2], kind, g, said) for g in self.members_of(h)]
            if kind == "organization":  # "CPI (Maoist) cadres", "FARC members": the group's men too
                men = [a for a in h.children if a.dep_ == "appos" and a.i > 0 and a.nbor(-1).text != ","
                       and lemma(a) in self.w.individual]
                out += self.perpetrators(doc, men, {a.i: said for a in men})
                sides = [m for c in h.children if c.dep_ in ("amod", "compound") and c.conjuncts
                         for m in (c, *c.conjuncts) if not start <= m.idx < end]  # "Russian and Ukrainian forces"
                out += self.perpetrators(doc, sides, {m.i: said for m in sides})
            leaders = [p for c in h.children if c.dep_ == "acl" and verb_keys(c) & self.w.leader_verbs
                       for p in pobjs(c, {"by"})]  # "troops commanded by Colonel X"
            out += self.perpetrators(doc, leaders, {p.i: said for p in leaders})
            if kind == "individual" and not self.own_capacity(h):  # "FMLN guerrillas", "members of the FMLN": the group too
                own = self.name_tokens(h)[0].idx if personal and self.name_like([h]) else len(doc.text)
                # "marco santizo linares": words of his own name name no group; "medellin cartel boss pablo escobar" do
                groups = [c for c in h.children if c.dep_ in ("compound", "nmod") and not self.posted(c, h)
                          and c.idx < own and (
                    self.org_word(c) or self.perp_kind(c, modifier=True) == "organization" and self.entity_at(c))]
                inner = [h, *pobjs(h, {"of"})] if lemma(h) in self.w.partitive else [h]
                groups += [p for t in inner for p in pobjs(t, {"of", "from"})  # "terrorists from the FAL"
                           if self.perp_kind(p) == "organization"]
                groups += [p for a in self.identities(h) for p in pobjs(a, {"of"}) if self.perp_kind(p) == "organization"]
                groups += [g for g in self.members_of(h) if g not in groups]
                suspected = [p for c in self.believed(h) for a in (c, *children(c, "attr"))
                             for p in pobjs(a, set(self.w.affiliations.get(lemma(c), ())))
                             if self.perp_kind(p) == "organization"]
                for g in groups + suspected:  # "gunmen believed to be from X", "believed to belong to X": suspected
                    s, e = self.mention_at(g)[:2] if self.mention_at(g) else self.perp_extent(g, org=True)
                    out.append(self.participant(doc, s, e, "organization", g, "suspected" if g in suspected else said))
                before = h.left_edge.i - 1  # "IS militants", the parse reading "IS" as a verb
                if before > 0 and h.doc[before].text == ")":  # "Boko Haram (JAS) militants"
                    opened = next((t.i for t in h.doc[max(0, before - 6):before] if t.text == "("), None)
                    before = opened - 1 if opened is not None else before
                named = [*(t for t in h.subtree if t.i < h.i), *(h.doc[before : before + 1] if before >= 0 else [])]
                for t in named:  # "Ministry of External Affairs spokesperson Randhir Jaiswal"
                    m = self.mention_at(t)
                    if m and m[2].kind == "organization" and not any(p.entity == m[2].id for p in out) \
                            and not self.posted(t, h) and not self.adjective_demonym(t) \
                            and m[0] < own:  # not "salvadoran" of its men, nor a man's own name
                        out.append(self.participant(doc, m[0], m[1], "organization", t, said))
        return out

    def members_of(self, h) -> list:
        """The named group a partitive head counts men or parts of ("supporters of the BNP", "a faction of the
        X League"): they act for it. Sought in the whole "of" phrase, as the parse may hang the name on a later
        word ("supporters of the BNP hurled bombs" read as a noun phrase)."""
        if lemma(h) not in self.w.partitive | self.men:  # "cadres of the X", not only the partitive heads
            return []
        return [t for p in children(h, "prep") if p.lower_ == "of" for t in p.subtree
                if self.entity_at(t) and self.perp_kind(t) == "organization"][:1]

    def believed_states(self, doc: Document, h) -> list[Participant]:
        """The state a craft or weapon is believed to be of ("warplanes, believed to be Israeli", "drones thought
        to be Turkish"): its military is suspected of the act."""
        out = []
        for c in self.believed(h):
            for a in (x for y in children(c, "acomp", "attr") for x in (y, *y.conjuncts)):
                force = self.military_of(a)
                if force is not None and self.demonym(a):
                    out.append(self.participant(doc, a.idx, a.idx + len(a.text), "organization", a, "suspected"))
                    out[-1].name = force
        return out

    def movement(self, h) -> bool:
        """Followers named by their cause and not counted: "white extremists", "dissident republicans", not
        "two extremists", "suspected extremists" or a bare "extremists"."""
        if lemma(h) not in self.w.movement_heads or h.tag_ not in ("NNS", "NNPS"):
            return False
        mods = [c for c in h.children if c.i < h.i and c.dep_ in ("amod", "compound", "nmod", "nummod", "det", "quantmod")]
        if any(c.dep_ in ("nummod", "quantmod") or c.like_num or c.lower_ in self.w.quantities
               or c.lower_ in self.w.hedges or c.lower_ in self.w.unknown for c in mods):
            return False
        return any(c.dep_ in ("amod", "compound", "nmod") for c in mods)

    def armed_means(self, mod) -> bool:
        """A modifier of a weapon, craft or act of force ("Ukrainian drones", "a Syrian government helicopter", "an
        Israeli strike"): the state it names acted through its military."""
        head = mod.head
        return mod.dep_ in ("compound", "amod", "nmod") and head is not mod and (
            self.weapon(head) or self.instrument_noun(head) or lemma(head) in self.lex.senses
            or lemma(head) in self.w.physical)

    def military_of(self, tok) -> str | None:
        """The name of the military of the state or government a token's entity is."""
        ent = self.entity_at(tok)
        if ent is None or not ent.country_code or ent.kb_id not in (ent.country_code, f"{ent.country_code}-government"):
            return None
        force = load_kb().get(f"{ent.country_code}-military")
        return force.name if force is not None else None

    def home_military(self, doc: Document, tok) -> str | None:
        """A state named by a bare word on its weapon or craft ("a regime helicopter", "government jets") is
        the state of the country the document is placed in: it acted through that country's military."""
        if self.entity_at(tok) is not None or load_kb().force_kinds.get((tok.lower_,)) != "government":
            return None
        return self.home_force(doc, "military")

    @staticmethod
    def home_force(doc: Document, kind: str) -> str | None:
        """The name of the force of this kind ("military", "police") of the country the document is placed in."""
        home = Counter(p.country_code for p in doc.places if p.country_code and not p.demonym)
        force = load_kb().get(f"{home.most_common(1)[0][0]}-{kind}") if home else None
        return force.name if force is not None else None

    def own_capacity(self, h) -> bool:
        """ "An off-duty police officer", "a former soldier": a man who acts outside the force he names."""
        return not self.w.capacity_words.isdisjoint(h.doc[h.left_edge.i:h.i].text.lower().split())

    def posted(self, t, h) -> bool:
        """ "soviet embassy guards", "northeastern coban base troops": a post word from a name up to the men says
        where they serve; the embassy or the base is no group that acted."""
        return any(lemma(x) in self.w.post_heads for x in h.doc[t.i:h.i])

    def identities(self, h) -> list:
        """What the text says the doers are: "the gunmen who attacked the bus were members of the Zeta
        cartel" (a partitive head after "be")."""
        verb = h.head
        if h.dep_ != "nsubj" or lemma(verb) != "be":
            return []
        return [a for a in children(verb, "attr") if lemma(a) in self.w.partitive]

    def owners(self, h) -> list:
        """The actors named before a weapon or craft they used: "Tatmadaw artillery", "Israeli jets"."""
        return [c for c in h.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                and self.perp_kind(c, modifier=True) == "organization" and self.acts_as_modifier(c, h)]

    def launchers(self, w) -> list:
        """Who sent the weapon in the clause that brings it in: "Houthi forces launched a missile, which landed in
        a residential area, wounding 4" (the act's doer is the relative pronoun, standing for the missile)."""
        verb = w.head
        if w.dep_ != "dobj" or not verb_keys(verb) & self.w.launch_verbs or passive(verb):
            return []
        return [s for s in children(verb, "nsubj") if not self.weapon(s)]

    def armed_body(self, doc: Document, h, bare: bool = True):
        """(token, name) of the force or armed group whose body of men or men a phrase names: "a CRPF and police
        team", "a patrol of the army", "44 members of the Special Action Force", "PMF fighters", and with `bare`,
        "a police patrol": a bare force word before a unit is the force of the document's country."""
        unit = lemma(h) in self.units or h.lower_ in self.units
        if not unit and (lemma(h) not in self.men or len(self.np_tokens(h)) == 1):
            return None  # bare "members of the forces" stays the word for a role it is
        for t in (self.owner(h), *children(h, "compound", "nmod", "amod"), *pobjs(h, {"of", "from"})):
            ent = self.entity_at(t)
            if ent is not None and ent.actor_type in ARMED_TYPES:
                return t, ent.name
            kind = load_kb().force_kinds.get((t.lower_,)) if ent is None and bare and unit else None
            force = self.home_force(doc, kind) if kind in ("military", "police") else None
            if force is not None:
                return t, force
        return None

    def owner(self, h):
        """The token whose entity an organisation's phrase names: a group word ("forces", "militia")
        is the group named before it ("LNA forces" are the Libyan National Army)."""
        if self.mention_at(h):
            return h
        mods = [c for c in h.children if c.dep_ in ("compound", "nmod") and c.i < h.i]
        mods = [max(c.conjuncts, key=lambda t: t.i) if children(c, "conj") else c for c in mods]  # "X and Y forces": Y's
        named = [c for c in mods if (ent := self.entity_at(c)) is not None and ent.kind == "organization"]
        return named[-1] if named else h

    def targets(self, doc: Document, heads, armed: bool = False) -> list[Participant]:
        """`armed`: the act is violent, and a force's or armed group's body of men or men that it hit are its
        targets named as the force ("ambushed a CRPF team", "44 members of the Special Action Force were killed")."""
        out = []
        for h in heads:
            named = [a for a in h.children if a.dep_ == "appos" and self.target_kind(a) == "human"
                     and self.name_like(self.name_tokens(a))]
            if named:  # "a top Hamas leader, Saleh al-Aroui": the name
                h = named[0]
            kind = self.target_kind(h)
            body = self.armed_body(doc, h) if kind != "physical" and armed else None
            if body is not None:  # "Maoists ambushed a CRPF and police team": the force's men, named as the force
                toks = self.np_tokens(h)
                out.append(self.participant(doc, toks[0].idx, h.idx + len(h.text), "human", body[0]))
                out[-1].name = body[1]
                continue
            if kind is None:
                continue
            end = h
            if kind == "human" and self.name_like(self.name_tokens(h)) and lemma(h) not in self.w.human \
                    and not self.nationals(h):  # "two other Americans" are counted, not named
                toks = self.name_tokens(h)
            else:
                toks = self.np_tokens(h, keep_numbers=kind == "human", keep_poss=kind == "physical")
            first = toks[0]  # "persecute and murder peasants": a verb after "and" read as a compound is none of them
            if kind == "human" and toks[:-1] and first.dep_ == "compound" and lemma(first) in self.lex.senses \
                    and first.i > 0 and first.nbor(-1).lower_ in ("and", "or"):
                toks = toks[1:]
            if kind == "physical":
                while toks[:-1] and (toks[0].lower_ in self.w.quantities or toks[0].dep_ == "amod" and self.demonym(toks[0])):
                    toks = toks[1:]  # "several homes" -> "homes", "the salvadoran consulate" -> "consulate"
                if lemma(h) in self.w.owned or h.lower_ in self.w.owned:  # "offices of the development corporation"
                    for p in pobjs(h, {"of"}):
                        if p.pos_ != "PRON" and not self.place(p):
                            end = self.np_tokens(p)[-1]
            out.append(self.participant(doc, toks[0].idx, end.idx + len(end.text), kind, h))
        return out

    def attach(self, doc: Document, trig: Trigger, tok) -> None:
        if self.motive(tok):
            return  # its doers and victims are no parties to the act it explains
        f = self.frame(tok, trig)
        agents, patients, weapons, how = [], [], [], {}
        for a in f.agents:
            for x in self.resolve(a):
                how[x.i] = f.attribution.get(a.i, "reported")
        for h in (x for a in f.agents for x in self.resolve(a)):
            if self.weapon(h):
                weapons.append(h)
                agents += self.owners(h) + self.launchers(h)  # "Tatmadaw artillery shelled"
            elif self.target_kind(h) == "physical" and self.perp_kind(h) is None and not self.instrument_noun(h):
                aims = children(h.head, "dobj")  # of the clause whose subject it is
                # the craft of an air strike flew it, whatever the parse made of its aim ("a jet bombed a crowd gathered")
                flew = h.dep_ == "nsubj" and h.head.i == tok.i and trig.subtype == "air_drone_strike"
                acted = h.dep_ == "nsubj" and (flew or aims and not any(self.weapon(d) for d in aims)) \
                    and not passive(h.head)
                owners = self.owners(h) if acted else []
                agents += owners  # "military jets pounded hideouts", not "an army truck hit a mine"
                if not owners and not flew:
                    patients.append(h)  # "the plane blew up"
            else:
                agents.append(h)
        fired = self.launched(tok)
        for h in (x for p in f.patients for x in self.resolve(p)):
            used = self.weapon(h) or h.i in fired and self.target_kind(h) == "physical"  # "detonated a vehicle"
            (weapons if used and trig.type != "statement" else patients).append(h)
        weapons += [x for w in f.instruments for x in self.resolve(w) if self.weapon(x)]
        if trig.type not in VIOLENT and trig.subtype != "looting_property_destruction":
            weapons = []  # weapons seized or found are no weapons of this event
        if trig.type == "statement" and trig.subtype not in ("accusation", "condemnation", "threat"):
            patients = []  # what a statement is about is rarely a victim
        trig.perpetrators = dedupe(self.perpetrators(doc, agents, how, crowd=trig.type == "protests"))
        trig.targets = dedupe(self.targets(doc, [p for p in patients if p.i != tok.i], armed=trig.type in VIOLENT))
        trig.weapons = dedupe([doc.span(*self.weapon_extent(w)) for w in weapons])
        self.where_when(doc, trig, tok)

    def motive(self, tok) -> bool:
        """An earlier act named, in an adverbial of the act told, as what that act answers: "killed 30
        civilians in retaliation for the killing of two of their members by villagers", "in revenge for the
        arrest of their leader by police", "raided the camp to avenge the killing of their commander". Not an
        act a statement answers ("a response to the attacks") nor one a clause says an act answered ("the
        bombings were retaliation for the killing of Muslims"): that earlier act is told in its own right."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "for the abduction and killing of"
        prep = tok.head
        if tok.dep_ == "dobj":
            return lemma(prep) in self.w.motive_verbs and prep.dep_ == "advcl"
        cause = tok.doc[prep.i - 1] if prep.i > 0 else prep
        return tok.dep_ == "pobj" and prep.lower_ in ("for", "to", "over") and lemma(cause) in self.w.motive_nouns \
            and cause.dep_ == "pobj" and cause.head.lower_ in ("in", "as")

    def where_when(self, doc: Document, trig: Trigger, tok) -> None:
        """Places and times inside the trigger's adverbial phrases ("in Beirut", "on Wednesday")."""
        ranges = [(min(t.idx for t in c.subtree), max(t.idx + len(t.text) for t in c.subtree))
                  for c in tok.children if c.dep_ in PLACE_DEPS]
        if not ranges:
            return
        trig.places = [i for i, p in enumerate(doc.places) if any(s <= p.start and p.end <= e for s, e in ranges)]
        trig.times = [i for i, t in enumerate(doc.times) if any(s <= t.start and t.end <= e for s, e in ranges)]

    def sentence_weapons(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """Weapons the parse left unattached go to the nearest violent trigger of their sentence."""
        taken = {(w.start, w.end) for t, _ in trigs for w in t.weapons}
        by_sent: dict[int, list] = {}
        for t, tok in trigs:
            if t.type in VIOLENT:
                by_sent.setdefault(tok.sent.start, []).append((t, tok))
        for start, group in by_sent.items():
            sent, heads = group[0][1].sent, {tok.i for _, tok in group}
            for w in sent:
                if not self.weapon(w) or w.dep_ in ("compound", "amod"):
                    continue
                verb = next((a for a in w.ancestors if is_verb(a)), None)
                if verb is not None and verb_keys(verb) & self.w.container_verbs:
                    if not any(a.i in heads for a in w.ancestors):
                        continue  # "seized a truck loaded with dynamite", not "a bomber ... loaded with dynamite"
                elif verb is not None and verb.i not in heads and not verb_keys(verb) & self.w.use_verbs:
                    continue  # "seized rifles", "found explosives"
                s, e = self.weapon_extent(w)
                if any(a < e and s < b for a, b in taken):
                    continue
                t, _ = min(group, key=lambda g: abs(g[1].i - w.i))
                t.weapons.append(doc.span(s, e))
                taken.add((s, e))

    def used_weapons(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """A sentence after an act that tells what its doers used: "The assailants used firearms and
        grenades", "they were armed with rifles". The weapons go to the last violent act of the three
        sentences before. A habit ("have been using IEDs") is no act's."""
        violent = sorted((tok.i, t) for t, tok in trigs if t.type in VIOLENT and not t.negated)
        if not violent:
            return
        near = {tok.sent.start for _, tok in trigs}
        sents = list(doc.doc.sents)
        for k, sent in enumerate(sents):
            if sent.start in near:
                continue
            for verb in (t for t in sent if verb_keys(t) & self.w.wield_verbs and self.past_act(t)):
                subjects = children(verb, "nsubj", "nsubjpass") or (
                    children(verb.head, "nsubj", "nsubjpass") if verb.dep_ in ("conj", "acomp") else [])
                objects = children(verb, "dobj") + pobjs(verb, {"with"})
                if not any(self.perp_kind(s) for s in subjects):
                    if verb.dep_ == "acomp" or not children(verb, "nsubjpass"):
                        continue
                    objects = [self.measured(x) for x in children(verb, "nsubjpass")]  # "explosives had been used"
                used = [x for d in objects for x in (d, *d.conjuncts) if self.weapon(x)]
                before = [t for i, t in violent if sents[max(0, k - 3)].start <= i < sent.start]
                if used and before:
                    before[-1].weapons = dedupe(before[-1].weapons + [doc.span(*self.weapon_extent(w)) for w in used])

    @staticmethod
    def past_act(verb) -> bool:
        """A past act ("used", "were armed with", "and armed with"), not a habit ("have been using")."""
        if verb.tag_ == "VBD":
            return True
        if verb.tag_ != "VBN":
            return False
        if verb.dep_ == "acomp":  # "were armed with"
            return verb.head.tag_ == "VBD"
        node = verb.head if verb.dep_ == "conj" else verb
        return any(c.dep_ == "auxpass" for c in node.children) and any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)  # "were used", "had been used"

    def identified_victims(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """"The victims were identified as David Lecky and James Donnelly", "the dead include X", "the report
        lists the hostages as X and Y": the people named are human targets of the nearest violent act told
        before, or in, their sentence."""
        violent = [(t, tok) for t, tok in trigs if t.type in VIOLENT and not t.negated]
        if not violent:
            return
        for tok in doc.doc:
            named_as = tok.dep_ == "dobj" and pobjs(tok.head, {"as"})  # "lists the victims as X"
            if not (tok.dep_ in ("nsubj", "nsubjpass") or named_as) or lemma(tok) not in self.w.victim_subjects:
                continue
            verb = tok.head
            if lemma(verb) not in self.w.naming_verbs:
                continue
            names = pobjs(verb, {"as"}) + [c for c in children(verb, "attr", "dobj") if c.i != tok.i]
            names += [c for n in names for a in (n, *children(n, "appos")) for c in a.conjuncts]  # "X, director, and Y"
            before = [(t, h) for t, h in violent if h.i <= verb.i]
            if not names or not before:
                continue
            self.add_named(doc, max(before, key=lambda pair: pair[1].i)[0], names)

    def add_named(self, doc: Document, trig: Trigger, names) -> None:
        """The person names among `names` as human targets of the act, whole as the parser's person entity
        runs ("todd ray wilson burdenson", its first names misread as modifiers)."""
        taken = {(p.start, p.end) for p in trig.targets}
        for n in names:
            toks = self.name_tokens(n)
            if not toks or not self.person_name(toks):
                continue
            first = toks[0]
            while first.ent_type_ == "PERSON" and first.ent_iob_ == "I" and first.i > n.left_edge.i:
                first = first.nbor(-1)
            start, end = first.idx, toks[-1].idx + len(toks[-1].text)
            if (start, end) not in taken:
                text = doc.text[start:end]
                trig.targets.append(Participant(name=text, mention=text, kind="human", start=start, end=end))
                taken.add((start, end))

    def victims_named_later(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """"Two tourists were shot ... The tourists (or: the Britons), X and Y, were ...": names in apposition
        to a definite phrase of people that repeats the head of an act's human target told before, or as
        many names as that target counted, are that target's people."""
        heads = []  # (head lemma, count, end of the target's mention, its act)
        for t, _ in trigs:
            if t.type in VIOLENT and not t.negated:
                for p in t.targets:
                    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand") if p.kind == "human" else None
                    if span is not None and len(span):
                        count = next((parse_number([c.lower_], 0) for c in children(span.root, "nummod")), None)
                        heads.append((lemma(span.root), count and count[0], p.end, t))
        for tok in doc.doc:
            if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children) \
                    or lemma(tok) in self.w.doer_heads or lemma(tok) in self.w.individual - self.w.human:
                continue  # "the bombers, X and Y" are no victims, whatever took them for targets
            names = [c for a in children(tok, "appos") for c in (a, *a.conjuncts)]
            people = tok.tag_ in ("NNS", "NNPS") and (self.target_kind(tok) == "human" or self.demonym(tok))
            told = [(end, t) for key, count, end, t in heads if end <= tok.idx and (
                key == lemma(tok) or people and count == len(names) > 1)]
            if names and told:
                self.add_named(doc, max(told, key=lambda pair: pair[0])[1], names)

    def left_traces(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """A group whose leaflets, pamphlets or flags were left or found where an act happened is its
        suspected doer ("leaflets of X were found at the site", "the gunmen left pamphlets with slogans of
        X"), or that signed them ("leaflets signed by X were left", "pamphlets found there were signed by X"):
        of the violent or destructive act told in their sentence (arson leaves them too), else the nearest told
        before it."""
        violent = doings(trigs)
        for tok in doc.doc:
            if lemma(tok) not in self.w.trace_nouns:
                continue
            signed = self.signers(tok)
            if not (lemma(tok.head) in self.w.trace_verbs and (tok.dep_ in ("dobj", "nsubjpass") or signed)
                    or any(c.dep_ == "acl" and lemma(c) in self.w.trace_verbs for c in tok.children)):
                continue
            said = [c for c in tok.children if c.dep_ == "poss"] + pobjs(tok, {"of", "from"}) + signed
            marks = pobjs(tok, {"with", "bearing"}) + (pobjs(tok.head, {"with"}) if tok.dep_ == "dobj" else [])
            said += [p for m in marks for p in pobjs(m, {"of", "from"})]  # "with slogans of X"
            self.suspect(doc, violent, tok, [o for o in said if self.perp_kind(o) == "organization"])

    def elliptic_suspects(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """Note-style "X suspected." after an act (the passive without its auxiliary): X is the suspected doer
        of the violent or destructive act told in its sentence, else the nearest told before it. Only a group
        with no object, clause or auxiliary: "police suspected a robbery" suspects no one."""
        violent = doings(trigs)
        for tok in doc.doc:
            if lemma(tok) not in self.w.elliptic_passives or tok.tag_ not in ("VBN", "VBD") or any(
                    c.dep_ not in ("nsubj", "punct", "advmod") and not (c.dep_ == "ccomp" and c.i < tok.i)
                    for c in tok.children):
                continue  # a clause before it is the act the parse hung there ("X killed a man; Y suspected.")
            self.suspect(doc, violent, tok, [s for s in children(tok, "nsubj") if self.perp_kind(s) == "organization"])

    def unattributed_explosives(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """"A bomb exploded near a market", "a grenade was hurled at a procession" with no doer in the text, no
        claim, accusation or suspicion: an unidentified armed group of the document's country planted or threw
        it (as ACLED codes it), the explosive's mention its evidence. Not where the text names any doer of any
        act (a report that tells of attackers may tell of the bombers too), nor for an air strike or shelling."""
        if any(c.attribution in ("claimed", "accused", "suspected") and not c.denied for c in doc.claims) \
                or any(t.perpetrators for t, _ in trigs):
            return
        home = Counter(p.country_code for p in doc.places if p.country_code and not p.demonym)
        state = load_kb().get(home.most_common(1)[0][0]) if home else None
        if state is None:
            return
        thrown = set(actors_data()["unattributed_explosives"])
        name = actors_data()["unattributed_explosion"].format(country=state.name)
        for t, tok in trigs:
            if t.negated or t.hypothetical or t.habitual or not is_verb(tok) \
                    or t.type not in ("explosions_remote_violence", "violence_against_civilians"):  # not "defused"
                continue
            bomb = next((s for s in children(tok, "nsubj", "nsubjpass") if self.weapon(s)), None)
            if bomb is not None and (t.subtype == "remote_explosive_landmine_ied" or lemma(bomb) in thrown
                                     and (bomb.dep_ == "nsubjpass" or tok.tag_ == "VBN")):  # not "a grenade hit"
                s, e = self.weapon_extent(bomb)
                t.perpetrators = [Participant(name, doc.text[s:e], "individual", start=s, end=e)]

    def suspect(self, doc: Document, violent: list, tok, owners: list) -> None:
        """Make `owners` suspected doers of the act of `tok`'s sentence nearest it, else the nearest before it."""
        sent = tok.sent
        acts = [(t, h) for t, h in violent if h.sent == sent] or [(t, h) for t, h in violent if h.i < sent.start]
        if not owners or not acts:
            return
        trig = min(acts, key=lambda pair: abs(pair[1].i - tok.i))[0]
        trig.perpetrators = dedupe(trig.perpetrators + self.perpetrators(doc, owners, {o.i: "suspected" for o in owners}))

    def signers(self, tok) -> list:
        """Who signed a trace: "leaflets signed by X"; "pamphlets were signed by X", also where the parse
        hangs "were signed by X" as a clause under "found"."""
        verbs = [c for c in tok.children if c.dep_ == "acl"] + [tok.head] + children(tok.head, "ccomp")
        return [p for v in verbs if lemma(v) in self.w.trace_signs for p in pobjs(v, {"by"})]

    def __call__(self, doc: Document) -> None:
        if doc.doc is None or not doc.triggers:
            return
        self.index_document(doc)
        pairs = [(t, doc.doc[t.head]) for t in doc.triggers]
        for trig, tok in pairs:
            self.attach(doc, trig, tok)
        self.sentence_weapons(doc, pairs)
        self.used_weapons(doc, pairs)
        self.identified_victims(doc, pairs)
        self.victims_named_later(doc, pairs)
        self.left_traces(doc, pairs)
        self.elliptic_suspects(doc, pairs)
        self.unattributed_explosives(doc, pairs)
        self.own_side(doc, pairs)
        self.complete_mentions(doc)

    def own_side(self, doc: Document, trigs: list[tuple[Trigger, object]]) -> None:
        """Attackers killed are no victims (they still count in the toll): in an act that names no doer
        of its own, a person called by a word for the doer ("four passengers and one assailant were
        killed", "including the bomber") or by a perpetrator's own word for fighters ("militants
        attacked ...; five militants were killed") is the attackers' side. "Police shot the gunman" names
        its doer, and the gunman stays its target."""
        fighters = set(self.w.doer_heads)
        for t, _ in trigs:
            if t.type in VIOLENT and not (t.hypothetical or t.negated or t.habitual):  # "tried to plant"
                for forms in (self.head_forms(doc, p) for p in t.perpetrators if p.kind == "individual"):
                    if forms & self.w.individual and not forms & self.w.human:  # not "soldiers", "people"
                        fighters |= forms
        for t, _ in trigs:
            if t.type in VIOLENT and not t.perpetrators:  # not "the suspect was arrested"
                t.targets = [p for p in t.targets if p.kind != "human" or not self.head_forms(doc, p) & fighters]

    @staticmethod
    def head_forms(doc: Document, p: Participant) -> set[str]:
        """Lemma and singular of a participant's head word ("Assailants" may be tagged a proper noun)."""
        span = doc.doc.char_span(p.start, p.end, alignment_mode="expand") if p.start is not None else None
        if span is None:
            return set()
        low = span.root.lower_
        return {lemma(span.root), low, low[:-1] if low.endswith("s") else low}

    # ---- coreference -------------------------------------------------------------------
    def complete_mentions(self, doc: Document) -> None:
        """Each participant gets its referent's fullest mention in the document. A person named
        in part ("Jaramillo", "Mr. Torres") takes the one full name that contains it ("Bernardo
        Jaramillo Ossa", "Julio Torres"); a definite description ("the plane", "the jesuits")
        takes the one earlier mention of that kind it shortens ("a cargo plane", "six jesuits").
        Two fuller mentions that disagree ("Jairo Otalora", "Stela Torrado de Otalora") leave it alone."""
        found = [p for t in doc.triggers for p in (*t.perpetrators, *t.targets) if p.start is not None]
        spans = {id(p): doc.doc.char_span(p.start, p.end, alignment_mode="expand") for p in found}
        found = [p for p in found if spans[id(p)] is not None]
        named = {id(p) for p in found if p.kind in ("individual", "human") and self.person_name(spans[id(p)])}
        names = self.full_names(doc, [spans[id(p)] for p in found if id(p) in named])
        for p in found:
            if id(p) in named:  # the names the roles tagger read are full names too
                names[p.kind == "individual"].setdefault(tuple(t.lower_ for t in spans[id(p)]), (p.start, p.end))
        for p in found:
            span = spans[id(p)]
            part = tuple(t.lower_ for t in span)
            if id(p) in named:
                pool = names[p.kind == "individual"]
                fuller = [n for n in pool if len(n) > len(part) and contains(n, part)]
            elif p.kind in ("human", "physical") and self.definite(span):
                pool = {tuple(t.lower_ for t in spans[id(q)]): (q.start, q.end) for q in reversed(found)
                        if q.kind == p.kind and q.start < p.start}
                fuller = [n for n in pool if len(n) > len(part) and n[-len(part):] == part]
            else:
                continue
            longest = max(fuller, key=len, default=None)
            if longest is None or not all(contains(longest, n) for n in fuller):
                continue
            p.start, p.end = pool[longest]
            p.mention = doc.text[p.start:p.end]
            if p.entity is None:
                p.name = p.mention
        self.link_aliases(doc, found)
        for t in doc.triggers:
            t.perpetrators, t.targets = dedupe(t.perpetrators), dedupe(t.targets)

    def person_name(self, span) -> bool:
        """A person's name, with its rank ("colonel ponce"), not a description with a name in it
        ("atlacatl battalion troops")."""
        return self.name_like(list(span)) and not any(
            (lemma(t) in self.w.human or lemma(t) in self.w.individual) and t.lower_ not in self.w.ranks for t in span)

    @staticmethod
    def link_aliases(doc: Document, found: list[Participant]) -> None:
        """A participant outside every mention the actors stage delimited ("MRTA" in brackets)
        is still the entity that has its words as a name or alias: one referent, one id."""
        kinds = {"organization": ("organization",), "individual": ("person",), "human": ("person",)}
        for p in found:
            if p.entity is not None or p.kind not in kinds:
                continue
            key = p.mention.lower()
            ent = next((e for e in doc.entities if e.kind in kinds[p.kind]
                        and key in {e.name.lower(), *(a.lower() for a in e.aliases)}), None)
            if ent is not None:
                p.entity, p.name = ent.id, ent.name

    def full_names(self, doc: Document, parts) -> dict[bool, dict[tuple, tuple[int, int]]]:
        """Lowercased words -> first (start, end) of the names of two words or more around each
        occurrence of a word of `parts`, without a title; under True with a military rank kept
        (a perpetrator's name keeps its rank). Both the parse's name and the run of name words
        around the word count: a parse can split a lowercase name ("jaime/NOUN pardo leal")."""
        out: dict[bool, dict[tuple, tuple[int, int]]] = {False: {}, True: {}}
        wanted = {t.lower_ for span in parts for t in span}
        if not wanted:
            return out

        def add(toks, ranked):
            if len(toks) > 1 and self.name_like(toks):
                out[ranked].setdefault(tuple(t.lower_ for t in toks), (toks[0].idx, toks[-1].idx + len(toks[-1].text)))

        toks, done = doc.doc, set()

        def inside(i):  # a name word, or a joiner between two ("torrado de otalora")
            return self.name_word(toks[i]) or toks[i].lower_ in NAME_JOINERS and 0 < i < len(toks) - 1 \
                and self.name_word(toks[i - 1]) and self.name_word(toks[i + 1])

        for tok in toks:
            if tok.lower_ not in wanted or tok.i in done or not self.name_word(tok):
                continue
            start = end = tok.i
            while start > 0 and inside(start - 1):
                start -= 1
            while end + 1 < len(toks) and inside(end + 1):
                end += 1
            done.update(range(start, end + 1))
            add(list(toks[start:end + 1]), False)
            if start and toks[start - 1].lower_ in self.w.ranks:
                add(list(toks[start - 1:end + 1]), True)
            head = tok
            while head.dep_ == "compound" and head.head is not head:
                head = head.head
            for ranked in (False, True):
                add(self.name_tokens(head, ranked=ranked), ranked)
        return out

    def name_word(self, tok) -> bool:
        """A word of a person's name: a proper noun or a word outside English, not a title, a
        rank, a demonym or a noun for people, groups, places or things."""
        if not tok.is_alpha or tok.is_stop or tok.pos_ not in NAME_POS or tok.pos_ != "PROPN" and not self.foreign(tok):
            return False
        key, low = lemma(tok), tok.lower_
        return not (low in self.w.titles or low in self.w.ranks or key in self.w.human or key in self.w.individual
                    or key in self.w.organization or key in self.w.place_heads or key in self.w.physical
                    or self.demonym(tok))

    @staticmethod
    def definite(span) -> bool:
        """ "the plane", "these jesuits", "jesuits": a noun phrase that refers back, without a count."""
        if any(t.like_num for t in span) or not span[-1].is_alpha:
            return False
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.dep_ in ("det", "predet"):
            return before.lower_ in DEFINITE
        return span[-1].tag_ in ("NNS", "NNPS") and not (before is not None and before.like_num)


def doings(trigs: list[tuple[Trigger, object]]) -> list[tuple[Trigger, object]]:
    """The violent or destructive acts told (arson too) that a suspected group may have done."""
    return [(t, tok) for t, tok in trigs if (t.type in VIOLENT or t.subtype == "looting_property_destruction")
            and not t.negated]


def headline_passive(tok, note: bool = False) -> bool:
    """Headlines drop "were": in "3 Afghan Police Killed in Suicide Attack" a counted subject of a
    past form with no object suffered the act ("Gunmen Killed 3 Police" has one). Event notes drop it
    too, before a full stop, in a line that opens with the count ("8 guards killed.", `note`: the act is
    one that befalls people), or in a clause of its own after a semicolon or comma ("...; a boy killed and
    100 injured"). Whoever an act left "to death" or "dead" without an object suffered it ("X hacked to death")."""
    sent = tok.sent
    if tok.tag_ not in ("VBD", "VBN") or children(tok, "dobj", "attr", "aux", "auxpass") \
            or any(c.i > tok.i for c in children(tok, "ccomp")):
        return False  # a clause before it is one the parse hung there ("a bomb hit a patrol; one ranger killed")
    subjects = children(tok, "nsubj")
    if subjects and any(c.lower_ == "dead" or c.lower_ == "to" and any(d.lower_ == "death" for d in c.children)
                        for c in tok.children if c.i > tok.i):
        return True
    if any(children(c, "dobj") and not children(c, "aux") for c in children(tok, "conj")):
        return False  # "two gunmen killed and wounded five people": the object is shared
    opens = any(s.left_edge.i == sent.start or tok.doc[s.left_edge.i - 1].text in (";", ",", ":") for s in subjects)
    if sent[-1].text in (".", "!", "?") and not (note and (sent[0].like_num or opens)):
        return False  # prose keeps its "were"; only a line without a full stop is a headline
    return any(any(c.dep_ == "nummod" or c.like_num or c.lower_ in NOTE_COUNTS for c in s.subtree if c is not s)
               or s.like_num for s in subjects)


def predicated(noun) -> list:
    """Whom a noun is said of: "X are suspects", "X were held as suspects", "held X as suspects"."""
    if noun.dep_ == "attr":
        return children(noun.head, "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and is_verb(noun.head.head):
        return children(noun.head.head, "nsubjpass", "dobj")
    return []


def ordinal(tok) -> bool:
    """A unit's number written in digits: "1st", "3d", "11th"."""
    low = tok.lower_
    return low[:1].isdigit() and low.lstrip("0123456789") in ORDINAL_ENDS


def acronym(word: str) -> bool:
    """A lowercased acronym (fmln, urng, eln) rather than a name (garcia): short or unpronounceable."""
    if not 3 <= len(word) <= 6:
        return False
    if len(word) == 3 or not any(v in word for v in "aeiou"):
        return True
    run = 0
    for ch in word:
        run = run + 1 if ch not in "aeiouy" else 0
        if run >= 3:
            return True
    return False


def affirmed(verb, noun) -> list:
    """The subjects of a claim that is made: none for "no group has claimed", "neither X nor Y
    claimed", "has not claimed", "bears no responsibility"."""
    if children(verb, "neg") or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return []
    subjects = children(verb, "nsubj")
    if any(c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_DETS for s in subjects for c in s.children):
        return []
    return subjects


def contains(words: tuple, part: tuple) -> bool:
    """`part` is a run of consecutive words of `words`."""
    k = len(part)
    return any(words[i:i + k] == part for i in range(len(words) - k + 1))


def dedupe(items: list) -> list:
    """First of each (start, end): participants or spans found twice by different rules."""
    seen, out = set(), []
    for x in items:
        if (x.start, x.end) not in seen:
            seen.add((x.start, x.end))
            out.append(x)
    return out
