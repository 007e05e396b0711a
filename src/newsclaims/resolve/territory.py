"""Where a local authority counts: the places whose dead its figures are the count of.

Gaza's health ministry counts Palestinians killed in Gaza and the West Bank; Lebanon's
health ministry those killed in Lebanon. A count such an authority gives is of one of its
own places, whatever other place its sentence names ("Israel's bombardment killed 20,000,
the Palestinian health ministry said" is Gaza's toll, not Israel's), and where the
sentence names no place, it is the place of the authority: the one the article is set in
when that is one of its own, else its first. The places live in ``data/sources.yaml``.

>>> from newsclaims.resolve.sources import SourceIdentity
>>> ministry = SourceIdentity("pse-health-ministry", "Palestine health ministry",
...                           "government body", "PSE", "PSE")
>>> home_places(ministry, named=True)
('Gaza', 'West Bank')
>>> home_places(SourceIdentity("lbn-health-ministry", "x", None, "LBN", "LBN"), named=False)
('Lebanon',)
>>> home_places(SourceIdentity("pse-government", "x", None, "PSE", "PSE"), named=False)
()
"""

from __future__ import annotations

from functools import cache

from newsclaims.resolve.places import country_name
from newsclaims.resolve.sources import SourceIdentity, source_registry, sources_data


def home_places(identity: SourceIdentity, named: bool) -> tuple[str, ...]:
    """The places ``identity`` counts the dead of, first the one it is known by; none
    when it is no local authority. ``named``: its country comes from its own words ("the
    Palestinian officials"), not from the place of its figure; a government's officials
    unnamed ("local officials") are anyone's, but a health ministry there counts there.
    """
    if identity.id in _registry_territories():
        return _registry_territories()[identity.id]
    owner, _, suffix = identity.id.partition("-")
    if suffix not in _local_suffixes() or len(owner) != 3 or identity.country is None:
        return ()
    if not named and suffix not in _counting_suffixes():
        return ()
    code = identity.country
    territories: dict[str, list[str]] = sources_data()["territories"]
    return tuple(territories.get(code) or [country_name(code)])


@cache
def _registry_territories() -> dict[str, tuple[str, ...]]:
    return {
        str(entry["id"]): tuple(entry["territory"])
        for entry in sources_data()["institutions"]
        if entry.get("territory")
    }


@cache
def _local_suffixes() -> frozenset[str]:
    return frozenset(suffix for suffix, _, _, local in source_registry().kinds.values() if local)


@cache
def _counting_suffixes() -> frozenset[str]:
    return frozenset(sources_data()["counting_kinds"])
