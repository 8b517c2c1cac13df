"""A small SPARQL tokenizer for the checks that must run before a query or update reaches the
store: SERVICE only to allow-listed endpoints, no LOAD, and the update dataset of the protocol
(``using-graph-uri``/``using-named-graph-uri``) turned into ``USING`` clauses.

Tokens, not regular expressions over the raw text: comments, strings and IRIs are skipped
as units, keywords match in any case, prefixed names and relative IRIs are resolved against
the prologue, so ``SERVICE`` cannot hide behind a comment, a string, a prefix or odd case.

>>> [t.value for t in tokens('SELECT * { ?s ?p "SERVICE" } # SERVICE')]
['SELECT', '*', '{', '?s', '?p', '"SERVICE"', '}']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from kg.errors import QueryError

__all__ = ["Token", "add_using", "cap_solutions", "check_safety", "has_query_dataset",
           "has_update_dataset", "tokens"]

_PN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D" \
      r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
_TOKEN = re.compile(rf"""
 (?P<ws>\s+)
|(?P<comment>\#[^\n\r]*)
|(?P<iri><[^<>"{{}}|^`\x00-\x20]*>)
|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
            |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
|(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]*)
|(?P<pname>(?:[{_PN}][\w.\-\u00B7{_PN}]*)?:(?:[\w\-.:%\\\u00B7{_PN}]|%[0-9A-Fa-f]{{2}})*)
|(?P<word>[A-Za-z_][\w\-]*)
|(?P<other>.)
""", re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str  # iri, string, var, pname, word, other
    value: str
    start: int

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.value.upper() in words


def tokens(text: str) -> list[Token]:
    """Significant tokens of a query or update (whitespace and comments dropped)."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        out.append(Token(kind, match.group(), match.start()))
    return out


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), value)


