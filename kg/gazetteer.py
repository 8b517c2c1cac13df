"""Gazetteer: known entities with Norwegian surface forms and Wikidata IDs.

Built from the versioned data files in ``kg/data/linking`` (countries from CLDR and
ISO 3166, hand-made aliases, organisations, parties, persons). Only QIDs whose status
is ``verified`` or ``likely`` are attached; the others stay unlinked.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.model import EntityType

__all__ = ["Gazetteer", "GazetteerEntry", "data_dir", "genitive", "load_gazetteer"]

_LINKABLE = ("verified", "likely")


def data_dir() -> Path:
    return Path(str(resources.files("kg"))) / "data"


def genitive(name: str) -> str:
    """Norwegian genitive: ``Norges``, ``Natos``, but ``Belarus'``."""
    return name + "'" if name[-1:] in "sxz" else name + "s"


@dataclass
class GazetteerEntry:
    label_nb: str
    type: EntityType
    label_en: str | None = None
    qid: str | None = None
    surfaces: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)  # "russerne": group references
    demonyms: set[str] = field(default_factory=set)  # "russisk": adjectives, not mentions
    metonym: bool = False

    @property
    def key(self) -> str:
        return f"{self.type.value}:{self.label_nb}"


@dataclass
class Gazetteer:
    entries: list[GazetteerEntry]
    parties: dict[str, GazetteerEntry]  # abbreviation as printed -> party organisation
    positions: dict[str, str]  # Norwegian title -> English label

    def surface_index(self) -> dict[str, GazetteerEntry]:
        """Every surface form (and its genitive) to its entry; longer forms win at match time."""
        index: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for surface in entry.surfaces:
                index.setdefault(surface, entry)
                index.setdefault(genitive(surface), entry)
        return index

    def group_index(self) -> dict[str, GazetteerEntry]:
        return {g: e for e in self.entries for g in e.groups}

    def demonym_index(self) -> dict[str, GazetteerEntry]:
        """Adjective stems (``russisk``) to countries; inflected forms add ``-e``."""
        index: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for adj in entry.demonyms:
                index[adj] = entry
                index[adj + "e"] = entry
        return index

    def by_qid(self, qid: str) -> GazetteerEntry | None:
        for entry in self.entries:
            if entry.qid == qid:
                return entry
        return None

    def find(self, label: str, type_: EntityType | None = None) -> GazetteerEntry | None:
        for entry in self.entries:
            if (label == entry.label_nb or label in entry.surfaces) and (
                type_ is None or entry.type == type_
            ):
                return entry
        return None


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _qid(raw: str | None, status: str | None) -> str | None:
    raw = (raw or "").strip()
    if not raw or not (status or "").startswith(_LINKABLE):
        return None
    return raw.rsplit("/", 1)[-1]


@lru_cache(maxsize=4)
def load_gazetteer(language: str = "nb", directory: str | None = None) -> Gazetteer:
    """Load the gazetteer for ``language`` (only Bokmål data exists so far)."""
    if language not in ("nb", "no", "nob"):
        raise ValueError(f"no gazetteer for language {language!r}; supported: nb")
    base = Path(directory) if directory else data_dir() / "linking"
    entries: list[GazetteerEntry] = []
    by_qid: dict[str, GazetteerEntry] = {}

    def add(entry: GazetteerEntry) -> GazetteerEntry:
        if entry.qid and entry.qid in by_qid:
            existing = by_qid[entry.qid]
            existing.surfaces |= entry.surfaces
            return existing
        entries.append(entry)
        if entry.qid:
            by_qid[entry.qid] = entry
        return entry

    # a territory the upstream country table lacks (Kosovo) is the project's own addition
    countries = base / "countries-nb-extra.csv"
    for row in [*_rows(base / "countries-nb-wikidata.csv"),
                *(_rows(countries) if countries.exists() else [])]:
        label = row["label_nb_cldr"].strip()
        if not label:
            continue
        qid = row["wikidata_qid"].strip() or None
        add(GazetteerEntry(label, EntityType.COUNTRY, row["label_en_cldr"].strip(), qid, {label}))

    extra = base / "organisations-nb-extra.csv"  # the project's own additions
    for row in [*_rows(base / "organisations-nb.csv"), *(_rows(extra) if extra.exists() else [])]:
        surfaces = {row["label_nb"].strip()} | {
            a.strip() for a in row["aliases_nb"].split("|") if a.strip()
        }
        add(GazetteerEntry(row["label_nb"].strip(), EntityType.ORGANISATION,
                           row["label_en"].strip() or None,
                           _qid(row["wikidata_qid"], row["qid_status"]), surfaces))

    parties: dict[str, GazetteerEntry] = {}
    for row in _rows(base / "parties-no.csv"):
        entry = add(GazetteerEntry(row["name_nb"].strip(), EntityType.ORGANISATION, None,
                                   _qid(row["wikidata_qid"], row["qid_status"]),
                                   {row["name_nb"].strip()}))
        for abbrev in [row["abbrev_news"], *row["abbrev_variants"].split("|")]:
            if abbrev.strip():
                parties[abbrev.strip()] = entry

    positions: dict[str, str] = {}
    for row in _rows(base / "seed-entities.csv"):
        type_name = row["type"].strip()
        if type_name == "Position":
            positions[row["label_nb"].strip()] = row["label_en"].strip()
            continue
        type_ = EntityType(type_name)
        label = row["label_nb"].strip()
        qid = _qid(row["wikidata_qid"], row["qid_status"])
        existing = by_qid.get(qid) if qid else None
        if existing is None:
            found = [e for e in entries if e.type == type_ and label in e.surfaces]
            existing = found[0] if found else None
        if existing is not None:
            existing.surfaces.add(label)
            existing.label_en = existing.label_en or row["label_en"].strip()
            continue
        add(GazetteerEntry(label, type_, row["label_en"].strip() or None, qid, {label}))

    for name in ("aliases-nb.csv", "aliases-nb-extra.csv"):
        for row in _rows(base / name):
            surface, kind = row["surface_form"].strip(), row["kind"].strip()
            qid = _qid(row["target_qid"], row["qid_status"])
            target = by_qid.get(qid) if qid else None
            if kind in ("country_name", "org_acronym") and target is not None:
                target.surfaces.add(surface)
            elif kind == "group" and target is not None:
                target.groups.add(surface)
            elif kind == "demonym_adj" and target is not None:
                target.demonyms.add(surface)
            elif kind in ("place", "metonym_or_place", "metonym"):
                same = None if target is not None else next(
                    (e for e in entries if e.type is EntityType.PLACE and surface in e.surfaces),
                    None)
                if target is not None:
                    target.surfaces.add(surface)
                elif same is not None:  # a later list may say a known place also speaks
                    same.metonym = same.metonym or kind != "place"
                    same.qid = same.qid or qid
                else:
                    # "Kreml" is only ever the seat of power speaking or acting: a body, as
                    # annotators type it; "Moskva" is a city that sometimes speaks
                    add(GazetteerEntry(surface, EntityType.ORGANISATION if kind == "metonym"
                                       else EntityType.PLACE,
                                       row["target_label_en"].strip() or None, qid, {surface},
                                       metonym=kind != "place"))
    return Gazetteer(entries, parties, positions)
