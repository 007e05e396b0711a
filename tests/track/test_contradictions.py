"""Contradictions: claims that cannot both hold, qualifiers respected; and agreements."""

from __future__ import annotations

import json

import pytest
from report_builders import figure, report

from newsclaims.cli import main
from newsclaims.model import ActorRef
from newsclaims.resolve.quantities import quantity_of
from newsclaims.resolve.sources import source_identity
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter
from newsclaims.track.contradictions import claim_interval, compare_claims, gap

# Institutions the resolve stage would have identified the test's sources as.
SOURCE_IDS = {"Ministry": "pse-health-ministry", "Army": "ocha", "Agency": "who",
              "Other": "unicef", "Far": "msf", "A": "icrc"}  # fmt: skip


def point(value, qualifier="exact", low=None, high=None, source="A", day="2024-01-01", **more):
    base = {
        "date": day, "value": value, "qualifier": qualifier, "low": low, "high": high,
        "what": "people", "status": "killed", "where": "Gaza", "where_basis": "stated",
        "scope": "toll", "source": source,
        "source_name": source, "publisher": "P", "article_id": f"{source}-{value}",
        "story": hash(source), "span": {"start": 0, "end": 1, "text": "x"},
        "source_id": _identity(source),
    }  # fmt: skip
    if qualifier == "at_least":
        base["low"] = value
    base |= more
    quantity = quantity_of(base["what"])  # as the resolve stage would have stored it
    base |= {"quantity": quantity.name, "side": quantity.side} if quantity else {}
    return base


def _identity(source: str | None) -> str | None:
    if source is None:
        return None
    return SOURCE_IDS.get(source) or source_identity(ActorRef(text=source)).id


def test_qualifiers_decide_what_can_both_hold() -> None:
    at_least_100 = claim_interval(point(100, "at_least"))
    assert gap(at_least_100, claim_interval(point(250))) == 0  # 250 is at least 100
    assert gap(at_least_100, claim_interval(point(60))) > 0
    about_1000 = claim_interval(point(1000, "approx"))
    assert gap(about_1000, claim_interval(point(1050))) == 0
    assert gap(about_1000, claim_interval(point(2000))) > 0
    a_range = claim_interval(point(None, "range", low=10, high=20))
    assert gap(a_range, claim_interval(point(15))) == 0
    assert claim_interval(point(None, "vague")) is None


def test_pairs_are_ranked_and_need_two_sources_on_one_day() -> None:
    points = [
        point(100, source="Ministry"),
        point(250, source="Army"),  # far apart: first
        point(120, source="Agency"),  # near the ministry's figure
        point(100, source="Ministry", article_id="again"),  # same source: no pair
        point(50, source="Other", day="2024-01-05"),  # another day
    ]
    pairs = compare_claims(points)
    sources = [(p["a"]["source_label"], p["b"]["source_label"]) for p in pairs]
    assert sources[0] in {("pse-health-ministry", "ocha"), ("ocha", "pse-health-ministry")}
    assert all("unicef" not in pair for pair in sources)
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)
    assert len(compare_claims(points, window=4)) > len(pairs)


def test_a_part_against_the_whole_is_left_out_unless_asked() -> None:
    points = [point(69, source="Ministry"), point(31341, "at_least", source="Agency")]
    assert compare_claims(points) == []
    assert len(compare_claims(points, max_ratio=0)) == 1


def test_one_source_written_two_ways_is_not_a_contradiction() -> None:
    points = [
        point(100, source="Gaza's Ministry of Health"),
        point(150, source="the health ministry in Gaza"),
        point(150, source="the Hamas-run health ministry"),
    ]
    assert compare_claims(points) == []


def test_the_same_two_claims_in_several_articles_are_one_pair() -> None:
    points = [
        point(100, source="Ministry"),
        point(150, source="Army"),
        point(100, source="Ministry", article_id="copy-1", story=1),
        point(150, source="Army", article_id="copy-2", story=2),
    ]
    (pair,) = compare_claims(points)
    assert pair["copies"] == 4


def test_claims_without_a_known_place_are_not_compared() -> None:
    points = [point(2, source="Village council", where=None), point(4000, source="Ministry")]
    assert compare_claims(points) == []


def test_agreement_view() -> None:
    points = [point(100, source="Ministry"), point(100, source="Agency"),
              point(90, "at_least", source="Army"), point(300, source="Far")]  # fmt: skip
    agreeing = compare_claims(points, agreeing=True)
    assert agreeing[0]["score"] == 1.0
    assert {agreeing[0]["a"]["source_label"], agreeing[0]["b"]["source_label"]} == {
        "pse-health-ministry",
        "who",
    }
    assert all(pair["relation"] == "agrees" for pair in agreeing)


