"""Where a military action takes place and what it is near (GOLD.md: ``location``, ``near``,
``location_text``).

Read in the action's clause, from cue words in ``kg/data/lexicons/<lang>/location.json``:

* a border phrase gives ``near``: ``ved grensen til Ukraina``, ``langs grensen mot Finland``,
  ``vekk fra grensen til Ukraina``, ``nær den ukrainske grensen`` (a country adjective, as the
  gazetteer's demonyms), ``i grenseområdet mellom Polen og Belarus`` (both). A border without
  a country (``ved grensene``) is near the one country the article's other border phrases
  name, when there is exactly one; otherwise ``near`` stays empty but the phrase is kept.
  ``grensen for hva vi tåler`` and ``på grensen til det uakseptable`` are no borders;
* ``nær Kharkiv`` gives ``near``;
* ``i Belarus``, ``på Krim``, ``i Svartehavet`` give ``location``, for kinds that do not send
  anything somewhere (a deployment's ``til Litauen`` is its destination, never a location).
  Time words (``i 2022``, ``i dag``) are no places: only a country or place mention counts.

A phrase before the trigger counts only when it opens the clause (``I Belarus øver …``) or
directly follows a force noun (``styrkene ved grensen trekkes tilbake``), and never for an
attack (``personell ved grensen til å starte et angrep``: where the forces stand, not the
attack). After the trigger the clause ends at a clause break (``etter at``, ``for å``), at the
end of the statement holding the action (``…, sier X i Oslo``) and at a new subject joined by
``og``/``men``. A verbless sentence opening with an elaboration (``Ikke bare ved grensen til
Ukraina, men også i Belarus.``) adds its places to the action of the sentence before.
``location_text`` is the first phrase that gave a place, as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Found, MentionTable
from kg.model import EntityType

__all__ = ["PLACED_KINDS", "PlaceCues", "Places", "article_border", "elaborates",
           "find_places", "place_cues"]

#: Kinds whose ``i/på X`` is where they take place (the others send, give or pull back).
PLACED_KINDS = ("MilitaryBuildup", "Exercise", "ReadinessIncrease", "Attack", "Invasion")
_STRIKES = ("Attack", "Invasion")
_PLACES = (EntityType.COUNTRY, EntityType.PLACE)
_ACTORS = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.COUNTRY)
_JOIN = re.compile(r"(?:\s*,\s*|\s+og\s+|\s+samt\s+)")
_NEW_SUBJECT = re.compile(r"(?<![\w-])(?:og|men|mens)\s+$", re.IGNORECASE)
_OPENING = re.compile(r"[\s\"'«»–—-]*")
_INFINITIVE = re.compile(r"å(?![\w-])")
_GAP = re.compile(r"(?:[a-zæøå]+\s+){0,3}")  # "til den russiske enklaven Kaliningrad"


def _alternation(words: list[str]) -> str:
    return alternation(words) or "(?!)"


@dataclass(frozen=True)
class PlaceCues:
    """The location cues of one language, compiled."""

    border: re.Pattern[str]  # preposition (den) (adjective) border-noun
    border_of: re.Pattern[str]  # "til", "mot" after the noun
    figurative_of: frozenset[str]  # "til" + neither a place nor "å": not a border
    between: re.Pattern[str]  # "mellom" after the noun
    not_border: re.Pattern[str]  # "for", "av" after the noun
    near: re.Pattern[str]  # "nær", "i nærheten av" before a name
    place: re.Pattern[str]  # "i", "på" before a name
    breaks: re.Pattern[str]
    elaboration: re.Pattern[str]  # "Ikke bare ved …" opening a sentence
    verbs: re.Pattern[str]  # finite verbs a fragment lacks
    forces: re.Pattern[str]  # a force noun right before a phrase


_CUES: dict[int, PlaceCues] = {}


def place_cues(lexicon: Lexicon) -> PlaceCues | None:
    """The compiled cues (once per lexicon), or None when the language has no location cues."""
    if not lexicon.location:
        return None
    cached = _CUES.get(id(lexicon))
    if cached is None:
        cached = _CUES[id(lexicon)] = _compile(lexicon)
    return cached


def _compile(lexicon: Lexicon) -> PlaceCues:
    words = lexicon.place_words
    flags = re.IGNORECASE
    preps = _alternation(words("border_prepositions"))
    any_prep = _alternation(words("border_prepositions") + words("near_prepositions")
                            + words("place_prepositions"))
    forces = _alternation(lexicon.words("personnel_nouns") + lexicon.words("unit_nouns"))
    return PlaceCues(
        border=re.compile(
            rf"(?<![\w-])(?:{preps})\s+(?:(?:den|det|de)\s+)?"
            rf"(?:(?P<adj>[^\W\d_]+(?:-[^\W\d_]+)*)\s+)?"
            rf"(?P<noun>{_alternation(words('border_nouns'))})(?![\w-])", flags),
        border_of=re.compile(rf"\s+({_alternation(words('border_of'))})\s+", flags),
        figurative_of=frozenset(words("figurative_of")),
        between=re.compile(rf"\s+(?:{_alternation(words('border_between'))})\s+", flags),
        not_border=re.compile(rf"\s+(?:{_alternation(words('not_border_after'))})(?![\w-])",
                              flags),
        near=re.compile(rf"(?<![\w-])(?:{_alternation(words('near_prepositions'))})\s+", flags),
        place=re.compile(rf"(?<![\w-])(?:{_alternation(words('place_prepositions'))})\s+",
                         flags),
        breaks=re.compile(rf"(?<![\w-])(?:{_alternation(words('clause_breaks'))})(?![\w-])",
                          flags),
        elaboration=re.compile(rf"\W*(?:{_alternation(words('elaborations'))})\s+"
                               rf"(?:{any_prep})\s", flags),
        verbs=re.compile(rf"(?<![\w-])(?:{_alternation(words('clause_verbs'))})(?![\w-])",
                         flags),
        forces=re.compile(rf"(?<![\w])(?:[\w]+-)?(?:{forces})\s+$", flags),
    )


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int
    keys: tuple[str, ...]  # what the phrase names (empty for a border without a country)
    near: bool  # a border or "nær X" (near) rather than a place phrase (location)


@dataclass(frozen=True)
class Places:
    near: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    text: str | None = None


def _name_at(table: MentionTable, at: int, end: int) -> Found | None:
    for mention in table.covering(at, end):
        if mention.span.start == at and mention.type in _PLACES:
            return mention
        if mention.span.start > at:
            break
    return None


def _names_from(table: MentionTable, text: str, at: int, end: int,
                gap: bool = False) -> tuple[tuple[str, ...], int]:
    """A country or place starting at ``at`` (after up to three lower-case words when
    ``gap``) and the ones coordinated with it ("Belarus og Polen"); keys and their end."""
    starts = [at]
    if gap:
        words = _GAP.match(text, at, end)
        starts += [at + w.end() for w in re.finditer(r"\S+\s+", words.group(0) if words else "")]
    first = next((m for start in starts if (m := _name_at(table, start, end))), None)
    if first is None:
        return (), at
    keys, stop = [first.key], first.span.end
    while True:
        join = _JOIN.match(text, stop, end)
        following = _name_at(table, join.end(), end) if join else None
        if following is None:
            return tuple(keys), stop
        keys.append(following.key)
        stop = following.span.end


def _borders(table: MentionTable, text: str, start: int, end: int, cues: PlaceCues,
             demonyms: dict[str, str]) -> list[_Phrase]:
    phrases = []
    for match in cues.border.finditer(text, start, end):
        after = match.end()
        keys: tuple[str, ...] = ()
        stop = after
        adjective = match.group("adj")
        if adjective:
            keys = tuple(demonyms[part] for part in adjective.lower().split("-")
                         if part in demonyms)
        if cues.not_border.match(text, after, end):
            continue  # "grensen for hva vi tåler"
        of = cues.border_of.match(text, after, end)
        between = cues.between.match(text, after, end)
        if of and not _INFINITIVE.match(text, of.end(), end):  # not "ved grensen til å …"
            named, named_end = _names_from(table, text, of.end(), end, gap=True)
            if named:
                keys, stop = keys + named, named_end
            elif of.group(1).lower() in cues.figurative_of:
                continue  # "på grensen til det uakseptable"
        elif between:
            first, first_end = _names_from(table, text, between.end(), end)
            if first:
                keys, stop = keys + first, first_end
        phrases.append(_Phrase(match.start(), stop, tuple(dict.fromkeys(keys)), True))
    return phrases


def article_border(table: MentionTable, text: str, start: int, cues: PlaceCues | None,
                   demonyms: dict[str, str]) -> str | None:
    """The one country the article's border phrases name, if exactly one: what a border
    without a country (``ved grensene``) is near."""
    if cues is None:
        return None
    named = {key for phrase in _borders(table, text, start, len(text), cues, demonyms)
             for key in phrase.keys}
    return next(iter(named)) if len(named) == 1 else None


def _window_end(table: MentionTable, text: str, trigger_end: int, end: int,
                cues: PlaceCues) -> int:
    stop = cues.breaks.search(text, trigger_end, end)
    if stop:
        end = stop.start()
    previous: Found | None = None
    for mention in table.covering(trigger_end, end):
        if mention.type in _ACTORS and _NEW_SUBJECT.search(
                text, max(0, mention.span.start - 8), mention.span.start):
            joined_places = (previous is not None and previous.type in _PLACES
                             and mention.type in _PLACES
                             and _JOIN.fullmatch(text, previous.span.end, mention.span.start))
            if not joined_places:
                return mention.span.start  # "… og Nato øker beredskapen i Polen"
        previous = mention
    return end


def find_places(table: MentionTable, text: str, *, clause_start: int, trigger: int,
                trigger_end: int, end: int, kind: str, cues: PlaceCues | None,
                demonyms: dict[str, str], border_default: str | None,
                exclude: tuple[str | None, ...] = (), agent: str | None = None) -> Places:
    """``near``, ``location`` and ``location_text`` of an action whose trigger is
    ``text[trigger:trigger_end]`` in the clause ``text[clause_start:end]``."""
    if cues is None:
        return Places()
    end = _window_end(table, text, trigger_end, end, cues)
    phrases = _borders(table, text, clause_start, end, cues, demonyms)
    taken = [(p.start, p.end) for p in phrases]
    for pattern, near_it in ((cues.near, True), (cues.place, False)):
        for match in pattern.finditer(text, clause_start, end):
            if any(s <= match.start() < e for s, e in taken):
                continue
            keys, stop = _names_from(table, text, match.end(), end)
            if keys:
                phrases.append(_Phrase(match.start(), stop, keys, near_it))
                taken.append((match.start(), stop))

    def counts(phrase: _Phrase) -> bool:
        if phrase.start >= trigger:
            return True
        if _OPENING.fullmatch(text, clause_start, phrase.start):
            return True  # "I Belarus øver …"
        return kind not in _STRIKES and cues.forces.search(
            text, max(clause_start, phrase.start - 40), phrase.start) is not None

    skip = {k for k in exclude if k}
    near: list[str] = []
    location: list[str] = []
    first: _Phrase | None = None
    for phrase in sorted(phrases, key=lambda p: p.start):
        if not counts(phrase):
            continue
        if phrase.near:
            named = phrase.keys or ((border_default,) if border_default else ())
            keys = tuple(k for k in named if k not in skip and k != agent)
            if named and not keys:
                continue  # the target itself, or the agent's own border
            near += [k for k in keys if k not in near]
        elif kind in PLACED_KINDS:
            keys = tuple(k for k in phrase.keys if k not in skip)
            if not keys:
                continue
            location += [k for k in keys if k not in location]
        else:
            continue
        first = first or phrase  # a border without a country keeps its words ("ved grensene")
    location = [k for k in location if k not in near]
    return Places(tuple(near), tuple(location),
                  text[first.start:first.end] if first is not None else None)


def elaborates(text: str, start: int, end: int, cues: PlaceCues | None) -> bool:
    """``Ikke bare ved grensen til Ukraina, men også i Belarus.``: a verbless sentence that
    elaborates where the action of the sentence before takes place."""
    return (cues is not None and cues.elaboration.match(text, start, end) is not None
            and cues.verbs.search(text, start, end) is None)
