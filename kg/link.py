"""Linking: extraction-local entity keys -> stable entity identities with Wikidata QIDs.

One real entity gets one slug across all articles: gazetteer entities by their
canonical label, others by their normalised name. Only gazetteer entries whose QID is
``verified`` or ``likely`` carry a Wikidata link.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.model import EntityLink, Extraction, LinkedExtraction
from kg.read import slugify

__all__ = ["link"]


def link(extraction: Extraction, *, gazetteer: Gazetteer) -> LinkedExtraction:
    """Attach an :class:`EntityLink` to every entity of the extraction.

    >>> from kg.model import Article, Entity, EntityType, Extraction
    >>> from kg.gazetteer import load_gazetteer
    >>> e = Extraction(Article("a", "t", "2022", "x"), (Entity("Country:Norge", EntityType.COUNTRY,
    ...     "Norge", ()),), (), (), "v")
    >>> link(e, gazetteer=load_gazetteer()).links["Country:Norge"].wikidata
    'Q20'
    """
    links: dict[str, EntityLink] = {}
    for entity in extraction.entities:
        entry = gazetteer.find(entity.name, entity.type)
        if entry is not None:
            links[entity.key] = EntityLink(entity.key, entry.type, entry.label_nb, entry.label_en,
                                           entry.qid, slugify(entry.label_nb))
        else:
            links[entity.key] = EntityLink(entity.key, entity.type, entity.name, None, None,
                                           slugify(entity.name))
    return LinkedExtraction(extraction, links)