def test_contradictions_command(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ministry = "At least 40 people were killed in Gaza on Monday, the health ministry said."
    army = "The Red Cross said 25 people were killed in the Gaza Strip."
    # Two bodies of one government are one side: the agency is the UN's, not Gaza's.
    agency = "About 42 people were killed in the enclave, the UN humanitarian office said."
    killed = {"what": "people", "status": "killed"}
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("m", ministry, date="2024-01-01", figures=[figure(
            ministry, "At least 40", 40, qualifier="at_least", where="Gaza",
            source="the health ministry", **killed)]),
        report("a", army, date="2024-01-01", figures=[figure(
            army, "25", 25, where="the Gaza Strip", source="The Red Cross", **killed)]),
        report("c", "Gaza was shelled. " + agency, date="2024-01-01", figures=[figure(
            "Gaza was shelled. " + agency, "About 42", 42, qualifier="approx",
            where="the enclave", source="the UN humanitarian office", **killed)]),
    ])  # fmt: skip
    engine.dispose()
    assert main(["contradictions", "--where", "Gaza", "--format", "json", "--db", db_url]) == 0
    pairs = json.loads(capsys.readouterr().out)
    assert len(pairs) == 2 and all("The Red Cross" in (p["a"]["source"], p["b"]["source"])
                                   for p in pairs)  # fmt: skip
    assert pairs[0]["a"]["span"]["text"] and pairs[0]["b"]["span"]["text"]
    assert main(["contradictions", "--agree", "--format", "json", "--db", db_url]) == 0
    agreeing = json.loads(capsys.readouterr().out)
    assert [{p["a"]["article_id"], p["b"]["article_id"]} for p in agreeing] == [{"m", "c"}]
    assert main(["contradictions", "--db", db_url]) == 0
    assert "contradictions: 2" in capsys.readouterr().out


def test_counter_claims_set_two_sides_accounts_of_one_days_fighting() -> None:
    from newsclaims.track.contradictions import counter_claims

    iraq = point(15000, source="Iraq", what="iranians", where=None)
    iran = point(1200, source="Iran", what="iraqis", where=None)
    wounded = point(2600, source="Iran", what="iraqis", where=None, status="wounded")
    tehran = point(None, "vague", source="Tehran Radio", what="iraqis", where=None)
    later = point(50, source="Iraq", what="iranians", where=None, day="2024-01-09")
    elsewhere = point(7, source="Cyprus", what="people", where="Nicosia")
    gaza = point(3, source="Israel", what="soldiers", where="Gaza")
    pairs = counter_claims([iraq, iran, wounded, tehran, later, elsewhere, gaza])
    countries = [{pair["a"]["country"], pair["b"]["country"]} for pair in pairs]
    assert {"IRQ", "IRN"} in countries
    # The dead are set against the dead, the wounded against the wounded.
    assert all(2600 not in (pair["a"]["value"], pair["b"]["value"]) for pair in pairs)
    assert all(pair["a"]["country"] != pair["b"]["country"] for pair in pairs)
    assert all(pair["score"] == 0 for pair in pairs)  # the later day is not paired
    assert {"CYP", "ISR"} not in countries  # two known places that differ
    assert len(counter_claims([iraq, later], window=10)) == 0  # one side only


def named(text: str, *names: tuple[str, str]) -> list:
    """The entities of ``text``: each (name, country code) as a country actor."""
    from newsclaims.model import ActorRef, Entity

    return [
        Entity(text=name, start=text.index(name), end=text.index(name) + len(name), label="GPE",
               actor=ActorRef(text=name, code=code, kind="country", country=code))
        for name, code in names
    ]  # fmt: skip


