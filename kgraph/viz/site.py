"""Writing a page and its side folder whole or not at all: temporary names first, then renames.

The side shards are streamed: while they fit under the inline limit they are
kept to go into the page; past it, they go to a temporary folder beside the page,
which replaces the old side folder only once it is complete, and then the page
replaces the old page. A page written inline removes a side folder left by an
earlier, larger build. Temporary names carry the writer's pid
(``.graph.files.<pid>.XXXXXXXX``), so that the next write removes what a killed
one left and nothing a running one is writing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from kgraph.viz.shards import Shard


def side_folder(page: str) -> str:
    """The side folder of a page: ``graph.html`` keeps its shards in ``graph.files/``."""
    return f"{Path(page).stem}.files"


def inline_store(buffered: list[Shard]) -> str:
    """Every shard as one JSON object for the page, ``{"n": {"0": ..., ...}, ...}``: payloads are JSON already."""
    kinds: dict[str, list[str]] = {}
    for s in buffered:
        kinds.setdefault(s.kind, []).append(f'"{s.key}":{s.payload}')
    return "{" + ",".join(f'"{k}":{{{",".join(v)}}}' for k, v in kinds.items()) + "}"


def write(
    out_dir: Path,
    page: str,
    make_page: Callable[[str | None], str],
    side: Iterable[Shard],
    counts: dict[str, int],
    inline_limit: int,
) -> list[Path]:
    """Write ``page`` into ``out_dir``, with its shards inline (up to ``inline_limit`` bytes) or in its side folder.

    ``make_page`` gets the inline store's JSON, or None when the shards are in the side folder. Returns the
    paths written: the page, then the side folder when there is one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / side_folder(page)
    clean(out_dir, [page, final.name])
    buffered: list[Shard] = []
    size = 0
    tmp: Path | None = None
    try:
        for shard in side:
            if tmp is not None:
                _write_shard(tmp, shard, counts)
                continue
            buffered.append(shard)
            size += len(shard.script().encode("utf-8"))
            if size > inline_limit:
                tmp = _temporary(final, folder=True)
                for b in buffered:
                    _write_shard(tmp, b, counts)
                buffered = []
        html = make_page(None if tmp is not None else inline_store(buffered))
        if tmp is not None:
            replace_folder(tmp, final)
            tmp = None
            _write_text(out_dir / page, html)
            return [out_dir / page, final]
        _write_text(out_dir / page, html)
        remove_folder(final)
        return [out_dir / page]
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def replace_folder(new: Path, final: Path) -> None:
    """Swap a complete folder in for ``final``: the old one is renamed aside, the new one renamed in, the old
    one removed. Readers see the old folder or the new one, never a mix (for an instant, none)."""
    new.chmod(0o755)  # mkdtemp makes it private; side files are for sharing, like the page
    aside = _set_aside(final)
    os.rename(new, final)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def remove_folder(final: Path) -> None:
    """Remove a side folder an earlier, larger page left (renamed aside first, so it goes at once)."""
    aside = _set_aside(final)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def describe(folder: Path) -> dict[str, int | str]:
    """A side folder as a build manifest lists a file: how many files, their bytes, and one SHA-256 over the
    sorted paths and the SHA-256 of each file (the same folder gives the same digest)."""
    listing = hashlib.sha256()
    files = size = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files, size = files + 1, size + len(data)
        listing.update(f"{path.relative_to(folder).as_posix()}\0{hashlib.sha256(data).hexdigest()}\n".encode())
    return {"files": files, "bytes": size, "sha256": listing.hexdigest()}


def clean(out_dir: Path, names: list[str]) -> list[Path]:
    """Remove the temporary files and folders of ``names`` that writers no longer running left in ``out_dir``."""
    either = "|".join(map(re.escape, names))
    pattern = re.compile(rf"\.(?:{either})\.(?:old\.)?(\d+)\.[a-z0-9_]{{8}}")
    removed = []
    for entry in sorted(out_dir.iterdir()):
        m = pattern.fullmatch(entry.name)
        if m is None or _running(int(m.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _temporary(final: Path, folder: bool, old: bool = False) -> Path:
    prefix = f".{final.name}.{'old.' if old else ''}{os.getpid()}."
    if folder:
        return Path(tempfile.mkdtemp(prefix=prefix, dir=final.parent))
    fd, name = tempfile.mkstemp(prefix=prefix, dir=final.parent)
    os.close(fd)
    return Path(name)


def _set_aside(path: Path) -> Path | None:
    if not os.path.lexists(path):
        return None
    aside = _temporary(path, folder=True, old=True)
    os.rename(path, aside / path.name)
    return aside


def _write_shard(folder: Path, shard: Shard, counts: dict[str, int]) -> None:
    path = folder / shard.path(counts)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(shard.script().encode("utf-8"))


def _write_text(path: Path, text: str) -> None:
    """The page, whole or not at all."""
    tmp = _temporary(path, folder=False)
    try:
        tmp.write_bytes(text.encode("utf-8"))
        tmp.chmod(0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
