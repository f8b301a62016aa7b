"""The built-in HTTP server: pipeline endpoints, runs and health over REST (FastAPI, uvicorn on a thread)."""
from engine.server.server import DEFAULT_HOST, DEFAULT_PORT, Server

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Server"]
