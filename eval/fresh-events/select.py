"""Draw the fresh event gold sample from ../shared/corpora (reproducible: fixed seeds).

Run from the repository root: ``python eval/fresh-events/select.py`` prints the first draw
(eight reports); ``python eval/fresh-events/select.py 20261129 2 1 1`` the second (seed, then
how many Al Jazeera, Nexis and Reuters reports), which also skips the first draw's reports.
The ids drawn were annotated by hand for events (see README.md here) before the tool was run
on them. Candidates are political or conflict reports of a length one person can annotate
closely; the dev reports and the reports already in eval/fresh/ are excluded. Reuters-21578 is
mostly business wire, so its candidates must carry no commodity/market topic.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261130
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / ".." / "shared" / "corpora"
DRAW = {  # corpus file -> (how many, min chars, max chars)
    "aljazeera-2017-2024.jsonl.gz": (3, 800, 2400),
    "nexis-gaza-4papers.jsonl.gz": (3, 800, 2600),
    "reuters21578.jsonl.gz": (2, 300, 1400),
}
DEV_IDS = {"aljazeera-2763", "aljazeera-2131", "nexis-208", "nexis-379"}
DEV_REUTERS_TITLES = {
    "iraq says it repels iranian attack",
    "lebanese president agrees new peace moves",
    "three killed in south africa zinc refinery clash",
}
POLITICAL = re.compile(
    r"\b(troops|guerrillas?|rebels?|army|soldiers|war|attack(ed|s)?|clash(es)?|bomb(ing)?|"
    r"shelling|police|gunmen|militia|talks|minister|president|government|sanctions?|"
    r"protest(ers|s)?|ceasefire|truce)\b",
    re.I,
)


def fresh_ids() -> set[str]:
    """Ids already annotated in eval/fresh/ (quotes and figures gold)."""
    return {
        json.loads(p.read_text(encoding="utf-8"))["id"]
        for p in (ROOT / "fresh").glob("*.gold.json")
    }


def candidates(name: str, low: int, high: int, skip: set[str]) -> list[dict[str, str]]:
    out = []
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            if row["id"] in skip or not (low <= len(text) <= high):
                continue
            if len(POLITICAL.findall(text)) < 3:
                continue
            title = (row.get("title") or "").lower()
            if name.startswith("reuters") and (row.get("topics") or title in DEV_REUTERS_TITLES):
                continue
            out.append(row)
    return out


def draw(seed: int, counts: list[int], skip: set[str]) -> list[tuple[str, dict[str, str], int]]:
    """(corpus file, row, pool size) for each report drawn with ``seed``."""
    rng = random.Random(seed)
    drawn = []
    for (name, (_, low, high)), count in zip(DRAW.items(), counts, strict=True):
        pool = candidates(name, low, high, skip)
        drawn.extend((name, row, len(pool)) for row in rng.sample(pool, count))
    return drawn


def main(argv: list[str]) -> None:
    skip = DEV_IDS | fresh_ids()
    first = draw(SEED, [count for count, _, _ in DRAW.values()], skip)
    if argv:
        # A later draw skips the first draw's reports too (computed, so that it does not
        # depend on which gold files this folder holds by then).
        skip |= {row["id"] for _, row, _ in first}
        drawn = draw(int(argv[0]), [int(n) for n in argv[1:4]], skip)
    else:
        drawn = first
    for name, row, pool in drawn:
        print(name, row["id"], len(row["text"]), row.get("title"), f"(pool {pool})")


if __name__ == "__main__":
    main(sys.argv[1:])
