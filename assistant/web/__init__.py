"""The web app for reviewers: `create_app(store)` gives the FastAPI app `selfeval serve` runs."""
from assistant.web.app import create_app

__all__ = ["create_app"]
