"""Scoring event coding against a PLOVER-rooted sentence set (``shared/eval/events-plv-dev``).

The set is a TSV of news sentences, each row one gold PLOVER root with its source and
target mentions; a sentence may repeat on several rows and is scored once. Each sentence
runs through the normal pipeline (``nlp.pipe`` batches, every extractor); its events'
CAMEO roots are mapped onto PLOVER roots (``01`` statements map to none) and compared
with the gold root, exactly as that set's README says:

* precision: predicted roots equal to the gold root / all predicted roots (a set per
  sentence, so one root counts once however many events carry it);
* recall: sentences whose predicted roots include the gold root / sentences;
* macro-F1: the mean, over gold roots, of each root's F1;
* coverage: share of sentences with at least one mapped event;
* source agreement: share of correct roots whose event's source text overlaps (one
  contains the other, case-folded) a gold ``source`` mention.

The scoring functions are pure; :func:`run_plover_eval` runs the pipeline.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsclaims.evaluation import Counts
from newsclaims.ingest.article import InputError
from newsclaims.model import Event, Report

if TYPE_CHECKING:
    from rich.console import Console

# The README's table: CAMEO root -> PLOVER root ("01" maps to none).
CAMEO_TO_PLOVER: dict[str, str] = {
    "02": "REQUEST",
    "10": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "YIELD",
    "09": "ACCUSE",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
REQUIRED_COLUMNS = ("sentence", "gold_root", "source", "target")


def plover_root(code: str) -> str | None:
    """The PLOVER root of a CAMEO code, or ``None`` for public statements.

    >>> plover_root("0874"), plover_root("112"), plover_root("010")
    ('YIELD', 'ACCUSE', None)
    """
    return CAMEO_TO_PLOVER.get(code[:2])


@dataclass
class GoldSentence:
    """One distinct sentence: its gold root and every gold source / target mention."""

    text: str
    root: str
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def read_plover_tsv(path: Path) -> list[GoldSentence]:
    """The distinct sentences of a PLOVER TSV, in first-seen order.

    Raises :class:`InputError` when the file is missing, unreadable or lacks a column.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: not a PLOVER TSV (no column {', '.join(missing)})")
            return _distinct(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{path}: cannot read ({error})") from error


def _distinct(rows: Iterable[dict[str, str]]) -> list[GoldSentence]:
    by_text: dict[str, GoldSentence] = {}
    for row in rows:
        text = (row.get("sentence") or "").strip()
        root = (row.get("gold_root") or "").strip().upper()
        if not text or not root:
            continue
        gold = by_text.setdefault(text, GoldSentence(text=text, root=root))
        for mention, found in (
            (row.get("source"), gold.sources),
            (row.get("target"), gold.targets),
        ):
            if mention and mention.strip() and mention.strip() not in found:
                found.append(mention.strip())
    return list(by_text.values())


def predicted_roots(events: Iterable[Event]) -> dict[str, list[Event]]:
    """The PLOVER roots of ``events``, each with the events that carry it."""
    roots: dict[str, list[Event]] = {}
    for event in events:
        root = plover_root(event.code)
        if root is not None:
            roots.setdefault(root, []).append(event)
    return roots


def overlaps(first: str, second: str) -> bool:
    """One text contains the other, case-folded (the README's source agreement).

    >>> overlaps("Iranian Foreign Minister Zarif", "zarif"), overlaps("Iran", "Iraq")
    (True, False)
    """
    a, b = first.casefold().strip(), second.casefold().strip()
    return bool(a and b) and (a in b or b in a)


@dataclass
class SentenceResult:
    """What was predicted for one gold sentence."""

    gold: GoldSentence
    roots: dict[str, list[Event]]

    @property
    def correct(self) -> bool:
        return self.gold.root in self.roots

    @property
    def source_agrees(self) -> bool:
        return self.correct and any(
            overlaps(event.source_actor.text, mention)
            for event in self.roots[self.gold.root]
            for mention in self.gold.sources
        )


@dataclass
class PloverScores:
    """The README's numbers over a whole set."""

    results: list[SentenceResult] = field(default_factory=list)

    def add(self, result: SentenceResult) -> None:
        self.results.append(result)

    @property
    def sentences(self) -> int:
        return len(self.results)

    @property
    def predicted(self) -> int:
        return sum(len(r.roots) for r in self.results)

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.results)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.sentences if self.sentences else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def coverage(self) -> float:
        covered = sum(bool(r.roots) for r in self.results)
        return covered / self.sentences if self.sentences else 0.0

    @property
    def source_agreement(self) -> float:
        agreeing = sum(r.source_agrees for r in self.results)
        return agreeing / self.correct if self.correct else 0.0

    def per_root(self) -> dict[str, Counts]:
        """Counts per root that is gold somewhere, sorted by name; predicted-only roots too."""
        table: dict[str, Counts] = {}
        for result in self.results:
            table.setdefault(result.gold.root, Counts()).gold += 1
            for root in result.roots:
                counts = table.setdefault(root, Counts())
                counts.predicted += 1
                counts.tp += root == result.gold.root
        return dict(sorted(table.items()))

    @property
    def macro_f1(self) -> float:
        gold_roots = [counts for counts in self.per_root().values() if counts.gold]
        return sum(c.f1 for c in gold_roots) / len(gold_roots) if gold_roots else 0.0

    def summary_line(self) -> str:
        """The last line the CLI prints: ``key=value`` pairs."""
        return (
            f"plv_precision={self.precision:.4f} plv_recall={self.recall:.4f} "
            f"plv_f1={self.f1:.4f} plv_macro_f1={self.macro_f1:.4f} "
            f"plv_coverage={self.coverage:.4f} plv_source_agreement={self.source_agreement:.4f} "
            f"sentences={self.sentences}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            "predicted_roots": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "coverage": round(self.coverage, 4),
            "source_agreement": round(self.source_agreement, 4),
            "per_root": {
                root: {
                    "support": c.gold,
                    "predicted": c.predicted,
                    "tp": c.tp,
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                }
                for root, c in self.per_root().items()
            },
        }


