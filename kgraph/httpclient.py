"""A small HTTP client for SPARQL servers: keep-alive, HTTP basic and digest auth, errors that say where.

The standard library's ``urllib`` answers a digest challenge by sending the
whole request again, every time, and opens a new connection per request; a
push of a million triples in batches would upload each batch twice. This
client learns the challenge once (a ``HEAD`` first, which writes nothing),
then signs every request with it (digest's nonce count), and keeps one
connection open. Virtuoso's authenticated endpoints (``/sparql-auth``,
``/sparql-graph-crud-auth``) ask for digest; others ask for basic.
"""

from __future__ import annotations

import hashlib
import html
import http.client
import os
import re
from base64 import b64encode
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class HttpError(Exception):
    """A request that failed: no answer, or an error status; the message names the URL, the status and the body."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class HttpTimeout(HttpError):
    """No answer within the time limit."""


@dataclass
class Response:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def summary(self, limit: int = 400) -> str:
        """The body as one line of text (HTML tags dropped), cut to ``limit`` characters: for error messages."""
        text = self.body.decode("utf-8", "replace")
        text = re.sub(r"(?is)<(script|style|title|head)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _Digest:
    realm: str
    nonce: str
    opaque: str | None
    qop: str | None
    algorithm: str
    count: int = 0
    stale: bool = False


@dataclass
class Client:
    """Requests to one or more URLs with optional credentials; one kept-alive connection per host."""

    user: str | None = None
    password: str | None = None
    timeout: float = 300.0
    _scheme: str | None = None  # "basic" or "digest" once known
    _digest: _Digest | None = None
    _connections: dict[tuple[str, str, int], http.client.HTTPConnection] = field(default_factory=dict)

    def close(self) -> None:
        for conn in self._connections.values():
            conn.close()
        self._connections.clear()

    def request(self, method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Response:
        """Send a request; answer an auth challenge once (a second 401 is returned: wrong credentials)."""
        headers = dict(headers or {})
        if self.user is not None and self._scheme is None:
            self._learn_scheme(url)
        response = self._send(method, url, body, self._signed(method, url, headers))
        if response.status == 401 and self.user is not None and self._challenge(response):
            response = self._send(method, url, body, self._signed(method, url, headers))
        return response

    def _learn_scheme(self, url: str) -> None:
        """Ask with ``HEAD`` (which changes nothing) how the server wants credentials; basic if it does not say."""
        response = self._send("HEAD", url, b"", {})
        if not (response.status == 401 and self._challenge(response)):
            self._scheme = "basic"

    def _challenge(self, response: Response) -> bool:
        """Take the server's ``WWW-Authenticate``; True if it is one this client can answer."""
        offer = response.header("www-authenticate")
        if re.match(r"\s*digest\b", offer, re.I):
            params = dict(
                (k.lower(), v if v else w)
                for k, v, w in re.findall(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))', offer[offer.index(" ") :])
            )
            qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
            if qops and "auth" not in qops:
                return False  # auth-int only: not supported
            algorithm = params.get("algorithm", "MD5").upper()
            if algorithm not in ("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS"):
                return False
            self._scheme = "digest"
            self._digest = _Digest(
                realm=params.get("realm", ""),
                nonce=params.get("nonce", ""),
                opaque=params.get("opaque"),
                qop="auth" if qops else None,
                algorithm=algorithm,
                stale=params.get("stale", "").lower() == "true",
            )
            return True
        if re.match(r"\s*basic\b", offer, re.I):
            self._scheme = "basic"
            return True
        return False

    def _signed(self, method: str, url: str, headers: dict[str, str]) -> dict[str, str]:
        if self.user is None or self._scheme is None:
            return headers
        password = self.password or ""
        if self._scheme == "basic":
            token = b64encode(f"{self.user}:{password}".encode()).decode("ascii")
            return {**headers, "Authorization": f"Basic {token}"}
        assert self._digest is not None
        d = self._digest
        d.count += 1
        uri = _target(url)
        h = hashlib.sha256 if d.algorithm.startswith("SHA-256") else hashlib.md5

        def hexdigest(text: str) -> str:
            return h(text.encode("utf-8")).hexdigest()

        cnonce = os.urandom(8).hex()
        ha1 = hexdigest(f"{self.user}:{d.realm}:{password}")
        if d.algorithm.endswith("-SESS"):
            ha1 = hexdigest(f"{ha1}:{d.nonce}:{cnonce}")
        ha2 = hexdigest(f"{method}:{uri}")
        nc = f"{d.count:08x}"
        if d.qop:
            answer = hexdigest(f"{ha1}:{d.nonce}:{nc}:{cnonce}:{d.qop}:{ha2}")
        else:
            answer = hexdigest(f"{ha1}:{d.nonce}:{ha2}")
        parts = [
            f'username="{_quoted(self.user)}"',
            f'realm="{_quoted(d.realm)}"',
            f'nonce="{_quoted(d.nonce)}"',
            f'uri="{_quoted(uri)}"',
            f"algorithm={d.algorithm}",
            f'response="{answer}"',
        ]
        if d.opaque is not None:
            parts.append(f'opaque="{_quoted(d.opaque)}"')
        if d.qop:
            parts += [f"qop={d.qop}", f"nc={nc}", f'cnonce="{cnonce}"']
        return {**headers, "Authorization": "Digest " + ", ".join(parts)}

    def _connection(self, url: str, fresh: bool = False) -> http.client.HTTPConnection:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise HttpError(f"{url}: not an http(s) URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        key = (parts.scheme, parts.hostname, port)
        conn = self._connections.get(key)
        if conn is not None and fresh:
            conn.close()
            conn = None
        if conn is None:
            cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            conn = cls(parts.hostname, port, timeout=self.timeout)
            self._connections[key] = conn
        return conn

    def _send(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> Response:
        """One request; a kept-alive connection the server closed meanwhile is reopened once."""
        for attempt in (0, 1):
            conn = self._connection(url, fresh=attempt == 1)
            try:
                try:
                    conn.request(
                        method, _target(url), body=body if body or method in ("PUT", "POST") else None, headers=headers
                    )
                except (BrokenPipeError, ConnectionResetError) as e:
                    # A server may answer (a 401, a 413) and close before it has read the whole body: its answer
                    # is still there to read, and says more than the broken pipe. Without one, retry as below.
                    try:
                        raw = conn.getresponse()
                    except (http.client.HTTPException, OSError):
                        raise e from None
                else:
                    raw = conn.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                conn.close()
                if attempt == 0:
                    continue
                raise HttpError(f"{url}: the server closed the connection ({e.__class__.__name__})") from e
            except TimeoutError as e:
                conn.close()
                raise HttpTimeout(f"{url}: no answer within {self.timeout:g} s") from e
            except OSError as e:
                conn.close()
                raise HttpError(f"{url}: cannot connect ({e.strerror or e})") from e
            except http.client.HTTPException as e:
                conn.close()
                raise HttpError(f"{url}: bad HTTP answer ({e.__class__.__name__}: {e})") from e
            if raw.will_close:
                conn.close()
            return Response(raw.status, raw.reason, {k.lower(): v for k, v in raw.getheaders()}, data)
        raise AssertionError("unreachable")


def _target(url: str) -> str:
    """The request target of a URL: its path and query."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def error(url: str, response: Response, doing: str) -> HttpError:
    """The error for a failed request: what was being done, where, the status and what the server said."""
    said = response.summary()
    hint = ""
    if response.status == 401:
        hint = " (wrong user or password? give --user and the password in the environment)"
    elif response.status == 403:
        hint = " (the user may not write there: on Virtuoso, grant SPARQL_UPDATE)"
    return HttpError(
        f"{doing} failed: {url} answered {response.status} {response.reason}{hint}" + (f": {said}" if said else ""),
        response.status,
    )
