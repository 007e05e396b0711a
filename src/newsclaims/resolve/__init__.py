"""The resolve stage: what extracted items mean, decided once, in the pipeline.

After extraction, each figure's place (and where that place comes from), the day it
holds for, its quantity and side, and its source's identity are resolved here, and
event places normalised; ``analyze`` shows what the store then holds and the views
compare. ``places``, ``dates``, ``sources`` and ``quantities`` each resolve one kind of
thing from readable tables in ``data/``; ``stage`` applies them to a report.
"""
