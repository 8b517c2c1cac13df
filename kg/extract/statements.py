"""Statements: direct quotes and reported speech, with their speakers.

Rules (ids recorded on each Statement):

* ``quote_dash.v1``: a paragraph sentence opening with a dash (or ``«`` closed by ``»,``)
  starts a quote that runs to the attribution (``…, sa Stoltenberg.``, ``…, legger han
  til.``) or the end of the paragraph; an unattributed block directly followed by an
  attributed one in the next paragraph is the same quote.
* ``quote_anaphoric.v1`` / ``anaphoric.v1``: ``Det sa X til VG.`` after the content.
* ``quote_dash_continuation.v1``: a dash quote with no attribution continues the speaker of
  the latest statement within two paragraphs, else the person a pronoun would refer to.
* ``reported_at.v1``: ``X sier (til NTB i en tale) at …``, the inverted ``… sier X at …``,
  auxiliaries and adverbs between (``Russland har hele tiden hevdet at``, ``Han har også
  sagt at``); ``tror ikke at …`` keeps its negation.
* ``reported_postposed.v1``: ``Danmark sender våpen, opplyser forsvarsministeren.``
  A body's stance relayed by a person (``Russland krever at …, sier Kari Nordmann.``) is
  the person's; ``ønsker`` reports only with an ``at`` clause (lexicon ``at_only_verbs``).
* ``ifolge.v1``: ``ifølge X, …`` and ``ifølge uttalelsen fra departementet``.
* ``speech_noun.v1``: ``beskjeden/påstanden/meldingen fra X om at …`` is X's statement.
* ``headline.v1``: ``X: – …`` (a heading quoting X).

Speakers are persons, organisations, countries and metonyms (``Kreml``); titles standing
alone (``Natos generalsekretær``) are person mentions by the time this runs (see
:mod:`kg.extract.roles`) and definite nouns (``departementet``) organisation mentions.
Addressees (``til NTB``), unnamed sources (``en kilde i alliansen``) and idioms (``Det sier
seg selv``) never speak.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Found, MentionTable
from kg.extract.segment import Sentence
from kg.model import Article, EntityType, Span, Statement

__all__ = ["find_statements"]

_DASH = re.compile(r"\A(?:[–—-]|«(?=[^»]*»\s*,))\s*")
_ACTORS = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.COUNTRY)
_SPEAKER_WINDOW = 80  # characters after a speech verb in which the speaker must start
# A character of a speaker phrase: no clause punctuation, but the full stop of an initial
# ("sier forsvarsminister Tore O. Sandvik").
_WHO = r"(?:[^,.!?]|(?<=\s[A-ZÆØÅ])\.)"
# Between a person and the speech verb: one appositive or relative clause set off by commas.
_APPOSITIVE = re.compile(r",\s*[^,.!?:;«»–—]{2,70},\s*")
# Before a mention in an attribution: whom it is said to or asked by ("sier han til NTB",
# "svarer hun på spørsmål fra VG", "i et intervju med BBC"), who does not speak.
# "Robert Brovdi, bedre kjent som «Madjar», sier at …"
_KNOWN_AS = re.compile(r",\s*(?:bedre\s+|også\s+)?kjent\s+som\s+«[^»]{1,40}»,\s*")
_ADDRESSEE = re.compile(r"\b(?:til|overfor|med|spørsmål\s+fra)\s+$", re.IGNORECASE)
# A word that makes the mention after it a prepositional object, not a subject
# ("I et intervju med BBC sa Zelenskyj at …").
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:med|til|fra|hos|overfor|mot|av|om|for|på|ved|under|etter|blant)\s+$", re.IGNORECASE)
# Between a person and the speech verb: the unit, place or body they belong to
# ("Kari Hansen ved Rena leir sier", "Ola Nordmann i Hæren sier").
_UNIT_OF_PERSON = re.compile(r"\s+(?:i|ved|fra|hos|på)\s+[^,.!?:;«»–—()]{2,40}?"
                             r"(?:\s+\([A-ZÆØÅ]{2,8}\))?\s+")  # "ved NUPI", "ved … (NUPI)"


def _person_first(ctx: _Context, match: re.Match[str] | None, offset: int
                  ) -> re.Match[str] | None:
    """A relaxed attribution match counts only if its speaker phrase opens with a person."""
    if match is None:
        return None
    who = offset + match.start("who")
    first = ctx.table.covering(who, offset + match.end("who"))
    return match if first and first[0].span.start == who and \
        first[0].type is EntityType.PERSON else None
def _person_named(ctx: _Context, match: re.Match[str] | None, offset: int
                  ) -> re.Match[str] | None:
    """A relaxed attribution ``sier <title>, <name>`` counts if one of its comma-separated
    parts is a person's name."""
    if match is None:
        return None
    text = ctx.article.text
    who, end = offset + match.start("who"), offset + match.end("who")
    for mention in ctx.table.covering(who, end):
        if mention.type is EntityType.PERSON and (
                mention.span.start == who or re.search(r",\s*$", text[who : mention.span.start])):
            return match
    return None


