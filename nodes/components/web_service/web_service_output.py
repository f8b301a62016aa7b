"""Web Service Output: the results a real-time inference pipeline returns."""
from __future__ import annotations

from nodes.web_service import web_service_node

COMPONENT = web_service_node(
    "web_service_output", "Web Service Output", "WebServiceOutput0", optional=False,
    description="What a real-time endpoint returns for a request: the data set on its input.")
