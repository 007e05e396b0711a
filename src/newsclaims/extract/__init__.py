"""Extractors: each reads a parsed document and returns one kind of Report item."""