_SUBJECT_WINDOW = 40  # a person named this close to a sentence start is its likely subject
_ADVERBIALS = {"har", "hadde", "også", "tidligere", "selv", "nå", "allerede", "derfor", "likevel",
               "imidlertid", "dessuten", "videre", "samtidig", "ofte", "gjentatte", "ganger",
               "flere", "senere", "da", "nylig"}
#: Rule id of a statement that denies what the previous one said ("X avviser dette").
DENIAL_OF_PREVIOUS = "denial_anaphoric.v1"
_REFERRING = re.compile(r"\s+(?:\w+\s+)?(?:dette|det|påstanden|påstandene|anklagen|anklagene|"
                        r"beskyldningen|beskyldningene|opplysningene|framstillingen)\s*[.!]?\s*\Z")
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
        if _is_actor(ctx, mention):
            return mention
    return None


def _is_actor(ctx: _Context, mention: Found) -> bool:
    """Persons, organisations, countries, and metonyms (``Kreml``) that speak."""
    if mention.type in _ACTORS:
        return True
    entry = ctx.table.entries.get(mention.key)
    if entry is None or not entry.metonym:
        return False
    before = ctx.article.text[max(0, mention.span.start - 6):mention.span.start]
    return not re.search(r"(?<![\w-])(?:i|fra|til|mot|ved|på|nær)\s+$", before, re.IGNORECASE)
    # ("ambassaden i Oslo": a place, not Norway speaking)


def _pronoun_speaker(ctx: _Context, offset: int, pronoun: str | None = None) -> str | None:
    """The person a ``han``/``hun`` at ``offset`` most likely refers to: the latest subject
    or speaker before it (of the pronoun's gender when the first name tells it), else the
    latest person mentioned."""
    events = [key for at, key in ctx.salient if at < offset]
    gender = {"hun": True, "han": False}.get((pronoun or "").lower())
    if gender is not None:
        female = set(ctx.lexicon.words("female_first_names"))
        male = set(ctx.lexicon.words("male_first_names"))
        mentioned = [m.key for m in ctx.table.covering(0, offset)
                     if m.type is EntityType.PERSON]
        for key in [*reversed(events), *reversed(mentioned)]:
            first = (ctx.table.names.get(key) or key.split(":", 1)[-1]).split()[0]
            if first in (female if gender else male):
                return key
            if first in (male if gender else female):
                continue
            break  # unknown first name: fall back to the latest
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
        return _pronoun_speaker(ctx, start, words[0])
    phrase = " ".join(words).lower()
    if any(phrase.startswith(source + " ") or phrase == source
           for source in ctx.lexicon.words("unnamed_sources")):
        return None  # "en kilde i alliansen": an unnamed source
    mentions = [m for m in ctx.table.covering(start, end) if _is_actor(ctx, m)
                and not _ADDRESSEE.search(text[max(start, m.span.start - 20):m.span.start])]
    if not mentions:
        return _new_source(ctx, start, end)
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


