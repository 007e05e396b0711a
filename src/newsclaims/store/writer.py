"""Writing reports: one transaction per batch, skipping texts already stored.

An article is known by the SHA-256 of its text, so writing the same text twice stores it
once. Each new article joins the story of its nearest near-duplicate (or starts one);
an item that an earlier version of its story already holds is stored with ``is_copy``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from newsclaims.model import ActorRef, Report, Span
from newsclaims.resolve.dates import parse_day
from newsclaims.resolve.places import country_name
from newsclaims.store.connect import is_lock_timeout, lock_for_writing
from newsclaims.store.schema import (
    actors,
    articles,
    events,
    figures,
    in_chunks,
    mentions,
    quotes,
    stories,
)
from newsclaims.store.stories import StoryLinker, signature, signature_bytes

ClaimKey = tuple[Any, ...]
WRITE_ATTEMPTS = 5  # a batch that found the store locked past busy_timeout is retried
RETRY_PAUSE_S = 1.0


def content_hash(text: str) -> str:
    """The SHA-256 of the text, in hex: the identity of an article in the store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def known_hashes(connection: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` are already stored."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for chunk in in_chunks(wanted):
        query = sa.select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
        found.update(connection.scalars(query))
    return found


@dataclass
class BatchResult:
    """What one batch did: articles stored (of which joined an existing story), skipped."""

    stored: int = 0
    versions: int = 0
    skipped: int = 0


class ReportWriter:
    """Writes batches of reports into a store, linking near-duplicates into stories.

    Safe beside other writers (a second ingest into the same store): each batch holds
    the store's write lock for its transaction, so which texts are stored and which
    stories exist cannot change between checking and writing, and the story index is
    brought up to date with the other writers' articles first. A batch that waited past
    the lock timeout is tried again.
    """

    def __init__(self, engine: Engine, attempts: int = WRITE_ATTEMPTS) -> None:
        self.engine = engine
        self.linker = StoryLinker()
        self.attempts = attempts

    def write(self, reports: Sequence[Report]) -> BatchResult:
        """Store ``reports`` in one transaction (all of the batch or none of it)."""
        for attempt in range(1, self.attempts + 1):
            try:
                with self.engine.begin() as connection:
                    lock_for_writing(connection)
                    return _Batch(connection, self.linker).write(reports)
            except OperationalError as error:
                self.linker.forget()  # it may hold articles of the rolled-back batch
                if attempt == self.attempts or not is_lock_timeout(error):
                    raise
                time.sleep(RETRY_PAUSE_S * attempt)
            except BaseException:
                self.linker.forget()
                raise
        raise AssertionError("unreachable")  # pragma: no cover


def actor_key(ref: ActorRef) -> str:
    """One actor across articles: a state by its code, anyone else by kind and name."""
    if ref.kind == "country" and ref.code:
        return f"country:{ref.code.casefold()}"
    return f"{ref.kind or 'other'}:{actor_name(ref).casefold()}"


def actor_name(ref: ActorRef) -> str:
    """The name an actor is shown by: a state's everyday name, else its fullest name."""
    if ref.kind == "country" and ref.code and len(ref.code) == 3:
        return country_name(ref.code)
    return " ".join(ref.name.split())


class _Batch:
    def __init__(self, connection: Connection, linker: StoryLinker) -> None:
        self.connection = connection
        self.linker = linker
        self.claims: dict[int, set[ClaimKey]] = {}  # story pk -> claims its versions hold
        self.rows: dict[sa.Table, list[dict[str, Any]]] = {
            table: [] for table in (mentions, quotes, figures, events)
        }

    def write(self, reports: Sequence[Report]) -> BatchResult:
        result = BatchResult()
        self.linker.load(self.connection)
        seen = known_hashes(self.connection, (content_hash(r.text) for r in reports))
        fresh: list[tuple[str, Report]] = []
        for report in reports:
            digest = content_hash(report.text)
            if digest in seen:
                result.skipped += 1
                continue
            seen.add(digest)
            fresh.append((digest, report))
        actor_pks = self._actor_pks(report for _, report in fresh)
        for digest, report in fresh:
            joined = self._write_article(digest, report, actor_pks)
            if joined is None:  # stored meanwhile by another writer
                result.skipped += 1
                continue
            result.stored += 1
            result.versions += joined
        for table, rows in self.rows.items():
            if rows:
                self.connection.execute(table.insert(), rows)
        return result

    def _write_article(self, digest: str, report: Report, actor_pks: dict[str, int]) -> bool | None:
        """Insert one article and queue its items; whether it joined an existing story
        (``None``: another writer stored the same text first, nothing written)."""
        minhash = signature(report.text)
        match = self.linker.match(minhash) if minhash is not None else None
        report_day = parse_day(report.date)
        if match is not None:
            story_pk = match.story_pk
            stored_versions = self.connection.scalar(
                sa.select(sa.func.count()).where(articles.c.story_pk == story_pk)
            )
            version = 1 + (stored_versions or 0)
        else:
            story_pk = self.connection.execute(
                stories.insert().returning(stories.c.pk),
                {"headline": report.headline, "first_date": report_day},
            ).scalar_one()
            version = 1
            self.claims[story_pk] = set()  # a new story: no earlier version holds anything
        article_pk = self.connection.execute(
            _insert_new_article(self.connection).returning(articles.c.pk),
            {
                "article_id": report.id,
                "content_hash": digest,
                "story_pk": story_pk,
                "version": version,
                "similarity": match.similarity if match else None,
                "headline": report.headline,
                "date": report_day,
                "publisher": report.publisher,
                "url": report.url,
                "source_path": report.source_path,
                "dateline": report.dateline,
                "agency": report.agency,
                "text": report.text,
                "report_json": report.model_dump_json(
                    exclude={"text"}, exclude_computed_fields=True
                ),
                "minhash": signature_bytes(minhash) if minhash is not None else None,
                "ingested_at": datetime.now(UTC),
            },
        ).scalar_one_or_none()
        if article_pk is None:
            if match is None:  # the story made for it above holds nothing
                self.connection.execute(stories.delete().where(stories.c.pk == story_pk))
                del self.claims[story_pk]
            return None
        if minhash is not None:
            self.linker.add(article_pk, story_pk, minhash)
        self._queue_items(report, article_pk, story_pk, report_day, actor_pks)
        return match is not None

    def _queue_items(
        self,
        report: Report,
        article_pk: int,
        story_pk: int,
        report_day: date | None,
        actor_pks: dict[str, int],
    ) -> None:
        held = self._story_claims(story_pk)
        new_claims: set[ClaimKey] = set()
        common = {"article_pk": article_pk, "story_pk": story_pk}
        for table, row in item_rows(report, report_day, actor_pks):
            key = claim_key(table, row)
            row.update(common, is_copy=key in held)
            new_claims.add(key)
            self.rows[table].append(row)
        for entity in report.entities:
            if entity.actor is not None:
                self.rows[mentions].append(
                    {
                        "article_pk": article_pk,
                        "actor_pk": actor_pks[actor_key(entity.actor)],
                        "span_start": entity.start,
                        "span_end": entity.end,
                        "span_text": entity.text,
                        "label": entity.label,
                    }
                )
        held |= new_claims

    def _story_claims(self, story_pk: int) -> set[ClaimKey]:
        """The claims stored versions of a story hold (loaded once per batch and story)."""
        if story_pk not in self.claims:
            held: set[ClaimKey] = set()
            for table in (quotes, figures, events):
                query = sa.select(*_claim_columns(table)).where(table.c.story_pk == story_pk)
                held.update(
                    claim_key(table, dict(row._mapping)) for row in self.connection.execute(query)
                )
            self.claims[story_pk] = held
        return self.claims[story_pk]

    def _actor_pks(self, reports: Iterable[Report]) -> dict[str, int]:
        """Every actor the reports name, inserted if new: key -> primary key."""
        wanted: dict[str, dict[str, Any]] = {}
        for report in reports:
            for ref in _actor_refs(report):
                wanted.setdefault(actor_key(ref), _actor_row(ref))
        pks = self._existing_actors(wanted)
        missing = [row for key, row in wanted.items() if key not in pks]
        if missing:
            self.connection.execute(_insert_ignoring_conflicts(self.connection), missing)
            pks.update(self._existing_actors({row["key"]: row for row in missing}))
        return pks

    def _existing_actors(self, wanted: dict[str, Any]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in in_chunks(list(wanted)):
            query = sa.select(actors.c.key, actors.c.pk).where(actors.c.key.in_(chunk))
            found.update({key: pk for key, pk in self.connection.execute(query)})
        return found


def item_rows(
    report: Report, report_day: date | None, actor_pks: dict[str, int]
) -> Iterator[tuple[sa.Table, dict[str, Any]]]:
    """The quote, figure and event rows of a report (without article and story)."""

    def actor_pk(ref: ActorRef | None) -> int | None:
        return actor_pks[actor_key(ref)] if ref is not None else None

    for quote in report.quotes:
        yield quotes, {
            "item_id": quote.id, "span_start": quote.content.start,
            "span_end": quote.content.end, "span_text": quote.content.text,
            "date": report_day, "kind": quote.kind,
            "speaker_text": quote.speaker.text if quote.speaker else None,
            "speaker_pk": actor_pk(quote.speaker),
            "speaker_name": actor_name(quote.speaker) if quote.speaker else None,
            "speaker_code": quote.speaker.code if quote.speaker else None,
            "cue": quote.cue.text if quote.cue else None,
            "cue_lemma": quote.cue.lemma if quote.cue else None,
            "in_headline": quote.in_headline,
            **_sentence_columns(quote.sentence),
        }  # fmt: skip
    for figure in report.figures:
        place = figure.place
        yield figures, {
            "item_id": figure.id, "span_start": figure.span.start,
            "span_end": figure.span.end, "span_text": figure.span.text,
            "date": parse_day(figure.claim_date) or report_day,
            "value": figure.value, "qualifier": figure.qualifier,
            "low": figure.low, "high": figure.high,
            "what": _folded(figure.what), "status": _folded(figure.status),
            "where_text": figure.where,
            "place": place, "place_key": place.casefold() if place else None,
            "place_basis": figure.place_basis, "when_text": figure.when, "scope": figure.scope,
            "source_text": figure.source.text if figure.source else None,
            "source_pk": actor_pk(figure.source),
            "source_name": actor_name(figure.source) if figure.source else None,
            "source_id": figure.source_id, "quantity": figure.quantity, "side": figure.side,
            "background": figure.background,
            "quote_item_id": figure.quote_id,
            **_sentence_columns(figure.sentence),
        }  # fmt: skip
    for event in report.events:
        target = event.target_actor
        yield events, {
            "item_id": event.id, "span_start": event.span.start,
            "span_end": event.span.end, "span_text": event.span.text,
            # history with no day of its own stays undated, not dated to the report
            "date": parse_day(event.claim_date) or (None if event.background else report_day),
            "background": event.background,
            "code": event.code, "root": event.code[:2], "label": event.label,
            "source_text": event.source_actor.text, "source_pk": actor_pk(event.source_actor),
            "source_code": event.source_actor.code,
            "source_name": actor_name(event.source_actor),
            "target_text": target.text if target else None, "target_pk": actor_pk(target),
            "target_code": target.code if target else None,
            "target_name": actor_name(target) if target else None,
            "place": event.place, "negated": event.negated,
            "reported_by": event.reported_by.text if event.reported_by else None,
            **_sentence_columns(event.sentence),
        }  # fmt: skip


def _sentence_columns(sentence: Span | None) -> dict[str, int | None]:
    return {
        "sentence_start": sentence.start if sentence else None,
        "sentence_end": sentence.end if sentence else None,
    }


# What makes two items the same claim, per table: the columns compared between versions.
# A figure's place as written, not as inferred: an update that shifts what the article is
# mostly about must not make an unchanged claim new.
_CLAIM_COLUMNS = {
    "quotes": ("span_text", "speaker_name", "kind"),
    "figures": (
        "value",
        "qualifier",
        "low",
        "high",
        "what",
        "status",
        "where_text",
        "scope",
        "source_name",
    ),
    "events": ("code", "source_name", "target_name", "span_text", "negated"),
}


def _claim_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [table.c[name] for name in _CLAIM_COLUMNS[table.name]]


def claim_key(table: sa.Table, row: dict[str, Any]) -> ClaimKey:
    """What an item claims, comparable across versions of a story (spacing ignored)."""
    values = (row[name] for name in _CLAIM_COLUMNS[table.name])
    return (table.name, *(" ".join(v.split()) if isinstance(v, str) else v for v in values))


def _folded(value: str | None) -> str | None:
    return " ".join(value.split()).casefold() if value and value.strip() else None


def _actor_refs(report: Report) -> Iterator[ActorRef]:
    for entity in report.entities:
        if entity.actor is not None:
            yield entity.actor
    for quote in report.quotes:
        if quote.speaker is not None:
            yield quote.speaker
    for figure in report.figures:
        if figure.source is not None:
            yield figure.source
    for event in report.events:
        yield event.source_actor
        if event.target_actor is not None:
            yield event.target_actor


def _actor_row(ref: ActorRef) -> dict[str, Any]:
    return {
        "key": actor_key(ref),
        "name": actor_name(ref),
        "code": ref.code,
        "kind": ref.kind,
        "country": ref.country,
    }


def _insert_new_article(connection: Connection) -> Any:
    """INSERT of an article that does nothing when its text is stored already."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(articles).on_conflict_do_nothing(index_elements=["content_hash"])


def _insert_ignoring_conflicts(connection: Connection) -> Any:
    """INSERT that leaves an actor another writer stored meanwhile as it is."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(actors).on_conflict_do_nothing(index_elements=["key"])
