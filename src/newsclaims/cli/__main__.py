"""``python -m newsclaims.cli``: the command line, as the ``newsclaims`` script runs it."""

from newsclaims.cli import run

run()
