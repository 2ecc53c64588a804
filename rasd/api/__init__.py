"""The REST API and the dashboard: ``rasd serve`` (FastAPI on uvicorn), over the event database."""
