"""Military actions: kind, agent, destination, personnel, duration and status.

A reported action is not a fact: an action found inside a statement takes its status
from how the statement presents it (hedged -> Claimed, feared -> Feared, denied by its own
agent -> Denied), and a statement that contests it (``ikke sett noen tegn til``, ``tror
ingenting på``) makes it Disputed. Negations, conditions, demands, options and capabilities
never yield an action, except that an attack only possible or within reach is a *feared*
attack. Agents: the nearest country or organisation before the trigger, a demonym
(``russiske tropper``), a ministry or office holder standing for its country, the country
whose claim the sentence reports (``styrkene deres``), else the agent of an action in the
previous two sentences. Mentions of one action (same kind, agent, destination) are merged,
keeping every evidence span and the places of each. Where an action takes place and what it
is near (a border) are read in its clause by :mod:`kg.extract.places`. Rule id:
``action_trigger.v2``; triggers and cues are data (``kg/data/lexicons/<lang>/actions.json``
and ``lexicon.json``; places: ``kg/data/lexicons/<lang>/location.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol, TypeVar, cast

from kg.extract.lexicon import Lexicon, alternation, word_list
from kg.extract.mentions import Found, MentionTable
from kg.extract.places import Places, article_border, elaborates, find_places, place_cues
from kg.extract.segment import Sentence
from kg.extract.statements import DENIAL_OF_PREVIOUS
from kg.model import Article, EntityType, MilitaryAction, Recognizer, Span, Statement

__all__ = ["find_actions", "parse_duration", "parse_personnel"]

_AGENTS = (EntityType.COUNTRY, EntityType.ORGANISATION)


class Detector(Protocol):
    """Proposes triggers for a sentence as written: objects with ``kind``, ``start`` and
    ``end`` (offsets in the sentence) for each kind it finds told there."""

    def __call__(self, sentence: str) -> Sequence[Any]: ...
_DATELINE_HEAD = re.compile(r"[A-ZÆØÅ][A-ZÆØÅ -]{1,40}?\s*\([^()\n]{1,30}\)\s*:\s*")
_NUMBER = r"\d{1,3}(?:[  .]\d{3})+|\d+"
# a demonym right before the trigger: "ukrainske droneangrep", "det russiske angrepet", the
# first of a pair: "den russisk-belarusiske militærøvelsen"
_ADJACENT_DEMONYM = re.compile(r"(?<![\w-])([a-zæøå]+)(?:-[a-zæøå]+)*\s+$")
# forces with a demonym as the trigger's subject: "amerikanske og britiske styrker gikk til
# angrep", "Russiske styrker har de siste ukene trappet opp"
_FORCES_SUBJECT = re.compile(
    r"(?<![\w-])([a-zæøå]+)\s+(?:og\s+[a-zæøå]+\s+)?(?:[\w-]+\s+)?[\w-]*?(?:styrker|styrkene|"
    r"soldater|soldatene|tropper|troppene|missiler|raketter|droner|kampfly|krigsskip|"
    r"enheter|enhetene|stridsvogner|stridsvognene)\s+"
    r"(?:(?:har|hadde|har\s+nå|skal|vil)\s+)?(?:(?!og\b|men\b)[\w-]+\s+){0,3}$")
# forces named by a demonym inside the trigger's own words
_DEMONYM_FORCES_IN = re.compile(
    r"(?<![\w-])([a-zæøå]+)\s+(?:f-\d+\s+)?[\w-]*?(?:soldater|soldatene|tropper|troppene|"
    r"styrker|styrkene|instruktører|personell|kampfly|jagerfly|f-\d+)(?![\w-])")
# forces after the verb: "står rundt 30.000 russiske soldater i", "står det hundre norske"
_FORCE_NOUN = re.compile(r"(?<=\s)[\w-]*?(?:soldater|soldatene|tropper|troppene|styrker|"
                         r"styrkene|instruktører)\b")
_FOLLOWING_SENTENCES = 2  # how far personnel and duration may trail the trigger sentence
# who takes part in an exercise: "der rundt 10.000 norske og allierte soldater deltok"
_PARTICIPANTS = re.compile(r",?\s+(?:der|hvor|som)\s+(?:[\w.  -]+\s+){0,4}?"
                           r"(?:soldater|styrker|tropper|fly|skip)\s+(?:\w+\s+)?delt(?:ok|ar|a)\b")
# "USS Gerald R. Ford", "HMS «Härnösand»"
_SHIP = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,5})\s+«?[A-ZÆØÅ][\wæøå]+")


# A clause opening with one of these is a fronted adverbial: the subject follows the verb.
_FRONTED = re.compile(
    r"\s*(?:[Ii]følge\s|[Ii] (?:dag|går|morgen|kveld|natt|fjor|år|helgen)\b|[Nn]å\b|[Dd]erfor\b|"
    r"(?:[Nn]att|[Tt]idlig|[Ss]ent) (?:til |på )?(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|i dag)\b|"
    r"[Ii] (?:natt|går)(?: kveld| morges)?\b|"
    r"[Ii] (?:januar|februar|mars|april|mai|juni|juli|"
    r"august|september|oktober|november|desember)(?: i (?:fjor|år))?\b|"
    r"[Ss]ist (?:uke|helg|natt)\b|[Ff]orrige uke\b|"
    r"[Dd]ermed\b|[Ss]amtidig\b|[Vv]ed (?:årsskiftet|nyttår)\b|[Ii] tillegg\b|"
    r"[Ee]tter planen\b|[Ss]nart\b|[Tt]idligere\b|"
    # "Fra november til januar angrep houthiene …", "Siden da har Kina …"
    r"[Ff]ra (?:[\w.]+ ){1,6}?til (?:\w+ ){0,2}?(?:i (?:år|fjor)|\d{4})\b|"
    r"[Ss]iden (?:da|juni|[\d]{4})\b|[Ii] (?:19|20)\d\d\b|[Ii] (?:nabolandet|regionen|området)\b|"
    r"(?:[Mm]an|[Tt]irs|[Oo]ns|[Tt]ors|[Ff]re|[Ll]ør|[Ss]øn)dag\b|"
    r"[Ii]\s+[A-ZÆØÅ][\wæøå-]+(?:(?:,\s*|\s+og\s+)[A-ZÆØÅ][\wæøå-]+)*\s|"  # "I Polen øver …"
    r"[Tt]il\s+[A-ZÆØÅ][\wæøå-]+(?:\s+i\s+[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)?)?\s)")


def _inverted_subject(table: MentionTable, text: str, verb_end: int, end: int,
                      demonyms: dict[str, str], seats: Collection[str] = ()) -> str | None:
    """V2 order after a fronted phrase ("I dag sender Polen soldater …"): a country or
    organisation (or a place in ``seats``, a capital: "I oktober leverte Ankara …") right after
    the finite verb is its subject, and so are forces named by a demonym ("Ifølge Kyiv angrep
    russiske styrker …")."""
    if verb_end >= end or not text[verb_end : verb_end + 1].isspace():
        return None
    forces_of = _DEMONYM_FORCES.match(text, verb_end, end)
    if forces_of and forces_of.group(1).lower() in demonyms:
        return demonyms[forces_of.group(1).lower()]
    for mention in table.covering(verb_end, min(end, verb_end + 40)):
        if mention.span.start == verb_end + 1 and (
                mention.type in _AGENTS
                or (mention.type is EntityType.PLACE and mention.key in seats)) and not re.match(
                r"\s+(?:til|i|mot|fra)\b", text[mention.span.end : mention.span.end + 6]):
            return mention.key
        break
    # "Samtidig øver rundt 20 000 soldater fra Nato-land": the forces' origin acts.
    forces = _FORCES_FROM.match(text, verb_end, end)
    if forces:
        for mention in table.covering(forces.end(), min(end, forces.end() + 40)):
            if mention.span.start == forces.end() and mention.type in _AGENTS:
                return mention.key
    return None


_DEMONYM_FORCES = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(\w+)\s+(?:\w+-)?(?:\w*styrker|\w*styrkene|"
                             r"\w*tropper|\w*troppene|\w*soldater|\w*soldatene|militære|fly|flyene|droner|"
                             r"dronene|krigsskip|marinefartøy|offiserer|stabsoffiserer|"
                             r"spesialsoldater|\w*brigade|\w*bataljon|enheter|enhetene|"
                             r"stridsvogner|stridsvognene)\b")
_JOINED = re.compile(r"\s*(?:,|og|,\s*og)\s*")  # "Norge, Sverige og Finland"
_FORCES_FROM = re.compile(r"\s+(?:[\w\s]{0,20}?\s)?(?:soldater|tropper|styrker|militære|"
                          r"marinefartøy|fly|skip)\s+fra\s+")


def _refers_to_unit(sentence: str, lexicon: Lexicon) -> bool:
    """A sentence opening with a definite unit noun ("Soldatene skal …", "Styrken er …")
    continues the action of the sentence before, even across a paragraph break."""
    first = re.match(r"\W*([\wæøå-]+)", sentence)
    if not first:
        return False
    word = first.group(1).lower()
    nouns = {n.lower() for n in lexicon.words("unit_nouns") + lexicon.words("personnel_nouns")}
    return word in nouns and word.endswith(("en", "ene", "et"))


def _number(token: str, lexicon: Lexicon) -> int | None:
    token = token.lower().replace(" ", "").replace(" ", "").replace(".", "")
    if token.isdigit():
        return int(token)
    value = lexicon.raw["numbers"].get(token)
    if isinstance(value, int):
        return value
    # Compound number words: "femtifem", "tjueto".
    for tens in ("tjue", "tyve", "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti"):
        if token.startswith(tens) and token != tens:
            unit = lexicon.raw["numbers"].get(token[len(tens) :])
            if isinstance(unit, int) and unit < 10:
                return int(lexicon.raw["numbers"][tens]) + unit
    return None


_ALTS: dict[tuple[int, str], str] = {}


def _alt(lexicon: Lexicon, name: str, words: list[str]) -> str:
    """A cached regex alternation of ``words`` (escaped, longest first)."""
    key = (id(lexicon), name)
    if key not in _ALTS:
        _ALTS[key] = alternation(words)
    return _ALTS[key]


_T = TypeVar("_T")
_BUILT: dict[tuple[int, str], tuple[Lexicon, Any]] = {}


def _once(lexicon: Lexicon, name: str, build: Callable[[], _T]) -> _T:
    """``build()`` for this lexicon, computed once (the lexicon is kept with the value, so a
    new lexicon at a reused address builds afresh)."""
    key = (id(lexicon), name)
    hit = _BUILT.get(key)
    if hit is None or hit[0] is not lexicon:
        hit = _BUILT[key] = (lexicon, build())
    return cast(_T, hit[1])


def military_nouns(lexicon: Lexicon) -> re.Pattern[str]:
    """Words naming armed forces, units, vessels or aircraft: the lexicon's unit and personnel
    nouns ("B-52-bombefly" too), and any compound whose head is a military one and whose first
    part is not civil ("kystvaktskip", "patruljebåter", "luftvernkompani", not "lasteskip")."""
    def build() -> re.Pattern[str]:
        words = alternation(lexicon.words("unit_nouns") + lexicon.words("personnel_nouns"))
        heads = "|".join(lexicon.words("military_heads")) or "(?!)"
        civil = alternation(lexicon.words("civil_prefixes")) or "(?!)"
        return re.compile(
            r"(?<!\w)(?:" + words + r"|(?!(?:" + civil + r"))\w+(?:" + heads + r"))(?![\w-])",
            re.IGNORECASE)
    return _once(lexicon, "military_nouns", build)


def _triggers(lexicon: Lexicon) -> dict[str, list[tuple[re.Pattern[str], bool]]]:
    """Each kind's trigger patterns, compiled once per lexicon, with ``{FORCE}`` standing for
    any word of :func:`military_nouns` (a pattern names the forces once for every unit,
    vessel and compound). The flag marks place patterns: they count only when a country or
    place follows."""
    def build() -> dict[str, list[tuple[re.Pattern[str], bool]]]:
        force = military_nouns(lexicon).pattern
        # inside a pattern the forces may carry a name before a hyphen ("trukket
        # Nahal-brigaden ut"); a pattern opening with them starts at the noun, so the name
        # stays before the trigger, where the agent is looked for
        inner = r"(?:(?<![\w-])[\w]+-)?" + force

        def one(pattern: str) -> re.Pattern[str]:
            head = force if pattern.startswith("{FORCE}") else ""
            rest = pattern.removeprefix("{FORCE}")
            return re.compile(head + rest.replace("{FORCE}", inner))

        return {kind: [(one(p), False) for p in word_list(spec, "patterns")]
                + [(one(p), True) for p in word_list(spec, "place_patterns")]
                for kind, spec in lexicon.actions["kinds"].items()}
    return _once(lexicon, "triggers", build)


def _number_alt(lexicon: Lexicon) -> str:
    key = (id(lexicon), "#numbers")
    if key not in _ALTS:
        _ALTS[key] = _number_alt_uncached(lexicon)
    return _ALTS[key]


def _number_alt_uncached(lexicon: Lexicon) -> str:
    words = sorted((w for w, v in lexicon.raw["numbers"].items() if isinstance(v, int)), key=len,
                   reverse=True)
    return rf"(?:{_NUMBER}|(?:tjue|tyve|tretti|førti|femti|seksti|sytti|åtti|nitti)\w*|" + "|".join(
        re.escape(w) for w in words) + ")"


def parse_personnel(text: str, lexicon: Lexicon) -> tuple[int | None, int | None] | None:
    """A personnel range from phrases like ``mellom 50 og 60 soldater`` or ``opptil 1 500``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> parse_personnel("en tropp på mellom 50 og 60 soldater", load_lexicon())
    (50, 60)
    >>> parse_personnel("rundt 100 soldater", load_lexicon())
    (100, 100)
    >>> parse_personnel("opptil 1 500 soldater", load_lexicon())
    (None, 1500)
    """
    num = _number_alt(lexicon)
    nouns = _alt(lexicon, "personnel_nouns", lexicon.words("personnel_nouns"))
    tail = rf"\s+(?:[\wæøå-]+\s+){{0,2}}?(?:{nouns})\b"
    low = _multiply(text.lower(), num, lexicon)
    for pattern in (
        rf"\bmellom\s+({num})\s+og\s+({num}){tail}",
        rf"\bfra\s+({num})\s+til\s+({num}){tail}",
        rf"\b({num})\s*[–-]\s*({num}){tail}",
    ):
        match = re.search(pattern, low)
        if match:
            first, second = _number(match.group(1), lexicon), _number(match.group(2), lexicon)
            for factor in (1000, 100):  # "mellom fem og seks tusen": the factor is shared
                if first and second and second % factor == 0 and first * factor <= second < (
                        first + 10) * factor:
                    first *= factor
                    break
            return first, second
    approx = lexicon.raw["approximators"]
    for group, result in (("at_most", "max"), ("at_least", "min"), ("around", "both")):
        cue = _alt(lexicon, f"approx-{group}", approx[group])
        match = re.search(rf"(?<![\w-])(?:{cue})\s+({num}){tail}", low)
        if match:
            value = _number(match.group(1), lexicon)
            return {"max": (None, value), "min": (value, None)}.get(result, (value, value))
    match = re.search(rf"(?<![\w-])({num}){tail}", low)
    vague = _alt(lexicon, "vague_amounts", lexicon.words("vague_amounts")) or "(?!)"
    if match and re.search(rf"(?<![\w-])(?:{vague})\s+$", low[: match.start()]):
        return None  # "flere tusen soldater": a vague amount
    if match:
        value = _number(match.group(1), lexicon)
        if value is not None and value > 1:
            return value, value
    return None


def _multiply(low: str, num: str, lexicon: Lexicon) -> str:
    """``tre tusen`` -> ``3000``, ``to hundre`` -> ``200`` (so the range rules see one number)."""
    def value(match: re.Match[str]) -> str:
        base = _number(match.group(1), lexicon)
        factor = {"hundre": 100, "tusen": 1000}[match.group(2)]
        return str(base * factor) if base is not None else match.group(0)

    return re.sub(rf"(?<![\w-])({num})\s+(hundre|tusen)(?![\w-])", value, low)


def parse_duration(text: str, lexicon: Lexicon) -> str | None:
    """An ISO 8601 duration for ``i tre måneder``, ``et tre måneder langt opphold``, ``to uker``.

    ``for tre måneder siden`` is a point in time, not a duration.

    >>> from kg.extract.lexicon import load_lexicon
    >>> parse_duration("skal ha et tre måneder langt opphold i Litauen", load_lexicon())
    'P3M'
    >>> parse_duration("for tre måneder siden", load_lexicon()) is None
    True
    >>> parse_duration("blir der i minst seks måneder", load_lexicon())
    'P6M'
    """
    units = lexicon.raw["duration_units"]
    unit_alt = _alt(lexicon, "duration_units", list(units))
    num = _number_alt(lexicon)
    low = text.lower()
    half = re.search(r"(?<![\w-])(?:i|på|for)\s+(et halvt år|halvannet år|en halv måned)(?![\w-])",
                     low)
    if half:
        return {"et halvt år": "P6M", "halvannet år": "P18M", "en halv måned": "P2W"}[
            half.group(1)]
    for match in re.finditer(rf"(?<![\w-])({num}|et|ei|en)\s+({unit_alt})(?![\w])", low):
        before = low[max(0, match.start() - 20) : match.start()]
        after = low[match.end() : match.end() + 40]
        if re.match(r"\s+siden\b", after) or re.search(r"(?<![\w-])om $", before):
            continue
        durational = (re.search(r"\b(?:i|på|for)\s+(?:(?:minst|inntil|opptil|rundt|cirka|ca\.|"
                                r"omtrent|om lag|foreløpig)\s+)?$", before)
                      or re.match(r"\s+(?:langt|lang|lange)\b", after))
        if not durational:
            continue
        value = _number(match.group(1), lexicon) if match.group(1) not in ("et", "ei", "en") else 1
        if value is None:
            return None
        return f"P{value}{units[match.group(2)]}"
    return None


@dataclass
class _Found:
    action: MilitaryAction
    sentence: int
    unnamed: str | None = None  # "til baser i regionen": a destination without a name
    presumed: bool = False  # Claimed only because a party named the other side's action
    period: str | None = None  # "i fjor", "fra november 2023": told as background
    fresh: bool = False  # "nye fremstøt": another action than one told before
    learned: bool = False  # found from the learned detector's proposal, not a pattern


# a subordinate clause with its own subject and verb: its places are not the action's
_UNTIL = re.compile(r"\s(?:inntil|til|før|fordi|når|hvis|dersom)\s+(?:[\w-]+(?:en|et|ene|a)|de|den|"
                    r"det|han|hun|vi)\s+(?:\w+\s+)?\w+(?:er|et|te|de)\b")
# a period in the past that places an action in the background of the news ("Fra november
# 2023 til januar i år angrep houthiene …", "I fjor sendte Norge …")
_PAST_PERIOD = re.compile(r"(?<![\w-])(?:i fjor|i forfjor|(?:i|fra|siden|høsten|våren|"
                          r"sommeren|vinteren)\s+(?:[a-zæøå]+\s+)?(?:19|20)\d\d)(?![\w-])",
                          re.IGNORECASE)


def _cue(lexicon: Lexicon, name: str, text: str) -> bool:
    return bool(lexicon.cue_regex(name).search(text))


@lru_cache(maxsize=16)
def _words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (longest first): one pattern, compiled once, where
    one pattern per word would crowd other patterns out of ``re``'s cache."""
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")


def _agent(table: MentionTable, text: str, start: int, trigger: int, demonyms: dict[str, str],
           acting_for: dict[str, str], speaker: str | None = None,
           forces: re.Pattern[str] = _FORCE_NOUN) -> str | None:
    """The acting country or organisation: the nearest actor before the trigger in the clause,
    else a demonym (``russiske tropper``) or a group (``russerne``) in the sentence."""
    best: Found | None = None
    chain: list[Found] = []  # the coordinated actors ending at ``best``
    place_end = -1
    for mention in table.covering(start, trigger):
        if mention.how == "party":
            continue  # "Bjørn Arild Gram (Sp)": the party names the person, it does not act
        # ("i nabolandet Niger": a definite noun may name the kind of place)
        if re.search(r"\b(?:[Ii]|[Tt]il|[Mm]ot|[Vv]ed|[Pp]å|[Ii]nnen|[Nn]ær|[Ll]angs)\s+"
                     r"(?:[a-zæøå]+(?:et|en|a)\s+)?"
                     r"(?:(?:Nord|Sør|Øst|Vest)-)?$",
                     text[max(start, mention.span.start - 25) : mention.span.start]) or (
                place_end >= 0 and _JOINED.fullmatch(text[place_end:mention.span.start])):
            place_end = mention.span.end
            continue  # "en øvelse i Belarus (og Polen)": a place, not who acts
        if re.search(r"[Ii]følge\s+(?:(?!(?:skal|vil|har|er|kan|må|bør|hadde|var)\s)"
                     r"[a-zæøå]+\s+){0,2}$",
                     text[max(start, mention.span.start - 30) : mention.span.start]):
            continue  # "ifølge estiske myndigheter": the source of a claim, not who acts
        person = mention.type is EntityType.PERSON and mention.key != speaker
        # a capital acts for its state, unless something is done to it ("Kyiv ble angrepet")
        seat = mention.type is EntityType.PLACE and mention.key in acting_for and not (
            re.match(r"\s+(?:\w+\s+)?(?:ble|blir|er\s+blitt|har\s+blitt)\b",
                     text[mention.span.end:trigger])
            or re.search(r"\b(?:ble|blir|blitt)\s+$", text[start:mention.span.start]))
        if mention.type in _AGENTS or seat or (person and mention.key in acting_for):
            if best is not None and _JOINED.fullmatch(text[best.span.end:mention.span.start]):
                chain.append(mention)
            else:
                chain = [mention]
            best = mention
    if best is not None and len(chain) > 1:
        best = chain[0]  # "Russland og Belarus holder en øvelse": the first named leads
    base = re.search(r"\bfra\s+$", text[start:best.span.start]) if best is not None else None
    if base:
        # "To amerikanske B-1B-bombefly fra Guam øvde": whose forces they are, not the base
        owner = next((w for w in re.findall(r"[a-zæøå]+", text[start:start + base.start()]
                                            .lower())[-3:] if w in demonyms), None)
        if owner:
            return demonyms[owner]
    if best is not None:
        return acting_for.get(best.key, best.key)
    # A demonym inside a named body ("det russiske utenriksdepartementet") names that body,
    # not who acts: mask the mentions before looking for free-standing demonyms.
    chars = list(text[start:trigger].lower())
    for mention in table.covering(start, trigger):
        for i in range(mention.span.start - start, mention.span.end - start):
            chars[i] = " "
    low = "".join(chars)
    for hit in _words_regex(tuple(demonyms)).finditer(low):
        if re.search(r"\b(?:i|til|mot|ved|på|nær|langs|over)\s+(?:den|det|de)?\s*$",
                     low[:hit.start()]):
            continue  # "nær den ukrainske grensen": a place, not who acts
        if re.match(r"-led(?:et|ede)\b|\s+(?:\w+\s+){1,2}(?:ble|er|har\s+blitt)\s+"
                    r"(?:drept|skadet|såret)\b", low[hit.end():]):
            continue  # "en kosovarsk politimann ble drept i et angrep": the victim's;
            # "en fransk-ledet NATO-stridsgruppe": NATO's, not France's
        return demonyms[hit.group(0)]
    # "oppbyggingen av russiske styrker": the demonym follows the trigger noun.
    # "antallet amerikanske soldater ble økt": the same for the number of forces
    after = re.match(r"(?:\w+(?:en)?\s+av|antallet)\s+(?:\w+\s+)?(\w+)\s+"
                     r"(?:styrker|tropper|soldater)\b", text[trigger : trigger + 60].lower())
    if after and after.group(1) in demonyms:
        return demonyms[after.group(1)]
    # "står rundt 30.000 russiske soldater i Belarus": the forces follow the verb
    window = text[trigger : trigger + 90].lower()
    stop = re.search(r"[,.;:!?–]", window)
    window = window[: stop.start()] if stop else window  # within the clause
    # "ankom fire svenske JAS 39 Gripen-fly": a type's name may stand between them
    noun = forces.search(window)
    if noun:
        # (not "delta i en øvelse med sørkoreanske og japanske fartøyer": who joins it)
        before = re.sub(r"\w+-led(?:et|ede)\b", " ", window[: noun.start()])  # not the leader
        words = [] if re.search(r"(?<![\w-])(?:med|mot|av|fra|til|i|på|for|under|etter)\s",
                                before) else re.findall(r"[a-zæøå]+", before)[-4:]
        for word in reversed(words):
            if word in demonyms:
                return demonyms[word]
    # "økt russisk aktivitet": the demonym qualifies the trigger's noun.
    inside = re.match(r"\w+\s+(\w+)\s+(?:militær\w*\s+)?(?:aktivitet|tilstedeværelse|"
                      r"opptrapping|styrkeoppbygging)", text[trigger : trigger + 60].lower())
    if inside and inside.group(1) in demonyms:
        return demonyms[inside.group(1)]
    return None


# After a trigger: whose side of a border the activity is on ("på russisk side av grensen").
_SIDE = re.compile(r"[\w-]+(?:\s+[\w-]+){0,3}?\s+på\s+(\w+)\s+side\b")
_UNKNOWN_PLACE = re.compile(  # "til Østersjøen", "soldater i Transnistria", "på Yonaguni"
    r"\b(?:til|inn i|i|på|gjennom|langs)\s+([A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ]?[\wæøå]+)?"
    r"(?:\s+[A-ZÆØÅ][\wæøå]+){0,2})")
_PLACE_LABELS = ("LOC", "GPE_LOC", "GPE_ORG")


def _unknown_destination(table: MentionTable, text: str, sentence: Span, start: int,
                         recognizer: Recognizer | None,
                         suffixes: tuple[str, ...] = ()) -> tuple[str | None, int]:
    """``til Østersjøen``: a destination the gazetteer does not know, accepted when its
    name ends like a place (``-halvøya``, ``-fjorden``: lexicon ``place_suffixes``) or the
    statistical recogniser types it as a place (rule ``ner_place.v1``). The new place
    becomes an entity of the article."""
    match = _UNKNOWN_PLACE.search(text, start, sentence.end)
    if match is None or table.covering(match.start(1), match.end(1)):
        return None, start
    if suffixes and match.group(1).lower().endswith(suffixes):
        name = match.group(1)
        key = f"Place:{name}"
        table.add(Found(Span(match.start(1), match.end(1)), key, EntityType.PLACE,
                        "place_suffix"), name)
        return key, match.end(1)
    if recognizer is None:
        return None, start
    recognised = _recognised_place(table, text, (sentence.start, sentence.end),
                                   match.start(1), match.end(1), recognizer)
    return (recognised.key, recognised.span.end) if recognised else (None, start)


def _recognised_place(table: MentionTable, text: str, sentence: tuple[int, int], start: int,
                      end: int, recognizer: Recognizer) -> Found | None:
    """The place the recogniser finds starting at ``start`` (and ending by ``end``), added to
    the article's entities; None when it types the name otherwise."""
    # A window around the candidate, not the whole sentence: a run-on "sentence" of a
    # malformed article can be very long.
    window = max(sentence[0], start - 200), min(sentence[1], end + 100)
    for begin, stop_at, label in recognizer(text[window[0] : window[1]]):
        at, stop = window[0] + begin, window[0] + stop_at
        if at == start and label in _PLACE_LABELS and stop <= end:
            name = text[at:stop]
            place = Found(Span(at, stop), f"Place:{name}", EntityType.PLACE, "ner_place")
            table.add(place, name)
            return place
    return None


# what a denial must say to deny that an action told before took place at all
_EXISTENCE = re.compile(r"\b(?:fant sted|har funnet sted|skjedde|har skjedd|pågår|pågikk|"
                        r"foregår|foregikk)\b")
# a destination named by what it is, not where: "til baser i regionen", "til fronten"
_UNNAMED_DESTINATION = re.compile(r"\btil\s+(?:[\w-]+\s+){0,2}?(?:baser|basen|basene|fronten|"
                                  r"regionen|området|operasjonsområdet|øvelsen)\b|"
                                  # "sendt fregatten ... for å holde oversikt over": a mission
                                  r"\bfor\s+å\s+(?:overvåke|holde\s+oversikt|patruljere|følge\s+med)\b")
_PART_OF = (r"(?:(?:den|de)\s+)?(?:[a-zæøå]+e\s+)?(?:delen|deler|delene)\s+av\s+|"
            r"(?:nord|sør|øst|vest)?kysten\s+(?:av|til)\s+|"
            r"(?:området|områdene)\s+(?:rundt|ved|nær|omkring)\s+|"
            # "patruljerer farvannet øst for Gotland"
            r"(?:farvannet|farvannene|havområdene|havet)\s+(?:(?:nord|sør|øst|vest)\s+for|"
            r"utenfor|rundt|ved)\s+")
_REGION_PREFIX = re.compile(r"(?:Nord|Sør|Øst|Vest|Nordøst|Nordvest|Sørøst|Sørvest)-(?=[A-ZÆØÅ])")


def _destination(table: MentionTable, text: str, start: int, end: int,
                 toward: bool = False,
                 demonyms: dict[str, str] | None = None) -> tuple[str | None, int]:
    # "over Island": where air policing goes ("bidra med fly til Natos luftovervåking over …");
    # "til det østlige Middelhavet": a determiner and an adjective may stand before the name
    # forces moved "mot Donbas" go there (``toward``; otherwise "mot" is against)
    # "i og rundt hovedstaden Niamey": in a place and around it
    # "seilte gjennom Taiwanstredet", "skal ankomme Kosovo": a passage, an arrival
    # "skal anløpe Busan", "skal operere fra Keflavík": a port call, a base to fly from
    preposition = (r"til|inn i|i(?: og (?:rundt|ved|nær|utenfor))?|på|over|gjennom|langs|"
                   r"ankomme|ankommer|ankommet|ankom|anløpe|anløper|anløpte|"
                   r"(?:operere|opererer|opererte|operert)\s+fra" + (r"|mot" if toward else ""))
    # "på øya Yonaguni", "til havnebyen Tartus": a definite noun may name the kind of place
    # "til den østlige delen av Middelhavet", "utenfor vestkysten av Afrika": a part of it
    for match in re.finditer(rf"\b(?:(?:{preposition})\s+(?:{_PART_OF})?|{_PART_OF})"
                             r"(?:(?:det|den|de)\s+[a-zæøå]+e\s+|"
                             r"[a-zæøå]+(?:en|et|a|ne)\s+(?=[A-ZÆØÅ]))?",
                             text[start:end]):
        at = start + match.end()
        if re.search(r"\bgrens\w*\s+$", text[start : start + match.start()]):
            continue  # "nærmere grensen til Litauen": near a country, not into it
        region = _REGION_PREFIX.match(text, at)  # "i Sør-Libanon": part of the country
        for mention in table.covering(at, end):
            if mention.span.start in (at, region.end() if region else at) and mention.type in (
                    EntityType.COUNTRY, EntityType.PLACE):
                return mention.key, mention.span.end
    # "leverte kjøretøy til den somaliske hæren": a state's force or government, named by
    # its demonym, receives for its state
    force = _DEMONYM_BODY.search(text, start, end) if demonyms else None
    if force and demonyms and force.group(1).lower() in demonyms:
        return demonyms[force.group(1).lower()], force.end()
    there = re.search(r"(?<![\w-])dit(?![\w-])", text[start:end])
    if there:  # "skal lede styrken i Finland og sender tusen soldater dit": the place before
        clause = text.rfind(".", 0, start) + 1
        before = [m for m in table.covering(clause, start)
                  if m.type in (EntityType.COUNTRY, EntityType.PLACE)
                  and re.search(r"\b(?:i|til)\s+$", text[max(clause, m.span.start - 5):
                                                          m.span.start])]
        if before:
            return before[-1].key, start + there.end()
    return None, start


_DEMONYM_BODY = re.compile(r"\btil\s+(?:den|det)\s+(\w+e)\s+(?:hæren|marinen|kystvakten|"
                           r"flyvåpenet|luftforsvaret|forsvaret|regjeringen|hærens)\b")
_ANNOUNCING = r"\bkunngj\w+|\bannonser\w+|\bvarsl(?:er|et|te)\b"  # "har varslet en øvelse"
_RANK = ("Denied", "Disputed", "Claimed", "Feared", "Announced", "Planned", "Completed",
         "Ongoing")
_HOSTILE = ("Attack", "Invasion", "MilitaryBuildup", "NuclearModernisation")
_POSSIBLE_ATTACK = "Feared"  # an attack only possible, capable or hypothetical is a feared one


def _status(kind: str, clause: str, lead: str, before: str, statement: Statement | None,
            agent: str | None, lexicon: Lexicon, speech_lemmas: dict[str, str],
            same_side: set[str], word: str = "") -> str | None:
    """How the text presents the action, or None when it asserts no action at all.

    ``clause`` is the clause holding the trigger, ``lead`` the words of that clause before
    the trigger, ``before`` the whole sentence before the trigger.
    """
    low, lead_low = clause.lower(), lead.lower()
    # A purpose after the trigger ("… i beredskap for å kunne sendes …") says why, not whether.
    purpose = re.search(r"(?<![\w-])(?:for å|slik at)\s", low[len(lead_low):])
    if purpose:
        low = low[: len(lead_low) + purpose.start()]
    attack = kind in ("Attack", "Invasion")
    intents = _alt(lexicon, "intent_infinitive", list(lexicon.raw.get("intent_infinitive", {})))
    intended = bool(intents) and re.search(
        rf"(?:{intents})\s+(?:[\wæøå]+\s+){{0,3}}$", lead_low) is not None
    if not intended and any(lead_low.rstrip().endswith(cue.rsplit(" ", 1)[0])
                            or cue in lead_low[-40:] for cue in lexicon.words("purpose_cues")):
        return None  # "for å unngå krig": a purpose, not an action ("bestemt seg for å": intent)
    if _cue(lexicon, "demand_cues", before.lower()):
        return None  # "Stubb ønsker at Nato skal stasjonere flere soldater": asked for
    if _cue(lexicon, "no_sign_cues", before.lower()):
        return None  # "det er ikke tegn til at et angrep er nært forestående"
    rehearsed = _alt(lexicon, "rehearsal_cues", lexicon.actions.get("rehearsal_cues", []))
    if attack and rehearsed and re.search(rf"(?<![\w-])(?:{rehearsed})\s+(?:[\wæøå-]+\s+){{0,2}}$",
                                          lead_low):
        return None  # "NATO øver på angrep mot Russland": rehearsed, not carried out
    if _cue(lexicon, "conditionals", low):
        return None  # "hvis Russland angriper", "advarer om at et angrep vil få konsekvenser"
    if _cue(lexicon, "fear_cues", low):
        # feared: a hostile act; "utelukker ikke at Norge kan sende": only a possibility
        # "frykter at russiske styrker blir værende i Belarus": another side's forces
        if kind in _HOSTILE or (kind == "Deployment" and agent is not None and not (
                statement is not None and statement.speaker in same_side)
                and re.search(r"(?<![\w-])frykt", low)):
            return "Feared"
        return None
    if _cue(lexicon, "negation", low):
        return None
    if _cue(lexicon, "options", lead_low):
        return None  # "USA vurderer å gjennomføre luftangrep": an option of its own
    if attack and _cue(lexicon, "counterfactual", low[len(lead_low):]):
        return None  # "et russisk angrep på skip ville vært en kraftig eskalering"
    if _cue(lexicon, "hypothetical", low) or re.search(
            r"\bkan\b|\bkunne\b|\bville\b|\bhvis\b|\bdersom\b|\bmå\b|\bbør\b|\bburde\b",
            low):
        return _POSSIBLE_ATTACK if attack else None  # a condition, option or demand
    infinitive = re.search(r"(?<![\w-])å\s+(?:[\wæøå]+\s+){0,3}$", lead_low)
    intent: str | None = None
    if (infinitive and re.match(r"å\s+ha\s", lead_low[infinitive.start():])
            and statement is not None and statement.verb and statement.speaker in same_side
            and speech_lemmas.get(statement.verb, statement.verb)
            in lexicon.words("denial_verbs")):
        return "Denied"  # "Russland nekter for å ha angrepet …": the agent denies having done it
    if infinitive and re.search(r"(?<![\w-])(?:anklag|beskyld|kritiser)\w*\s+(?:\S+\s+){0,5}?for\s+"
                                r"å\s+(?:ha\s+)?(?:[\wæøå]+\s+){0,2}$", lead_low):
        return "Claimed"  # "Armenia anklager Aserbajdsjan for å ha beskutt …": an accusation
    if infinitive:
        head = lead_low[: infinitive.start() + 1]
        for phrase, status in lexicon.raw.get("intent_infinitive", {}).items():
            # "forsøkte fredag å trenge inn": a time word may stand before the "å"
            if head.endswith(phrase) or (phrase.endswith(" å") and re.search(
                    re.escape(phrase[:-2]) + r"\s+(?:\w+\s+){1,2}å$", head)):
                intent = status
        if intent is None:
            capable = _cue(lexicon, "capability_cues", before.lower())
            return _POSSIBLE_ATTACK if attack and capable else None
    if _embedded_claim(before, lexicon) or _cue(lexicon, "embedded_claim_cues", lead_low[-30:]):
        return "Claimed"  # turned into Disputed below when the sentence contests it
    if statement is not None and statement.verb:
        lemma = speech_lemmas.get(statement.verb, statement.verb)
        if lemma in lexicon.words("denial_verbs"):
            if re.search(r"\b(?:vil|skal|kommer til å)\s+(?:\w+\s+){0,2}$", lead_low):
                return None  # "Gram avviser at Norge vil gi F-16-fly": a refusal, no action
            return "Denied" if statement.speaker in same_side else None
        if lemma in lexicon.words("hedging_verbs"):
            return "Claimed"
    own_word = (statement is not None and statement.verb == "ifølge"
                and statement.speaker in same_side
                and kind in ("Deployment", "ArmsTransfer", "ReadinessIncrease", "Exercise"))
    if _cue(lexicon, "distance_cues", low) and not own_word:
        return "Claimed"  # (a government's word on its own sending is its announcement)
    if intent is not None and intent != "Ongoing":
        return intent
    done = _alt(lexicon, "completion_cues", lexicon.actions.get("completion_cues", []))
    if kind in ("ArmsTransfer", "Exercise") and done and re.search(
            rf"(?<![\w-])(?:{done})(?![\w-])", low):
        return "Completed"
    held = _alt(lexicon, "exercise_past_verbs", lexicon.actions.get("exercise_past_verbs", []))
    if kind == "Exercise" and held and re.search(
            rf"(?<![\w-])(?:{held})\s+(?:[\wæøå-]+\s+){{0,3}}$", lead_low):
        return "Completed"  # "Kina og Russland holdt en felles marineøvelse": over
    if kind == "Exercise" and re.search(r"(?<![\w-])(?:deltok|ble avsluttet)(?![\w-])", low):
        return "Completed"  # "en øvelse der 10.000 soldater deltok": held and over
    coming = _alt(lexicon, "future_time_cues", lexicon.actions.get("future_time_cues", []))
    if kind in ("Exercise", "Deployment", "Withdrawal") and coming and re.search(
            rf"(?<![\w-])(?:{coming})(?![\w-])", low):
        return "Announced"  # "Nato starter vinterøvelsen neste uke"
    if kind == "Deployment" and re.search(
            r"\b(?:er|var|har\s+vært)\s+(?:\w+\s+)?(?:på\s+plass|stasjonert|utplassert)\b", low):
        return "Ongoing"  # "soldater som skal betjene det, er på plass i Israel": in place
    if kind == "ArmsTransfer" and word.startswith(("lov", "bestil")):
        return "Announced"  # "Paris har lovet tre radarsystemer": promised, not delivered
    if (kind in ("Deployment", "ArmsTransfer") and re.search(
            r"\b(?:har|hadde)\s+(?:nå\s+|allerede\s+|også\s+|tidligere\s+)*$", lead_low)) or (
            kind == "ArmsTransfer" and re.search(r"\b(?:har|hadde)\s+[A-ZÆØÅ]\w+\s+$", lead)):
        # "Fra før har Norge gitt Ukraina …": the subject after the auxiliary
        # "Tyskland har allerede sendt 5000 soldater": done; the forces are in place
        return "Ongoing" if kind == "Deployment" else "Completed"
    if kind == "MilitaryBuildup" and (re.search(r"\b(?:skal|vil)\s+(?:\w+\s+){0,2}$", lead_low)
                                      or re.search(r"\b(?:skal|vil)\s+(?:\w+\s+)?(?:opprettes|"
                                                   r"etableres|settes\s+opp|økes|utvides|styrkes|"
                                                   r"bygges)\b", low[len(lead_low):])):
        # "et nytt armékorps skal opprettes i Karelen": to come
        # a build-up still to come: "Sverige skal etablere en ny brigade", says its minister;
        # said of another country it is that speaker's claim, not under way
        return "Announced" if statement is None or statement.speaker in same_side else "Claimed"
    if attack and statement is not None and re.search(r"\b(?:skal|vil)\s+(?:nå\s+)?$", lead_low):
        # "varslet at militsen nå vil gå etter amerikanske krigsskip": a threat by its own
        # side is announced; the other side's word for it is a fear
        return "Announced" if statement.speaker in same_side else "Feared"
    if re.search(r"\bplanlegger\b|\bplanlagt\b|\better planen\b", low):
        return "Announced"  # planned by the actor itself: announced, not yet done (GOLD.md)
    if kind in ("Deployment", "ArmsTransfer", "ReadinessIncrease", "Exercise") and re.search(
            r"\bskal\b|\bsender\b|\bvil\b|\bhar besluttet\b|\bhar bestemt\b|\bgir\b|"
            # "fire Eurofighter-fly sendes til Polen": the present passive is what is to come
            r"\bdonerer\b|\bleverer\b|\b(?:send|utplasser|stasjoner|overfør|lever)es\b|"
            # "I tillegg får Ukraina åtte stridsvogner", "en avtale om kjøp av": to come
            r"\bfår\b|\bkjøper\b|\bom kjøp\b|"
            + _ANNOUNCING, low):
        # "har varslet en marineøvelse fra lørdag": announced, still to come
        return "Announced" if kind != "Exercise" or re.search(
            r"\bskal\b|\bvil\b|" + _ANNOUNCING, low) else "Ongoing"
    if statement is not None and statement.speaker in same_side and kind == "Withdrawal":
        return "Claimed"  # a party's word about its own forces pulling back
    if kind == "Withdrawal":
        if re.search(r"\bskal\b|\bvil\b", lead_low):
            return "Announced"  # "USA skal halvere antallet soldater i Syria": to come
        gone = _alt(lexicon, "withdrawal_past", lexicon.actions.get("withdrawal_past", []))
        if intent is None and ((gone and re.search(rf"(?<![\w-])(?:{gone})(?![\w-])", low))
                               or re.search(r"\b(?:har|hadde)\s+(?:\w+\s+){0,2}$", lead_low)):
            # "I februar trakk Frankrike ut 400 soldater": done ("har begynt å": under way)
            return "Completed"
    if attack and re.search(r"\b(?:har|hadde)\b", lead_low) and re.search(
            r"(?<![\w-])siden\s+(?!det\b|de\b)\w", low):
        return "Ongoing"  # "Israel har bombet mål i Gaza siden 7. oktober": still going on
    if attack and intent is None and _carried_out(word, lead_low, low, lexicon):
        return "Completed"  # "Russland angrep kraftverk natt til tirsdag": a strike done
    return "Ongoing"


def _carried_out(word: str, lead: str, clause: str, lexicon: Lexicon) -> bool:
    """``word`` (the trigger's first word) is a strike in the past tense (``Israel angrep``;
    ``har/ble angrepet``) or one with a result (``et angrep … drepte``), not the noun alone
    (``et angrep``, ``angrepet mot``)."""
    results = _alt(lexicon, "strike_results", lexicon.actions.get("strike_results", []))
    if results and re.search(rf"(?<![\w-])(?:{results})(?![\w-])", clause):
        return True
    if word in lexicon.actions.get("strike_perfect", []) and re.search(
            r"\b(?:har|hadde|ble|blei|er blitt|har blitt)\s+(?:\w+\s+){0,2}$", lead):
        return True
    done = _alt(lexicon, "strike_done_verbs", lexicon.actions.get("strike_done_verbs", []))
    if done and re.search(rf"(?<![\w-])(?:{done})\s+(?:\w+\s+){{0,2}}$", lead):
        return True  # "USA gjennomførte luftangrep mot …"
    determiners = _alt(lexicon, "noun_determiners", lexicon.actions.get("noun_determiners", []))
    forces = _alt(lexicon, "force_stems", lexicon.words("force_stems")) or "(?!)"
    if word in lexicon.actions.get("strike_past", []) and re.search(
            rf"(?:{forces})\w*\s+$", lead):
        return True  # "Hamas-krigere angrep": forces as subject, the verb in the past
    # only "angrep" is also a noun ("et nytt angrep", "det russiske angrep")
    return word in lexicon.actions.get("strike_past", []) and bool(lead.strip()) and not (
        word == "angrep" and re.search(rf"\b(?:{determiners or '(?!)'}|\w+e|\w+sk)\s+$", lead))


def _embedded_claim(before: str, lexicon: Lexicon) -> bool:
    """``beskjeden fra russerne om at …`` before the trigger: someone else's claim."""
    nouns = _alt(lexicon, "speech_nouns", lexicon.words("speech_nouns")) or "(?!)"
    return bool(re.search(rf"(?<![\w-])(?:{nouns})\b[^.]{{0,60}}\bom\s+at\b", before.lower()))


_IN_COUNTRY = re.compile(r",?\s+i\s+")  # "byen El-Obeid i Sudan"
_TARGET_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,6}?(?:(?:mot|på|i|inn i|over)\s+)?")
# "angrep energianlegg i Lviv", "flere handelsskip i Rødehavet": what is hit stands in the
# place, which is also where the attack takes place.
_SITE_GAP = re.compile(r"\s+(?:[\w-]+\s+){1,6}?(?P<preposition>(?:i|på)\s+)")


