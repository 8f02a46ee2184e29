"""The RDF files written by a second process from the subjects a build generates, while the build goes on.

Generating the triples from the graph is much of an RDF export's work and it is one process's: the graph is
too big to hand to another (a forked process that reads it copies it). Writing them as text is the rest, three
times over (Turtle, N-Triples, JSON-LD). So a build generates the subjects once and spools them to a file,
batches of plain values in ``marshal``'s format (a small part of the cost of writing text); a second process
reads that file as it grows and writes every RDF file with the writers of :mod:`kgraph.export.writers`,
compiled shapes and all, the same bytes as the build would. Meanwhile the build writes its other files (GraphML,
careers.csv), so the two processes keep two cores busy, and the second holds no more than a batch.

The spool is a series of records (:mod:`kgraph.framed`), each a list of entries: ``(SHAPE, number, slots)``
declares a :class:`~kgraph.export.writers.Shape`, ``(SHAPED, number, subject, values)`` is a subject of one,
``(ROWS, subject, rows)`` a subject's rows, and ``(END,)`` ends the spool (a spool without it was cut short).
Both ends run the same Python: the processes are started with this one's interpreter. The build tells the
second process that the spool is whole by closing its standard input. The second process prints the size
and SHA-256 of each file it wrote, for the build's manifest, as JSON.
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
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import kgraph
from kgraph import framed
from kgraph.export.outdir import measure
from kgraph.export.writers import JsonLd, NTriples, Row, Shape, Shaped, Turtle, Writer, write_all

#: The spool's file name (in the folder the files are written to) and its buffer: the second process reads
#: what is flushed.
SPOOL = "subjects.spool"
BUFFER = 1 << 20
#: How long a read at the end of the growing file waits before it looks again (seconds).
POLL = 0.02
#: Subjects a record holds.
BATCH = 1024
SHAPE, SHAPED, ROWS, END = 0, 1, 2, 3
#: The writers, by the option naming the file each writes.
WRITERS: dict[str, Callable[[BinaryIO], Writer]] = {"turtle": Turtle, "ntriples": NTriples, "jsonld": JsonLd}


class SpoolError(Exception):
    """The second process failed: the message names the files it was writing and its error."""


class Spool:
    """A writer (see :func:`~kgraph.export.writers.write_all`) that spools subjects for the second process."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.shapes: dict[Shape, int] = {}
        self.batch: list[tuple] = []

    def write(self, groups: list[tuple[str, list[Row] | Shaped]]) -> None:
        shapes, batch = self.shapes, self.batch
        for subject, rows in groups:
            if type(rows) is Shaped:
                number = shapes.get(rows.shape)
                if number is None:
                    number = shapes[rows.shape] = len(shapes)
                    batch.append((SHAPE, number, rows.shape.slots))
                batch.append((SHAPED, number, rows.subject, rows.values))
            else:
                batch.append((ROWS, subject, rows))
            if len(batch) >= BATCH:
                self._flush()
                batch = self.batch

    def _flush(self) -> None:
        framed.write(self.out, self.batch)
        self.batch = []

    def close(self) -> None:
        self.batch.append((END,))
        self._flush()


def unspool(stream: BinaryIO) -> Iterator[tuple[str, list[Row] | Shaped]]:
    """The subjects of a spool, as :func:`~kgraph.export.rdf.groups` gave them; a ValueError if it was cut short."""
    shapes: dict[int, Shape] = {}
    while True:
        try:
            batch = framed.read(stream)
        except EOFError:
            raise ValueError("the spool of subjects ends before its end: the build that wrote it stopped") from None
        except ValueError:
            raise ValueError("the spool of subjects ends in the middle of a record") from None
        for entry in batch:
            tag = entry[0]
            if tag == SHAPED:
                yield entry[2], Shaped(shapes[entry[1]], entry[2], entry[3])
            elif tag == ROWS:
                yield entry[1], entry[2]
            elif tag == SHAPE:
                shapes[entry[1]] = Shape(list(entry[2]))
            else:
                return


def write(
    groups: Iterable[tuple[str, list[Row] | Shaped]], spool: Path, files: dict[str, Path], beside: ExitStack
) -> Writing:
    """Spool ``groups`` (see :func:`~kgraph.export.rdf.groups`) to ``spool`` for a second process that writes
    ``files`` (by name in :data:`WRITERS`) from them; returned, as it goes on once the spool is whole, and
    ``beside`` waits for it."""
    with spool.open("wb", buffering=BUFFER) as f:
        job = beside.enter_context(Writing(spool, files))
        write_all(groups, [Spool(f)])
    job.written()
    return job


class Writing:
    """The second process at work on a spool this process writes (see the module's docstring).

    Start it once the spool file exists; call :meth:`written` when the spool is whole and closed; leaving the
    block waits for the process, and raises :class:`SpoolError` if it failed. An exception in the block stops
    the process instead."""

    def __init__(self, spool: Path, files: dict[str, Path]):
        unknown = sorted(set(files) - set(WRITERS))
        if unknown:
            raise ValueError(f"no writer for {', '.join(unknown)} (choose from {', '.join(WRITERS)})")
        self.files = [files[name] for name in WRITERS if name in files]
        command = [sys.executable, "-m", "kgraph.export.spool", str(spool)]
        for name in WRITERS:
            if name in files:
                command += [f"--{name}", str(files[name])]
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
        """The spool is whole: the second process reads it to its end and finishes."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def __enter__(self) -> Writing:
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
                names = ", ".join(p.name for p in self.files)
                raise SpoolError(f"{names}: not written: {lines[-1] if lines else 'the writer stopped'}")
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("spool", help="the spool of subjects, whole once standard input reaches its end")
    for name in WRITERS:
        parser.add_argument(f"--{name}", help=f"the {name} file to write")
    args = parser.parse_args(argv)
    paths = {name: Path(getattr(args, name)) for name in WRITERS if getattr(args, name)}
    buffer = 1 << 20
    with io.BufferedReader(Growing(args.spool, sys.stdin.fileno()), buffer) as spool:
        files = [paths[name].open("wb", buffering=buffer) for name in paths]
        try:
            write_all(unspool(spool), [WRITERS[name](f) for name, f in zip(paths, files)])
        finally:
            for f in files:
                f.close()
    # the manifest's sums, taken here: the files are still in memory's page cache, and the build is busy
    print(json.dumps({p.name: measure(p) for p in paths.values()}))


if __name__ == "__main__":
    main()