_DATELINE_HEAD = re.compile(r"[A-ZÆØÅ][A-ZÆØÅ -]{1,40}?\s*\([^()\n]{1,30}\)\s*:\s*")
_ACRONYM = re.compile(r"\s*((?:(?:avisen|nyhetsbyrået|byrået|kanalen|nettstedet|magasinet)\s+)?"
                      r"([A-ZÆØÅ]{2,6}(?: ?\d)?|[A-ZÆØÅ][a-zæøå]+|"
                      # a title with a foreign article: "Der Spiegel", "Le Monde", "El País"
                      r"(?:Der|Die|Le|La|El|Il)\s+[A-Z][a-zäöüéèáíóúñ]+))\s*\Z")


def _new_source(ctx: _Context, start: int, end: int) -> str | None:
    """``…, melder CNN.``, ``…, skriver avisen Guardian.``: a news organisation no
    gazetteer knows becomes an entity (rule ``news_source.v1``); a bare capitalised word
    counts only after a noun such as ``avisen``."""
    match = _ACRONYM.match(ctx.article.text, start, end)
    if match is None or (match.group(1) == match.group(2) and not match.group(2).isupper()
                         and " " not in match.group(2)):
        return None
    name = match.group(2)
    if name in ctx.lexicon.words("name_stopwords"):
        return None
    key = f"Organisation:{name}"
    at = match.start(2)
    ctx.table.add(Found(Span(at, at + len(name)), key, EntityType.ORGANISATION, "news_source"),
                  name)
    return key


