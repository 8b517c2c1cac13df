"""Roles: titles before names, titles standing alone, party abbreviations after names.

Rules (ids recorded on each Role):

* ``title_name.v1``: ``[<Genitive>] <title> <Person>`` (``USAs forsvarsminister Lloyd Austin``,
  ``statsminister Jonas Gahr Støre``) is the office ``title`` of the genitive's country or
  organisation; without a genitive, titles of ``default_country`` are Norwegian offices and
  others take the organisation from the dated holder lexicon, else none.
* ``party.v1``: ``<Person> (Ap)`` is membership of the party the abbreviation names; ``(34)``
  is an age and names nothing.
* ``title_alone.v1`` (a mention, not a role): ``Natos generalsekretær``, ``Nato-sjefen``,
  ``statsministeren`` standing without a name refer to the person who holds the title: learnt
  earlier in the article, else from the dated lexicon (``roles.json``) when the publication
  date falls within exactly one holder's term.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Found, MentionTable
from kg.extract.segment import Sentence
from kg.gazetteer import Gazetteer
from kg.model import Article, EntityType, Role, Span

__all__ = ["TitleBook", "find_roles", "resolve_holder"]

_ORGS = (EntityType.COUNTRY, EntityType.ORGANISATION)
_TITLE_WORD = re.compile(r"([A-Za-zÆØÅæøå]+-)?([a-zæøå]+)$")


@dataclass
class TitleBook:
    """What titles refer to in one article: ``(of key, title) -> person key``."""

    learned: dict[tuple[str | None, str], str] = field(default_factory=dict)


def _interval(published: str) -> tuple[str, str]:
    """First and last day (ISO) of a YYYY, YYYY-MM or YYYY-MM-DD publication date."""
    parts = published.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{published}-01", f"{published}-{last:02d}"
    return published, published


def resolve_holder(lexicon: Lexicon, title: str, of_label: str | None, published: str
                   ) -> str | None:
    """The one person holding ``title`` of ``of_label`` throughout the publication date.

    >>> from kg.extract.lexicon import load_lexicon
    >>> resolve_holder(load_lexicon(), "generalsekretær", "Nato", "2022-02")
    'Jens Stoltenberg'
    >>> resolve_holder(load_lexicon(), "generalsekretær", "Nato", "2025-03")
    'Mark Rutte'
    >>> resolve_holder(load_lexicon(), "forsvarsminister", "Norge", "2023-04") is None
    True
    """
    start, end = _interval(published)
    found = {h["holder"] for h in lexicon.roles.get("holders", [])
             if h["title"] == title and (of_label is None or h["of"] == of_label)
             and h["from"] <= end and (h["to"] is None or h["to"] >= start)}
    overlapping_edges = [h for h in lexicon.roles.get("holders", [])
                         if h["title"] == title and (of_label is None or h["of"] == of_label)
                         and (start < h["from"] <= end or (h["to"] and start <= h["to"] < end))]
    if len(found) != 1 or overlapping_edges:
        return None
    return found.pop()


def _holders(lexicon: Lexicon, title: str, of_label: str | None, published: str) -> set[str]:
    """Everyone holding ``title`` of ``of_label`` at some time in the publication period."""
    start, end = _interval(published)
    return {h["holder"] for h in lexicon.roles.get("holders", [])
            if h["title"] == title and (of_label is None or h["of"] == of_label)
            and h["from"] <= end and (h["to"] is None or h["to"] >= start)}


def _base_title(word: str, lexicon: Lexicon) -> tuple[str, str | None] | None:
    """``generalsekretæren`` -> (``generalsekretær``, None); ``Nato-sjef`` -> (title, of)."""
    aliases = {k.lower(): v for k, v in lexicon.roles.get("aliases", {}).items()}
    titles = set(lexicon.roles.get("titles", []))
    suffixes = tuple(lexicon.roles.get("title_suffixes", []))
    head, dash, rest = word.partition("-")
    if dash and head[:1].isupper() and rest.islower() and word.lower() not in aliases and (
            rest in titles or (rest.endswith(suffixes) and len(rest) > 4)):
        return rest, head  # "Høyre-leder", "Frp-leder": the office of that party or body
    if word[:1].isupper() and word[1:].islower():  # "Utenriksminister" opening a sentence
        word = word.lower()
    for form in (word, word[:-2] if word.endswith("en") else None,
                 word[:-1] if word.endswith("n") else None):
        if not form:
            continue
        if form.lower() in aliases:
            return aliases[form.lower()]["title"], aliases[form.lower()]["of"]
        if form in titles or (form.islower() and form.endswith(suffixes) and len(form) > 6):
            return form, None
    return None


def _metonym(table: MentionTable, mention: Found) -> bool:
    entry = table.entries.get(mention.key)
    return bool(entry is not None and entry.metonym)


def _key_of(gazetteer: Gazetteer, label: str | None) -> str | None:
    if not label:
        return None
    entry = gazetteer.find(label) or gazetteer.parties.get(label)  # "Ap-leder"
    return entry.key if entry else None


def _person_key(gazetteer: Gazetteer, name: str) -> str:
    entry = gazetteer.find(name, EntityType.PERSON)
    return entry.key if entry else f"Person:{name}"


def _home_office(article: Article, table: MentionTable, lexicon: Lexicon, gazetteer: Gazetteer,
                 sentence: Span, person: Found, title: str, name: str | None,
                 home: str | None) -> str | None:
    """A bare title (``statsminister Ulf Kristersson``) is a Norwegian office unless the
    lexicon names someone else as its holder at the publication date and the person is not
    shown as Norwegian by a party in parentheses; then the country the sentence is about
    holds it (``Sverige vil ikke …, understreker statsminister Ulf Kristersson``), or none."""
    holder = resolve_holder(lexicon, title, home, article.published)
    holders = _holders(lexicon, title, home, article.published) if holder is None else set()
    # No holder the lexicon knows (an office it does not track), or this person among the
    # month's holders: a Norwegian office. "Forsvarsminister Yasukazu Hamada" in a month
    # when Norway's minister changed is not.
    if holder == name or (holder is None and (not holders or name in holders)):
        return _key_of(gazetteer, home)
    text = article.text
    party = re.match(r"\s*\(([^()]{1,6})\)", text[person.span.end : person.span.end + 10])
    if party and party.group(1) in gazetteer.parties:
        return _key_of(gazetteer, home)
    begin, end = sentence.start, sentence.end
    countries = [m for m in table.covering(begin, end) if m.type is EntityType.COUNTRY
                 and not re.match(r"s\s+[a-zæøå]", text[m.span.end - 1 : m.span.end + 2])]
    if countries and not text[begin : countries[0].span.start].strip(" –-«"):
        return countries[0].key  # the sentence's subject
    keys = {m.key for m in countries}
    return keys.pop() if len(keys) == 1 else None


def _not_current(before: str, lexicon: Lexicon) -> bool:
    """``tidligere``, ``påtroppende`` … right before a title: a former or future office."""
    words = lexicon.roles.get("not_current", [])
    return bool(words) and re.search(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:\w+s\s+)?$",
        before.lower()) is not None


def find_roles(article: Article, sentences: Sequence[Sentence], *, table: MentionTable,
               lexicon: Lexicon, gazetteer: Gazetteer) -> tuple[list[Role], TitleBook]:
    """Roles attested in the article, and title mentions added to ``table``."""
    text = article.text
    starts = [s.span.start for s in sentences]
    book = TitleBook()
    roles: list[Role] = []
    default = lexicon.roles.get("default_country", {})
    default_titles = set(default.get("titles", []))
    names = {k: v for k, v in table.names.items()}
    persons = [m for m in table.mentions if m.type is EntityType.PERSON
               and m.how in ("name", "gazetteer")]
    demonyms = gazetteer.demonym_index()

    for person in persons:
        lead = text[max(article.body_start, person.span.start - 60) : person.span.start]
        match = re.search(r"(?:([\w'-]+)\s+)?([\w-]+)\s+$", lead)
        if not match:
            continue
        parsed = _base_title(match.group(2), lexicon)
        if parsed is None:
            continue
        title, of_label = parsed
        start = person.span.start - len(lead) + match.start(2)
        of: str | None = _key_of(gazetteer, of_label)
        if match.group(1):
            gen_start = person.span.start - len(lead) + match.start(1)
            owner = [m for m in table.mentions if m.span.start == gen_start and (
                m.type in _ORGS or _metonym(table, m))]
            adjective = demonyms.get(match.group(1).lower())
            if owner:
                of, start = owner[0].key, gen_start
            elif adjective is not None:  # "den finske presidenten Sauli Niinistö"
                of, start = adjective.key, gen_start
        if _not_current(text[max(article.body_start, start - 30):start], lexicon):
            continue  # "tidligere forsvarsminister X": not the office held at the date
        if of is None and title in default_titles:
            at = max(bisect.bisect_right(starts, person.span.start) - 1, 0)
            sentence = sentences[at].span if sentences else Span(article.body_start, len(text))
            of = _home_office(article, table, lexicon, gazetteer, sentence, person, title,
                              names.get(person.key), default.get("of"))
        if of is None:
            for holder in lexicon.roles.get("holders", []):
                if holder["title"] == title and holder["holder"] == names.get(person.key):
                    of = _key_of(gazetteer, holder["of"])
        book.learned.setdefault((of, title), person.key)
        if of is None:
            continue  # "Forsvarsminister Ben Wallace": an office, but of whom is not said
        roles.append(Role("position", person.key, of, title, Span(start, person.span.end),
                          article.published, "title_name.v1"))

    # "(Ap)" after a person: party membership (mentions.py has found the party mention).
    for party in (m for m in table.mentions if m.how == "party"):
        member = table.before(party.span.start, (EntityType.PERSON,))
        if member is None:
            continue
        gap = text[member.span.end : party.span.start]
        if gap.strip() != "(":
            continue
        roles.append(Role("party", member.key, party.key, None,
                          Span(member.span.start, party.span.end + 1), article.published,
                          "party.v1"))

    for span, holder, of, title in _title_mentions(article, table, lexicon, gazetteer, book):
        if of is not None:
            roles.append(Role("position", holder, of, title, span, article.published,
                              "title_alone.v1"))
    merged: dict[tuple[str, str, str | None, str | None], Role] = {}
    for role in roles:  # one role per holder, office and article; every attestation kept
        key = (role.kind, role.holder, role.of, role.title)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, more_evidence=(*old.more_evidence, role.evidence))
        else:
            merged[key] = role
    return list(merged.values()), book


def _title_mentions(article: Article, table: MentionTable, lexicon: Lexicon,
                    gazetteer: Gazetteer, book: TitleBook
                    ) -> list[tuple[Span, str, str | None, str]]:
    """Titles standing alone become mentions of the person who holds them."""
    resolved: list[tuple[Span, str, str | None, str]] = []
    text = article.text
    titles = sorted(set(lexicon.roles.get("titles", [])) | set(lexicon.roles.get("aliases", {})),
                    key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    pattern = re.compile(rf"(?<![\w-])(?i:({alt})(?:en|n)?|\w+(?:minister|sjef|sekretær)(?:en)?)"
                         rf"(?![\w-])(?!\s+[A-ZÆØÅ][a-zæøå])")
    default = lexicon.roles.get("default_country", {})
    taken = [m.span for m in table.mentions if m.type is EntityType.PERSON]
    added: list[Found] = []
    for match in pattern.finditer(text, article.body_start):
        word = match.group(0)
        parsed = _base_title(word, lexicon)
        if parsed is None:
            continue
        title, of_label = parsed
        start = match.start()
        of = _key_of(gazetteer, of_label)
        owner = [m for m in table.mentions if m.type in _ORGS
                 and text[m.span.end - 1 : m.span.end] in ("s", "'")
                 and 0 < match.start() - m.span.end <= 1]
        place = re.match(r"\s+(?:i|for)\s+", text[match.end():])
        where = next((m for m in table.mentions if place is not None
                      and m.span.start == match.end() + place.end()
                      and (m.type in _ORGS or _metonym(table, m))), None)
        if owner:
            of, start = owner[-1].key, owner[-1].span.start
        elif where is not None and of is None:
            of = where.key  # "forsvarsminister i Sverige"
        bare = of is None
        if of is None and not owner and where is None:
            definite = word != title and not word.startswith(title + "-")
            if not definite and word[0].islower():
                continue  # a bare indefinite title ("som minister") names nobody
            if title in default.get("titles", []):
                of = _key_of(gazetteer, default.get("of"))
        span = Span(start, match.end())
        if any(t.start < span.end and span.start < t.end for t in taken):
            continue
        if _not_current(text[max(article.body_start, start - 30):start], lexicon):
            continue
        # "Kari Nordmann, Norges utenriksminister, sier …": the title is an appositive
        # of the name before it; it says what she is, whoever the lexicon names.
        head = table.before(span.start, (EntityType.PERSON,))
        after = where.span.end if where is not None and of == where.key else span.end
        appositive = head is not None and re.fullmatch(
            r",\s*", text[head.span.end : span.start]) and re.match(r"\s*[,.;]", text[after:])
        person = head.key if head is not None and appositive else book.learned.get((of, title))
        if person is None and bare and not owner and where is None:
            # "ifølge forsvarsministeren" after "Den danske forsvarsministeren Morten
            # Bødskov": the one holder of this title the article has named, whatever country
            named = {p for (_, t), p in book.learned.items() if t == title}
            person = named.pop() if len(named) == 1 else None
        if appositive and head is not None:
            book.learned.setdefault((of, title), head.key)
        if person is None:
            entry = gazetteer.find(of.split(":", 1)[1]) if of else None
            of_label = table.names.get(of) or (entry.label_nb if entry else None) if of else None
            holder = resolve_holder(lexicon, title, of_label, article.published) if of else None
            if holder is None:
                continue
            person = _person_key(gazetteer, holder)
            table.names.setdefault(person, holder)
            table.types.setdefault(person, EntityType.PERSON)
        added.append(Found(span, person, EntityType.PERSON, "title"))
        resolved.append((span, person, of, title))
    table.mentions.extend(added)
    table.mentions.sort(key=lambda m: m.span.start)
    return resolved