def _compound_agent(table: MentionTable, text: str, start: int, trigger: int, end: int,
                    demonyms: dict[str, str]) -> str | None:
    """Who holds an exercise named by a compound or an adjective: "NATO-øvelsen", "den
    norskledede vinterøvelsen", "den russiske marineøvelsen"."""
    for mention in table.covering(max(start, trigger - 40), end):
        if mention.type in _AGENTS and re.match(r"-\w*øv", text[mention.span.end:end + 1]):
            return mention.key
    led = re.search(r"(\w+?)(?:-?ledede?|-?ledete|-?ledet)\s+(?:\w+\s+)?$",
                    text[max(start, trigger - 40):trigger].lower())
    if led:
        stem = led.group(1)
        for word in (stem, stem + "e"):
            if word in demonyms:
                return demonyms[word]
    return None


def _target(table: MentionTable, text: str, start: int, end: int) -> Found | None:
    """What an attack is aimed at: the first country, place or organisation after the trigger
    in its clause ("angrep Kharkiv", "missiler mot Israel", "invadere Ukraina")."""
    for mention in table.covering(start, end):
        if mention.type in (EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANISATION) \
                and _TARGET_GAP.fullmatch(text[start:mention.span.start]):
            return mention
        if mention.type is EntityType.PERSON:
            return None
    return None


