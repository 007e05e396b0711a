"""Re-score labelled items against a view drawn again with newer code.

A label stays valid for an item the view still shows with the same claim (``stays``);
an item shown at the same characters with another claim (``changed``: a new date,
place or source id) must be read again; an item no longer shown is ``gone``. Prints the
counts per label and the precision over the items that stay.

    newsclaims timeline --what people --status killed --format json --db S > points.json
    python bench/precision/rescore.py timeline bench/precision/labels/timeline-after.tsv \\
        points.json [--show changed|gone|stays]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from draw import claim_of, items_of, locations


def item_key(row: dict[str, str]) -> tuple[tuple[str, int, int], ...]:
    """(article id, start, end) of each claim a labelled row rests on."""
    articles = [part.strip() for part in row["article_id"].split("|")]
    spans = [part.strip() for part in row["item"].split("|")]
    return tuple(
        (article, int(span.split("-")[0]), int(span.split("-")[1]))
        for article, span in zip(articles, spans, strict=True)
    )


def state_of(view: str, row: dict[str, str], shown: dict[Any, list[str]]) -> tuple[str, list[str]]:
    """``stays``, ``changed`` or ``gone``, with the claims now shown there."""
    key = item_key(row)
    claims = shown.get(key, []) + (shown.get(key[::-1], []) if view == "contradictions" else [])
    if view == "contradictions":
        wanted = set(row["claim"].split("  VS  "))
        same = any(set(claim.split("  VS  ")) == wanted for claim in claims)
    else:
        same = row["claim"] in claims
    return ("stays" if same else "changed" if claims else "gone"), claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("view", choices=["timeline", "contradictions", "negotiation"])
    parser.add_argument("labels", type=Path)
    parser.add_argument("json_file", type=Path)
    parser.add_argument("--show", choices=["stays", "changed", "gone"])
    args = parser.parse_args()
    shown: dict[Any, list[str]] = {}
    for item in items_of(args.view, json.loads(args.json_file.read_text(encoding="utf-8"))):
        shown.setdefault(tuple(locations(args.view, item)), []).append(claim_of(args.view, item))
    counts: Counter[tuple[str, str]] = Counter()
    with args.labels.open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            state, claims = state_of(args.view, row, shown)
            counts[(row["label"], state)] += 1
            if state == args.show:
                print(f"{row['n']}\t{row['label']}\t{row['reason']}\t{row['claim']}\t-> {claims}")
    for (label, state), count in sorted(counts.items()):
        print(f"{label:6} {state:8} {count}")
    right, kept = (
        counts[("right", "stays")],
        counts[("right", "stays")] + counts[("wrong", "stays")],
    )
    print(
        f"precision over the items that stay: {right}/{kept}"
        + (f" = {right / kept:.2f}" if kept else "")
    )


if __name__ == "__main__":
    main()