def _trim(text: str, start: int, end: int) -> Span:
    head = _DATELINE_HEAD.match(text, start, end)
    if head:  # "BRUSSEL (NTB): …" opening the first paragraph is not part of what was said
        start = head.end()
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
    ends: dict[int, int] = {}
    for sentence in sentences:
        ends[sentence.paragraph] = sentence.span.end
    for sentence in sentences:
        # A «quote» may run over several sentences of its paragraph before "», sier X".
        opens = bool(_DASH.match(text[sentence.span.start : ends[sentence.paragraph]]))
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
    speech_noun = _speech_noun_regex(lexicon)
    verbs = lexicon.speech_forms
    verb_alt = _word_re(list(verbs))
    particle = r"(?=\s[^,.!?]*\btil\s*[.!?]?\s*\Z)"  # "…, legger han til."
    # "– …, sier Stoltenberg, og legger til at …": the attribution inside the paragraph.
    # "…, sa sjefen for E-tjenesten, viseadmiral X, da han la fram rapporten."
    inner_attribution = re.compile(rf",\s*(?P<verb>{verb_alt})\s+(?P<who>{_WHO}{{2,80}}?"
                                   rf"(?:,\s*{_WHO}{{2,60}}?)?)"
                                   rf"(?:,\s*(?:og|men|som|mens|da|der|etter at|før|under)\b|"
                                   rf"\.\s+[–—-])", re.IGNORECASE)
    attribution = re.compile(rf",\s*(?P<verb>{verb_alt}|legger{particle}|la{particle})\s+"
                             rf"(?P<who>{_WHO}*?)(?:\s+til)?\s*[.!?]?\s*\Z", re.IGNORECASE)
    # "…, sa Jonas Gahr Støre, statsminister, til NRK.": tried only when the strict form fails.
    attribution_appositive = re.compile(
        rf",\s*(?P<verb>{verb_alt})\s+(?P<who>{_WHO}+?(?:,\s*{_WHO}+?){{1,2}})"
        rf"(?:\s+til)?\s*[.!?]?\s*\Z", re.IGNORECASE)
    found: list[tuple[int, Statement]] = []
    in_quotes: list[Span] = []
    # "Det bekreftet landets øverstkommanderende, Oleksandr Syrskyj, natt til lørdag."
    anaphoric = re.compile(rf"\A(?:Det|Dette)\s+(?P<verb>{verb_alt})\s+"
                           rf"(?P<who>{_WHO}+?(?:,\s*{_WHO}+?){{0,2}})\s*[.!?]?\s*\Z")

    # Direct quotes opened by a dash. A block without attribution directly followed (next
    # paragraph) by an attributed block is the first part of the same quote.
    blocks = _quote_blocks(sentences, text)
    pending: list[list[Sentence]] = []  # unattributed blocks, resolved after reported speech
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        start, end = block[0].span.start, block[-1].span.end
        relaxed = attribution_appositive.search(text[start:end])
        match = attribution.search(text[start:end]) or _person_first(
            ctx, relaxed, start) or _person_named(ctx, relaxed, start) or inner_attribution.search(
            text[start:end])
        if match is None and index < len(blocks):
            following = blocks[index]
            joined_end = following[-1].span.end
            joined = attribution.search(text[start:joined_end])
            if following[0].paragraph == block[-1].paragraph + 1 and joined:
                block, end, match = block + following, joined_end, joined
                index += 1
        in_quotes.append(Span(start, end))
        speaker: str | None = None
        verb: str | None = None
        quote_end = end
        rule = "quote_dash.v1"
        if match:
            verb = match.group("verb").lower()
            who_start, who_end = start + match.start("who"), start + match.end("who")
            speaker = _speaker_from_phrase(ctx, who_start, who_end)
            quote_end = start + match.start()
        elif (after := _anaphoric_after(ctx, sentences, block[-1], anaphoric)) is not None:
            speaker, verb = after
            rule = "quote_anaphoric.v1"
        else:
            pending.append(block)
            continue
        if speaker is None:
            continue
        span = _trim(text, start, quote_end)
        if span.end <= span.start:
            continue
        found.append((start, Statement(speaker, span, Span(start, end), "direct", verb, (), rule)))
        ctx.last_speaker, ctx.last_speaker_paragraph = speaker, block[-1].paragraph
        ctx.speaker_event(quote_end, speaker)

    # Reported speech, outside the dash quotes.
    coordinated = re.compile(rf",\s+(?:og|men)\s+(?:\w+\s+)?(?P<verb>{verb_alt})\s+"
                             rf"(?:(?:også|samtidig|videre)\s+)?at\s+")
    subject_first = re.compile(rf"(?<![\w-])(?P<verb>{verb_alt})(?![\w-])")
    for number, sentence in enumerate(sentences):
        s_start, s_end = sentence.span.start, sentence.span.end
        if any(q.start <= s_start < q.end for q in in_quotes):
            continue
        if _is_idiom(ctx, s_start, s_end):
            continue
        previous = sentences[number - 1] if number else None
        said = anaphoric.match(text[s_start:s_end])
        told = next((st for _, st in reversed(found) if st.evidence.start
                     <= previous.span.start < st.evidence.end), None) if (
            said and previous is not None) else None
        if said and told is not None and told.form == "reported" and verbs.get(
                said.group("verb").lower()) in lexicon.words("denial_verbs"):
            # "Departementet hevder at … . Det avviser generalstaben.": denies what was said
            who = _speaker_from_phrase(ctx, s_start + said.start("who"), s_start + said.end("who"))
            if who is not None and who != told.speaker:
                found.append((s_start, Statement(  # the whole clause, as "X avviser dette"
                    who, _trim(text, s_start, s_end), Span(s_start, s_end), "reported",
                    said.group("verb").lower(), (), DENIAL_OF_PREVIOUS)))
                ctx.last_speaker, ctx.last_speaker_paragraph = who, sentence.paragraph
                continue
        if said and previous is not None and not any(
                q.start <= previous.span.start < q.end for q in in_quotes) and not any(
                st.evidence.start == previous.span.start for _, st in found):
            who = _speaker_from_phrase(ctx, s_start + said.start("who"), s_start + said.end("who"))
            earlier = None
            if anaphoric.match(text[previous.span.start:previous.span.end]):
                # the sentence before is itself only an attribution: the same content again,
                # unless there is none or the same person confirms it twice
                earlier = next((st for _, st in reversed(found) if st.rule == "anaphoric.v1"),
                               None)
                if earlier is None or earlier.speaker == who:
                    who = None
            if who is not None:
                if earlier is not None:  # "Det bekrefter X. Det bekreftet også Y.": the same
                    content = earlier.text
                else:  # "…, opplyser departementet. Det bekrefter X": not the attribution
                    tail = attribution.search(text, previous.span.start, previous.span.end)
                    content = _trim(text, previous.span.start,
                                    tail.start() if tail else previous.span.end)
                found.append((previous.span.start, Statement(
                    who, content, Span(previous.span.start, s_end), "reported",
                    said.group("verb").lower(), (), "anaphoric.v1")))
                ctx.last_speaker, ctx.last_speaker_paragraph = who, sentence.paragraph
                continue
        statement = (_headline(ctx, s_start, s_end) or _ifolge(ctx, s_start, s_end)
                     or _relayed(_reported(ctx, sentence, subject_first, verbs),
                                 _postposed(ctx, attribution, s_start, s_end,
                                            attribution_appositive)))
        if statement is not None and statement.form == "reported" and statement.verb:
            second = coordinated.search(text, statement.text.start, statement.text.end)
            if second is not None and second.start() - statement.text.start >= 8:
                # "X avviser at …, og sier at …": two statements by the same speaker
                found.append((second.end(), replace(
                    statement, text=_trim(text, second.end(), statement.text.end),
                    verb=second.group("verb").lower())))
                statement = replace(statement, text=_trim(text, statement.text.start,
                                                          second.start()))
        if statement is not None:
            found.append((s_start, statement))
            if statement.speaker:
                ctx.last_speaker, ctx.last_speaker_paragraph = statement.speaker, sentence.paragraph
                ctx.speaker_event(s_start, statement.speaker)
        embedded = _speech_noun(ctx, speech_noun, s_start, s_end)
        if embedded is not None and (statement is None or embedded.speaker != statement.speaker):
            found.append((embedded.text.start, embedded))

    _continuations(ctx, sentences, pending, found)
    found.sort(key=lambda item: item[0])
    return [statement for _, statement in found]