def _co_agents(table: MentionTable, text: str, start: int, trigger: int, agent: str | None,
               bodies: dict[str, str]) -> tuple[str, ...]:
    """Actors joined to the agent by ``og`` or commas before the trigger ("Norge, Sverige og
    Danmark sender …"): one joint action, several agents."""
    if agent is None:
        return ()
    actors = [m for m in table.covering(start, trigger) if m.type in _AGENTS]
    at = next((i for i, m in enumerate(actors) if _state_of(m.key, bodies) == agent), None)
    if at is None:
        return ()
    joined = [at]
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(actors):
            left, right = sorted((actors[i], actors[i + step]), key=lambda m: m.span.start)
            if not _JOINED.fullmatch(text[left.span.end:right.span.start]):
                break
            i += step
            joined.append(i)
    others: list[str] = []
    for i in sorted(joined):
        key = _state_of(actors[i].key, bodies) or actors[i].key
        if key != agent and key not in others:
            others.append(key)
    return tuple(others)


def _state_of(key: str | None, state_bodies: dict[str, str]) -> str | None:
    return state_bodies.get(key, key) if key else None


def find_actions(article: Article, sentences: list[Sentence], *, table: MentionTable,
                 statements: list[Statement], lexicon: Lexicon,
                 demonyms: dict[str, str],
                 state_bodies: dict[str, str] | None = None,
                 recognizer: Recognizer | None = None,
                 detector: Detector | None = None) -> list[MilitaryAction]:
    """Actions by kind; ``state_bodies`` maps a ministry or armed force to its country.
    ``detector`` (e.g. :class:`kg.extract.learned.TriggerDetector`) proposes a trigger word
    for a kind no pattern finds in a sentence; the proposal is checked like any match."""
    from kg.extract.dates import find_time, resolve_end, resolve_time

    text = article.text
    bodies = state_bodies or {}  # capitals among them: "Ankara leverte pansrede kjøretøyer"
    kinds: dict[str, dict[str, object]] = lexicon.actions["kinds"]
    military = military_nouns(lexicon)
    # the country the article names most: whose "hæren" and "flyvåpenet" are meant
    counts = Counter(m.key for m in table.mentions if m.type is EntityType.COUNTRY)
    home_country = counts.most_common(1)[0][0] if counts else None
    # also a compound's head: "Brimstone-missiler", "luftvernmissiler", "artillerigranater"
    materiel = re.compile(r"(?<![\w-])(?:[\w]+-?)??(?:" + "|".join(
        re.escape(w) for w in lexicon.actions.get("materiel_nouns", ["våpen"])) + r")\w*",
        re.IGNORECASE)
    civil = re.compile(r"\s+(?:\w+\s+){0,2}?(?:" + (_alt(
        lexicon, "non_military_objects", lexicon.actions.get("non_military_objects", []))
        or "(?!)") + r")\b")
    # (pattern, needs a place): "place_patterns" count only when a country or place follows
    # ("trekker seg ut av Kherson", not "trekker seg ut av avtalen")
    compiled = _triggers(lexicon)
    speech_lemmas = lexicon.speech_forms
    fear_lemmas = set(lexicon.words("fear_verbs"))  # "Taiwan frykter en invasjon": not Taiwan's
    place_suffixes = tuple(lexicon.words("place_suffixes"))
    definite_nouns = set(lexicon.actions.get("definite_action_nouns", []))
    strike_past = set(lexicon.actions.get("strike_past", []))
    finite = set(lexicon.actions.get("inverted_verbs", []))  # "trakk", "forlot", "tjenestegjør"
    ship_prefixes: dict[str, str] = lexicon.actions.get("ship_prefixes", {})
    conduct = re.compile(r"(?<![\w-])(?:" + (_alt(lexicon, "conduct_verbs", lexicon.actions.get(
        "conduct_verbs", [])) or "(?!)") + r")\s+(?:\w+\s+){0,3}$")
    classifiers = {"", *lexicon.words("place_classifiers")}  # "erobret byen Kupjansk"
    found: list[_Found] = []
    disputes: list[tuple[str, str | None, int]] = []  # (kind, agent, statement index)
    cues = place_cues(lexicon)
    border = article_border(table, text, article.body_start, cues, demonyms)  # "ved grensene"

    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.span.start, sentence.span.end
        sentence_text = text[s_start:s_end]
        lowered = sentence_text.lower()
        holder = next((i for i, st in enumerate(statements)
                       if (st.text.start <= s_start + 2 and s_end - 2 <= st.text.end)
                       or (st.evidence.start <= s_start and s_end <= st.evidence.end)), None)
        inner = [i for i, st in enumerate(statements)
                 if st.evidence.start <= s_start and s_end <= st.evidence.end]
        # (given the sentence as written: a capitalised name is never the trigger)
        proposed = detector(sentence_text) if detector is not None else []
        # a negated, conditional, feared or modal sentence is left to the patterns, whose
        # status rules were written for it: the model proposes only in plain assertions
        guarded = bool(proposed) and (
            any(_cue(lexicon, cues, lowered) for cues in (
                "negation", "hypothetical", "fear_cues", "conditionals"))
            or re.search(r"\b(?:kan|kunne|ville|må|bør|hvis|dersom)\b", lowered) is not None)
        for kind, spec in kinds.items():
            matches = sorted(((m, needs_place) for pattern, needs_place in compiled[kind]
                              for m in pattern.finditer(lowered)),
                             key=lambda item: (item[0].start(), -item[0].end()))
            learned = not matches
            if learned and not guarded:
                # a phrasing no pattern knows: the word the model weighs most for the kind
                matches = [(m, False) for m in (
                    re.compile(r"(?<![\w-])" + re.escape(lowered[p.start:p.end]) + r"(?![\w-])")
                    .search(lowered, p.start) for p in proposed if p.kind == kind) if m]
            for match, needs_place in matches:
                trigger = s_start + match.start()
                # The statement whose content holds the trigger (an embedded claim wins).
                carrier = next((i for i in reversed(inner) if statements[i].text.start <= trigger
                                < statements[i].text.end), None)
                if carrier is None and holder is not None and (
                        statements[holder].text.start <= trigger < statements[holder].text.end):
                    carrier = holder
                statement = statements[carrier] if carrier is not None else None
                # a comma or a dash between clauses ("Niger kaster ut soldater – dødelig angrep")
                dash_at = sentence_text.rfind(" – ", 0, match.start())
                clause_start = s_start + max(sentence_text.rfind(",", 0, match.start()) + 1,
                                             dash_at + 3 if dash_at >= 0 else 0)
                next_clause = re.search(r",\s+(?:og|men|mens|samtidig som)\s|;",
                                        sentence_text[match.end():])
                clause_end = s_start + match.end() + next_clause.start() if next_clause else s_end
                clause = text[clause_start:clause_end]
                head = _DATELINE_HEAD.match(text, s_start, trigger)
                agent_from = sentence_from = head.end() if head else s_start  # not "(NTB):"
                if dash_at >= 0 and not sentence_text.rstrip().endswith((".", "!", "?", "»")):
                    # a headline's parts: "Niger kaster ut soldater – dødelig angrep på base"
                    agent_from = sentence_from = max(agent_from, s_start + dash_at + 3)
                if statement is not None and agent_from < statement.text.start <= trigger:
                    # "Ukraina melder at russiske styrker angrep …": who acts is named in
                    # the reported clause, not the one who reports it
                    agent_from = statement.text.start
                verb = match.group(0).split()[0]  # "flyttet Russland flere enheter"
                in_clause = max(clause_start, s_start)
                # ", og natt til tirsdag seilte et amerikansk krigsskip": after a conjunction
                conjunction = re.match(r"\s*(?:og|men|mens)\s", text[in_clause:trigger])
                inverted = _inverted_subject(table, text, trigger + len(verb), s_end,
                                             demonyms, bodies) if (
                    _FRONTED.match(text, in_clause + (conjunction.end() if conjunction else 0))
                    and (re.search(r"(?:er|te|de|et|tes)$", verb) or verb in strike_past
                         or verb in finite)
                    and not re.search(r"(?<![\w-])å\s+(?:\S+\s+)?$", text[s_start:trigger])
                ) else None
                speaker_key = statement.speaker if statement else None
                feared = statement is not None and speech_lemmas.get(
                    statement.verb or "", statement.verb) in fear_lemmas
                # forces after the verb are its subject; after a strike, its target
                after_verb = _FORCE_NOUN if kind in ("Attack", "Invasion") else military
                agent = _state_of(inverted or _agent(table, text, agent_from, trigger, demonyms,
                                                     bodies, speaker_key, after_verb) or (
                    _agent(table, text, sentence_from, trigger, demonyms, bodies, speaker_key,
                           after_verb)
                    if agent_from > sentence_from and not feared
                    and kind not in ("Attack", "MilitaryBuildup") else None), bodies)
                held_in = kind == "Exercise" and re.search(
                    r"\s(?:[a-zæøå]+er|[a-zæøå]+et)\s+(\S+(?:\s+\S+)?)\s+i\s+(?:(?:en|ny|nye|sin|"
                    r"den|det|stor)\s+)*(?:[\w-]+\s+)?$", text[agent_from:trigger])
                if held_in and agent is not None:
                    # "Kina omringer Taiwan i ny storøvelse": the subject holds it, not the
                    # object of its verb
                    exercise_holder = next((m for m in table.covering(agent_from, trigger)
                                            if m.type in _AGENTS and m.span.start < agent_from
                                            + held_in.start()), None)
                    if exercise_holder is not None:
                        agent = _state_of(exercise_holder.key, bodies)
                if agent is None and kind == "Exercise":
                    agent = _state_of(_compound_agent(table, text, clause_start, trigger,
                                                      s_start + match.end(), demonyms), bodies)
                if agent is None and kind == "Exercise":
                    # "øvelse Joint Viking, der rundt 10.000 norske og allierte soldater deltok"
                    taking_part = _PARTICIPANTS.search(lowered, match.end())
                    agent = next((demonyms[w] for w in re.findall(
                        r"[a-zæøå]+", taking_part.group(0)) if w in demonyms),
                        None) if taking_part else None
                unit = military.match(text, trigger, s_end)  # "korvetter fra Østersjøflåten"
                forces_from = re.match(r"\s+fra\s+", text[unit.end():s_end]) if unit else None
                if agent is None and forces_from:
                    # "800 soldater fra Royal Marines skal til Porsanger": whose forces they are
                    at = unit.end() + forces_from.end() if unit else s_end
                    of = [m for m in table.covering(at, s_end)
                          if m.span.start == at and m.type in _AGENTS]
                    agent = _state_of(of[0].key, bodies) if of else None
                if agent is None and re.match(r"\w+(?:ing|ning|else)(?:en)?\s+av\b",
                                              match.group(0)):
                    # "Utplasseringen av fire bombefly til Guam ble kunngjort av USAs
                    # stillehavskommando": a noun's agent is the passive's "av"
                    announced = re.search(r"\b(?:ble|er|blir|har blitt)\s+(?:\w+\s+){0,3}?"
                                          r"\w+(?:t|et|d)\s+av\s+", text[trigger:s_end])
                    if announced:
                        at = trigger + announced.end()
                        by_whom = [m for m in table.covering(at, s_end)
                                   if m.span.start == at and m.type in _AGENTS]
                        agent = _state_of(by_whom[0].key, bodies) if by_whom else None
                adjective = _ADJACENT_DEMONYM.search(lowered, 0, match.start())
                named_by_adjective = bool(adjective and adjective.group(1) in demonyms) and not (
                    # "skal delta i den litauiske øvelsen": who takes part is the agent
                    re.search(r"\bdelt(?:a|ar|ok)\s+i\s+(?:\w+\s+){0,3}$",
                              lowered[:match.start()]))
                inside = _DEMONYM_FORCES_IN.search(match.group(0))
                if agent is None and inside and inside.group(1) in demonyms:
                    # "i Tsjad, der rundt 100 amerikanske spesialsoldater er stasjonert"
                    agent = demonyms[inside.group(1)]
                # the forces' demonym nearest the trigger ("… skriver at israelske
                # stridsvogner mandag avfyrte": not "at", where a plain search would start)
                subject = next((hit for hit in (
                    _FORCES_SUBJECT.match(lowered, word.start(), match.start())
                    for word in re.finditer(r"(?<![\w-])[a-zæøå]+", lowered[:match.start()])
                    if word.group(0) in demonyms) if hit), None)
                if subject and not named_by_adjective and (
                        subject.start() >= clause_start - s_start):
                    agent = demonyms[subject.group(1)]
                if named_by_adjective and adjective:
                    # "Departementet kaller angrepet et svar på ukrainske droneangrep": the
                    # adjective on the action's own noun names whose it is
                    agent = demonyms[adjective.group(1)]
                side = _SIDE.match(text[trigger:clause_end].lower())
                if side and side.group(1) in demonyms and kind != "Attack":
                    # (an incursion "inn på indisk side av grensen" goes into the other side)
                    # "Finland ser økt aktivitet på russisk side av grensen": the side's
                    agent = demonyms[side.group(1)]
                refers_back = False  # a definite noun for an action told before ("angrepet")
                # "kalte utplasseringen av fartøyet en provokasjon" refers back; opening the
                # sentence, "Utplasseringen av fire bombefly til Guam ble kunngjort" is news
                named_noun = match.group(0) in definite_nouns or (
                    match.group(0).endswith(" av") and match.group(0).split()[0] in definite_nouns
                    and lowered[:match.start()].strip() != "")
                if (named_noun and not re.search(
                        r"\b(?:har|hadde|ble|blir|er|vært|blitt)\s+$", lowered[:match.start()])
                        and not re.search(r"\b(?:den|det|de|denne|dette|disse)\s+(?:\w+\s+)?"
                                          r"\w*(?:s|ske|iske|e)\s+$", lowered[:match.start()])
                        # "gjennomfører øvelsen Steadfast Defender": a named action begins here
                        and not (re.match(r"\s+[A-ZÆØÅ][\wæøå-]+", text[s_start + match.end():])
                                 and conduct.search(lowered[:match.start()]))):
                    # "kaller øvelsen en provokasjon": whoever speaks is not the agent;
                    # the action named before is meant.
                    recent = _recent_kind_agent(found, kind)
                    refers_back = recent is not None
                    event = re.search(r"\b(?:etter|siden|før|under)\s+$", lowered[:match.start()])
                    if recent is None and event:
                        continue  # "etter angrepet" with no attack told before: an event
                    if recent is None and re.search(
                            r"\b(?:fordøm\w*|kritiser\w*|beklag\w*|reager\w*\s+på|tar\s+avstand"
                            r"\s+fra)\s+(?:\w+\s+){0,2}$", lowered[:match.start()]):
                        continue  # "FN fordømmer angrepet": who condemns it did not do it
                    agent = recent or (agent if kind == "Attack" else None)
                spoken_agent = False
                passive = re.search(r"\b(?:ble|blir|er blitt|har blitt|hadde blitt)\b",
                                    text[in_clause:trigger]) or re.match(r"\w+es\b", text[trigger:])
                # "ble angrepet av Russland", "ble angrepet med russiske raketter"
                by = re.match(r"[\w-]+\s+(?:av|med)\s+", text[trigger:s_end]) if passive else None
                if agent is None and by is not None:
                    # "Kyiv ble angrepet av russiske droner / av Russland": the passive's agent
                    at = trigger + by.end()
                    by_name = [m for m in table.covering(at, s_end)
                               if m.span.start == at and m.type in _AGENTS]
                    word = re.match(r"\w+", text[at:s_end])
                    agent = _state_of(by_name[0].key, bodies) if by_name else (
                        demonyms.get(word.group(0).lower()) if word else None)
                nominal_act = statement is not None and speech_lemmas.get(
                    statement.verb or "", statement.verb) in lexicon.words("nominal_speech_acts")
                if agent is None and statement is not None and statement.speaker and not (
                        passive and kind == "Attack") and not nominal_act and not feared and (
                        statement.speaker.startswith("Country:")
                        or (not statement.speaker.startswith("Person:")
                            and statement.speaker in bodies)
                        # "Houthiene hevder at de har truffet et krigsskip": the group itself
                        or (statement.speaker.startswith("Organisation:") and re.search(
                            r"(?<![\w-])(?:de|den|vi|styrkene|soldatene|troppene|krigerne|"
                            r"våre\s+\w+)\s+(?:\w+\s+){0,2}$",
                            text[statement.text.start:trigger]))):
                    agent = _state_of(statement.speaker, bodies)  # "styrkene", says Russia
                    spoken_agent = True
                if agent is None and kind not in ("Deployment", "ArmsTransfer") and _cue(
                        lexicon, "anaphoric_cues", lowered):
                    agent = _recent_agent(found, index, sentences)  # "begrunner dette i …"
                home = re.match(r"\s*I\s+(\S+)\s+\w+\s+(?:forsvaret|hæren|marinen|flyvåpenet|"
                                r"luftforsvaret|regjeringen|myndighetene|militæret)\s",
                                text[in_clause:trigger])
                if agent is None and home:
                    # "I Litauen satte forsvaret flere enheter i høyere beredskap": that
                    # country's own forces
                    at = in_clause + home.start(1)
                    agent = next((m.key for m in table.covering(at, at + len(home.group(1)))
                                  if m.span.start == at and m.type is EntityType.COUNTRY), None)
                if agent is None and re.search(
                        r"(?<![\w-])(?:hæren|marinen|flyvåpenet|luftvåpenet|luftforsvaret|"
                        r"kystvakten|regjeringsstyrkene|militæret)\s+(?:og\s+\w+\s+)?"
                        r"(?:(?:har|hadde|skal|vil|også|nå)\s+){0,2}$", lowered[:match.start()]):
                    # "Ifølge hæren bombet flyvåpenet også en kolonne": the forces of the
                    # country the article is about
                    agent = home_country
                if agent is None and trigger > s_start and re.match(r"Landet\s+[a-zæøå]",
                                                                    text[s_start:s_end]):
                    # "Polen har sendt 2000 soldater … Landet har også flyttet luftvern":
                    # the country that acted just before
                    agent = _recent_agent(found, index, sentences)
                    if agent is None and index > 0:
                        # else the country the sentence before is about: the first one it
                        # names, not after a preposition ("Burundi … Landet har 2000 soldater")
                        before_span = sentences[index - 1].span
                        agent = next((m.key for m in table.covering(before_span.start,
                                                                    before_span.end)
                                      if m.type is EntityType.COUNTRY and not re.search(
                                          r"\b(?:[Ii]|til|mot|ved|på|fra|med|av|for|over)\s+$",
                                          text[max(0, m.span.start - 6):m.span.start])), None)
                if agent is None:
                    # "Hangarskipet USS George Washington forlot basen": a ship's prefix names
                    # the subject's navy (not a ship attacked after the trigger)
                    ship = _SHIP.search(text, clause_start, s_start + match.end())
                    state = ship_prefixes.get(ship.group(1)) if ship else None
                    agent = f"Country:{state}" if state else None
                if civil.match(lowered, match.end()):
                    continue  # "trapper opp retorikken": not forces
                # weapons stationed are deployed too ("skal stasjonere Patriot-luftvern på Gotland")
                stationed = kind == "Deployment" and bool(re.match(
                    r"(?:stasjoner|utplasser|deployer|plasser|flytt)", verb))
                # "Rundt 250 italienske soldater … er allerede på plass i": the subject
                present = re.match(r"(?:er|var|har vært|ble|blir)\b", match.group(0))
                if spec.get("requires_military") and not military.search(
                        text[in_clause if passive or present else trigger:s_end]) and not (
                        stationed and materiel.search(text[trigger:s_end])):
                    continue
                if spec.get("requires_materiel") and not materiel.search(text[trigger:s_end]):
                    continue
                destination, what_end = None, s_end
                unnamed: tuple[int, str] | None = None
                if spec.get("requires_destination"):
                    # "Hangarskipet … forlot basen i Yokosuka og ventes til Busan": a trigger
                    # that ends in its preposition names the destination after it
                    final = re.search(r"(?:^|\s)(?:til|inn i|i|på)$", match.group(0))
                    dest_from = trigger + final.start() if final and final.start() > 0 \
                        else trigger
                    destination, dest_end = _destination(
                        table, text, dest_from, s_end,
                        toward=kind == "Deployment" and verb.startswith("flytt"),
                        demonyms=demonyms if kind == "ArmsTransfer" else None)
                    seller = _seller(table, text, match.group(0), trigger, s_end, lexicon) \
                        if kind == "ArmsTransfer" else None
                    if seller is not None:
                        # "Australia kjøper ubåter fra USA": who buys or receives is where the
                        # arms go, who sells acts; "I tillegg får Ukraina stridsvogner fra
                        # Norge", "Polen signerte en avtale med Sør-Korea om kjøp av": the
                        # buyer is the other state in the clause
                        buyer = agent if agent not in (None, seller) else next(
                            (m.key for m in table.covering(in_clause, s_end)
                             if m.type is EntityType.COUNTRY and m.key != seller), None)
                        if buyer is not None:
                            destination, dest_end = buyer, s_end
                            agent = _state_of(seller, bodies)
                    # "I Polen står det 300 britiske soldater": where forces are
                    # ("I nabolandet Niger har russiske instruktører vært på plass")
                    # (the sentence's opening place, before a relative clause: "I nabolandet
                    # Niger, som styres av en militærjunta, har russiske instruktører …")
                    opening = in_clause
                    fronted = None
                    for opening in dict.fromkeys((in_clause, s_start)):
                        fronted = re.match(r"\s*(?:[Tt]il|[Ii]|[Pp]å)\s+(?:[a-zæøå]+(?:et|en|a)"
                                           r"\s+)?", text[opening:trigger])
                        if fronted:
                            break
                    if destination is None and fronted:
                        # "Til Sodankylä i Finsk Lappland sender Sverige et kompani"
                        at = opening + fronted.end()
                        first = [m for m in table.covering(at, trigger) if m.span.start == at
                                 and m.type in (EntityType.COUNTRY, EntityType.PLACE)]
                        if first:
                            destination, dest_end = first[0].key, s_end
                        elif recognizer is not None:
                            name = re.match(r"[A-ZÆØÅ][\wæøå-]+", text[at:trigger])
                            recognised = _recognised_place(
                                table, text, (s_start, s_end), at, at + name.end(),
                                recognizer) if name else None
                            destination = recognised.key if recognised else None
                            dest_end = s_end
                    there = re.search(r"\b(?:i|til)\s+landet\b", text[trigger:s_end])
                    if destination is None and there:
                        # "soldatene som er stasjonert i landet": the country named last
                        earlier = [m for m in table.covering(
                            sentences[max(0, index - 1)].span.start, trigger)
                            if m.type is EntityType.COUNTRY and m.key != agent
                            and not _JOINED.fullmatch(text[m.span.end:m.span.end + 4])]
                        if earlier:
                            destination, dest_end = earlier[-1].key, trigger + there.end()
                    if destination is None:
                        destination, dest_end = _unknown_destination(
                            table, text, sentence.span, dest_from, recognizer, place_suffixes)
                    if destination is None and kind == "ArmsTransfer":
                        # "gir Ukraina to NASAMS-systemer": the receiver as indirect object
                        gap = re.match(r"\s+(?:(?:nå|også|allerede)\s+)?",
                                       text[trigger + len(verb):s_end])
                        at = trigger + len(verb) + (gap.end() if gap else 0)
                        receiver = [x for x in table.covering(at, s_end) if x.span.start == at
                                    and x.type is EntityType.COUNTRY]
                        if receiver and materiel.search(text, receiver[0].span.end, s_end):
                            destination, dest_end = receiver[0].key, s_end
                    if destination is None and kind == "Deployment":
                        # "sendt flere skvadroner til baser i regionen", "har tre
                        # stabsoffiserer i KFOR": no place named, or the force joined
                        base = _UNNAMED_DESTINATION.search(text, trigger, s_end)
                        unnamed = (base.end(), base.group(0)) if base else _joined_force(
                            table, text, trigger, s_end)
                    if destination is None and unnamed is None and kind == "Deployment" \
                            and not re.search(r"\b(?:til|inn i)\s", text[trigger:s_end]):
                        # "Storbritannia har sendt rundt 200 soldater", just after forces
                        # were sent to Kosovo: the place the paragraph's sending went to
                        destination = _recent_destination(found, index, sentences)
                        dest_end = s_end
                    if destination is None and kind == "ArmsTransfer" and not re.search(
                            r"\b(?:til|inn i)\s", text[trigger:s_end]) and (
                            verb in lexicon.actions.get("completion_cues", []) or re.search(
                                r"\b(?:har|hadde)\s+(?:\w+\s+){0,2}$", lowered[:match.start()])):
                        # "Norge har allerede levert NASAMS-utskytere": delivered to whoever
                        # the article's arms went to before
                        destination = _recent_receiver(found)
                        dest_end = s_end
                    toward_border = re.search(
                        r"\b(?:nærmere|opp mot|tett (?:inn )?på)\s+(?:\w+\s+)?grens|"
                        r"\btil\s+(?:\w+\s+)?(?:baser|basene|områdene|området)\s+(?:nær|ved|langs)\s+"
                        r"(?:\w+\s+)?grens", text[trigger:s_end])
                    if kind == "Deployment" and toward_border:
                        continue  # "flyttet styrker nærmere grensen langs Drina": a build-up
                    if unnamed is not None:
                        dest_end = unnamed[0]
                    elif destination is None:
                        continue
                    what_end = dest_end
                    # what is sent stands between the verb and the destination: "har sendt en
                    # protestnote til Norge etter at norske F-35-fly …" sends no forces
                    noun = military if spec.get("requires_military") else (
                        materiel if spec.get("requires_materiel") else None)
                    if noun is not None and not noun.search(
                            text, in_clause if passive else trigger,
                            max(dest_end, s_start + match.end())) and not (
                            stationed and materiel.search(text, trigger, dest_end)):
                        continue
                if destination is not None and destination == agent:
                    continue  # "ber om at vestlige land sender kampfly til Ukraina", says Ukraine
                trigger_end = trigger + len(match.group(0))
                left = _origin(table, text, trigger_end, clause_end) \
                    if kind == "Withdrawal" else None
                if needs_place and kind != "Withdrawal":
                    left = _target(table, text, trigger_end, clause_end)  # "krig mot Ukraina"
                if needs_place and (left is None or text[trigger_end:left.span.start].strip(
                        ).lower() not in classifiers):
                    continue  # "trekker seg ut av avtalen", "krig mot terror": no place
                if kind != "Withdrawal":
                    left = None
                leave = re.search(r"\bforl(?:ot|ater|att)\b", match.group(0))
                if kind == "Withdrawal" and left is None and leave:
                    # "forlot Mali", "soldater har forlatt landsbyen Lastotsjkyne"
                    left = _object_place(table, text, trigger + leave.end(), clause_end)
                if kind == "Withdrawal" and left is None:
                    # "vil redusere styrkene i Tyskland": the forces' place is what they leave
                    stationed_in = re.search(r"[\w-]*(?:styrker|styrkene|soldater|soldatene|"
                                             r"tropper|troppene|tilstedeværelse\w*)\s+i\s+",
                                             text[trigger:clause_end], re.IGNORECASE)
                    if stationed_in:
                        at = trigger + stationed_in.end()
                        left = next((m for m in table.covering(at, clause_end)
                                     if m.span.start == at and m.type is EntityType.COUNTRY), None)
                origin = left.key if left is not None and left.key != agent else None
                same_side = {k for k in (agent,) if k} | {
                    body for body, state in bodies.items() if state == agent}
                if statement is not None and _state_of(statement.speaker, bodies) == agent:
                    same_side.add(statement.speaker or "")
                lead = text[clause_start:trigger]
                status = _status(kind, clause, lead, text[s_start:trigger], statement, agent,
                                 lexicon, speech_lemmas, same_side, verb)
                if kind == "Deployment" and re.search(
                        r"\bsom\s+(?:\w+\s+)?(?:er|har vært)\s+(?:\w+\s+){0,2}"
                        r"(?:stasjonert|utplassert|på plass)\b", match.group(0)):
                    status = "Ongoing"  # "… kan ramme soldatene som er stasjonert i landet"
                fear = lexicon.cue_regex("fear_cues").search(lead.lower()) \
                    if status == "Feared" else None
                if fear and agent is not None and _state_of(_agent(
                        table, text, clause_start, clause_start + fear.start(), demonyms,
                        bodies), bodies) == agent:
                    status = None  # "Hæren utelukker ikke en motoffensiv": its own option
                presumed_claim = named_by_adjective and kind in _HOSTILE and status in (
                    "Ongoing", "Completed") and (
                        statement is not None and statement.speaker not in same_side)
                if presumed_claim:
                    # "Departementet kaller angrepet et svar på ukrainske droneangrep": the
                    # other side's action as one party names it is that party's claim
                    status = "Claimed"
                contested = _cue(lexicon, "dispute_cues", text[s_start:trigger].lower())
                if refers_back and ((status == "Claimed" and not contested) or (
                        status == "Denied" and not _EXISTENCE.search(clause))):
                    # "Forsvarsdepartementet hevder angrepet var rettet mot militære mål",
                    # "Kina avviser at øvelsen er en trussel": a claim or a denial about an
                    # action already told, not about whether it happened
                    continue
                if status is None:
                    if _cue(lexicon, "dispute_cues", clause.lower()) and holder is not None:
                        # "sier de ikke har sett tegn til en slik tilbaketrekning": the
                        # speaker disputes someone else's action, it is not its agent
                        speaker_side = statement is not None and agent == _state_of(
                            statement.speaker, bodies)
                        disputes.append((kind, None if spoken_agent or speaker_side else agent,
                                         holder))
                    break
                if status == "Claimed" and contested and holder is not None:
                    disputes.append((kind, agent, holder))
                if agent is None:
                    continue  # a later mention in the sentence may name the agent
                if learned and agent.startswith("Organisation:") and not military.search(agent) \
                        and statement is not None and _state_of(statement.speaker, bodies) == agent:
                    continue  # a proposal whose agent is the one who speaks: who reports it
                window = text[s_start:s_end]
                for later in sentences[index + 1 : index + 2 + _FOLLOWING_SENTENCES]:
                    if later.paragraph != sentence.paragraph and later.first and re.match(
                            r"[–—-]", text[later.span.start : later.span.end]):
                        continue  # a quote paragraph in between carries no figures of its own
                    others = [m for m in table.covering(later.span.start, later.span.end)
                              if m.type in _AGENTS and _state_of(m.key, bodies) != agent
                              and not re.search(r"\b(?:i|til|fra|mot|ved|med|av)\s+$",
                                                text[max(0, m.span.start - 6) : m.span.start])]
                    continues = later.paragraph == sentence.paragraph or (
                        later.paragraph <= sentence.paragraph + 2 and later.first
                        and _refers_to_unit(text[later.span.start : later.span.end], lexicon))
                    if not continues or others:
                        break  # another actor's sentence: its figures are not this action's
                    window += " " + text[later.span.start : later.span.end]
                if kind in ("ArmsTransfer", "Exercise") and any(
                        f.sentence == index and f.action.kind == "Deployment" for f in found):
                    break  # "sender fem jagerfly til Romania": the forces go, not a transfer
                if kind == "MilitaryBuildup" and any(
                        f.sentence == index and f.action.kind == "Deployment"
                        and f.action.agent == agent for f in found):
                    break  # "sender 850 soldater til Estland, noe som dobler styrken": the same
                counted = kind in ("Deployment", "ArmsTransfer", "MilitaryBuildup", "Withdrawal",
                                   "ReadinessIncrease", "Exercise")
                personnel = parse_personnel(window, lexicon) if counted else None
                duration = parse_duration(window, lexicon) if counted else None
                end = resolve_end(window, article.published, lexicon) if counted else None
                what = None
                if kind in ("Deployment", "ArmsTransfer"):
                    noun = military if kind == "Deployment" else materiel
                    what_match = noun.search(text, trigger, what_end)
                    if what_match:
                        what = text[trigger_end:what_match.end()].strip() or None
                        rest = re.match(r"\s+med\s+\w+", text[what_match.end():what_end])
                        if rest:
                            what = text[trigger_end:what_match.end() + rest.end()].strip()
                when = find_time(text, s_start, s_end, lexicon)
                date_text = when.group(0) if when else None
                date = (resolve_time(date_text, article.published, clause, lexicon)
                        if date_text else None)
                named = "Invasion" if kind == "Attack" and match.group(0).startswith(
                    "inva") else kind
                aimed = _target(table, text, trigger_end, clause_end) \
                    if named in ("Attack", "Invasion") else None
                if aimed is not None and aimed.key == agent:
                    aimed = None  # "angrep houthiene over 100 skip": the inverted subject
                target = aimed.key if aimed is not None else None
                said_end = statement.text.end if statement is not None and (
                    statement.text.start <= trigger < statement.text.end) else clause_end
                until = _UNTIL.search(text, trigger_end, clause_end)
                if until:  # "vil fortsette til militsen slutter å angripe skip i Rødehavet"
                    said_end = min(said_end, until.start())
                places = find_places(
                    table, text, clause_start=clause_start, trigger=trigger,
                    trigger_end=trigger_end, end=min(clause_end, said_end), kind=named,
                    cues=cues, demonyms=demonyms, border_default=border,
                    exclude=(destination, target, origin), agent=agent)
                site = _SITE_GAP.fullmatch(text, trigger_end, aimed.span.start) if aimed else None
                if aimed is not None and site is not None and aimed.key not in places.location:
                    places = replace(places, location=(*places.location, aimed.key),
                                     text=places.text or text[site.start("preposition"):
                                                              aimed.span.end])
                if aimed is not None and aimed.type is EntityType.PLACE and re.fullmatch(
                        r"\s+(?:[a-zæøå]+(?:en|et|a|ne)\s+)?", text[trigger_end:aimed.span.start]):
                    # "angrep byen El-Obeid i Sudan": the town attacked is where, and the
                    # country after it only says where the town lies
                    within = _IN_COUNTRY.match(text, aimed.span.end)
                    kept = tuple(k for k in places.location if k != aimed.key and not (
                        within and any(m.span.start == within.end() and m.key == k
                                       for m in table.covering(within.end(), clause_end))))
                    places = replace(places, location=(aimed.key, *kept),
                                     text=places.text or text[aimed.span.start:aimed.span.end])
                if named in ("Attack", "Invasion") and aimed is None and not places.location:
                    # "tatt kontroll over hærens base i Kazgil": a place the gazetteer does not
                    # know, named after the trigger and typed as a place by the recogniser
                    after_trigger = Span(trigger_end, min(clause_end, said_end))
                    named_site = _UNKNOWN_PLACE.search(text, after_trigger.start, after_trigger.end)
                    known = [m for m in table.covering(named_site.start(1), after_trigger.end)
                             if m.span.start == named_site.start(1)
                             and m.type is EntityType.PLACE] if named_site else []
                    site_key = known[0].key if known else _unknown_destination(
                        table, text, after_trigger, trigger_end, recognizer, place_suffixes)[0]
                    if site_key is not None:
                        places = replace(places, location=(site_key,))
                action = MilitaryAction(
                    kind=named, agent=agent, status=status, evidence=Span(s_start, s_end),
                    co_agents=_co_agents(table, text, agent_from, trigger, agent, bodies),
                    destination=destination, origin=origin, what=what,
                    target=target, near=places.near, location=places.location,
                    location_text=places.text,
                    personnel_min=personnel[0] if personnel else None,
                    personnel_max=personnel[1] if personnel else None,
                    duration=duration,
                    statements=(carrier,) if carrier is not None else (),
                    rule="action_trigger.v2", end=end[1] if end else None,
                    date_text=date_text, date=date)
                # a heading ("Advarte mot serbisk opptrapping") tells no status of its own
                heading = not re.search(r"[.!?»”\"':]\s*$", sentence_text)
                # (only a strike or a sending told as done is background; a fear is not dated)
                period = _PAST_PERIOD.search(clause) if status in ("Completed", "Ongoing") else None
                fresh = bool(re.search(r"(?<![\w-])(?:ny|nye|nytt)\s+(?:[\w-]+\s+)?$",
                                       lowered[:match.start()]))
                each: tuple[MilitaryAction, ...] = (action,)
                if named in ("Deployment", "Withdrawal", "ArmsTransfer") and action.co_agents \
                        and re.search(r"(?<![\w-])(?:henholdsvis|sine|hver\s+sine?|hvert\s+sitt)"
                                      r"(?![\w-])", clause.lower()):
                    # "Frankrike, USA og Tyskland trakk ut sine soldater", "Tyskland og
                    # Frankrike sender henholdsvis fire og tre kampfly": each its own
                    each = tuple(replace(action, agent=who, co_agents=(), personnel_min=None,
                                         personnel_max=None)
                                 for who in (action.agent, *action.co_agents))
                for one in each:
                    found.append(_Found(one, index, unnamed[1] if unnamed else None,
                                        presumed_claim or heading,
                                        period.group(0).lower() if period else None, fresh,
                                        learned))
                if refers_back:
                    continue  # "Angrepet kommer etter at ukrainske missiler traff …": read on
                break

    # "Ikke bare ved grensen til Ukraina, men også i Belarus.": a verbless sentence after the
    # last action of a sentence tells where that action takes place.
    for position, item in enumerate(found):
        after = item.sentence + 1
        if after >= len(sentences) or any(f.sentence in (after, item.sentence)
                                           for f in found[position + 1:]):
            continue
        following = sentences[after]
        start, stop = following.span.start, following.span.end
        if following.paragraph == sentences[item.sentence].paragraph and elaborates(
                text, start, stop, cues):
            action = item.action
            item.action = _placed(action, find_places(
                table, text, clause_start=start, trigger=start, trigger_end=start, end=stop,
                kind=action.kind, cues=cues, demonyms=demonyms, border_default=border,
                exclude=(action.destination, action.target, action.origin),
                agent=action.agent))

    seats: dict[str, str] = lexicon.raw.get("metonyms", {})

    def seat_of(place: str) -> str:
        kind_, _, name = place.partition(":")
        return f"Country:{seats[name]}" if kind_ == "Place" and name in seats else place

    # The learned detector adds actions the patterns miss, never a second action of a kind
    # and agent the patterns found: its proposals for those are dropped, not merged.
    told = {(item.action.kind, item.action.agent) for item in found if not item.learned}
    found = [item for item in found
             if not item.learned or (item.action.kind, item.action.agent) not in told]

    # One action per (kind, agent, destination): later mentions add evidence and statements.
    # A withdrawal is told apart by the place it leaves, and actions of different dates
    # are different actions ("Kina startet torsdag en øvelse" / "I april i fjor
    # gjennomførte Kina øvelsen Joint Sword").
    merged: dict[tuple[str, str | None, str | None, str | None], MilitaryAction] = {}
    presumed_keys: set[tuple[str, str | None, str | None, str | None]] = set()
    periods: dict[tuple[str, str | None, str | None, str | None], str | None] = {}
    for item in found:
        action = item.action
        place = action.destination or action.origin or item.unnamed
        key = ("Attack" if action.kind == "Invasion" else action.kind, action.agent, place,
               action.date)
        similar = [k for k, old in merged.items() if k[:2] == key[:2]
                   # "Storbritannia sender et marinefartøy" in the lead, "til Guyana" later
                   # (a capital stands for its country: "til Niamey" / "i Niger")
                   and (place is None or k[2] == place or k == key
                        or (place is not None and k[2] is not None
                            and seat_of(k[2]) == seat_of(place))
                        or (k[2] is None and key[0] in ("Deployment", "ArmsTransfer")))
                   and _same_time(old, action) and _same_place(old, action)
                   # a strike feared is not the one carried out ("ble angrepet med
                   # russiske raketter" / "et russisk angrep på skip ville vært …")
                   and _same_stage(old, action)
                   # one told as past background is not the news ("i fjor", "i 2023")
                   and periods.get(k) == item.period
                   # "frykter at Kina forbereder nye fremstøt": not the clash told before
                   and not (item.fresh and old.status != action.status)]
        if similar:
            key = key if key in similar else similar[0]
        elif key in merged:  # the same key, but told apart by its place or its stage
            key = (*key[:3], f"{key[3]}#{len(merged)}")
        if key in merged and key[2] is None and place is not None:
            # the action told without a place gets the place told later
            placed = (key[0], key[1], place, key[3])
            if placed not in merged:
                merged = {placed if k == key else k: v for k, v in merged.items()}
                periods[placed] = periods.pop(key, None)
                if key in presumed_keys:
                    presumed_keys.discard(key)
                    presumed_keys.add(placed)
                key = placed
        if key in merged:
            old = merged[key]
            # the least factual wins: reported as happening and denied by its agent is Denied;
            # but the journalist's own telling beats a party's passing mention ("det iranske
            # rakettangrepet", says Israel; "Iran avfyrte rundt 180 raketter")
            status = min(old.status, action.status, key=_RANK.index)
            if key in presumed_keys and not item.presumed:
                status = action.status
                presumed_keys.discard(key)
            elif item.presumed and key not in presumed_keys:
                status = old.status
            merged[key] = replace(
                old, kind="Invasion" if "Invasion" in (old.kind, action.kind) else old.kind,
                statements=tuple(sorted(set(old.statements) | set(action.statements))),
                destination=old.destination or action.destination,
                personnel_min=old.personnel_min or action.personnel_min,
                personnel_max=old.personnel_max or action.personnel_max,
                duration=old.duration or action.duration, end=old.end or action.end,
                co_agents=old.co_agents or action.co_agents, target=old.target or action.target,
                origin=old.origin or action.origin,
                near=_union(old.near, action.near),
                location=_union(old.location, action.location),
                location_text=old.location_text or action.location_text,
                status=status, more_evidence=(*old.more_evidence, action.evidence),
                date_text=old.date_text or action.date_text, date=old.date or action.date)
        else:
            merged[key] = action
            periods[key] = item.period
            if item.presumed:
                presumed_keys.add(key)
    for kind, agent, holder in disputes:
        for key, action in merged.items():
            if key[0] != kind or (agent is not None and key[1] != agent):
                continue
            # asserted by another side ("«Norge trapper opp», skriver ambassaden") is a claim
            # once someone contests it
            asserted = action.status in ("Ongoing", "Completed") and bool(action.statements) \
                and all(_state_of(statements[i].speaker, bodies) != action.agent
                        for i in action.statements if i != holder)
            if action.status in ("Claimed", "Disputed") or asserted:
                # alleged by others and contested by its own agent: denied (GOLD.md)
                own = (_state_of(statements[holder].speaker, bodies) == action.agent
                       and not any(_state_of(statements[i].speaker, bodies) == action.agent
                                   for i in action.statements if i != holder))
                merged[key] = replace(action, status="Denied" if own else "Disputed",
                                      disputed_by=tuple(
                    sorted(set(action.disputed_by) | {holder})),
                    statements=tuple(i for i in action.statements if i != holder))
    # "Støre avviser dette": a denial of the statement just before contests its actions.
    for index, denial in enumerate(statements):
        if denial.rule != DENIAL_OF_PREVIOUS or index == 0:
            continue
        previous = index - 1
        if statements[previous].speaker == denial.speaker:
            continue
        for key, action in merged.items():
            if previous in action.statements and index not in action.disputed_by:
                own = _state_of(denial.speaker, bodies) == action.agent
                merged[key] = replace(action, status="Denied" if own else "Disputed",
                                      disputed_by=tuple(sorted({*action.disputed_by, index})))
    return list(merged.values())


