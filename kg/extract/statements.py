"""Statements: direct quotes and reported speech, with their speakers.

Rules (ids recorded on each Statement):

* ``quote_dash.v1``: a sentence opening with a dash starts a quote that runs to the
  attribution (``…, sa Stoltenberg.``) or the end of the paragraph. A dash quote with
  no attribution continues the previous speaker, or else the last person mentioned.
* ``reported_at.v1``: ``X sier (at) …`` and the inverted ``… sier X at …``.
* ``ifolge.v1``: ``ifølge X, …``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Found, MentionTable
from kg.extract.segment import Sentence
from kg.model import Article, EntityType, Span, Statement

__all__ = ["find_statements"]

_DASH = re.compile(r"\A[–—-]\s*")
_ACTORS = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.COUNTRY)
_SPEAKER_WINDOW = 80  # characters after a speech verb in which the speaker must start
_SUBJECT_WINDOW = 40  # a person named this close to a sentence start is its likely subject
_STANCE_LEMMAS = {"tro", "håpe", "frykte", "begrunne"}  # whose nominal complement is the claim


@dataclass
class _Context:
    article: Article
    table: MentionTable
    lexicon: Lexicon
    salient: list[tuple[int, str]]  # (offset, person key): sentence subjects and speakers
    titles: dict[str, str]  # "USAs forsvarsminister" -> person key, learned in the article
    last_speaker: str | None = None
    last_speaker_paragraph: int = -10

    def speaker_event(self, offset: int, key: str) -> None:
        if self.table.types.get(key) is EntityType.PERSON:
            self.salient.append((offset, key))
            self.salient.sort()


def _word_re(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _speaker_in(ctx: _Context, start: int, end: int) -> Found | None:
    for mention in ctx.table.covering(start, end):
        if mention.type in _ACTORS:
            return mention
    return None


def _pronoun_speaker(ctx: _Context, offset: int) -> str | None:
    """The person a ``han``/``hun`` at ``offset`` most likely refers to: the latest subject
    or speaker before it, else the latest person mentioned."""
    events = [key for at, key in ctx.salient if at < offset]
    if events:
        return events[-1]
    person = ctx.table.before(offset, (EntityType.PERSON,))
    return person.key if person else ctx.last_speaker


def _salience(sentences: list[Sentence], table: MentionTable, text: str) -> list[tuple[int, str]]:
    events = []
    pronoun_start = re.compile(r"\A[–—-]?\s*(?:Han|Hun)\b")
    for sentence in sentences:
        if pronoun_start.match(text[sentence.span.start : sentence.span.end]):
            continue  # the subject is a pronoun: salience stays where it was
        head_end = sentence.span.start + _SUBJECT_WINDOW
        for mention in table.covering(sentence.span.start, min(head_end, sentence.span.end)):
            if mention.type is EntityType.PERSON:
                events.append((mention.span.start, mention.key))
                break
    return events


def _learn_titles(table: MentionTable, text: str) -> dict[str, str]:
    """``<Genitive> <title> <Person>`` teaches that the title refers to the person here."""
    titles: dict[str, str] = {}
    mentions = table.mentions
    for first, second in itertools.pairwise(mentions):
        if first.how == "genitive" and second.type is EntityType.PERSON:
            between = text[first.span.end : second.span.start]
            words = between.split()
            if len(words) == 1 and words[0].islower():
                titles[text[first.span.start : first.span.end] + " " + words[0]] = second.key
    return titles


def _speaker_from_phrase(ctx: _Context, start: int, end: int) -> str | None:
    """Who is named in an attribution phrase such as ``NATOs generalsekretær Jens Stoltenberg``,
    ``han til TV 2`` or ``USAs forsvarsminister``."""
    text = ctx.article.text
    words = text[start:end].split()
    if words and words[0].lower() in ctx.lexicon.words("pronouns_person"):
        return _pronoun_speaker(ctx, start)
    mentions = [m for m in ctx.table.covering(start, end) if m.type in _ACTORS]
    for mention in mentions:
        if mention.type is EntityType.PERSON:
            return mention.key
    for mention in mentions:
        if mention.how == "genitive":
            title = re.match(r"\s*([a-zæøå-]+)", text[mention.span.end : end])
            if title:
                phrase = text[mention.span.start : mention.span.end] + " " + title.group(1)
                return ctx.titles.get(phrase)
        return mention.key
    return None


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t,.:;«»\"–—-":
        start += 1
    while end > start and text[end - 1] in " \t,.:;«»\"":
        end -= 1
    return Span(start, end)


def _is_idiom(ctx: _Context, start: int, end: int) -> bool:
    sentence = ctx.article.text[start:end].lower()
    return any(idiom in sentence for idiom in ctx.lexicon.words("not_statements"))


def _quote_blocks(sentences: list[Sentence], text: str) -> list[list[Sentence]]:
    """Runs of sentences that form one dash quote (to the end of the paragraph)."""
    blocks: list[list[Sentence]] = []
    current: list[Sentence] | None = None
    for sentence in sentences:
        opens = bool(_DASH.match(text[sentence.span.start : sentence.span.end]))
        if opens:
            current = [sentence]
            blocks.append(current)
        elif current is not None and current[-1].paragraph == sentence.paragraph:
            current.append(sentence)
        else:
            current = None
    return blocks


def find_statements(article: Article, sentences: list[Sentence], *, table: MentionTable,
                    lexicon: Lexicon) -> list[Statement]:
    text = article.text
    ctx = _Context(article, table, lexicon, _salience(sentences, table, text),
                   _learn_titles(table, text))
    verbs = lexicon.speech_forms
    verb_alt = _word_re(list(verbs))
    attribution = re.compile(rf",\s*(?P<verb>{verb_alt})\s+(?P<who>[^,.!?]*?)\s*[.!?]?\s*\Z",
                             re.IGNORECASE)
    found: list[tuple[int, Statement]] = []
    in_quotes: list[Span] = []

    # Direct quotes opened by a dash.
    for block in _quote_blocks(sentences, text):
        start, end = block[0].span.start, block[-1].span.end
        in_quotes.append(Span(start, end))
        chunk = text[start:end]
        match = attribution.search(chunk)
        speaker: str | None = None
        verb: str | None = None
        quote_end = end
        rule = "quote_dash.v1"
        if match:
            verb = match.group("verb").lower()
            who_start, who_end = start + match.start("who"), start + match.end("who")
            speaker = _speaker_from_phrase(ctx, who_start, who_end)
            quote_end = start + match.start()
        else:
            paragraph = block[0].paragraph
            continues = ctx.last_speaker is not None and paragraph - ctx.last_speaker_paragraph <= 2
            speaker = ctx.last_speaker if continues else _pronoun_speaker(ctx, start)
            rule = "quote_dash_continuation.v1"
        if speaker is None:
            continue
        span = _trim(text, start, quote_end)
        if span.end <= span.start:
            continue
        found.append((start, Statement(speaker, span, Span(start, end), "direct", verb, (), rule)))
        ctx.last_speaker, ctx.last_speaker_paragraph = speaker, block[-1].paragraph
        ctx.speaker_event(quote_end, speaker)

    # Reported speech, outside the dash quotes.
    subject_first = re.compile(rf"(?<![\w-])(?P<verb>{verb_alt})(?![\w-])")
    for sentence in sentences:
        s_start, s_end = sentence.span.start, sentence.span.end
        if any(q.start <= s_start < q.end for q in in_quotes):
            continue
        if _is_idiom(ctx, s_start, s_end):
            continue
        statement = _ifolge(ctx, s_start, s_end) or _reported(ctx, sentence, subject_first, verbs)
        if statement is not None:
            found.append((s_start, statement))
            if statement.speaker:
                ctx.last_speaker, ctx.last_speaker_paragraph = statement.speaker, sentence.paragraph
                ctx.speaker_event(s_start, statement.speaker)

    found.sort(key=lambda item: item[0])
    return [statement for _, statement in found]


def _reported(ctx: _Context, sentence: Sentence, verb_re: re.Pattern[str],
              verbs: dict[str, str]) -> Statement | None:
    text = ctx.article.text
    s_start, s_end = sentence.span.start, sentence.span.end
    pronouns = ctx.lexicon.words("pronouns_person")
    for match in verb_re.finditer(text, s_start, s_end):
        verb = match.group("verb")
        if verb[0].isupper():  # a verb opening the sentence is a question or a heading
            continue
        v_start, v_end = match.start(), match.end()
        before = text[s_start:v_start]
        after = text[v_end:s_end]
        speaker: str | None = None
        # X VERB ...: the actor mention ends right before the verb (allowing a few words).
        subject = None
        for mention in reversed(ctx.table.covering(s_start, v_start)):
            gap = text[mention.span.end : v_start]
            if mention.type in _ACTORS and len(gap.split()) <= 2 and "," not in gap:
                subject = mention
                break
        if subject is not None:
            speaker = _speaker_from_phrase(ctx, subject.span.start, v_start)
            if speaker is None:
                continue
        else:
            last_word = before.split()[-1].lower() if before.split() else ""
            if last_word in pronouns:
                speaker = _pronoun_speaker(ctx, v_start)
        if speaker is None:
            # ... VERB X at ...: inverted order after a fronted adverbial.
            for mention in ctx.table.covering(v_end, min(s_end, v_end + _SPEAKER_WINDOW)):
                if mention.type in _ACTORS:
                    rest = text[mention.span.end : s_end]
                    at_match = re.match(r"\s+(?:[\wæøå]+\s+){0,3}?at\s", rest)
                    if at_match:
                        phrase_end = mention.span.end + at_match.end() - 3
                        speaker = _speaker_from_phrase(ctx, v_end, phrase_end)
                        after = rest
                    break
            else:
                first = after.split()[0].lower() if after.split() else ""
                if first in pronouns and re.match(r"\s+\w+\s+at\s", after):
                    speaker = _pronoun_speaker(ctx, v_start)
                    after = after.split(None, 1)[1] if len(after.split(None, 1)) > 1 else ""
                    after = " " + after
        if speaker is None:
            continue
        offset = s_end - len(after)
        at = re.match(r"\s+(?:[\wæøå]+\s+){0,2}?(?:at|om at)\s+", after)
        if at:
            content = _trim(text, offset + at.end(), s_end)
        elif verbs.get(verb.lower()) in _STANCE_LEMMAS:
            # A stance with a nominal complement ("tror ingenting på …"): the whole clause.
            start = subject.span.start if subject is not None else s_start
            content = _trim(text, start, s_end)
        else:
            content = _trim(text, v_end, s_end)
        if content.end - content.start < 8:
            continue
        return Statement(speaker, content, Span(s_start, s_end), "reported", verb.lower(), (),
                         "reported_at.v1")
    return None


def _ifolge(ctx: _Context, s_start: int, s_end: int) -> Statement | None:
    text = ctx.article.text
    match = re.search(r"(?<![\w-])[Ii]følge\s+", text[s_start:s_end])
    if not match:
        return None
    start = s_start + match.end()
    for mention in ctx.table.covering(start, min(s_end, start + 60)):
        if mention.type in _ACTORS:
            content = _trim(text, s_start, s_end)
            return Statement(mention.key, content, Span(s_start, s_end), "reported", "ifølge", (),
                             "ifolge.v1")
    return None
