"""A view's precision over all its items, from every label file that labels them.

Where a view shows few items (the negotiation view's default shows 70 moves on all 4,732
Al Jazeera and Nexis articles), a sample is most of the view: this reads every label
file, keeps the labels of items the view still shows with the same claim at the same
characters, and reports precision over the labelled items, per label file, and how many
items no file labels yet (``draw.py --unlabelled`` draws those for a reader).

    newsclaims negotiation --format json --db S > moves.json
    python bench/precision/census.py negotiation moves.json bench/precision/labels/negotiation-*.tsv
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from draw import claim_of, items_of, labelled_claims, locations
from score import wilson


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("view", choices=["timeline", "contradictions", "negotiation"])
    parser.add_argument("json_file", type=Path)
    parser.add_argument("labels", type=Path, nargs="+")
    args = parser.parse_args()
    items = items_of(args.view, json.loads(args.json_file.read_text(encoding="utf-8")))
    labels: dict[object, tuple[str, str]] = {}
    for path in args.labels:  # a later file's label of the same claim wins
        for item, label in labelled_claims([path]).items():
            labels[item] = (label, path.stem)
    found = [labels.get((tuple(locations(args.view, item)), claim_of(args.view, item)))
             for item in items]  # fmt: skip
    per_file: Counter[tuple[str, str]] = Counter(
        (source, label) for label, source in filter(None, found)
    )
    for (source, label), count in sorted(per_file.items()):
        print(f"{source:40} {label:6} {count}")
    right = sum(1 for entry in found if entry and entry[0] == "right")
    labelled = sum(1 for entry in found if entry)
    low, high = wilson(right, labelled)
    print(f"{len(items)} items, {labelled} labelled, {len(items) - labelled} not yet")
    if labelled:
        print(f"precision over the labelled: {right}/{labelled} = {right / labelled:.2f} "
              f"({low:.2f}-{high:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