def test_sides_view_in_the_command(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    iraq = "Iraq said its forces killed 15,000 Iranians in Iran's offensive."
    iran = "Iran said 1,200 Iraqis were killed as Iraq's lines broke."
    chad = "Chad said 1,269 Libyan soldiers were killed."
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("q", iraq, date="1987-03-05", entities=named(iraq, ("Iraq", "IRQ"), ("Iran", "IRN")),
               figures=[figure(iraq, "15,000", 15000, what="iranians", status="killed",
                               source="Iraq")]),
        report("n", iran, date="1987-03-05", entities=named(iran, ("Iran", "IRN"), ("Iraq", "IRQ")),
               figures=[figure(iran, "1,200", 1200, what="iraqis", status="killed",
                               source="Iran")]),
        # Another war on the same day: its claims are no counter-claims to these.
        report("c", chad, date="1987-03-05", entities=named(chad, ("Chad", "TCD")),
               figures=[figure(chad, "1,269", 1269, what="libyan soldiers", status="killed",
                               source="Chad")]),
    ])  # fmt: skip
    engine.dispose()
    assert main(["contradictions", "--db", db_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # two quantities: no contradiction
    assert main(["contradictions", "--sides", "--format", "json", "--db", db_url]) == 0
    (pair,) = json.loads(capsys.readouterr().out)
    assert {pair["a"]["what"], pair["b"]["what"]} == {"iranians", "iraqis"}
    assert main(["contradictions", "--sides", "--agree", "--db", db_url]) == 2


def test_a_place_guessed_from_the_article_is_not_compared() -> None:
    points = [point(100, source="Ministry"), point(150, source="Army", where_basis="article")]
    assert compare_claims(points) == []


def test_repeated_pairs_at_two_places_stay_two() -> None:
    points = [
        point(100, source="Ministry"),
        point(150, source="Army"),
        point(100, source="Ministry", where="Rafah", article_id="r1"),
        point(150, source="Army", where="Rafah", article_id="r2"),
    ]
    assert sorted(pair["where"] for pair in compare_claims(points)) == ["Gaza", "Rafah"]


def test_a_papers_own_reporting_is_no_sides_claim() -> None:
    from newsclaims.track.contradictions import counter_claims

    own = point(50, source=None, what="iranians", where=None) | {"publisher": "Tehran Times"}
    iraq = point(1200, source="Iraq", what="iranians", where=None)
    assert counter_claims([own, iraq]) == []


def test_a_ratio_below_one_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contradictions", "--max-ratio", "0.5", "--db", db_url]) == 2
    assert "--max-ratio" in capsys.readouterr().err


def test_one_states_institutions_revise_one_series() -> None:
    israel = {"where": "Israel"}
    army = point(1400, source="Israeli army", **israel) | {"source_id": "isr-military"}
    officials = point(1200, source="Israeli officials", **israel) | {"source_id": "isr-government"}
    un = point(2000, source="the UN", **israel) | {"source_id": "un"}
    reporter = point(3000, source=None, **israel) | {"source_name": None, "source_id": None}
    pairs = compare_claims([army, officials, un, reporter])
    # Each Israeli claim against the UN's; never army against officials (one state
    # revising), never the reporter's own figure.
    assert sorted(tuple(sorted((p["a"]["value"], p["b"]["value"]))) for p in pairs) == [
        (1200, 2000), (1400, 2000),
    ]  # fmt: skip


def test_a_lower_toll_dated_earlier_is_the_same_toll_grown() -> None:
    earlier = point(9000, source="Ministry", day="2024-01-01")
    later = point(9500, source="Agency", day="2024-01-02")
    assert compare_claims([earlier, later], window=3) == []
    # The later claim lower than the earlier one: the two cannot both hold.
    lower_later = point(8000, source="Agency", day="2024-01-02")
    assert len(compare_claims([earlier, lower_later], window=3)) == 1
    # The displaced of a war are a running total as well.
    displaced = {"status": "displaced"}
    assert compare_claims([point(1_000_000, source="Ministry", **displaced),
                           point(1_500_000, source="Agency", day="2024-01-20", **displaced)],
                          window=30) == []  # fmt: skip
    # Held captives are released: a count that may fall is compared either way.
    held = {"status": "held"}
    assert len(compare_claims([point(240, source="Ministry", **held),
                               point(130, source="Agency", day="2024-01-02", **held)],
                              window=3)) == 1  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"scope": "incident"},  # one attack's count: which attack the other counts is unknown
        {"scope": "period"},
        {"background": True},  # history told for background
        {"source_id": "name:figures"},  # "according to the figures": no known institution
        {"source_id": "person:joe-biden"},  # a person: whose count is unknown
        {"source_id": "isr-government", "where_basis": "sentence"},  # the other side's place
        {"quantity": "projectiles", "what": "rockets"},  # not people: no toll
    ],
)
def test_only_running_tolls_of_known_institutions_are_compared(change) -> None:
    ministry = point(9000, source="Ministry")
    assert len(compare_claims([ministry, point(5000, source="Agency")])) == 1
    assert compare_claims([ministry, point(5000, source="Agency") | change]) == []