def _continuations(ctx: _Context, sentences: list[Sentence], pending: list[list[Sentence]],
                   found: list[tuple[int, Statement]]) -> None:
    """Unattributed dash paragraphs continue the speaker of the latest statement before them
    (within two paragraphs, whatever its form), else the person a pronoun would refer to."""
    text = ctx.article.text
    starts = [s.span.start for s in sentences]

    def paragraph(offset: int) -> int:
        return sentences[max(0, bisect.bisect_right(starts, offset) - 1)].paragraph

    found.sort(key=lambda item: item[0])
    spoken = [(at, st) for at, st in found if st.speaker]
    offsets = [at for at, _ in spoken]
    for block in pending:
        start, end = block[0].span.start, block[-1].span.end
        position = bisect.bisect_left(offsets, start)
        speaker: str | None = None
        if position:
            latest = spoken[position - 1][1]
            gap = block[0].paragraph - paragraph(latest.evidence.end - 1)
            if gap <= 2:
                speaker = latest.speaker
        if speaker is None:
            speaker = _pronoun_speaker(ctx, start)
        if speaker is None:
            continue
        span = _trim(text, start, end)
        if span.end > span.start:
            statement = Statement(speaker, span, Span(start, end), "direct", None, (),
                                  "quote_dash_continuation.v1")
            found.append((start, statement))
            offsets.insert(position, start)
            spoken.insert(position, (start, statement))


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
        auxiliaries = ctx.lexicon.words("subject_auxiliaries")
        for mention in reversed(ctx.table.covering(s_start, v_start)):
            gap = text[mention.span.end : v_start]
            words = gap.split()
            near = len(words) <= 2 or (len(words) <= 5 and words[0].lower() in auxiliaries
                                       and "at" not in words and "som" not in words)
            if mention.how == "party":
                continue  # "Kari Nordmann (H) mener": the person speaks, not the party
            if _PREPOSITION_BEFORE.search(text[max(s_start, mention.span.start - 12):
                                               mention.span.start]):
                continue  # "I et intervju med BBC sa X": BBC is the object of "med"
            if mention.type is not EntityType.PERSON and any(
                    _is_actor(ctx, m) and re.fullmatch(r"\s+i\s+", text[m.span.end:
                                                                   mention.span.start])
                    for m in ctx.table.covering(s_start, mention.span.start)):
                continue  # "Houthi-bevegelsen i Jemen sier": where the speaker is
            if _is_actor(ctx, mention) and near and "," not in gap.replace("(", "") and not \
                    re.search(r"[.!?:;«»–—]", gap):
                subject = mention
                break
            core = re.sub(r"\A\s*\((?:\d{1,3}|[A-Za-zÆØÅæøå]{1,5})\)", "", gap)  # "(52)", "(Ap)"
            if mention.type is EntityType.PERSON and re.fullmatch(r",\s*", core) and re.search(
                    r",\s*(?:[a-zæøå-]+\s+){0,2}$", text[s_start : mention.span.start]):
                subject = mention  # "Sjefen for hæren, (general) Oleksandr Syrskyj, sier at …"
                break
            if mention.type is EntityType.PERSON and _UNIT_OF_PERSON.fullmatch(core):
                subject = mention  # "Major Kari Hansen ved Rena leir sier at …"
                break
            if mention.type is EntityType.PERSON and (_APPOSITIVE.fullmatch(core)
                                                       or _KNOWN_AS.fullmatch(core)):
                subject = mention  # "Kari Nordmann, Norges utenriksminister, sier at …"
                break
        if subject is not None and subject.type is not EntityType.PERSON:
            # "Oberst Ola Nordmann i Hæren sier": the person speaks, not the body they serve in
            for person in reversed(ctx.table.covering(s_start, subject.span.start)):
                if person.type is EntityType.PERSON and _UNIT_OF_PERSON.fullmatch(
                        text[person.span.end : v_start]):
                    subject = person
                    break
        if subject is not None:
            lead = text[s_start : subject.span.start].lower().strip(" –-")
            if re.search(r"\b(?:i|fra|hos|innen|nær|rundt)$", lead) and any(
                    re.match(rf"(?:\w+\s+)?{re.escape(source)}\b", lead)
                    for source in ctx.lexicon.words("unnamed_sources")):
                return None  # "Flere kilder i Nato sier …": unnamed sources
            speaker = _speaker_from_phrase(ctx, subject.span.start, v_start)
            if speaker is None:
                continue
        else:
            words = [w.lower() for w in before.split()]
            while words and words[-1] in _ADVERBIALS:
                words.pop()  # "Han har også sagt at …"
            if words and words[-1] in pronouns:
                speaker = _pronoun_speaker(ctx, v_start, words[-1])
        first_word = after.split()[0].lower() if after.split() else ""
        if speaker is None and first_word in pronouns and re.match(r"\s+\w+\s+at\s", after):
            # "I samme tale sa han at Russland …": the pronoun, not an actor in the clause
            speaker = _pronoun_speaker(ctx, v_start, first_word)
            after = " " + (after.split(None, 1)[1] if len(after.split(None, 1)) > 1 else "")
        if speaker is None:
            # ... VERB X at ...: inverted order after a fronted adverbial.
            for mention in ctx.table.covering(v_end, min(s_end, v_end + _SPEAKER_WINDOW)):
                if re.search(r"\b(?:til|for|med|overfor)\s+$", text[v_end : mention.span.start]):
                    continue  # "sier til NTB at": the addressee does not speak
                if _is_actor(ctx, mention):
                    rest = text[mention.span.end : s_end]
                    at_match = re.match(r"\s+(?:[\wæøå]+\s+){0,3}?at\s", rest)
                    if at_match:
                        phrase_end = mention.span.end + at_match.end() - 3
                        speaker = _speaker_from_phrase(ctx, v_end, phrase_end)
                        after = rest
                    break
        if speaker is None:
            continue
        offset = s_end - len(after)
        at = re.match(r"\s+(?:[\wæøå-]+\s+){0,8}?(?:at|om at)\s+", after)
        if at is None and verbs.get(verb.lower()) in ctx.lexicon.words("at_only_verbs"):
            continue  # "ønsker å bli medlem", "ønsker velkommen": no reported content
        if at and re.search(r"\b(?:ikke|aldri)\b", at.group(0)):
            content = _trim(text, v_start, s_end)  # "tror ikke at …": keep the negation
        elif at:
            content = _trim(text, offset + at.end(), s_end)
        elif verbs.get(verb.lower()) in _STANCE_LEMMAS and re.match(
                r"\s+(?:[\wæøå-]+\s+){1,4}(?:er|var|har|hadde|vil|skal|kan|blir|ble|må|bør)\b",
                after):
            content = _trim(text, v_end, s_end)  # "tror trusselen er reell": a bare clause
        elif verbs.get(verb.lower()) in _STANCE_LEMMAS:
            # A stance with a nominal complement ("tror ingenting på …"): the whole clause.
            start = subject.span.start if subject is not None else s_start
            content = _trim(text, start, s_end)
        elif verbs.get(verb.lower()) in ctx.lexicon.words("denial_verbs") and _REFERRING.match(
                after):
            # "Støre avviser dette": a denial of what was just said; the whole clause
            start = subject.span.start if subject is not None else s_start
            return Statement(speaker, _trim(text, start, s_end), Span(s_start, s_end),
                             "reported", verb.lower(), (), DENIAL_OF_PREVIOUS)
        elif verbs.get(verb.lower()) in ctx.lexicon.words("nominal_speech_acts"):
            content = _trim(text, v_start, s_end)  # "roste Norge for innsatsen": the verb phrase
        else:
            content = _trim(text, v_end, s_end)
        inner = re.search(r"\s[–—]\s", text[content.start : content.end])
        if inner and inner.start() > 8:  # "… situasjonen – slik Norge gjør …": not the quote
            content = _trim(text, content.start, content.start + inner.start())
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
    covered = ctx.table.covering(start, min(s_end, start + 80))
    for n, mention in enumerate(covered):
        gap = text[start : mention.span.start]
        titled = mention.type is EntityType.PERSON and re.fullmatch(
            r"(?:[a-zæøå-]+\s+){1,3}", gap)  # "ifølge departementets talsperson John Kirby"
        if not titled and not re.fullmatch(
                r"(?:(?:[\wæøå]+\s+){0,2}(?:fra|for|i|hos|til)\s+)?", gap):
            return None  # "ifølge etterretningen har Russland …": an unnamed source
        following = covered[n + 1] if n + 1 < len(covered) else None
        if (following is not None and following.type is EntityType.PERSON
                and text[mention.span.end - 1] == "s" and re.fullmatch(
                    r"\s+(?:[a-zæøå-]+\s+){1,3}", text[mention.span.end : following.span.start])):
            mention = following  # "ifølge Ukrainas energiminister Herman H.": the minister
        if _is_actor(ctx, mention):
            content = _trim(text, s_start, s_end)
            phrase = s_start + match.start()
            # "…, ifølge den litauiske etterretningstjenesten.": what it says precedes. (At
            # the start, "Ifølge Nato er beredskapen høy", the verb-second clause needs the
            # whole sentence.)
            comma = re.search(r"[\s,]+$", text[s_start:phrase])
            # "…, ifølge Tyrkias forsvarsminister.": a title may follow the genitive
            tail = re.match(r"(?:\s+[a-zæøå-]+){0,3}(?=[\s.!]*$)", text[mention.span.end:s_end])
            speaker = mention.key
            if phrase > s_start and comma and comma.start() > 8 and tail:
                content = _trim(text, s_start, s_start + comma.start())
                if tail.group(0).strip():
                    speaker = _speaker_from_phrase(
                        ctx, mention.span.start, mention.span.end + tail.end()) or speaker
            return Statement(speaker, content, Span(s_start, s_end), "reported", "ifølge", (),
                             "ifolge.v1")
    return None


