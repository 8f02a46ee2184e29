"""The endpoint's access log: one line per request, including those refused before they reached the app.

A line is ``TIME CLIENT METHOD PATH STATUS BYTES SECONDS``, space-separated,
for example ``2026-12-01T11:48:40.123Z 127.0.0.1:52114 GET /sparql 200 1234 0.012``.
The path is written as sent (still percent-encoded, without the query string),
so a line is always one line whatever a client puts in its URL; ``-`` stands
for what a request cut off early never gave (its method and path, a body).
"""

from __future__ import annotations

import time
from typing import TextIO


class AccessLog:
    """Writes access lines to a stream (standard error, or a file opened for appending); None writes nothing."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream

    def write(
        self,
        client: tuple[str, int] | None,
        method: str,
        path: str,
        status: int,
        size: int | None,
        seconds: float,
    ) -> None:
        if self.stream is None:
            return
        now = time.time()
        when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1000):03d}Z"
        who = f"{client[0]}:{client[1]}" if client else "-"
        sent = "-" if size is None else str(size)
        line = f"{when} {who} {method or '-'} {_clean(path) or '-'} {status} {sent} {seconds:.3f}\n"
        try:
            self.stream.write(line)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or full log must not take the endpoint down
            pass


def _clean(text: str) -> str:
    """The text with spaces and control characters escaped, so that it stays one field of one line."""
    return "".join(c if " " < c < "\x7f" else f"%{ord(c):02X}" for c in text) if text else ""