# between a withdrawal's verb and the place it leaves: "trekker tilbake 10 000 soldater fra
# Krim", "trekker styrkene sine ut av det nordlige Syria"
# before the name: a determiner, an adjective, a noun for the place ("det nordlige", "byen")
_BEFORE_NAME = r"(?:(?:det|den|de)\s+)?(?:[a-zæøå]+e\s+)?(?-i:[a-zæøå]+en\s+)?"
_ORIGIN_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,5}?(?:ut\s+)?(?:av|fra)\s+" + _BEFORE_NAME,
                         re.IGNORECASE)
# the same after a trigger that ends in its preposition ("trekker seg ut av (byen)")
_ORIGIN_NEXT = re.compile(r"\s+" + _BEFORE_NAME, re.IGNORECASE)
_ENDS_IN_FROM = re.compile(r"(?<![\w-])(?:av|fra)$", re.IGNORECASE)


def _origin(table: MentionTable, text: str, start: int, end: int) -> Found | None:
    """The country or place a withdrawal leaves, the first named after ``av``/``fra`` in
    its clause (GOLD.md ``origin``)."""
    gap = _ORIGIN_NEXT if _ENDS_IN_FROM.search(text, max(start - 4, 0), start) else _ORIGIN_GAP
    for mention in sorted(table.covering(start, end), key=lambda m: m.span.start):
        if mention.type in (EntityType.COUNTRY, EntityType.PLACE) and gap.fullmatch(
                text, start, mention.span.start):
            return mention
    return None


