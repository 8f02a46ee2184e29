"""Files of plain values: a series of records, each a length (4 bytes, little-endian) and a ``marshal`` dump.

``marshal`` writes and reads Python's plain values (strings, numbers, bytes, tuples, lists, dicts, sets) many
times faster than JSON or pickle, and reading runs no code. Its format is the interpreter's own, so a file is
read back by the Python that wrote it: the spool by the process a build starts with its own interpreter, a
kept graph only where its header names the same Python (:mod:`kgraph.graphstate`).
"""

from __future__ import annotations

import marshal
import struct
from typing import Any, BinaryIO

_LENGTH = struct.Struct("<I")


def write(out: BinaryIO, value: Any) -> None:
    """Append one record holding ``value``."""
    data = marshal.dumps(value)
    out.write(_LENGTH.pack(len(data)))
    out.write(data)


def read(stream: BinaryIO) -> Any:
    """The next record's value; EOFError where the stream ends between records, ValueError in one."""
    head = stream.read(_LENGTH.size)
    if not head:
        raise EOFError("no more records")
    if len(head) < _LENGTH.size:
        raise ValueError("the file ends in the middle of a record")
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise ValueError("the file ends in the middle of a record")
    return marshal.loads(data)
