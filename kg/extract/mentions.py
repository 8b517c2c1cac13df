"""Entity mentions: gazetteer names, capitalised person names, surnames, groups, titles.

Rule ids: ``gazetteer.v1``, ``person_name.v1``, ``name_part.v1``, ``group.v1``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.segment import Sentence
from kg.gazetteer import Gazetteer, GazetteerEntry, genitive
from kg.model import Article, EntityType, Span

__all__ = ["Found", "MentionTable", "find_mentions"]

# Latin letters of names in Norwegian news ("Orbán", "Zelenskyj", "Łukasz", "Šefčovič").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĢĪĮĶĻĽŁŃŅŇŐŘŚŠŞŢŤŪŮŰŲŹŻŽȘȚ"
_LOWER = "a-zß-öø-ÿāăąćčďđēėęěğģīįıķļľłńņňőœřśšşţťūůűųźżžșț"
_NAME_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIAL = rf"[{_UPPER}]\."  # a middle initial: "Tore O. Sandvik"
_PARTICLE = r"(?:von|van|der|den|de|del|della|di|da|du|le|la|al|bin|ibn|ten|ter)"
_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|ul)"  # "Abdul-Malik al-Houthi"
_PERSON_NAME = re.compile(
    rf"(?<![\w-])({_NAME_TOKEN}(?:\s+(?:{_INITIAL}\s+|(?:{_PARTICLE}\s+){{1,2}})?"
    rf"(?:{_ARTICLE}-)?{_NAME_TOKEN})"
    rf"{{1,3}})(?![\w-])")
_LOWER_WORD = re.compile(rf"(?<![\w-])[{_LOWER}]+(?![\w-])")
_PREVIOUS_WORD = re.compile(r"(?<![\w-])([\wæøåÆØÅ]+)\s+$")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:«–—-]\s*|\n\s*)$")
_PARENTHESES = re.compile(r"\(([A-ZÆØÅ][A-Za-zæøå]{0,4})\)")
_CREDIT = re.compile(r"\bFoto:.*$", re.MULTILINE)


@dataclass(frozen=True)
class Found:
    """One mention: span, the entity key it refers to, and how it was recognised."""

    span: Span
    key: str
    type: EntityType
    how: str


@dataclass
class MentionTable:
    """All mentions of an article, plus what is known about each entity key."""

    mentions: list[Found] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # key -> display name
    types: dict[str, EntityType] = field(default_factory=dict)
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)  # key -> gazetteer entry
    _starts: list[int] = field(default_factory=list, repr=False)
    _indexed: tuple[int, int] = (0, -1)

    def add(self, found: Found, name: str, entry: GazetteerEntry | None = None) -> None:
        self.mentions.append(found)
        self.names.setdefault(found.key, name)
        self.types.setdefault(found.key, found.type)
        if entry is not None:
            self.entries.setdefault(found.key, entry)

    def covering(self, start: int, end: int) -> list[Found]:
        """Mentions inside ``[start, end)``, in text order (binary search on the starts)."""
        if self._indexed != (id(self.mentions), len(self.mentions)):
            self.mentions.sort(key=lambda m: m.span.start)
            self._starts = [m.span.start for m in self.mentions]
            self._indexed = (id(self.mentions), len(self.mentions))
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_right(self._starts, end)
        return [m for m in self.mentions[low:high] if m.span.end <= end]

    def before(self, offset: int, types: tuple[EntityType, ...]) -> Found | None:
        best = None
        for mention in self.mentions:
            usable = mention.span.end <= offset and mention.type in types
            if usable and (best is None or mention.span.start > best.span.start):
                best = mention
        return best


def _is_title(word: str, lexicon: Lexicon) -> bool:
    """``Forsvarsminister`` opening a sentence is a title, not a first name."""
    low = word.lower()
    suffixes = tuple(lexicon.roles.get("title_suffixes", []))
    return low in lexicon.roles.get("titles", []) or (len(low) > 6 and low.endswith(suffixes))


_COMPASS = re.compile(r"(?<![\w-])(?:Nord|Sør|Øst|Vest|Nordøst|Nordvest|Sørøst|Sørvest)-")


@lru_cache(maxsize=8)
def _name_after_prefix(surfaces: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``surfaces`` right after a compass prefix's hyphen ("Sør-|Libanon"), compiled
    once per gazetteer rather than once per article."""
    return re.compile(rf"(?:{alternation(surfaces)})(?![\w]|-\w)")


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def _surface_regex(surfaces: list[str], after: str = r"(?![\w]|-\w)") -> re.Pattern[str]:
    """Any of ``surfaces`` as a whole word (longest first), followed by ``after``."""
    return _surface_pattern(tuple(surfaces), after)


