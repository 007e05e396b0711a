"""Draw a random sample of a view's items for labelling by hand.

Reads the JSON a view prints (``timeline --format json``, ``contradictions --format
json``, ``negotiation --format json``), draws ``--n`` items with a fixed ``--seed``, and
writes two files:

- ``--sheet`` (keep it out of the repository: it quotes the articles): each item with the
  text around it, for the labeller to read;
- ``--labels`` (committed): article id, item (character offsets), the claim as the tool
  states it, and empty ``label`` (right/wrong) and ``reason`` columns to fill in.

Example:

    newsclaims timeline --what people --status killed --format json --db S > points.json
    python bench/precision/draw.py timeline points.json --db S --n 150 --seed 1 \\
        --sheet /tmp/points.md --labels bench/precision/labels/timeline-after.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
from pathlib import Path
from typing import Any

CONTEXT = 300  # characters either side of an item on the labelling sheet


def items_of(view: str, data: Any) -> list[dict[str, Any]]:
    """The items of a view's JSON: points, pairs, or moves (flattened over actors)."""
    if view == "negotiation":
        return [move | {"actor": actor} for actor, moves in data.items() for move in moves]
    return list(data)


def claim_of(view: str, item: dict[str, Any]) -> str:
    """The claim as the tool states it (our output, no article text)."""
    if view == "timeline":
        return _figure_claim(item)
    if view == "contradictions":
        a, b = (_side_claim(item[side]) for side in ("a", "b"))
        return f"{a}  VS  {b}"
    return f"{item['actor']}: {item['move']} (counterpart: {item.get('counterpart')})"


def _side_claim(point: dict[str, Any]) -> str:
    """A claim of a pair; in a counter-claim (``--sides``) with the side telling it and
    the side whose losses it counts."""
    if "victims" not in point:
        return _figure_claim(point)
    return f"[{point['country']} on {point['victims']} losses] {_figure_claim(point)}"


def _figure_claim(point: dict[str, Any]) -> str:
    number = point.get("value") or point.get("low") or point.get("high")
    counted = point.get("quantity") or point.get("what")
    source = point.get("source_id") or point.get("source_name") or point.get("source")
    return (
        f"{point['qualifier']} {number} {counted} {point.get('status')} in {point.get('where')} "
        f"({point.get('where_basis')}) on {point.get('date')} scope={point.get('scope')} "
        f"source={source}"
    )


def locations(view: str, item: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(article id, start, end) of each claim an item rests on."""
    if view == "contradictions":
        return [locations("timeline", item[side])[0] for side in ("a", "b")]
    return [(item["article_id"], item["span"]["start"], item["span"]["end"])]


def excluded_articles(paths: list[Path]) -> set[str]:
    """Article ids to leave out of a draw: those of earlier label files (``.tsv``, column
    ``article_id``) and of id lists (one id per line), so a sample after a change reads
    articles no one labelled or wrote rules from."""
    ids: set[str] = set()
    for path in paths:
        if path.suffix == ".tsv":
            with path.open(encoding="utf-8") as rows:
                for row in csv.DictReader(rows, delimiter="\t"):
                    ids.update(part.strip() for part in row["article_id"].split("|"))
        else:
            ids.update(line.strip() for line in path.read_text("utf-8").splitlines() if line)
    return ids


def labelled_claims(paths: list[Path]) -> dict[tuple[Any, ...], str]:
    """The label of every item the label files hold, by (where, claim): an item shown
    again with the same claim at the same characters is labelled already (a later file's
    label wins)."""
    found: dict[tuple[Any, ...], str] = {}
    for path in paths:
        with path.open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows, delimiter="\t"):
                articles = [part.strip() for part in row["article_id"].split("|")]
                spans = [part.strip().split("-") for part in row["item"].split("|")]
                where = tuple(
                    (article, int(start), int(end))
                    for article, (start, end) in zip(articles, spans, strict=True)
                )
                found[(where, row["claim"])] = row["label"]
    return found


def article_text(db: Path, article_id: str) -> tuple[str, str]:
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT text, coalesce(headline, '') FROM articles WHERE article_id = ? "
            "ORDER BY pk DESC LIMIT 1",
            (article_id,),
        ).fetchone()
    return (row[0], row[1]) if row else ("", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("view", choices=["timeline", "contradictions", "negotiation"])
    parser.add_argument("json_file", type=Path)
    parser.add_argument("--db", type=Path, required=True, help="the SQLite store")
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--sheet", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument(
        "--exclude", type=Path, nargs="*", default=[],
        help="label files (.tsv) or id lists whose articles the draw leaves out",
    )  # fmt: skip
    parser.add_argument(
        "--unlabelled", type=Path, nargs="*", default=[],
        help="label files (.tsv): leave out the items they already label with the same claim "
        "(a census of what is left: the same articles, other items)",
    )  # fmt: skip
    args = parser.parse_args()
    items = items_of(args.view, json.loads(args.json_file.read_text("utf-8")))
    left_out = excluded_articles(args.exclude)
    labelled = labelled_claims(args.unlabelled)
    items = [
        item
        for item in items
        if not any(article_id in left_out for article_id, _, _ in locations(args.view, item))
        and (tuple(locations(args.view, item)), claim_of(args.view, item)) not in labelled
    ]
    sample = random.Random(args.seed).sample(items, min(args.n, len(items)))
    if not sample:
        raise SystemExit(f"no {args.view} items left to draw")
    sheet, rows = [], []
    for number, item in enumerate(sample, 1):
        claim = claim_of(args.view, item)
        where = locations(args.view, item)
        sheet.append(f"## {number}. {claim}")
        for article_id, start, end in where:
            text, headline = article_text(args.db, article_id)
            left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
            context = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
            sheet.append(f"article {article_id} — headline: {headline}\n\n{context}\n")
        rows.append({
            "n": number,
            "article_id": " | ".join(article_id for article_id, _, _ in where),
            "item": " | ".join(f"{start}-{end}" for _, start, end in where),
            "claim": claim, "label": "", "reason": "",
        })  # fmt: skip
    args.sheet.write_text("\n".join(sheet), "utf-8")
    with args.labels.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(sample)} of {len(items)} {args.view} items drawn")


if __name__ == "__main__":
    main()