def _joined_force(table: MentionTable, text: str, start: int, end: int
                  ) -> tuple[int, str] | None:
    """``i KFOR``, ``til UNIFIL``: forces sent to an organisation's force or operation (GOLD.md
    ``joins``), a deployment whose destination the sentence does not name: (end, phrase)."""
    for match in re.finditer(r"\b(?:i|til)\s+", text[start:end]):
        at = start + match.end()
        for mention in table.covering(at, end):
            if mention.span.start == at and mention.type is EntityType.ORGANISATION:
                return mention.span.end, text[start + match.start():mention.span.end]
    return None


def _same_time(old: MilitaryAction, new: MilitaryAction) -> bool:
    """Whether two mentions can be of one action as far as their time words go: not when
    their dates differ, nor when their time words differ and one of them gives a date
    ("torsdag" in the lead, "I april i fjor" for an earlier exercise)."""
    if old.date and new.date:
        return old.date == new.date
    if old.date_text and new.date_text and (old.date or new.date):
        return old.date_text.lower() == new.date_text.lower()
    return True


def _same_stage(old: MilitaryAction, new: MilitaryAction) -> bool:
    """A strike feared is not one carried out (``ble angrepet med russiske raketter`` / ``et
    russisk angrep på skip ville vært …``); a feared one that its agent denies is one. A
    build-up warned of and then claimed is one ("Advarer mot opptrapping")."""
    done: tuple[str, ...] = ("Completed", "Ongoing")
    if old.kind == "MilitaryBuildup" and {old.status, new.status} in (
            {"Announced", "Ongoing"}, {"Announced", "Completed"}):
        return False  # "har flyttet tusenvis av soldater" / "et nytt armékorps skal opprettes"
    if old.kind in ("Attack", "Invasion"):
        # a strike threatened or feared is not one carried out, nor one claimed
        done = (*done, "Claimed", "Disputed")
        if (old.status == "Announced" and new.status in done) or (
                new.status == "Announced" and old.status in done):
            return False
    return not ((old.status == "Feared" and new.status in done)
                or (new.status == "Feared" and old.status in done))