def _speech_noun_regex(lexicon: Lexicon) -> re.Pattern[str]:
    nouns = _word_re(lexicon.words("speech_nouns")) or "(?!)"
    return re.compile(rf"(?<![\w-])(?P<noun>{nouns})\s+fra\s+(?P<who>[^,.;:]{{1,60}}?)\s+"
                      rf"om\s+at\s+", re.IGNORECASE)


def _speech_noun(ctx: _Context, pattern: re.Pattern[str], s_start: int, s_end: int
                 ) -> Statement | None:
    """``beskjeden fra russerne om at …``: the claim of X reported through a speech noun."""
    text = ctx.article.text
    match = pattern.search(text, s_start, s_end)
    if match is None:
        return None
    speaker = _speaker_in(ctx, match.start("who"), match.end("who"))
    if speaker is None:
        return None
    content = _trim(text, match.end(), s_end)
    if content.end - content.start < 8:
        return None
    return Statement(speaker.key, content, Span(s_start, s_end), "reported",
                     match.group("noun").lower(), (), "speech_noun.v1")


def _headline(ctx: _Context, s_start: int, s_end: int) -> Statement | None:
    """``Stoltenberg: – Russland fortsetter oppbyggingen`` (a heading quoting a speaker)."""
    text = ctx.article.text
    match = re.match(r"([^:\n]{2,60}):\s*[–—-]\s*(\S)", text[s_start:s_end])
    if match is None:
        return None
    speaker = _speaker_in(ctx, s_start, s_start + match.end(1))
    if speaker is None or text[s_start].isspace():
        return None
    content = _trim(text, s_start + match.start(2), s_end)
    return Statement(speaker.key, content, Span(s_start, s_end), "direct", None, (),
                     "headline.v1")


