"""newsclaims: source-attributed quotes, figures and events from news reports."""

__version__ = "0.1.0"