class _Prologue:
    """PREFIX and BASE declarations seen so far (they may recur between update operations)."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.prefixes: dict[str, str] = {}

    def feed(self, toks: Sequence[Token], i: int) -> int:
        """Consume a declaration at ``i`` if there is one; the index after it."""
        tok = toks[i]
        if tok.is_word("BASE") and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            self.base = self.iri(toks[i + 1].value)
            return i + 2
        if (tok.is_word("PREFIX") and i + 2 < len(toks) and toks[i + 1].kind == "pname"
                and toks[i + 2].kind == "iri"):
            self.prefixes[toks[i + 1].value[:-1]] = self.iri(toks[i + 2].value)
            return i + 3
        return i

    def iri(self, iriref: str) -> str:
        value = _unescape(iriref[1:-1])
        return urljoin(self.base, value) if self.base else value

    def expand(self, tok: Token) -> str | None:
        if tok.kind == "iri":
            return self.iri(tok.value)
        if tok.kind == "pname":
            prefix, _, local = tok.value.rstrip(".").partition(":")
            if prefix in self.prefixes:
                return self.prefixes[prefix] + local.replace("\\", "")
        return None


def check_safety(text: str, allowlist: str, *, base_iri: str | None = None) -> None:
    """Refuse ``SERVICE`` outside the allow-list (or with a variable endpoint) and ``LOAD``.

    Allow-list entries are IRI prefixes; the endpoint IRI is resolved (prefixed names, BASE,
    relative IRIs, ``\\u`` escapes) before it is compared."""
    allowed = [prefix.strip() for prefix in allowlist.split(",") if prefix.strip()]
    toks = tokens(text)
    prologue = _Prologue(base_iri)
    i = 0
    while i < len(toks):
        after = prologue.feed(toks, i)
        if after != i:
            i = after
            continue
        tok = toks[i]
        if tok.is_word("LOAD"):
            raise QueryError("LOAD is not allowed on this server: the server never fetches "
                             "data from the network; send the data with the Graph Store "
                             "Protocol (/store) instead")
        if tok.is_word("SERVICE"):
            j = i + 1
            if j < len(toks) and toks[j].is_word("SILENT"):
                j += 1
            target = toks[j] if j < len(toks) else None
            if target is None or target.kind == "var":
                raise QueryError("SERVICE with a variable endpoint is not allowed")
            endpoint = prologue.expand(target)
            if endpoint is None:
                raise QueryError(f"SERVICE {target.value}: cannot resolve the endpoint IRI")
            if not any(endpoint.startswith(prefix) for prefix in allowed):
                raise QueryError(f"SERVICE <{endpoint}> is not allowed on this server "
                                 "(see the service_allowlist setting)")
        i += 1


def has_query_dataset(text: str) -> bool:
    """Whether a query names its own dataset with ``FROM`` or ``FROM NAMED``."""
    return any(tok.is_word("FROM") for tok in tokens(text))


def has_update_dataset(text: str) -> bool:
    """Whether an update names its own dataset with ``USING`` or ``WITH``."""
    return any(tok.is_word("USING", "WITH") for tok in tokens(text))


_INTEGER = re.compile(r"\s*([0-9]+)")


def cap_solutions(text: str, limit: int) -> str:
    """A SELECT query whose top-level ``LIMIT`` is at most ``limit``, so the store stops
    after the rows the server will send (other query forms are returned unchanged).

    >>> cap_solutions("SELECT * { ?s ?p ?o } # all", 11)
    'SELECT * { ?s ?p ?o } LIMIT 11 # all'
    >>> cap_solutions("SELECT * { ?s ?p ?o } LIMIT 5", 11)
    'SELECT * { ?s ?p ?o } LIMIT 5'
    >>> cap_solutions("SELECT * { ?s ?p ?o } LIMIT 50 VALUES ?s { <a> }", 11)
    'SELECT * { ?s ?p ?o } LIMIT 11 VALUES ?s { <a> }'
    """
    toks = tokens(text)
    i = 0
    braces = parens = 0
    while i < len(toks) and not toks[i].is_word("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
        i += 1
    if i == len(toks) or not toks[i].is_word("SELECT"):
        return text
    end_of_where = None
    for j in range(i + 1, len(toks)):
        tok = toks[j]
        if tok.kind != "other":
            continue
        if tok.value == "(":
            parens += 1
        elif tok.value == ")":
            parens -= 1
        elif tok.value == "{" and parens == 0:
            braces += 1
        elif tok.value == "}" and parens == 0:
            braces -= 1
            if braces == 0:
                end_of_where = j
                break
    if end_of_where is None:
        return text
    insert_at = len(toks)
    depth = 0  # HAVING may hold EXISTS { ... }
    for j in range(end_of_where + 1, len(toks)):
        tok = toks[j]
        if tok.kind == "other" and tok.value in "({":
            depth += 1
        elif tok.kind == "other" and tok.value in ")}":
            depth -= 1
        if depth:
            continue
        if tok.is_word("VALUES"):
            insert_at = j
            break
        if tok.is_word("LIMIT"):
            after = tok.start + len(tok.value)
            number = _INTEGER.match(text, after)
            if number is None:
                return text
            if int(number.group(1)) <= limit:
                return text
            return text[:number.start(1)] + str(limit) + text[number.end(1):]
    last = toks[insert_at - 1]
    position = last.start + len(last.value)
    return f"{text[:position]} LIMIT {limit}{text[position:]}"


def add_using(text: str, graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """The update with ``USING``/``USING NAMED`` clauses for the protocol's
    ``using-graph-uri``/``using-named-graph-uri`` before every operation's ``WHERE``.

    >>> add_using("INSERT { ?s a ?t } WHERE { ?s a ?t }", ["http://g"], [])
    'INSERT { ?s a ?t } USING <http://g> WHERE { ?s a ?t }'
    """
    if has_update_dataset(text):
        raise QueryError("the update names its dataset with USING or WITH and the request "
                         "also gives using-graph-uri/using-named-graph-uri: give only one")
    clause = " ".join([f"USING <{g}>" for g in graphs] +
                      [f"USING NAMED <{g}>" for g in named_graphs]) + " "
    for iri in (*graphs, *named_graphs):
        if not iri or any(c in iri for c in '<>"{}|^`\\ \t\r\n'):
            raise QueryError(f"invalid graph IRI: {iri!r}")
    toks = tokens(text)
    depth = 0
    inserts = []
    for i, tok in enumerate(toks):
        if tok.kind == "other" and tok.value == "{":
            depth += 1
        elif tok.kind == "other" and tok.value == "}":
            depth -= 1
        elif depth == 0 and tok.is_word("WHERE"):
            if i > 0 and toks[i - 1].is_word("DELETE"):
                raise QueryError("DELETE WHERE { ... } cannot take using-graph-uri or "
                                 "using-named-graph-uri; write DELETE { ... } WHERE { ... }")
            inserts.append(tok.start)
    for position in reversed(inserts):
        text = text[:position] + clause + text[position:]
    return text
