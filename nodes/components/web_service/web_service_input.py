"""Web Service Input: the request data of a real-time inference pipeline."""
from __future__ import annotations

from nodes.web_service import web_service_node

COMPONENT = web_service_node(
    "web_service_input", "Web Service Input", "WebServiceInput0", optional=True,
    description="Where a real-time endpoint's request rows enter; in a job, the data set on its input "
                "(which gives the schema) passes through.")