def _same_place(old: MilitaryAction, new: MilitaryAction) -> bool:
    """Whether two mentions can be of one action as far as where it happened goes: not
    when both say where and the places share nothing (a strike "utenfor Novorossijsk" and
    one on "hovedkvarteret i Sevastopol")."""
    def where(action: MilitaryAction) -> set[str]:
        hit = {action.target} if action.target and action.target.startswith("Place:") else set()
        return {*action.location, *action.near} | hit

    first, second = where(old), where(new)
    if not (first and second) or first & second:
        return True
    # "i Hormuz" in a headline, "i Hormuzstredet" in the text: one place, named short
    names = [k.split(":", 1)[1].lower() for k in second]
    if any(len(short) >= 4 and (name.startswith(short) or short.startswith(name))
           for short in (k.split(":", 1)[1].lower() for k in first) for name in names):
        return True
    # "angrep i Jemen", then "rammet mål i Sanaa": the towns told after a country may lie in
    # it (but strikes in Sevastopol and then "mål langt inne i Russland" are two)
    return all(k.startswith("Country:") for k in first) and not any(
        k.startswith("Country:") for k in second)


def _object_place(table: MentionTable, text: str, start: int, end: int) -> Found | None:
    """The first country or place after ``start`` with no preposition before it: the object
    of "forlot" ("forlot de siste franske soldatene Mali")."""
    for mention in sorted(table.covering(start, end), key=lambda m: m.span.start):
        if mention.type in (EntityType.COUNTRY, EntityType.PLACE):
            gap = text[start:mention.span.start].lower()
            if not re.search(r"(?<![\w-])(?:til|i|mot|med|etter|for|fra|av|på|ved)(?![\w-])",
                             gap):
                return mention
            return None
    return None


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def _placed(action: MilitaryAction, places: Places) -> MilitaryAction:
    """``action`` with further places (from a sentence elaborating on it)."""
    near = _union(action.near, places.near)
    location = tuple(k for k in _union(action.location, places.location) if k not in near)
    return replace(action, near=near, location=location,
                   location_text=action.location_text or places.text)


