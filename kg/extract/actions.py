"""Military actions: kind, agent, destination, personnel, duration and status.

A reported action is not a fact: an action found inside a statement takes its status
from how the statement presents it (hedged -> Claimed, feared -> Feared), and a later
statement that denies seeing it makes it Disputed. Negated and hypothetical mentions
never yield an action. Rule ids: ``action_trigger.v1``, ``personnel.v1``, ``duration.v1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Found, MentionTable
from kg.extract.segment import Sentence
from kg.model import Article, EntityType, MilitaryAction, Span, Statement

__all__ = ["find_actions", "parse_duration", "parse_personnel"]

_AGENTS = (EntityType.COUNTRY, EntityType.ORGANISATION)
_NUMBER = r"\d{1,3}(?:[  .]\d{3})+|\d+"
_FOLLOWING_SENTENCES = 2  # how far personnel and duration may trail the trigger sentence


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


def _number_alt(lexicon: Lexicon) -> str:
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
    nouns = "|".join(re.escape(n) for n in lexicon.words("personnel_nouns"))
    tail = rf"\s+(?:[\wæøå-]+\s+){{0,2}}?(?:{nouns})\b"
    low = text.lower()
    for pattern in (
        rf"\bmellom\s+({num})\s+og\s+({num}){tail}",
        rf"\bfra\s+({num})\s+til\s+({num}){tail}",
        rf"\b({num})\s*[–-]\s*({num}){tail}",
    ):
        match = re.search(pattern, low)
        if match:
            return _number(match.group(1), lexicon), _number(match.group(2), lexicon)
    approx = lexicon.raw["approximators"]
    for group, result in (("at_most", "max"), ("at_least", "min"), ("around", "both")):
        cue = "|".join(re.escape(c) for c in approx[group])
        match = re.search(rf"(?<![\w-])(?:{cue})\s+({num}){tail}", low)
        if match:
            value = _number(match.group(1), lexicon)
            return {"max": (None, value), "min": (value, None)}.get(result, (value, value))
    match = re.search(rf"(?<![\w-])({num}){tail}", low)
    if match:
        value = _number(match.group(1), lexicon)
        if value is not None and value > 1:
            return value, value
    return None


def parse_duration(text: str, lexicon: Lexicon) -> str | None:
    """An ISO 8601 duration for ``i tre måneder``, ``et tre måneder langt opphold``, ``to uker``.

    ``for tre måneder siden`` is a point in time, not a duration.

    >>> from kg.extract.lexicon import load_lexicon
    >>> parse_duration("skal ha et tre måneder langt opphold i Litauen", load_lexicon())
    'P3M'
    >>> parse_duration("for tre måneder siden", load_lexicon()) is None
    True
    """
    units = lexicon.raw["duration_units"]
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    num = _number_alt(lexicon)
    low = text.lower()
    for match in re.finditer(rf"(?<![\w-])({num}|et|ei|en)\s+({unit_alt})(?![\w])", low):
        before = low[max(0, match.start() - 5) : match.start()]
        after = low[match.end() : match.end() + 40]
        if re.match(r"\s+siden\b", after) or before.endswith("om "):
            continue
        durational = (re.search(r"\b(?:i|på|for)\s+$", before)
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


def _cue(lexicon: Lexicon, name: str, text: str) -> bool:
    return bool(lexicon.cue_regex(name).search(text))


def _agent(table: MentionTable, text: str, start: int, trigger: int, demonyms: dict[str, str]
           ) -> str | None:
    """The acting country or organisation: the nearest actor before the trigger in the clause,
    else a demonym (``russiske tropper``) or a group (``russerne``) in the sentence."""
    best: Found | None = None
    for mention in table.covering(start, trigger):
        if mention.type in _AGENTS:
            best = mention
    if best is not None:
        return best.key
    low = text[start:trigger].lower()
    for word, key in demonyms.items():
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low):
            return key
    return None


def _destination(table: MentionTable, text: str, start: int, end: int) -> tuple[str | None, int]:
    for match in re.finditer(r"\btil\s+", text[start:end]):
        at = start + match.end()
        for mention in table.covering(at, end):
            if mention.span.start == at and mention.type in (EntityType.COUNTRY, EntityType.PLACE):
                return mention.key, mention.span.end
    return None, start


def _status(kind: str, clause: str, statement: Statement | None, lexicon: Lexicon,
            speech_lemmas: dict[str, str]) -> str | None:
    """How the text presents the action, or None when it asserts no action at all."""
    low = clause.lower()
    if _cue(lexicon, "hypothetical", low):
        return None  # "kan komme til å", "dersom", "vurderer": no action is asserted
    if _cue(lexicon, "fear_cues", low):
        return "Feared"
    if re.search(r"\bkan\b|\bkunne\b|\bville\b|\bhvis\b|\bdersom\b|\bmå se\b|\bmå\b", low):
        return None  # hypothetical, condition or demand
    if _cue(lexicon, "negation", low):
        return None
    if statement is not None and statement.verb:
        lemma = speech_lemmas.get(statement.verb, statement.verb)
        if lemma in lexicon.words("hedging_verbs"):
            return "Claimed"
    if _cue(lexicon, "distance_cues", low):
        return "Claimed"
    if kind == "Deployment" and re.search(r"\bskal\b|\bsender\b|\bvil sende\b|\bplanlegger\b", low):
        return "Announced"
    if statement is not None and kind == "Withdrawal":
        return "Claimed"
    return "Ongoing"


def find_actions(article: Article, sentences: list[Sentence], *, table: MentionTable,
                 statements: list[Statement], lexicon: Lexicon,
                 demonyms: dict[str, str]) -> list[MilitaryAction]:
    text = article.text
    kinds: dict[str, dict[str, object]] = lexicon.actions["kinds"]
    military = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(w) for w in lexicon.words("unit_nouns") + lexicon.words("personnel_nouns")) +
        r")(?![\w-])", re.IGNORECASE)
    speech_lemmas = lexicon.speech_forms
    found: list[_Found] = []
    disputes: list[tuple[str, str | None, int]] = []  # (kind, agent, statement index)

    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.span.start, sentence.span.end
        sentence_text = text[s_start:s_end]
        holder = next((i for i, st in enumerate(statements)
                       if (st.text.start <= s_start + 2 and s_end - 2 <= st.text.end)
                       or (st.evidence.start <= s_start and s_end <= st.evidence.end)), None)
        statement = statements[holder] if holder is not None else None
        for kind, spec in kinds.items():
            for pattern in spec["patterns"]:  # type: ignore[attr-defined]
                match = re.search(str(pattern), sentence_text.lower())
                if not match:
                    continue
                trigger = s_start + match.start()
                clause_start = s_start + max(sentence_text.rfind(",", 0, match.start()) + 1, 0)
                clause = text[clause_start:s_end]
                agent = _agent(table, text, s_start, trigger, demonyms)
                if spec.get("requires_military") and not military.search(text[trigger:s_end]):
                    continue
                destination, what_end = None, s_end
                if spec.get("requires_destination"):
                    destination, dest_end = _destination(table, text, trigger, s_end)
                    if destination is None:
                        continue
                    what_end = dest_end
                status = _status(kind, text[clause_start:s_end], statement, lexicon, speech_lemmas)
                lead = text[max(clause_start, trigger - 40) : trigger]
                infinitive = re.search(r"(?<![\w-])å\s+(?:[\wæøå]+\s+){0,3}$", lead)
                if infinitive and status != "Feared" and not re.search(
                    r"\bi ferd med\s+å\s+(?:[\wæøå]+\s+){0,3}$", lead
                ):
                    status = None  # an infinitive ("å invadere") is a capability or an aim
                low_clause = clause.lower()
                if status is None:
                    if _cue(lexicon, "dispute_cues", low_clause) and holder is not None:
                        disputes.append((kind, agent, holder))
                    break
                if agent is None:
                    break
                window = " ".join(text[s.span.start : s.span.end] for s in sentences[
                    index : index + 1 + _FOLLOWING_SENTENCES] if s.paragraph == sentence.paragraph)
                personnel = parse_personnel(window, lexicon) if kind == "Deployment" else None
                duration = parse_duration(window, lexicon) if kind == "Deployment" else None
                what = None
                if kind == "Deployment":
                    what_match = military.search(text, trigger, what_end)
                    if what_match:
                        verb_end = trigger + len(match.group(0))
                        what = text[verb_end:what_match.end()].strip() or None
                        rest = re.match(r"\s+med\s+\w+", text[what_match.end():what_end])
                        if rest:
                            what = text[verb_end:what_match.end() + rest.end()].strip()
                action = MilitaryAction(
                    kind=kind, agent=agent, status=status, evidence=Span(s_start, s_end),
                    destination=destination, what=what,
                    personnel_min=personnel[0] if personnel else None,
                    personnel_max=personnel[1] if personnel else None,
                    duration=duration,
                    statements=(holder,) if holder is not None else (),
                    rule="action_trigger.v1")
                found.append(_Found(action, index))
                break

    # One action per (kind, agent, destination): later mentions add statements.
    merged: dict[tuple[str, str | None, str | None], MilitaryAction] = {}
    for item in found:
        key = (item.action.kind, item.action.agent, item.action.destination)
        if key in merged:
            old = merged[key]
            merged[key] = replace(
                old,
                statements=tuple(sorted(set(old.statements) | set(item.action.statements))),
                personnel_min=old.personnel_min or item.action.personnel_min,
                personnel_max=old.personnel_max or item.action.personnel_max,
                duration=old.duration or item.action.duration,
                status=old.status if old.status != "Ongoing" else item.action.status)
        else:
            merged[key] = item.action
    for kind, agent, holder in disputes:
        for key, action in merged.items():
            if key[0] == kind and (agent is None or key[1] == agent) and action.status == "Claimed":
                merged[key] = replace(action, status="Disputed", disputed_by=tuple(
                    sorted(set(action.disputed_by) | {holder})))
    return list(merged.values())
