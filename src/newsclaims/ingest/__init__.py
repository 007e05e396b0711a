"""Readers: turn files, folders, JSON records, HTML pages and stdin into Articles."""

from newsclaims.ingest.article import Article, InputError
from newsclaims.ingest.readers import iter_articles, read_article

__all__ = ["Article", "InputError", "iter_articles", "read_article"]
