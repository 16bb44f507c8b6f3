"""HTTP serving around Translator: the app, the cross-request batcher and the page (FastAPI + uvicorn)."""
from .app import ServeSettings, create_app
from .models import ServedModel
from .server import serve

__all__ = ["ServeSettings", "ServedModel", "create_app", "serve"]
