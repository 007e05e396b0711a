"""The Report model: its JSON reads back to the same report."""

from newsclaims.ingest.readers import text_article
from newsclaims.model import Report
from newsclaims.pipeline import analyze_article


def test_report_json_round_trips():
    text = (
        'Gaza truce\n\nQatar said "talks resumed" on Friday after Israeli strikes killed 12 people.'
    )
    report = analyze_article(text_article(text))
    assert report.quotes and report.quotes[0].speaker is not None
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.quotes[0].speaker.name == report.quotes[0].speaker.name
