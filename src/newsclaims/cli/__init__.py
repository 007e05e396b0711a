"""The ``newsclaims`` command line.

Every user error (bad input, unknown option, unreachable database) ends with one line on
stderr and exit code 2; a traceback is a bug. ``app`` holds the Typer application and
``main``; each module beside it adds its commands, in the order ``--help`` lists them:
``reports`` (analyze, schema, eval), ``corpus`` (ingest, query, timeline,
contradictions, negotiation, show), ``serve`` and ``batch``; ``options`` and ``runs``
hold what they share.
"""

# isort: skip_file
from newsclaims.cli.app import app, main, run
from newsclaims.cli import reports  # noqa: F401  (each import adds its commands)
from newsclaims.cli import corpus  # noqa: F401
from newsclaims.cli import serve  # noqa: F401
from newsclaims.cli import batch  # noqa: F401

__all__ = ["app", "main", "run"]
