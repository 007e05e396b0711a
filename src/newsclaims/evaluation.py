"""Scoring predicted reports against gold files, exactly as ``shared/eval/README.md`` rules.

The scorer reads only the JSON fields of the scoring contract, so it scores any tool
that writes them (``--baseline textacy`` uses the same code). Pure functions; the CLI
runs the pipeline and prints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclaims.ingest.article import InputError

CATEGORIES = ("quotes", "attribution", "figures", "figure_values", "events")
_WHITESPACE = re.compile(r"\s+")
# The README's casualty states, each with the spellings that count as it.
CASUALTY_STATES: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "dead", "died"),
    "wounded": ("wounded", "injured"),
    "held": ("held",),
    "released": ("released",),
    "seized": ("seized", "abducted", "kidnapped", "taken captive", "captured"),
    "arrested": ("arrested", "detained"),
    "missing": ("missing",),
    "displaced": ("displaced",),
}
_STATE_OF_SPELLING = {
    spelling: state for state, spellings in CASUALTY_STATES.items() for spelling in spellings
}


def casualty_state(status: object) -> str | None:
    """The casualty state a status spelling counts as, or None for any other status.

    >>> casualty_state("Injured"), casualty_state("taken_captive"), casualty_state("fired")
    ('wounded', 'seized', None)
    """
    if not isinstance(status, str):
        return None
    return _STATE_OF_SPELLING.get(normalize(status.replace("_", " ")).lower())


def normalize(text: str) -> str:
    """Collapse runs of whitespace to one space (the README's text comparison)."""
    return _WHITESPACE.sub(" ", text).strip()


def normalize_alias(text: str) -> str:
    """Case-insensitive, whitespace-collapsed, without a leading ``the``."""
    lowered = normalize(text).lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


@dataclass
class Counts:
    """True positives, predictions and gold items of one category."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class StateCounts:
    """Gold figures with a casualty state, and how many of them got that state."""

    right: int = 0
    gold: int = 0

    def add(self, other: StateCounts) -> None:
        self.right += other.right
        self.gold += other.gold

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 0.0


@dataclass
class Scores:
    """Counts per category, for one article or summed over many."""

    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    casualty: StateCounts = field(default_factory=StateCounts)

    def add(self, other: Scores) -> None:
        for category in CATEGORIES:
            self.counts[category].add(other.counts[category])
        self.casualty.add(other.casualty)

    def summary_line(self) -> str:
        f1s = " ".join(f"{c}_f1={self.counts[c].f1:.3f}" for c in CATEGORIES)
        return f"{f1s} casualty_status_acc={self.casualty.accuracy:.3f}"

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {f"{c}_f1": round(self.counts[c].f1, 4) for c in CATEGORIES}
        result["casualty_status_acc"] = round(self.casualty.accuracy, 4)
        result["categories"] = {c: self.counts[c].as_dict() for c in CATEGORIES}
        result["casualty_status"] = {"right": self.casualty.right, "gold": self.casualty.gold}
        return result


def key_occurrences(text: str, key: str) -> list[tuple[int, int]]:
    """Every occurrence of ``key`` in ``text``, comparing with whitespace collapsed.

    Returns offsets into the original ``text``.
    """
    pattern = r"\s+".join(re.escape(word) for word in key.split())
    if not pattern:
        return []
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _covers(start: int, end: int, occurrence: tuple[int, int]) -> bool:
    return start <= occurrence[0] and occurrence[1] <= end


def _overlaps(start: int, end: int, occurrence: tuple[int, int]) -> bool:
    return start < occurrence[1] and occurrence[0] < end


def _span(item: dict[str, Any], field_name: str) -> tuple[int, int] | None:
    span = item.get(field_name) or {}
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def _match(
    predictions: list[dict[str, Any]],
    gold_items: list[dict[str, Any]],
    text: str,
    span_field: str,
    hit: Callable[[int, int, tuple[int, int]], bool],
    correct: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> tuple[int, int]:
    """Greedy matching under the once-only rule.

    Returns (detected, correct): predictions that locate some gold key (each gold item
    counted once; further predictions locating an already-counted key are ignored), and
    among those the ones that are also right by ``correct``. A prediction is paired
    with a gold item it is right about when it can be.
    """
    occurrences = [key_occurrences(text, gold["key"]) for gold in gold_items]
    detected_by: dict[int, int] = {}  # gold index -> prediction index
    right: set[int] = set()
    for p_index, prediction in enumerate(predictions):
        span = _span(prediction, span_field)
        if span is None:
            continue
        located = [
            g_index
            for g_index, occs in enumerate(occurrences)
            if any(hit(span[0], span[1], occ) for occ in occs)
        ]
        if not located:
            continue
        free_right = [g for g in located if g not in right and correct(prediction, gold_items[g])]
        if free_right:
            detected_by.setdefault(free_right[0], p_index)
            right.add(free_right[0])
            continue
        free = [g for g in located if g not in detected_by]
        if free:
            detected_by[free[0]] = p_index
    return len(detected_by), len(right)


def _false_positive_count(
    predictions: list[dict[str, Any]],
    gold_items: list[dict[str, Any]],
    text: str,
    span_field: str,
    hit: Callable[[int, int, tuple[int, int]], bool],
) -> int:
    """Predictions that locate no gold key at all (the only ones counted as wrong)."""
    occurrences = [occ for gold in gold_items for occ in key_occurrences(text, gold["key"])]
    count = 0
    for prediction in predictions:
        span = _span(prediction, span_field)
        if span is None or not any(hit(span[0], span[1], occ) for occ in occurrences):
            count += 1
    return count


def _alias_equal(value: str | None, aliases: Iterable[str]) -> bool:
    if not value:
        return False
    wanted = normalize_alias(value)
    return any(wanted == normalize_alias(alias) for alias in aliases)


def _speaker_right(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    speaker = prediction.get("speaker") or {}
    aliases = gold.get("speaker") or []
    return _alias_equal(speaker.get("text"), aliases) or _alias_equal(
        speaker.get("canonical"), aliases
    )


def _same_number(predicted: Any, gold: Any) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    try:
        return float(predicted) == float(gold)
    except (TypeError, ValueError):
        return False


def _source_right(predicted_source: Any, gold_source: list[str] | None) -> bool:
    if gold_source is None:
        return predicted_source is None
    if not isinstance(predicted_source, dict) or not predicted_source.get("text"):
        return False
    text = normalize_alias(predicted_source["text"])
    for alias in gold_source:
        alias_norm = normalize_alias(alias)
        if text == alias_norm or alias_norm in text or text in alias_norm:
            return True
    return False


def _figure_right(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    return (
        _same_number(prediction.get("value"), gold.get("value"))
        and prediction.get("qualifier") == gold.get("qualifier")
        and _source_right(prediction.get("source"), gold.get("source"))
    )


def _event_right(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    code = str(prediction.get("code") or "")
    if not any(code.startswith(root) for root in gold.get("root") or []):
        return False
    actor = prediction.get("source_actor") or {}
    gold_actor = gold.get("actor") or ""
    actor_code = actor.get("code") or ""
    return bool(gold_actor) and (
        actor_code.startswith(gold_actor) or _alias_equal(actor.get("name"), [gold_actor])
    )


def _always(_prediction: dict[str, Any], _gold: dict[str, Any]) -> bool:
    return True


def casualty_status_counts(
    predictions: list[dict[str, Any]], gold_items: list[dict[str, Any]], text: str
) -> StateCounts:
    """The README's casualty status rule over one article's figures.

    Over gold figures whose status is a casualty state: right when the first predicted
    figure overlapping an occurrence of the key has the same state; none overlapping is wrong.
    """
    counts = StateCounts()
    for gold in gold_items:
        wanted = casualty_state(gold.get("status"))
        if wanted is None:
            continue
        counts.gold += 1
        occurrences = key_occurrences(text, gold["key"])
        for prediction in predictions:
            span = _span(prediction, "span")
            if span and any(_overlaps(span[0], span[1], occ) for occ in occurrences):
                counts.right += casualty_state(prediction.get("status")) == wanted
                break
    return counts


def score_report(prediction: dict[str, Any], gold: dict[str, Any], text: str) -> Scores:
    """Score one predicted report (the JSON of ``analyze``) against one gold file."""
    scores = Scores()
    scored = set(gold.get("score") or ("quotes", "figures", "events"))
    sections = {
        # category -> (prediction list, gold list, span field, hit rule, correctness rule)
        "quotes": ("quotes", "content", _covers, _always),
        "attribution": ("quotes", "content", _covers, _speaker_right),
        "figures": ("figures", "span", _overlaps, _always),
        "figure_values": ("figures", "span", _overlaps, _figure_right),
        "events": ("events", "span", _overlaps, _event_right),
    }
    for category, (section, span_field, hit, correct) in sections.items():
        if section not in scored:
            continue
        predictions = list(prediction.get(section) or [])
        gold_items = list(gold.get(section) or [])
        detected, right = _match(predictions, gold_items, text, span_field, hit, correct)
        wrong_place = _false_positive_count(predictions, gold_items, text, span_field, hit)
        true_positives = right if correct is not _always else detected
        counts = scores.counts[category]
        counts.tp = true_positives
        counts.gold = len(gold_items)
        # Predicted items: those that locate a counted gold key, plus false positives.
        counts.predicted = detected + wrong_place
    if "figures" in scored:
        scores.casualty = casualty_status_counts(
            list(prediction.get("figures") or []), list(gold.get("figures") or []), text
        )
    return scores


@dataclass(frozen=True)
class GoldPair:
    """One ``NAME.txt`` and its ``NAME.gold.json``."""

    name: str
    text_path: Path
    gold_path: Path


def gold_pairs(directory: Path) -> Iterator[GoldPair]:
    """Every text/gold pair in ``directory``, sorted by name."""
    for gold_path in sorted(directory.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        text_path = gold_path.with_name(f"{name}.txt")
        if text_path.exists():
            yield GoldPair(name, text_path, gold_path)


def load_gold(pair: GoldPair) -> dict[str, Any]:
    """Read and check one gold file; a malformed one is an InputError naming it."""
    try:
        data = json.loads(pair.gold_path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{pair.gold_path}: malformed gold JSON ({error})") from None
    if not isinstance(data, dict):
        raise InputError(f"{pair.gold_path}: gold must be a JSON object")
    for section in ("quotes", "figures", "events"):
        items = data.get(section) or []
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("key"), str) for item in items
        ):
            raise InputError(f"{pair.gold_path}: every item of '{section}' needs a 'key' string")
    return data


@dataclass
class ArticleResult:
    """The scores of one article, and a note when the tool failed on it."""

    name: str
    scores: Scores
    note: str | None = None


@dataclass
class EvalResult:
    """Scores per article and summed over the folder."""

    tool: str
    articles: list[ArticleResult] = field(default_factory=list)
    total: Scores = field(default_factory=Scores)

    def as_dict(self) -> dict[str, Any]:
        result = {"tool": self.tool, "articles": len(self.articles), **self.total.as_dict()}
        result["per_article"] = {
            article.name: {
                **{f"{c}_f1": round(article.scores.counts[c].f1, 4) for c in CATEGORIES},
                "casualty_status_acc": round(article.scores.casualty.accuracy, 4),
                **({"note": article.note} if article.note else {}),
            }
            for article in self.articles
        }
        return result

    def print(self, console: Any, verbose: bool = False) -> None:
        from rich.table import Table

        table = Table(title=f"{self.tool} on {len(self.articles)} articles")
        for column in ("category", "tp", "predicted", "gold", "precision", "recall", "F1"):
            table.add_column(column, justify="right" if column != "category" else "left")
        for category in CATEGORIES:
            counts = self.total.counts[category]
            table.add_row(
                category, str(counts.tp), str(counts.predicted), str(counts.gold),
                f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
            )  # fmt: skip
        console.print(table)
        casualty = self.total.casualty
        console.print(
            f"casualty_status_acc {casualty.accuracy:.3f} "
            f"({casualty.right} of {casualty.gold} gold figures with a casualty state)"
        )
        for article in self.articles:
            if verbose:
                console.print(f"  {article.name}: {article.scores.summary_line()}")
            if article.note:
                console.print(f"  [yellow]{article.name}: {article.note}[/]")


def run_eval(directory: Path, baseline: str | None = None, model: str | None = None) -> EvalResult:
    """Run newsclaims (or a baseline) on every pair in ``directory`` and score it.

    The gold file is read only after the prediction is made.
    """
    from newsclaims.ingest.readers import read_article

    predict = _baseline_predictor(baseline, model) if baseline else _newsclaims_predictor(model)
    result = EvalResult(tool=baseline or "newsclaims")
    for pair in gold_pairs(directory):
        article = read_article(pair.text_path)
        note = None
        try:
            prediction = predict(article.text, article)
        except Exception as error:  # a baseline that raises scores nothing on that file
            if baseline is None:
                raise
            prediction, note = {}, f"{baseline} raised {type(error).__name__}: {error}"
        scores = score_report(prediction, load_gold(pair), article.text)
        result.articles.append(ArticleResult(pair.name, scores, note))
        result.total.add(scores)
    return result


def _newsclaims_predictor(model: str | None) -> Callable[[str, Any], dict[str, Any]]:
    from newsclaims.pipeline import analyze_article

    def predict(_text: str, article: Any) -> dict[str, Any]:
        return analyze_article(article, model).model_dump(mode="json")

    return predict


def _baseline_predictor(name: str, model: str | None) -> Callable[[str, Any], dict[str, Any]]:
    if name != "textacy":
        raise ValueError(f"unknown baseline {name!r}")
    try:
        from textacy.extract import triples
    except ImportError as error:
        raise InputError("textacy is not installed (pip install 'newsclaims[baseline]')") from error
    from newsclaims.nlp import parse

    def predict(text: str, _article: Any) -> dict[str, Any]:
        doc = parse(text, model)
        quotes = []
        for speaker, cue, content in triples.direct_quotations(doc):
            speaker_text = " ".join(token.text for token in speaker)
            quotes.append(
                {
                    "content": {"start": content.start_char, "end": content.end_char},
                    "speaker": {"text": speaker_text, "canonical": None},
                    "cue": {"text": " ".join(token.text for token in cue)},
                    "kind": "direct",
                }
            )
        return {"quotes": quotes, "figures": [], "events": []}

    return predict
