"""Draw the fresh gold sample from ../shared/corpora (reproducible: fixed seed).

Run from the repository root: ``python eval/fresh/select.py``. It prints the ids drawn, which
were then annotated by hand (see README.md here). Candidates are conflict reports with at least
one quotation mark and one casualty word, of a length one person can annotate closely; the dev
set's reports are excluded. Reuters-21578 is mostly business wire, so its candidates must also
carry a conflict word and no commodity/market topic.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

SEED = 20261129
CORPORA = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora"
DRAW = {  # corpus file -> (how many, min chars, max chars)
    "aljazeera-2017-2024.jsonl.gz": (4, 1200, 3200),
    "nexis-gaza-4papers.jsonl.gz": (3, 1200, 4000),
    "reuters21578.jsonl.gz": (4, 400, 2200),
}
DEV_IDS = {"aljazeera-2763", "aljazeera-2131", "nexis-208", "nexis-379"}
CASUALTY = re.compile(
    r"\b(killed|dead|died|wounded|injured|hostages?|captives?|detained|arrested|missing|"
    r"displaced|kidnapped|abducted|casualties|death toll)\b",
    re.I,
)
CONFLICT = re.compile(
    r"\b(troops|guerrillas?|rebels?|army|soldiers|war|attack|clash(es)?|bomb|shelling|"
    r"police|gunmen|militia)\b",
    re.I,
)
QUOTE = re.compile(r"[\"“”]")
DEV_REUTERS_TITLES = {
    "iraq says it repels iranian attack",
    "lebanese president agrees new peace moves",
    "three killed in south africa zinc refinery clash",
}


def candidates(name: str, low: int, high: int) -> list[dict[str, str]]:
    out = []
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            if row["id"] in DEV_IDS or not (low <= len(text) <= high):
                continue
            if not (QUOTE.search(text) and CASUALTY.search(text)):
                continue
            if name.startswith("reuters"):
                if row.get("topics") or not CONFLICT.search(text):
                    continue
                if (row.get("title") or "").lower() in DEV_REUTERS_TITLES:
                    continue
            out.append(row)
    return out


def main() -> None:
    rng = random.Random(SEED)
    for name, (count, low, high) in DRAW.items():
        pool = candidates(name, low, high)
        for row in rng.sample(pool, count):
            print(name, row["id"], len(row["text"]), row.get("title"), f"(pool {len(pool)})")


if __name__ == "__main__":
    main()
