"""Whether a count of the dead counts people killed.

A count of the dead is ``killed`` by extraction whatever took the lives; a toll of people
killed counts violence. Deaths whose own words give another cause ("20 people have died of
malnutrition", "deaths from dehydration") and captives' deaths ("25 have died in
captivity", "30 presumed dead") are ``died``: the eval's casualty rule still counts them as
deaths, but the toll of people killed does not take them. The words live in
``data/figures.yaml`` (``death_words`` and the lists after it).

>>> def state(sentence, number):
...     return death_state("killed", sentence, sentence.index(number), len(number))
>>> state("At least 20 people have died of malnutrition in Gaza, officials said.", "20")
'died'
>>> state("Of 240 captives, 132 are held and 25 have died in captivity.", "25")
'died'
>>> state("About 130 captives remain, including 32 presumed dead.", "32")
'died'
>>> state("More than 30,000 people have been killed, and 20 died of hunger.", "30,000")
'killed'
>>> state("At least 40 people died in Israeli strikes overnight.", "40")
'killed'
"""

from __future__ import annotations

import re
from functools import cache

from newsclaims.extract.figure_lexicon import figures_data, word_alternatives
from newsclaims.resolve.incidents import clause

KILLED = "killed"
DIED = "died"
# The figure's own words end where the next number starts: "30,000 killed, and 20 died
# of hunger" gives the cause of the 20 only.
_NEXT_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"dozens?|hundreds?|thousands?)\b", re.IGNORECASE)  # fmt: skip


def death_state(status: str | None, sentence: str | None, start: int, length: int) -> str | None:
    """``died`` for a ``killed`` count whose own words give a cause that is not violence
    or tell of captives' deaths; else ``status``. ``start`` and ``length``: the count's
    place in ``sentence``."""
    if status != KILLED or not sentence:
        return status
    after = clause(sentence[start + length :])
    if (next_number := _NEXT_NUMBER.search(after)) is not None:
        after = after[: next_number.start()]
    # A captive phrase is the count's own only before any comma: "34 of them presumed
    # dead", not "killed in Gaza, where hostages are presumed dead".
    own = after.split(",", 1)[0]
    return DIED if _not_killing().search(after) or _captive().search(own) else status


@cache
def _not_killing() -> re.Pattern[str]:
    """A cause of death that is not violence in a count's words."""
    raw = figures_data()

    def alternatives(key: str) -> str:
        return word_alternatives(raw[key])

    cause = (
        rf"\b(?:{alternatives('death_words')})\s+(?:{alternatives('death_cause_links')})\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?:{alternatives('death_causes')})\b"
    )
    related = rf"\b(?:{alternatives('death_causes')})[- ]related\s+(?:deaths|causes)\b"
    return re.compile(f"{cause}|{related}", re.IGNORECASE)


@cache
def _captive() -> re.Pattern[str]:
    """Captives' deaths in a count's words: "presumed dead", "died in captivity"."""
    return re.compile(
        rf"\b(?:{word_alternatives(figures_data()['captive_deaths'])})\b", re.IGNORECASE
    )