def test_a_sides_account_is_a_whole_count_told_by_a_party() -> None:
    from newsclaims.track.contradictions import counter_claims

    iraq = point(15000, source="Iraq", what="iranians", where=None)
    iran = point(1200, source="Iran", what="iraqis", where=None)
    assert len(counter_claims([iraq, iran])) == 1
    # A breakdown is a part of an account; a UN agency or an NGO is no side; neither is
    # history or a part of its source's series.
    children = point(300, source="Iran", what="children", where=None)
    agency = point(900, source="Agency", what="iraqis", where=None)  # WHO: no side
    history = iran | {"background": True}
    part = iran | {"part": True}
    for other in (children, agency, history, part):
        assert counter_claims([iraq, other]) == [], other


def test_counter_claims_meet_on_one_sides_losses_or_each_others() -> None:
    from newsclaims.track.contradictions import counter_claims

    def told(value, source_id, what, where="Gaza", **more):
        return point(value, source=source_id, what=what, where=where, **more) | {
            "source_id": source_id
        }

    ministry = told(25000, "pse-health-ministry", "people")
    militants = told(9000, "isr-military", "militants")  # Israel's count of Gaza's fighters
    own_soldiers = told(174, "isr-military", "soldiers")  # Israel's count of its own dead
    hamas_soldiers = told(300, "hamas", "soldiers")  # Hamas's count of Israel's soldiers
    us = told(20000, "usa", "people")  # a third state: no side of this war
    strike = told(40, "isr-military", "militants") | {"scope": "incident"}

    def paired(*points):
        return {frozenset((p["a"]["source_id"], p["a"]["value"], p["b"]["source_id"],
                           p["b"]["value"])) for p in counter_claims(list(points))}  # fmt: skip

    # Both count Gaza's dead: the claim and the counter-claim.
    assert len(paired(ministry, militants)) == 1
    # Each counting only its own side's dead: neither claim meets the other.
    assert paired(ministry, own_soldiers) == set()
    # Two accounts of Israel's losses, one by each side.
    assert len(paired(own_soldiers, hamas_soldiers)) == 1
    # A third state's count, or one strike's count (which strike is not stored): no pair.
    assert paired(ministry, us) == set()
    assert paired(ministry, strike) == set()
    # A place only guessed from the article, or one the other side's source names in
    # the sentence (Netanyahu's words next to the ministry's toll): no account of Gaza's dead.
    assert paired(ministry | {"where_basis": "article"}, militants) == set()
    netanyahu = told(11200, "person:benjamin-netanyahu", "people", where_basis="sentence")
    assert paired(ministry, netanyahu | {"source_name": "Benjamin Netanyahu"}) == set()
    (pair,) = counter_claims([ministry, militants])
    assert {pair["a"]["victims"], pair["b"]["victims"]} == {"PSE"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Allies in a war of more parties are no opposing sides.
        (("sau", "people", "Yemen"), ("are", "people", "Yemen")),
        # Two sides counting a third's losses: no account of their fighting.
        (("isr-military", "people", "Lebanon"), ("hamas", "people", "Lebanon")),
        (("usa", "iraqis", None), ("irn", "iraqis", None)),
        # A person speaks for no known side (a reporter's title names a place, a
        # leader's a group), nor does a country's media.
        (("person:hani-mahmoud", "people", "Gaza"), ("isr-military", "militants", "Gaza")),
        (("isr-media", "soldiers", "Gaza"), ("hamas", "soldiers", "Gaza")),
    ],
)
def test_counter_claims_need_two_opposing_sides_on_their_own_losses(first, second) -> None:
    from newsclaims.track.contradictions import counter_claims

    def told(source_id, what, where):
        return point(100, source=source_id, what=what, where=where) | {
            "source_id": source_id, "source_name": source_id,
        }  # fmt: skip

    assert counter_claims([told(*first), told(*second)]) == []


def test_an_armed_group_names_the_side_of_its_fighters() -> None:
    from newsclaims.track.contradictions import counter_claims

    ministry = point(25000, source="Ministry", what="people") | {"source_id": "pse-health-ministry"}
    militants = point(9000, source="Israeli army", what="Hamas fighters")
    militants |= {"source_id": "isr-military", "where": None, "where_basis": None}
    ministry |= {"where": None, "where_basis": None}
    assert militants["quantity"] == "fighters" and militants["side"] == "PSE"
    assert len(counter_claims([ministry | {"side": "PSE"}, militants])) == 1
