"""Rebuild the fresh gold set as `newsclaims eval` pairs from ../shared/corpora.

The gold files here hold article ids, character offsets and labels only (never the
publishers' text). This script reads each article from the corpus file named in its gold,
writes ``NAME.txt`` (title, a blank line, then the text: the same layout as eval/dev) and
``NAME.gold.json`` with each item's ``key`` cut from the text at its offsets, into OUT_DIR.

    python eval/fresh/materialize.py /tmp/fresh && newsclaims eval /tmp/fresh

Exit 2 with a one-line message when the corpora are missing or an article changed length.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The shared material: $NEWSCLAIMS_SHARED (as for the tests), else ../shared.
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", HERE.parents[1].parent / "shared"))
CORPORA = SHARED / "corpora"


def article_texts(corpus: str, ids: set[str]) -> dict[str, str]:
    """Return {id: title + blank line + text} for the wanted ids of one corpus file."""
    found: dict[str, str] = {}
    with gzip.open(CORPORA / corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                found[row["id"]] = f"{row.get('title') or ''}\n\n{row['text']}"
    return found


def materialize(
    out_dir: Path,
    gold_dir: Path = HERE,
    categories: tuple[str, ...] = ("quotes", "figures"),
    scored: list[str] | None = None,
) -> int:
    """Write the pairs of the gold files in ``gold_dir`` (their ``categories``; ``scored``:
    the gold's ``score`` list, the only categories a set annotates) into ``out_dir``."""
    golds = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.gold.json"))
    ]
    by_corpus: dict[str, set[str]] = {}
    for gold in golds:
        by_corpus.setdefault(gold["corpus"], set()).add(gold["id"])
    texts: dict[str, str] = {}
    for corpus, ids in by_corpus.items():
        texts.update(article_texts(corpus, ids))
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in golds:
        text = texts.get(gold["id"])
        if text is None or len(text) != gold["text_chars"]:
            raise ValueError(f"{gold['id']}: not found in {gold['corpus']} or its text changed")
        items = {
            category: [
                {"key": text[item["start"] : item["end"]], **_labels(item)}
                for item in gold[category]
            ]
            for category in categories
        }
        pair = {
            "id": gold["id"],
            "headline": text.split("\n", 1)[0],
            **({"score": scored} if scored else {}),
            **items,
        }
        (out_dir / f"{gold['id']}.txt").write_text(text, encoding="utf-8")
        (out_dir / f"{gold['id']}.gold.json").write_text(
            json.dumps(pair, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return len(golds)


def _labels(item: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in item.items() if k not in ("start", "end")}


def main(
    gold_dir: Path = HERE,
    categories: tuple[str, ...] = ("quotes", "figures"),
    scored: list[str] | None = None,
) -> None:
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {Path(*gold_dir.parts[-2:])}/materialize.py OUT_DIR")
    if not CORPORA.is_dir():
        print(f"error: corpora not found at {CORPORA}", file=sys.stderr)
        sys.exit(2)
    try:
        count = materialize(Path(sys.argv[1]), gold_dir, categories, scored)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(f"wrote {count} report pairs to {sys.argv[1]}")


if __name__ == "__main__":
    main()
