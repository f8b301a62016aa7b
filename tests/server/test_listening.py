"""The server's socket is a TCP socket by protocol, so asyncio disables Nagle's algorithm on its connections."""
from __future__ import annotations

import socket

import pytest

from engine.server.server import listening_socket


def test_the_listening_socket_says_tcp_so_responses_are_not_held_back():
    listener = listening_socket("127.0.0.1", 0)
    try:
        assert listener.proto == socket.IPPROTO_TCP
        client = socket.create_connection(listener.getsockname())
        accepted, _ = listener.accept()
        assert accepted.proto == socket.IPPROTO_TCP  # what asyncio checks before setting TCP_NODELAY
        client.close()
        accepted.close()
    finally:
        listener.close()


def test_a_busy_port_is_an_os_error_and_nothing_is_left_open():
    first = listening_socket("127.0.0.1", 0)
    try:
        with pytest.raises(OSError):
            listening_socket("127.0.0.1", first.getsockname()[1])
    finally:
        first.close()