def score(gold: list[GoldSentence], reports: Iterable[Report]) -> PloverScores:
    """Score one report per gold sentence, in the same order."""
    scores = PloverScores()
    for sentence, report in zip(gold, reports, strict=True):
        scores.add(SentenceResult(sentence, predicted_roots(report.events)))
    return scores


def analyze_sentences(gold: list[GoldSentence], model: str | None = None) -> Iterator[Report]:
    """Each sentence through the normal pipeline, parsed in ``nlp.pipe`` batches."""
    from newsclaims.ingest.readers import text_article
    from newsclaims.pipeline import analyze_stream

    articles = (text_article(sentence.text) for sentence in gold)
    return analyze_stream(articles, model=model, batch_size=64)


def run_plover_eval(path: Path, model: str | None = None) -> PloverScores:
    """Read ``path``, analyze every distinct sentence and score the events."""
    gold = read_plover_tsv(path)
    if not gold:
        raise InputError(f"{path}: no rows with a sentence and a gold_root")
    return score(gold, analyze_sentences(gold, model))


def print_scores(scores: PloverScores, console: Console) -> None:
    """The totals, then one row per root (support = sentences with that gold root)."""
    from rich.table import Table

    console.print(
        f"{scores.sentences} sentences: precision {scores.precision:.3f}  "
        f"recall {scores.recall:.3f}  F1 {scores.f1:.3f}  macro-F1 {scores.macro_f1:.3f}  "
        f"coverage {scores.coverage:.3f}  source agreement {scores.source_agreement:.3f}"
    )
    table = Table("root", "support", "predicted", "correct", "precision", "recall", "F1")
    for root, counts in scores.per_root().items():
        table.add_row(
            root,
            str(counts.gold),
            str(counts.predicted),
            str(counts.tp),
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
        )
    console.print(table)
