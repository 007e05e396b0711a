"""Views over a stored corpus: timelines, contradictions, negotiations, and place names."""
