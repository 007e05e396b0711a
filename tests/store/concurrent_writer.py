"""A second process for the concurrency tests: writes prepared reports into a store.

Usage: python concurrent_writer.py DB_URL FIRST(a|b) BATCH_SIZE [STORIES]

Every story has two texts, ``a`` and its edited copy ``b``; the writer writes all of
one kind first, then all of the other. Two writers started with ``a`` and ``b`` each
store half of every story at the same time (so linking a copy needs the other process's
article), then race to write the same texts.
Prints one JSON line: what its ReportWriter stored, linked and skipped.
"""

from __future__ import annotations

import json
import random
import sys

from newsclaims.model import Report
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter

VOCABULARY_TEXT = (
    "officials town river homes flooded night families streets school engineers bridge rescue "
    "teams boats fields dawn spokeswoman council rain week road coast closed minister talks "
    "army border village market prices fuel strike workers union wages court judge ruling "
    "appeal police crowd square protest election vote ballot count mayor harbour ship cargo "
    "storm winds power lines hospital doctors patients clinic water supply farmers harvest "
    "wheat exports port trade deal summit leaders treaty signed ceasefire truce aid convoy"
)


def story_text(number: int, edited: bool) -> str:
    """A report of 80 words drawn for story ``number`` (so stories differ, and over 50
    words, so near-duplicates are linked); ``edited``: one word changed, a near-duplicate
    of the same story."""
    draw = random.Random(number)
    vocabulary = VOCABULARY_TEXT.split()
    words = [draw.choice(vocabulary) for _ in range(80)]
    if edited:
        words[40] = "amended"
    return f"Story {number}: " + " ".join(words) + "."


def prepared_reports(stories: int, first: str) -> list[Report]:
    kinds = (False, True) if first == "a" else (True, False)
    return [
        Report(id=f"s{n}-{'b' if edited else 'a'}", text=story_text(n, edited), date="2024-03-01")
        for edited in kinds
        for n in range(stories)
    ]


def main() -> None:
    url, first, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    reports = prepared_reports(int(sys.argv[4]) if len(sys.argv) > 4 else 30, first)
    engine = open_store(url)
    writer = ReportWriter(engine)
    totals = {"stored": 0, "versions": 0, "skipped": 0}
    for start in range(0, len(reports), batch_size):
        result = writer.write(reports[start : start + batch_size])
        totals["stored"] += result.stored
        totals["versions"] += result.versions
        totals["skipped"] += result.skipped
    engine.dispose()
    sys.stdout.write(json.dumps(totals) + "\n")


if __name__ == "__main__":
    main()