def _recent_kind_agent(found: list[_Found], kind: str) -> str | None:
    """The agent of the latest action of ``kind`` found so far."""
    for item in reversed(found):
        if item.action.kind == kind or (kind == "Attack" and item.action.kind == "Invasion"):
            return item.action.agent
    return None


def _recent_destination(found: list[_Found], index: int, sentences: list[Sentence]
                        ) -> str | None:
    """The destination of the deployment told in this or the previous sentence of the same
    paragraph, for a sending that names none."""
    for item in reversed(found):
        if item.action.kind != "Deployment" or item.action.destination is None:
            continue
        if item.sentence >= index - 1 and (
                sentences[item.sentence].paragraph == sentences[index].paragraph):
            return item.action.destination
        return None
    return None


def _seller(table: MentionTable, text: str, trigger_text: str, trigger: int, end: int,
            lexicon: Lexicon) -> str | None:
    """The state or company an arms transfer told from the receiving side comes from:
    ``kjøper ubåter fra USA``, ``får stridsvogner fra Norge``, ``en avtale med Sør-Korea om
    kjøp av``. None when the trigger is not an acquisition verb or nobody is named."""
    acquiring = _alt(lexicon, "acquisition_verbs", lexicon.actions.get("acquisition_verbs", []))
    if not acquiring or not re.match(rf"(?:{acquiring})", trigger_text.lower()):
        return None
    if trigger_text.lower().startswith("om "):  # "en avtale med Sør-Korea om kjøp av"
        start = max(0, trigger - 80)
        partners = [start + m.end() for m in re.finditer(r"(?<![\w-])med\s+", text[start:trigger])]
        return next((m.key for m in table.covering(partners[-1], trigger)
                     if m.span.start == partners[-1] and m.type in _AGENTS), None) \
            if partners else None
    source = re.search(r"(?<![\w-])fra\s+", text[trigger:end])
    if source is None:
        return None
    at = trigger + source.end()
    return next((m.key for m in table.covering(at, end)
                 if m.span.start == at and m.type in _AGENTS), None)


def _recent_receiver(found: list[_Found]) -> str | None:
    """Where the last arms transfer told before went."""
    return next((item.action.destination for item in reversed(found)
                 if item.action.kind == "ArmsTransfer" and item.action.destination), None)


def _recent_agent(found: list[_Found], index: int, sentences: list[Sentence]) -> str | None:
    """The agent of an action found in the previous two sentences of the same or the previous
    paragraph (``Huitfeldt begrunner dette i økt aktivitet``: whose activity? Russia's)."""
    for item in reversed(found):
        if index - item.sentence > 2:
            break
        if sentences[index].paragraph - sentences[item.sentence].paragraph <= 1:
            return item.action.agent
    return None
