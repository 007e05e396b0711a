"""Invented reports for the web tests: dated figures that contradict, quotes by two
speakers, negotiation moves, and a report whose text and headline hold HTML."""

from __future__ import annotations

from report_builders import actor, event, figure, quote, report, span_of

from newsclaims.model import Report
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter

TOLL = (
    "Gaza toll passes 10,000\n\n"
    "At least 10,000 people have been killed in Gaza, the health ministry in Gaza said. "
    '"We are counting the dead every hour," a ministry spokesman said.'
)
UPDATE = (
    "Gaza toll rises again\n\n"
    "At least 10,500 people have been killed in Gaza, the health ministry in Gaza said."
)
COUNTER = (
    "Israel disputes Gaza figures\n\n"
    "Israeli officials said 4,000 people had been killed in Gaza. "
    "The army said its strikes targeted militants."
)
TALKS = (
    "Israel-Hamas truce talks in Doha\n\n"
    "Qatar said Hamas had accepted a truce proposal. Israel rejected the plan on Friday. "
    "Egypt offered to host talks on a ceasefire."
)
SCRIPT_TEXT = (
    "Markup in a report\n\n"
    "The page showed <script>document.title='pwned';alert(1)</script> in its text, "
    "an editor said. <b>Bold</b> & <img src=x onerror=alert(2)> stay text too."
)
SCRIPT_HEADLINE = "<script>document.title='pwned'</script> headline"
# Two versions of one story: the second changes one figure in the last sentence.
STORY = (
    "Flooding closes the coastal road\n\n"
    "Heavy rain flooded the coastal road between the two northern towns on Sunday, and "
    "the regional council closed it to all traffic until the water recedes. Engineers "
    "from the council inspected the bridges and the drains along the road during the "
    "afternoon and said the damage was limited. Residents were asked to stay at home and "
    "to avoid the low streets near the river, the council said in a statement. "
)
STORY_V1 = STORY + "About 200 homes were without power."
STORY_V2 = STORY + "About 350 homes were without power."
# What the tests look for in the pages: each item's sentence.
TOLL_SENTENCE = "At least 10,000 people have been killed in Gaza, the health ministry in Gaza said."
COUNTER_SENTENCE = "Israeli officials said 4,000 people had been killed in Gaza."


def web_reports() -> list[Report]:
    ministry = actor("the health ministry in Gaza", kind="organization")
    spokesman = actor("a ministry spokesman", kind="person", canonical="Ashraf al-Qudra")
    officials = actor("Israeli officials", code="ISRGOV", kind="organization")
    editor = actor("an editor", kind="person")
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    israel = actor("Israel", code="ISR", kind="country", canonical="Israel")
    egypt = actor("Egypt", code="EGY", kind="country", canonical="Egypt")
    return [
        report(
            "toll-1", TOLL, date="2023-11-07", publisher="Al Jazeera", headline="Gaza toll passes 10,000",
            url="https://example.org/toll-1",
            figures=[figure(TOLL, "At least 10,000", 10_000, qualifier="at_least", what="people",
                            status="killed", where="Gaza", source=ministry,
                            sentence=span_of(TOLL, TOLL_SENTENCE))],
            quotes=[
                quote(TOLL, "At least 10,000 people have been killed in Gaza", ministry),
                quote(TOLL, "We are counting the dead every hour", spokesman, kind="direct"),
            ],
        ),
        report(
            "toll-2", UPDATE, date="2023-11-09", publisher="Al Jazeera",
            headline="Gaza toll rises again",
            figures=[figure(UPDATE, "At least 10,500", 10_500, qualifier="at_least",
                            what="people", status="killed", where="Gaza", source=ministry)],
        ),
        report(
            "counter-1", COUNTER, date="2023-11-07", publisher="Reuters",
            headline="Israel disputes Gaza figures",
            figures=[figure(COUNTER, "4,000", 4_000, what="people", status="killed",
                            where="Gaza", source=officials,
                            sentence=span_of(COUNTER, COUNTER_SENTENCE))],
            quotes=[quote(COUNTER, "4,000 people had been killed in Gaza", officials)],
        ),
        report(
            "talks-1", TALKS, date="2023-11-10", publisher="AP",
            headline="Israel-Hamas truce talks in Doha",
            events=[
                event(TALKS, "Hamas had accepted a truce proposal", "057", hamas),
                event(TALKS, "Israel rejected the plan", "127", israel, hamas),
                event(TALKS, "Egypt offered to host talks", "036", egypt),
            ],
        ),
        report(
            "script-1", SCRIPT_TEXT, date="2023-11-11", publisher="<i>Test</i> Wire",
            headline=SCRIPT_HEADLINE, url="javascript:alert(3)",
            quotes=[quote(SCRIPT_TEXT, "The page showed <script>document.title='pwned';"
                          "alert(1)</script> in its text", editor)],
        ),
        report("story-v1", STORY_V1, date="2023-11-12", publisher="AFP",
               headline="Flooding closes the coastal road"),
        report("story-v2", STORY_V2, date="2023-11-13", publisher="AFP",
               headline="Flooding closes the coastal road"),
    ]  # fmt: skip


def filled_store(url: str) -> str:
    """Write the invented reports into the store at ``url``; the URL."""
    engine = open_store(url)
    ReportWriter(engine).write(web_reports())
    engine.dispose()
    return url
