"""The web face: ``newsclaims serve``, pages and a JSON API where a person checks every
claim against its source. :func:`create_app` builds the application over one store."""

from newsclaims.web.app import create_app

__all__ = ["create_app"]