@lru_cache(maxsize=16)
def _surface_pattern(surfaces: tuple[str, ...], after: str) -> re.Pattern[str]:
    # built once per list: the gazetteer's surfaces are the same for every article, and
    # escaping and joining them is most of the cost of finding mentions
    body = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body}){after}")


def find_mentions(article: Article, sentences: list[Sentence], *, gazetteer: Gazetteer,
                  lexicon: Lexicon) -> MentionTable:
    """Find entity mentions in the article body (all offsets index ``article.text``)."""
    text = article.text
    table = MentionTable()
    taken: list[Span] = []
    stop = set(lexicon.words("name_stopwords"))
    body = Span(article.body_start, len(text))
    persons: dict[str, str] = {}  # key -> full name, for later references by a name part
    credits = [Span(m.start(), m.end()) for m in _CREDIT.finditer(text, article.body_start)]

    surfaces: dict[str, GazetteerEntry] = {}
    for surface, entry in gazetteer.surface_index().items():
        if surface in stop or len(surface) < 2:
            continue
        surfaces.setdefault(surface, entry)
        if surface[0].islower():  # "det russiske forsvarsdepartementet" opening a sentence
            surfaces.setdefault(surface[0].upper() + surface[1:], entry)
    seats: dict[str, str] = {k: v for k, v in lexicon.raw.get("metonyms", {}).items()
                             if k != "comment"}
    for match in _surface_regex(list(surfaces)).finditer(text, body.start):
        entry = surfaces[match.group(0)]
        span = Span(match.start(), match.end())
        if taken and taken[-1].end > span.start:
            continue  # inside "Forsvarsdepartementet i Moskva"
        abroad = _foreign_body(match, entry, seats, gazetteer)
        if abroad is not None:  # "Forsvarsdepartementet i Moskva": Russia's, not Norway's
            key, label, found_entry, end = abroad
            span = Span(match.start(), end)
            table.add(Found(span, key, EntityType.ORGANISATION, "state_body"), label,
                      found_entry)
            taken.append(span)
            continue
        how = "genitive" if match.group(0) not in entry.surfaces else "gazetteer"
        table.add(Found(span, entry.key, entry.type, how), entry.label_nb, entry)
        taken.append(span)
        if entry.type is EntityType.PERSON:
            persons[entry.key] = entry.label_nb

    # "Wagner-soldater", "Hamas-krigere": the organisation whose forces they are;
    # "NATO-øvelsen": the organisation whose exercise it is.
    org_surfaces = [s for s, e in surfaces.items() if e.type is EntityType.ORGANISATION]
    stems = alternation((*lexicon.words("force_stems"),
                         *lexicon.words("compound_action_stems")))
    if org_surfaces and stems:
        for match in _surface_regex(org_surfaces, rf"(?=-(?:{stems})\w*(?![\w-]))").finditer(
                text, body.start):
            span = Span(match.start(), match.end())
            if not _overlaps(span, taken):
                entry = surfaces[match.group(0)]
                table.add(Found(span, entry.key, entry.type, "gazetteer"), entry.label_nb, entry)
                taken.append(span)

    # "Sør-Libanon", "Øst-Ukraina": a part of a country named by a compass prefix
    country_surfaces = tuple(s for s, e in surfaces.items() if e.type is EntityType.COUNTRY)
    if country_surfaces:
        inside = _name_after_prefix(country_surfaces)
        for prefix in _COMPASS.finditer(text, body.start):
            country = inside.match(text, prefix.end())
            if country is None:
                continue
            span = Span(country.start(), country.end())
            if not _overlaps(Span(prefix.start(), country.end()), taken):
                entry = surfaces[country.group(0)]
                table.add(Found(span, entry.key, entry.type, "region"), entry.label_nb, entry)
                taken.append(Span(prefix.start(), country.end()))

    groups = gazetteer.group_index()
    if groups:
        for match in _surface_regex(list(groups)).finditer(text, body.start):
            entry = groups[match.group(0)]
            span = Span(match.start(), match.end())
            if not _overlaps(span, taken):
                table.add(Found(span, entry.key, entry.type, "group"), entry.label_nb, entry)
                taken.append(span)

    _classified_places(article, table, taken, lexicon, stop)
    _genitive_bodies(article, table, taken, gazetteer)
    _state_bodies(article, table, taken, gazetteer, lexicon)
    _seated_embassies(article.text, table)
    _government(article, table, taken, gazetteer, lexicon)

    # Full person names: capitalised runs of 2-4 words that are not known names. A word
    # opening a sentence that the article also writes in lower case is a common noun
    # ("Øvelsen Nordic Response"), unless it is a known first name ("Dag", "Liv").
    lower_words = set(_LOWER_WORD.findall(text, body.start))
    first_names = set(lexicon.words("female_first_names")) | set(
        lexicon.words("male_first_names"))
    name_heads = set(lexicon.words("name_heads"))
    for match in _PERSON_NAME.finditer(text, body.start):
        words = match.group(1).split()
        opens = _OPENS_SENTENCE.search(text, max(body.start, match.start(1) - 3),
                                       match.start(1)) is not None or match.start(1) == body.start
        common_head = False
        while words and (words[0] in stop or _is_title(words[0], lexicon) or (
                opens and words[0].lower() in lower_words and words[0] not in first_names)):
            common_head = common_head or words[0].lower() in name_heads
            words = words[1:]
        head = _PREVIOUS_WORD.search(text, max(body.start, match.start(1) - 30), match.start(1))
        if common_head or (head is not None and head.group(1).lower() in name_heads):
            continue  # "øvelsen Nordic Response", "fregatten Fridtjof Nansen": not persons
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = match.start(1) + match.group(1).index(words[0])
        span = Span(start, start + len(name))
        if _overlaps(span, taken) or _overlaps(span, credits):
            continue
        if any(w in stop or (w.isupper() and not w.endswith(".")) for w in words):
            continue
        if words[0] == "The":  # "The Guardian", "The Economist": a publication
            if not gazetteer.find(name):
                table.add(Found(span, f"Organisation:{name}", EntityType.ORGANISATION,
                                "english_name"), name)
                taken.append(span)
            continue
        # "Lund Poulsen" after "Troels Lund Poulsen": the end of a longer name met before
        whole = [k for k, n in persons.items()
                 if len(n.split()) > len(words) and n.split()[-len(words):] == words]
        if len(whole) == 1:
            table.add(Found(span, whole[0], EntityType.PERSON, "name_part"), persons[whole[0]])
            taken.append(span)
            continue
        known = gazetteer.find(name, EntityType.PERSON)
        key = known.key if known else f"Person:{name}"
        persons[key] = name
        table.add(Found(span, key, EntityType.PERSON, "name"), known.label_nb if known else name,
                  known)
        taken.append(span)

    # Later references by one part of a full name ("Stoltenberg", "Lloyd"), also genitive.
    parts: dict[str, str] = {}
    ambiguous: set[str] = set()
    for key, name in persons.items():
        for part in name.split():
            if part.endswith(".") or part[0].islower():
                continue  # an initial, a particle ("von der")
            if part in parts and parts[part] != key:
                ambiguous.add(part)
            parts[part] = key
    # Well-known persons of the gazetteer, and office holders of the roles lexicon, are
    # also known by their surname alone ("sier Zelenskyj").
    for entry in gazetteer.entries:
        if entry.type is EntityType.PERSON and len(entry.label_nb.split()) > 1:
            surname = entry.label_nb.split()[-1]
            if len(surname) >= 4 and surname not in parts:
                parts[surname] = entry.key
                persons.setdefault(entry.key, entry.label_nb)
                table.entries.setdefault(entry.key, entry)
    for holder in {h["holder"] for h in lexicon.roles.get("holders", [])}:
        surname = holder.split()[-1]
        if len(holder.split()) > 1 and len(surname) >= 4 and surname not in parts:
            known = gazetteer.find(holder, EntityType.PERSON)
            key = known.key if known else f"Person:{holder}"
            parts[surname] = key
            persons.setdefault(key, holder)
            if known is not None:
                table.entries.setdefault(key, known)
    usable = {p: k for p, k in parts.items() if p not in ambiguous and p not in stop}
    if usable:
        forms = {**usable, **{genitive(p): k for p, k in usable.items()}}
        for match in _surface_regex(list(forms)).finditer(text, body.start):
            span = Span(match.start(), match.end())
            if _overlaps(span, taken):
                continue
            key = forms[match.group(0)]
            table.add(Found(span, key, EntityType.PERSON, "name_part"), persons[key])
            taken.append(span)

    # "(Ap)" right after a person names the party; "(34)" is an age and names nothing.
    person_ends = {m.span.end for m in table.mentions if m.type is EntityType.PERSON}
    for match in _PARENTHESES.finditer(text, body.start):
        party = gazetteer.parties.get(match.group(1))
        if party is not None and match.start() - 1 in person_ends | {e + 1 for e in person_ends}:
            span = Span(match.start(1), match.end(1))
            table.add(Found(span, party.key, party.type, "party"), party.label_nb, party)

    table.mentions.sort(key=lambda m: m.span.start)
    _anaphoric_nouns(article, table, lexicon)
    return table


