"""Rebuild the fresh event gold set as `newsclaims eval` pairs from ../shared/corpora.

The gold files here hold article ids, character offsets and labels only (never the
publishers' text), like eval/fresh/. This script reads each article from the corpus file
named in its gold, writes ``NAME.txt`` (title, a blank line, then the text) and
``NAME.gold.json`` with each event's ``key`` cut from the text at its offsets and
``"score": ["events"]`` (only events are annotated), into OUT_DIR.

    python eval/fresh-events/materialize.py /tmp/fresh-events && newsclaims eval /tmp/fresh-events

Exit 2 with a one-line message when the corpora are missing or an article changed length.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "fresh_materialize", HERE.parent / "fresh" / "materialize.py"
)
assert _SPEC and _SPEC.loader
_FRESH = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_FRESH)


def materialize(out_dir: Path) -> int:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HERE.glob("*.gold.json"))]
    by_corpus: dict[str, set[str]] = {}
    for gold in golds:
        by_corpus.setdefault(gold["corpus"], set()).add(gold["id"])
    texts: dict[str, str] = {}
    for corpus, ids in by_corpus.items():
        texts.update(_FRESH.article_texts(corpus, ids))
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in golds:
        text = texts.get(gold["id"])
        if text is None or len(text) != gold["text_chars"]:
            raise ValueError(f"{gold['id']}: not found in {gold['corpus']} or its text changed")
        events = [
            {"key": text[item["start"] : item["end"]], **_FRESH._labels(item)}
            for item in gold["events"]
        ]
        pair = {
            "id": gold["id"],
            "headline": text.split("\n", 1)[0],
            "score": ["events"],
            "events": events,
        }
        (out_dir / f"{gold['id']}.txt").write_text(text, encoding="utf-8")
        (out_dir / f"{gold['id']}.gold.json").write_text(
            json.dumps(pair, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return len(golds)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python eval/fresh-events/materialize.py OUT_DIR")
    if not _FRESH.CORPORA.is_dir():
        print(f"error: corpora not found at {_FRESH.CORPORA}", file=sys.stderr)
        sys.exit(2)
    try:
        count = materialize(Path(sys.argv[1]))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(f"wrote {count} report pairs to {sys.argv[1]}")


if __name__ == "__main__":
    main()
