"""HTTP/1.1 over a plain socket, for requests no well-behaved client would send."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field


@dataclass
class Reply:
    status: int | None  # None: the server closed the connection without answering
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def connect(port: int, timeout: float = 30) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    return sock


def read_reply(sock: socket.socket) -> Reply:
    """One response: its status line, headers and Content-Length body (or up to the close)."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            return Reply(None) if not data else _parse(data, b"")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    reply = _parse(head, body)
    length = int(reply.headers.get("content-length", "-1"))
    while length < 0 or len(reply.body) < length:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        reply.body += chunk
    return reply


def _parse(head: bytes, body: bytes) -> Reply:
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return Reply(status, headers, body)


def closed(sock: socket.socket) -> bool:
    """Whether the server has closed the connection (reads end), waiting up to the socket's timeout."""
    try:
        while sock.recv(65536):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return True
