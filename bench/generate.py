"""Seeded generator of synthetic Bokmål news articles in kg's JSON Lines input format.

The articles vary templates (deployments with ranges and durations, withdrawals claimed
and disputed, build-ups, exercises, feared attacks, negated and hypothetical sendings),
speakers (invented persons with titles and parties, organisations, countries), speech
verbs in both word orders, number words and digits. Usage:

    python -m bench.generate 1000 > articles.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator

COUNTRIES = ["Norge", "Sverige", "Danmark", "Finland", "Tyskland", "Frankrike", "Polen",
             "Estland", "Latvia", "Litauen", "Storbritannia", "USA", "Canada", "Nederland",
             "Belgia", "Spania", "Italia", "Romania", "Ungarn", "Tsjekkia", "Slovakia",
             "Island", "Portugal", "Hellas", "Tyrkia", "Ukraina", "Russland", "Belarus",
             "Georgia", "Moldova"]
HOSTILE = ["Russland", "Belarus"]
ORGS = ["Nato", "EU", "FN", "OSSE"]
FIRST = ["Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Marit", "Jon", "Silje", "Erik",
         "Hanne", "Knut", "Tone", "Geir", "Liv", "Trond", "Randi", "Bjørn", "Hilde", "Arne"]
LAST = ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Lund", "Strand",
        "Solberg", "Moen", "Dahl", "Lie"]
TITLES = ["forsvarsminister", "utenriksminister", "statsminister", "generalsekretær",
          "forsvarssjef", "ambassadør"]
PARTIES = ["Ap", "H", "Sp", "SV", "FrP", "KrF", "V"]
VERBS_PRESENT = ["sier", "mener", "understreker", "påpeker", "opplyser", "forklarer"]
VERBS_PAST = ["sa", "mente", "understreket", "påpekte", "opplyste", "forklarte"]
UNITS = ["en tropp med soldater", "et kompani", "en bataljon", "jagerfly", "en fregatt",
         "spesialstyrker", "instruktører"]
NUMBER_WORDS = {20: "tjue", 30: "tretti", 40: "førti", 50: "femti", 60: "seksti"}
DURATIONS = ["i tre måneder", "i seks måneder", "i to uker", "i ett år", "i fire måneder"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
TOPICS = ["sikkerhetssituasjonen", "samarbeidet i alliansen", "forsvarsbudsjettet",
          "den spente situasjonen", "beredskapen i nord", "støtten til Ukraina"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _number_phrase(rng: random.Random) -> str:
    kind = rng.randrange(4)
    low = rng.choice([20, 30, 40, 50, 60, 100, 150, 200, 300, 500])
    if kind == 0:
        return f"mellom {low} og {low + rng.choice([10, 20, 50, 100])} soldater"
    if kind == 1:
        return f"rundt {low} soldater"
    if kind == 2:
        return f"opptil {low * 10:,}".replace(",", " ") + " soldater"
    return f"{NUMBER_WORDS.get(low, str(low))} soldater"


def _paragraphs(rng: random.Random) -> Iterator[str]:
    agent = rng.choice([c for c in COUNTRIES if c not in HOSTILE])
    dest = rng.choice([c for c in COUNTRIES if c not in (agent, *HOSTILE)])
    hostile = rng.choice(HOSTILE)
    minister, chief = _person(rng), _person(rng)
    title = rng.choice(TITLES[:3])
    party = rng.choice(PARTIES)
    day = rng.choice(WEEKDAYS)
    yield (f"{agent} sender {rng.choice(UNITS)} til {dest}. Styrken, som er på "
           f"{_number_phrase(rng)}, skal være der {rng.choice(DURATIONS)}.")
    yield (f"– Vi tar situasjonen på største alvor, {rng.choice(VERBS_PAST)} {title} "
           f"{minister} ({party}) {day}.")
    yield (f"{minister.split()[1]} {rng.choice(VERBS_PRESENT)} at {agent} vil bidra til "
           f"{rng.choice(TOPICS)}.")
    if rng.random() < 0.6:
        yield (f"{hostile} hevder at styrkene trekkes tilbake fra grensen. "
               f"{rng.choice(ORGS)} har ikke sett tegn til tilbaketrekning.")
    if rng.random() < 0.5:
        yield (f"– Vi ser en fortsatt militær opptrapping ved grensen, sier "
               f"{rng.choice(ORGS)}s {rng.choice(TITLES[3:5])} {chief}.")
    if rng.random() < 0.4:
        yield f"Han {rng.choice(VERBS_PAST)} at et angrep kan være nært forestående."
    if rng.random() < 0.4:
        other = rng.choice([c for c in COUNTRIES if c not in (agent, dest, *HOSTILE)])
        yield f"{other} vil ikke sende soldater til {dest}, opplyser regjeringen."
    if rng.random() < 0.3:
        yield f"Ifølge {rng.choice(ORGS)} kan {hostile} komme til å angripe på kort varsel."
    if rng.random() < 0.3:
        yield f"Det sier seg selv at {rng.choice(TOPICS)} er viktig for alle parter."


def articles(count: int, seed: int = 42) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for number in range(count):
        year, month, day = 2021 + number % 4, 1 + number % 12, 1 + number % 28
        body = "\n\n".join(_paragraphs(rng))
        yield {"id": f"synthetic-{seed}-{number:07d}", "published": f"{year}-{month:02d}-{day:02d}",
               "publisher": "Syntetisk", "language": "nb", "title": f"Syntetisk sak {number}",
               "text": body}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    out = sys.stdout
    for article in articles(count, seed):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