def _relayed(reported: Statement | None,
             postposed: Statement | None) -> Statement | None:
    """``Russland krever at Nato trekker seg tilbake, sier Kreml-talsmann Dmitrij Peskov.``:
    a country's or body's stance relayed by a person is the person's statement (the whole
    clause before the attribution), not the stance with the attribution inside its content."""
    if reported is None:
        return postposed
    if postposed is None or reported.text.end <= postposed.text.end:
        return reported
    if (reported.speaker or "").startswith(f"{EntityType.PERSON.value}:"):
        return reported
    return postposed


def _postposed(ctx: _Context, attribution: re.Pattern[str], s_start: int, s_end: int,
               appositive: re.Pattern[str] | None = None) -> Statement | None:
    """``Danmark sender våpen, opplyser forsvarsministeren.``: reported speech with the
    attribution after the clause and no quote dash (``…, sier sjefen for E-tjenesten,
    Nils Andreas Stensønes.`` with ``appositive``)."""
    text = ctx.article.text
    match = attribution.search(text[s_start:s_end])
    if match is None and appositive is not None:
        match = _person_named(ctx, appositive.search(text[s_start:s_end]), s_start)
    if match is None or match.start() < 8:
        return None
    speaker = _speaker_from_phrase(ctx, s_start + match.start("who"), s_start + match.end("who"))
    if speaker is None:
        return None
    content = _trim(text, s_start, s_start + match.start())
    return Statement(speaker, content, Span(s_start, s_end), "reported",
                     match.group("verb").lower(), (), "reported_postposed.v1")


def _anaphoric_after(ctx: _Context, sentences: list[Sentence], last: Sentence,
                     anaphoric: re.Pattern[str]) -> tuple[str, str] | None:
    """``– Russland vil ikke lykkes.`` followed by ``Det sa Stoltenberg til VG.``"""
    at = bisect.bisect_right([s.span.start for s in sentences], last.span.end) if len(
        sentences) < 2000 else None
    if at is None or at >= len(sentences):
        return None
    following = sentences[at]
    text = ctx.article.text
    said = anaphoric.match(text[following.span.start : following.span.end])
    if said is None:
        return None
    start = following.span.start
    who = _speaker_from_phrase(ctx, start + said.start("who"), start + said.end("who"))
    return (who, said.group("verb").lower()) if who else None
