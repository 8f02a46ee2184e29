"""The output directory of a build: checked before any work, written through a staging folder, with a manifest.

A build writes every export into a staging folder inside ``--out`` (``.kgraph-build-<pid>-<random>``), then
removes the old ``manifest.json``, renames each file into place and writes the new manifest last, itself by a
rename. A reader who finds a manifest and files that match its sizes and SHA-256 sums has one build's files;
without a manifest (or with files that do not match it) a build was stopped while it swapped files in. Each
file is whole at any moment. A build stopped by ``kill -9`` leaves its staging folder (and an older kgraph its
``.graph.ttl.XXXXXXXX`` temporary files) behind; the next build into the same directory removes them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = "manifest.json"
STAGING_PREFIX = ".kgraph-build-"
#: A staging folder or temporary file older than this is left over, whatever process has its pid now.
STALE_SECONDS = 24 * 3600


class OutputError(Exception):
    """``--out`` cannot be written: the message names the path and the problem."""


def check(out: Path) -> None:
    """Raise :class:`OutputError` unless ``out`` is, or can be made, a directory this process can write in.

    Nothing is created: a path that does not exist yet is judged by the nearest directory above it.
    """
    if os.path.lexists(out) and not out.is_dir():
        raise OutputError(f"{out}: not a directory (it is a file); give a directory to --out")
    existing = out
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{out}: cannot be a directory, {existing} is a file")
    try:
        os.rmdir(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-check-", dir=existing))
    except OSError as e:
        raise OutputError(f"{out}: cannot write in {existing} ({e.strerror or e})") from None


def clean(out: Path, names: Iterable[str]) -> list[Path]:
    """Remove what builds killed while writing into ``out`` left there; the paths removed.

    That is staging folders and temporary files (``.graph.ttl.<pid>.XXXXXXXX``, or without the pid from
    older versions) of the files in ``names``, unless the process that made them still runs.
    """
    if not out.is_dir():
        return []
    files = "|".join(map(re.escape, [*names, MANIFEST]))
    temporary = re.compile(rf"\.(?:{files})\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{{8}}")
    staging = re.compile(re.escape(STAGING_PREFIX) + r"(?P<pid>\d+)-")
    removed = []
    for entry in sorted(out.iterdir()):
        m = staging.match(entry.name) if entry.is_dir() else temporary.fullmatch(entry.name)
        if m is None or _in_use(entry, m.group("pid")):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _in_use(path: Path, pid: str | None) -> bool:
    """True while the process that made ``path`` may still be writing it."""
    if pid is None:
        return False
    try:
        if time.time() - path.stat().st_mtime > STALE_SECONDS:
            return False
    except OSError:
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):  # no such process (or no such pid at all)
        return False
    except PermissionError:  # another user's process
        return True
    return True


class Staging:
    """A folder inside the output directory where a build's files are written before they are swapped in."""

    def __init__(self, out: Path, folder: Path):
        self.out = out
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / name

    def publish(self, files: dict[str, dict[str, str]], measured: dict[str, dict] | None = None) -> list[Path]:
        """Swap the staged ``files`` into the output directory, then the manifest describing them.

        ``files`` maps each file name to what the manifest says of it besides its size and SHA-256, which are
        measured here unless ``measured`` gives them (as :func:`measure` does: the process that wrote a file).
        """
        measured = measured or {}
        from kgraph.viz.site import describe, remove_folder, replace_folder, side_folder

        pages = [n for n in files if n.endswith(".html")]
        folders = {side_folder(n): files[n] for n in pages if self.path(side_folder(n)).is_dir()}
        entries = [
            {"file": name, **about, **(measured.get(name) or measure(self.path(name)))} for name, about in files.items()
        ]
        entries += [{"file": name, **about, **describe(self.path(name))} for name, about in folders.items()]
        manifest = json.dumps({"files": entries}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        self.path(MANIFEST).write_text(manifest, encoding="utf-8")
        (self.out / MANIFEST).unlink(missing_ok=True)  # from here until the last rename, no manifest: a swap
        for name in files:
            if name in pages and side_folder(name) in folders:  # a page's side folder goes in before the page
                replace_folder(self.path(side_folder(name)), self.out / side_folder(name))
            elif name in pages:
                remove_folder(self.out / side_folder(name))  # a larger page's, from an earlier build
            os.replace(self.path(name), self.out / name)
        os.replace(self.path(MANIFEST), self.out / MANIFEST)
        return [self.out / name for name in files] + [self.out / name for name in folders]


@contextmanager
def staging(out: Path, names: Iterable[str]) -> Iterator[Staging]:
    """A staging folder in ``out`` (made, and cleared of earlier builds' leftovers), removed when the block ends."""
    out.mkdir(parents=True, exist_ok=True)
    clean(out, names)
    folder = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out))
    try:
        yield Staging(out, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(path: Path) -> dict[str, int | str]:
    """A file's size and SHA-256, as the manifest gives them."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return {"bytes": size, "sha256": digest.hexdigest()}


def read_manifest(out: Path) -> dict[str, dict[str, int | str]]:
    """The files a build's manifest lists, by name; empty when there is no manifest."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {e["file"]: e for e in data["files"]}


def verify(out: Path) -> list[str]:
    """The files of ``out``'s manifest that are missing or differ from it (empty: one build's files, whole)."""
    bad = []
    from kgraph.viz.site import describe

    for name, entry in read_manifest(out).items():
        path = out / name
        if "files" in entry:  # a page's side folder
            if not path.is_dir() or describe(path) != {k: entry[k] for k in ("files", "bytes", "sha256")}:
                bad.append(name)
        elif not path.is_file() or measure(path) != {"bytes": entry["bytes"], "sha256": entry["sha256"]}:
            bad.append(name)
    return bad