def _classified_places(article: Article, table: MentionTable, taken: list[Span],
                       lexicon: Lexicon, stop: set[str]) -> None:
    """``byen Avdijivka``, ``landsbyen Lastotsjkyne``: a name the gazetteer does not know,
    introduced by a noun for a kind of place (lexicon ``place_classifiers``), is a Place,
    here and wherever else the article writes it (also in the genitive)."""
    introduced = _classified_regex(tuple(lexicon.words("place_classifiers")))
    if introduced is None:
        return
    text = article.text
    names = []
    for match in introduced.finditer(text, article.body_start):
        name = match.group(1)
        if name not in stop and name not in names and name[0].isupper() and not _overlaps(
                Span(match.start(1), match.end(1)), taken):
            names.append(name)
    if not names:
        return
    forms = {**{n: n for n in names}, **{genitive(n): n for n in names}}
    for match in _surface_regex(list(forms)).finditer(text, article.body_start):
        span = Span(match.start(), match.end())
        if not _overlaps(span, taken):
            name = forms[match.group(0)]
            table.add(Found(span, f"Place:{name}", EntityType.PLACE, "classified_place"), name)
            taken.append(span)


@lru_cache(maxsize=4)
def _classified_regex(nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A noun for a kind of place and the name after it, compiled once per lexicon."""
    if not nouns:
        return None
    return re.compile(rf"(?<![\w-])(?:{alternation(nouns)})\s+({_NAME_TOKEN})(?![\w-])",
                      re.IGNORECASE)


_BODY_NOUN = (r"\w*(?:departementet|ministeriet|regjeringen|forsvaret|etterretningstjenesten|"
              r"ambassaden|marinen|hæren|flyvåpenet|generalstaben|kystvakten|grensevakten|"
              r"grensepolitiet|sikkerhetstjenesten|sikkerhetspolitiet|militæret|"
              r"presidentadministrasjonen)")
_GENITIVE_BODY = re.compile(  # "Sør-Koreas (nasjonale) etterretningstjeneste"
    r"\s+((?:nasjonale|militære|sivile|væpnede|føderale|statlige)\s+)?"
    r"(\w*(?:departement|ministerium|ambassade|regjering|forsvar|luftforsvar|marine|hær|"
    r"etterretningstjeneste|generalstab|forsvarsstyrker))(?![\w-])")


def _genitive_bodies(article: Article, table: MentionTable, taken: list[Span],
                     gazetteer: Gazetteer) -> None:
    """``Russlands ambassade``, ``Ukrainas forsvarsdepartement``: a country in the genitive
    and a state body is that body, an organisation (rule ``state_body.v1``); the country
    mention gives way to it."""
    text = article.text
    for mention in list(table.mentions):
        if mention.how != "genitive" or mention.type is not EntityType.COUNTRY:
            continue
        noun = _GENITIVE_BODY.match(text, mention.span.end)
        if noun is None:
            continue
        type_: EntityType = EntityType.ORGANISATION
        if _GOVERNMENT.fullmatch(noun.group(2)):
            # "Guyanas regjering" speaks and acts as Guyana (as the bare "regjeringen" is
            # Norway): the country's mention grows over the noun
            key, type_, entry = mention.key, mention.type, table.entries.get(mention.key)
            label = table.names.get(mention.key, "")
        else:
            label = (f"{text[mention.span.start:mention.span.end]} {noun.group(1) or ''}"
                     f"{noun.group(2)}")
            entry = gazetteer.find(label, EntityType.ORGANISATION)
            key = entry.key if entry else f"Organisation:{label}"
            label = entry.label_nb if entry else label
        span = Span(mention.span.start, noun.end())
        table.mentions.remove(mention)
        taken[:] = [t for t in taken if t != mention.span]
        table.add(Found(span, key, type_, "state_body"), label, entry)
        taken.append(span)


_GOVERNMENT = re.compile(r"regjering(?:en)?", re.IGNORECASE)
_AUTHORITIES = (r"(?:myndigheter|myndighetene|styresmakter|styresmaktene|etterretning|"
                r"etterretningen)")


_SEAT = re.compile(r"\s+i\s+([A-ZÆØÅ][\wæøå]+)")


def _indefinite(noun: str) -> str:
    """departementet -> departement, tjenesten -> tjeneste, marinen -> marine."""
    return (noun[:-1] if noun.endswith(("tjenesten", "marinen", "ambassaden")) else
            noun[:-2] if noun.endswith(("et", "en")) else noun)


def _foreign_body(match: re.Match[str], entry: GazetteerEntry, seats: dict[str, str],
                  gazetteer: Gazetteer) -> tuple[str, str, GazetteerEntry | None, int] | None:
    """A ministry or service named without its country but placed in a foreign capital
    (``Forsvarsdepartementet i Moskva``): that state's body (key, label, entry, end)."""
    if entry.type is not EntityType.ORGANISATION or not re.fullmatch(
            _BODY_NOUN, match.group(0).lower()):
        return None
    seat = _SEAT.match(match.string, match.end())
    if seat is None or seat.group(1) not in seats:
        return None
    country = gazetteer.find(seats[seat.group(1)], EntityType.COUNTRY)
    if country is None or country.label_nb == "Norge":
        return None
    label = f"{genitive(country.label_nb)} {_indefinite(match.group(0).lower())}"
    found = gazetteer.find(label, EntityType.ORGANISATION)
    return (found.key if found else f"Organisation:{label}",
            found.label_nb if found else label, found, seat.end())


def _state_bodies(article: Article, table: MentionTable, taken: list[Span], gazetteer: Gazetteer,
                  lexicon: Lexicon) -> None:
    """``det amerikanske forsvarsdepartementet`` -> the organisation ``USAs forsvarsdepartement``
    (a gazetteer entry when one has that name); ``ukrainske myndigheter`` -> the country
    (rule ``state_body.v1``)."""
    demonyms = gazetteer.demonym_index()
    inflected = sorted((d for d in demonyms if d.endswith("e")), key=len, reverse=True)
    if not inflected:
        return
    alt = "|".join(re.escape(d) for d in inflected)
    bare = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
    # "det russiske forsvarsdepartementet"; "ukrainske myndigheter", "britisk etterretning"
    pattern = re.compile(rf"(?<![\w-])(?:(?:[Dd]et|[Dd]en)\s+)?(?:({alt})\s+({_BODY_NOUN})|"
                         rf"({bare})\s+({_AUTHORITIES}))(?![\w-])", re.IGNORECASE)
    for match in pattern.finditer(article.text, article.body_start):
        span = Span(match.start(), match.end())
        if _overlaps(span, taken):
            continue
        country = demonyms[(match.group(1) or match.group(3)).lower()]
        if match.group(4) or _GOVERNMENT.fullmatch(match.group(2) or ""):
            # "ukrainske myndigheter", "den danske regjeringen": the state itself
            table.add(Found(span, country.key, country.type, "state_body"), country.label_nb,
                      country)
        else:
            label = f"{genitive(country.label_nb)} {_indefinite(match.group(2).lower())}"
            entry = gazetteer.find(label, EntityType.ORGANISATION)
            key = entry.key if entry else f"Organisation:{label}"
            table.add(Found(span, key, EntityType.ORGANISATION, "state_body"),
                      entry.label_nb if entry else label, entry)
        taken.append(span)


def _seated_embassies(text: str, table: MentionTable) -> None:
    """``Russlands ambassade i Oslo``, ``den russiske ambassaden i Oslo``: an embassy is named
    by its city, and a later ``Russlands ambassade`` in the article is the same one."""
    seated: dict[str, str] = {}
    for index, mention in enumerate(table.mentions):
        name = table.names.get(mention.key, "")
        seat = _SEAT.match(text, mention.span.end)
        if mention.how != "state_body" or not name.endswith("ambassade") or seat is None:
            continue
        label = f"{name} i {seat.group(1)}"
        key = f"Organisation:{label}"
        seated.setdefault(mention.key, key)
        table.mentions[index] = replace(mention, span=Span(mention.span.start, seat.end()),
                                        key=key)
        table.names.setdefault(key, label)
        table.types.setdefault(key, EntityType.ORGANISATION)
    for index, mention in enumerate(table.mentions):
        if mention.key in seated:
            table.mentions[index] = replace(mention, key=seated[mention.key])


def _government(article: Article, table: MentionTable, taken: list[Span], gazetteer: Gazetteer,
                lexicon: Lexicon) -> None:
    """A bare ``regjeringen`` is the Norwegian government: a mention of Norway acting."""
    spec = lexicon.raw.get("government_nouns", {})
    country = gazetteer.find(spec.get("of", ""), EntityType.COUNTRY) if spec else None
    if country is None:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in spec["nouns"]) +
                         r")(?![\w-])")
    for match in pattern.finditer(article.text, article.body_start):
        span = Span(match.start(), match.end())
        if not _overlaps(span, taken):
            table.add(Found(span, country.key, country.type, "government"), country.label_nb,
                      country)
            taken.append(span)


