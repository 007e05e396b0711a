"""The store's one exception (kept free of heavy imports, so the CLI can catch it cheaply)."""


class StoreError(RuntimeError):
    """A store problem the user can fix: bad URL, unreachable server, unknown filter."""
