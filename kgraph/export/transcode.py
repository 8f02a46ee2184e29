"""N-Triples and JSON-LD made from a build's Turtle in a second process, while the build goes on.

Generating the triples from the graph is most of an RDF export's work, and it is one process's: the graph is
too big to hand to another (a forked process that reads it copies it). So a build generates the triples once
and writes Turtle, the cheapest of the texts; a second process reads that file as it grows, parses it with
Oxigraph and writes N-Triples with Oxigraph's serializer (canonical N-Triples: the bytes
:class:`~kgraph.export.writers.NTriples` writes) and JSON-LD with :class:`~kgraph.export.writers.JsonLd`, each
subject's node object from its triples as they come. The build meanwhile writes its other files (GraphML,
careers.csv), so the two processes keep two cores busy; the second holds no more than a subject's triples.

The build tells the second process that the Turtle is whole by closing its standard input.
It prints the size and SHA-256 of each file it wrote, for the build's manifest, as JSON. Run by hand:
``python -m kgraph.export.transcode TURTLE [--ntriples FILE] [--jsonld FILE] < /dev/null``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import select
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pyoxigraph as ox

import kgraph
from kgraph.export.outdir import measure
from kgraph.export.writers import INTEGER, STRING, JsonLd, Object, Row

#: How long a read at the end of the growing file waits before it looks again (seconds).
POLL = 0.02


class TranscodeError(Exception):
    """The second process failed: the message names the files it was writing and its error."""


class Transcoding:
    """The second process at work on a Turtle file this process writes (see the module's docstring).

    Start it once the Turtle file exists; call :meth:`written` when the file is whole and closed; leaving the
    block waits for the process, and raises :class:`TranscodeError` if it failed. An exception in the block
    stops the process instead."""

    def __init__(self, turtle: Path, ntriples: Path | None, jsonld: Path | None):
        self.files = [p for p in (ntriples, jsonld) if p is not None]
        command = [sys.executable, "-m", "kgraph.export.transcode", str(turtle)]
        command += ["--ntriples", str(ntriples)] if ntriples is not None else []
        command += ["--jsonld", str(jsonld)] if jsonld is not None else []
        env = dict(os.environ)  # the same kgraph as this process's, however this one found it
        here = str(Path(kgraph.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, env=env
        )
        #: The size and SHA-256 of each file written, by name, as the manifest gives them (once it has finished).
        self.measured: dict[str, dict] = {}

    def written(self) -> None:
        """The Turtle file is whole: the second process reads it to its end and finishes."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def __enter__(self) -> Transcoding:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is not None:
                self.process.kill()
                self.process.wait()
                return
            self.written()
            assert self.process.stdout is not None
            report = self.process.stdout.read()
            if self.process.wait() == 0:
                self.measured = json.loads(report)
            else:
                self.errors.seek(0)
                lines = self.errors.read().decode("utf-8", "replace").strip().splitlines()
                names = " and ".join(p.name for p in self.files)
                raise TranscodeError(f"{names}: not written: {lines[-1] if lines else 'the writer stopped'}")
        finally:
            self.errors.close()


class Growing(io.RawIOBase):
    """A file another process is still writing: a read at its end waits for more until ``done`` (a pipe's
    read end) reaches its end, which says the file is whole."""

    def __init__(self, path: str, done: int):
        self.file = open(path, "rb", buffering=0)  # noqa: SIM115 (closed with this object)
        self.done = done
        self.whole = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while True:
            n = self.file.readinto(buffer)
            if n or self.whole:
                return n or 0
            ready, _, _ = select.select([self.done], [], [], POLL)
            if ready and not os.read(self.done, 1 << 12):
                self.whole = True  # one more read takes what was written before the pipe closed

    def close(self) -> None:
        self.file.close()
        super().close()


def _object(term: ox.NamedNode | ox.Literal) -> Object:
    """A parsed object as the row object the writers take (see :mod:`kgraph.export.writers`)."""
    if type(term) is ox.NamedNode:
        return (0, term.value)
    lexical = term.value
    lang = term.language
    if lang:
        return (1, STRING, lang, lexical, lexical)
    datatype = term.datatype.value
    return (1, datatype, "", int(lexical) if datatype == INTEGER else lexical, lexical)


def transcode(turtle: BinaryIO, ntriples: BinaryIO | None, jsonld: BinaryIO | None) -> int:
    """Write the triples of the ``turtle`` stream as N-Triples and as JSON-LD (either may be None), in the
    order they come, a subject's triples together as Turtle has them; the number of triples."""
    count = 0
    writer = JsonLd(jsonld) if jsonld is not None else None

    def triples() -> Iterator[ox.Triple]:
        nonlocal count
        subject = ""
        rows: list[Row] = []
        for quad in ox.parse(input=turtle, format=ox.RdfFormat.TURTLE):
            count += 1
            if writer is not None:
                s = quad.subject.value
                if s != subject:
                    if rows:
                        writer.subject(subject, rows)
                    subject, rows = s, []
                rows.append((s, quad.predicate.value, _object(quad.object)))
            yield quad.triple
        if writer is not None:
            if rows:
                writer.subject(subject, rows)
            writer.close()

    if ntriples is not None:
        ox.serialize(triples(), ntriples, ox.RdfFormat.N_TRIPLES)
    else:
        for _ in triples():
            pass
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("turtle", help="the Turtle file, whole once standard input reaches its end")
    parser.add_argument("--ntriples", help="the N-Triples file to write")
    parser.add_argument("--jsonld", help="the JSON-LD file to write")
    args = parser.parse_args(argv)
    buffer = 1 << 20
    with (
        io.BufferedReader(Growing(args.turtle, sys.stdin.fileno()), buffer) as turtle,
        open(args.ntriples or os.devnull, "wb", buffering=buffer) as nt,
        open(args.jsonld or os.devnull, "wb", buffering=buffer) as js,
    ):
        transcode(turtle, nt if args.ntriples else None, js if args.jsonld else None)
    # the manifest's sums, taken here: the files are still in memory's page cache, and the build is busy
    written = [Path(p) for p in (args.ntriples, args.jsonld) if p]
    print(json.dumps({p.name: measure(p) for p in written}))


if __name__ == "__main__":
    main()