def _anaphoric_nouns(article: Article, table: MentionTable, lexicon: Lexicon) -> None:
    """``departementet``, ``alliansen``: a definite noun refers to the latest organisation
    before it whose name contains the noun (rule ``anaphor.v1``)."""
    nouns: dict[str, str] = lexicon.raw.get("anaphoric_nouns", {})
    if not nouns:
        return
    text = article.text
    # also the genitive: "kommisjonens president", "departementets talsperson"
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in nouns) +
                         r")s?(?![\w-])", re.IGNORECASE)
    taken = [m.span for m in table.mentions]
    # "houthi-militsen … militsen": a compound tells whose the group is; (position, first part)
    # of each such compound, found once per noun
    compounds = {stem: [(c.start(), c.group(1).lower()) for c in re.finditer(
        rf"(?<![\w-])(\w{{3,}})-{re.escape(stem)}", text)]
        for stem in set(nouns.values())}
    added = []
    for match in pattern.finditer(text, article.body_start):
        span = Span(match.start(), match.end())
        # "Sudans hær … Hæren avviser påstanden": a home force's name ("Hæren", the
        # Norwegian army) written in lower case or opening a sentence may be the noun
        # for the foreign force named before; it gives way when there is one
        named = [m for m in table.covering(span.start, span.end) if m.span == span]
        generic = match.group(0)[0].islower() or re.search(r"(?:^|[.!?:–]\s+|\n\s*)$",
                                                            text[max(0, span.start - 4):span.start])
        if _overlaps(span, taken) and not (named and generic and len(named) == sum(
                1 for t in taken if span.start < t.end and t.start < span.end)):
            continue
        stem = nouns[match.group(1).lower()]
        owners = [first for at, first in compounds[stem] if at < span.start]
        for mention in reversed(table.mentions):
            if mention.span.end > span.start or mention.type is not EntityType.ORGANISATION:
                continue
            entry = table.entries.get(mention.key)
            forms = {form.lower() for form in
                     {table.names.get(mention.key, ""), *(entry.surfaces if entry else ())}}
            if any(stem in form or form.startswith(tuple(owners)) for form in forms):
                if named and mention.key == named[0].key:
                    break  # the home force named again
                if named:  # in place, so that later nouns refer to the force meant here
                    at = next(i for i, m in enumerate(table.mentions) if m is named[0])
                    table.mentions[at] = Found(span, mention.key, mention.type, "anaphor")
                else:
                    added.append(Found(span, mention.key, mention.type, "anaphor"))
                break
    table.mentions.extend(added)
    table.mentions.sort(key=lambda m: m.span.start)
