"""Precision of the views from hand labels: right / labelled, with a 95% Wilson interval.

python bench/precision/score.py bench/precision/labels/*.tsv
"""

from __future__ import annotations

import csv
import math
import sys
from collections import Counter
from pathlib import Path

Z = 1.96  # 95%


def wilson(right: int, total: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if total == 0:
        return 0.0, 0.0
    share = right / total
    centre = share + Z * Z / (2 * total)
    margin = Z * math.sqrt(share * (1 - share) / total + Z * Z / (4 * total * total))
    scale = 1 + Z * Z / total
    return max(0.0, (centre - margin) / scale), min(1.0, (centre + margin) / scale)


def main(paths: list[str]) -> None:
    print("| labels | n | right | precision | 95% interval | commonest reasons when wrong |")
    print("|---|---:|---:|---:|---|---|")
    for path in paths:
        with open(path, encoding="utf-8") as file:
            rows = [row for row in csv.DictReader(file, delimiter="\t") if row["label"]]
        right = sum(row["label"].strip() == "right" for row in rows)
        low, high = wilson(right, len(rows))
        reasons = Counter(
            row["reason"].split(":")[0].strip() for row in rows if row["label"] != "right"
        )
        common = "; ".join(f"{reason} {count}" for reason, count in reasons.most_common(4))
        precision = right / len(rows) if rows else 0.0
        print(f"| {Path(path).stem} | {len(rows)} | {right} | {precision:.2f} | "
              f"{low:.2f}–{high:.2f} | {common} |")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
