"""Which labelled items a view still shows after a change, and the precision among them.

A label holds for an item the view still shows with the same claim (same article, same
characters, same statement of the claim). An item shown with another claim needs a new
label; an item no longer shown has left the view. Items the view shows now that were not
in the sample are not labelled: a fresh sample is needed to measure them.

    python bench/precision/still_shown.py timeline labels/timeline-fresh.tsv points.json
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from draw import claim_of, items_of, locations


def shown_claims(view: str, data: object) -> dict[tuple[str, str], str]:
    """(article ids, item offsets) -> claim, as the labels file writes them."""
    found = {}
    for item in items_of(view, data):
        where = locations(view, item)
        key = (
            " | ".join(article_id for article_id, _, _ in where),
            " | ".join(f"{start}-{end}" for _, start, end in where),
        )
        found[key] = claim_of(view, item)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("view", choices=["timeline", "contradictions", "negotiation"])
    parser.add_argument("labels", type=Path)
    parser.add_argument("json_file", type=Path)
    args = parser.parse_args()
    shown = shown_claims(args.view, json.loads(args.json_file.read_text("utf-8")))
    with args.labels.open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file, delimiter="\t") if row["label"]]
    kept = {"right": 0, "wrong": 0}
    gone = {"right": 0, "wrong": 0}
    changed = 0
    for row in rows:
        claim = shown.get((row["article_id"], row["item"]))
        label = row["label"].strip()
        if claim is None:
            gone[label] = gone.get(label, 0) + 1
        elif claim != row["claim"]:
            changed += 1
        else:
            kept[label] = kept.get(label, 0) + 1
    labelled = kept["right"] + kept["wrong"]
    precision = kept["right"] / labelled if labelled else 0.0
    print(
        f"{args.labels.name}: {len(rows)} labelled; still shown as labelled {labelled} "
        f"({kept['right']} right, precision {precision:.2f}); shown with another claim "
        f"{changed}; gone {gone['right'] + gone['wrong']} ({gone['right']} right, "
        f"{gone['wrong']} wrong)"
    )


if __name__ == "__main__":
    main()
