"""The garbage collector kept off what a build holds until its end.

A build merges millions of dicts, lists and tuples that all live until it ends. Python's collector walks every
tracked object at each full collection, and with the heap growing, full collections keep coming: at 2,000
articles they were a fifth of the time of merging the articles' facts. Moving what is already merged out of
its sight (``gc.freeze``) as the build goes leaves it only the newly made objects to walk.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

#: What a command line leaves to the operating system (:func:`leave_at_exit`), and whether one runs.
_LEFT: list[object] = []
_RUNNING = False


@contextmanager
def kept() -> Iterator[Callable[[], None]]:
    """A block in which calling the function it yields moves every object made so far out of the collector's
    sight. When the block ends they are put back (unless objects were frozen before it: then they stay, as
    the code that froze those expects), so a graph dropped later is collected as usual."""
    before = gc.get_freeze_count()
    try:
        yield gc.freeze
    finally:
        if before == 0:
            gc.unfreeze()


@contextmanager
def paused() -> Iterator[None]:
    """A block that makes millions of objects that all live on (a kept graph read back): no collection runs
    in it, where each full one would walk everything made so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def leave_at_exit(value: object) -> None:
    """Keep ``value`` (a built graph) until the command line that runs ends (:func:`run`), which then ends
    without freeing it. Freeing a graph of millions of objects one by one is a command's last and slowest act
    (17 to 30 s at 100,000 articles), where the operating system takes the whole heap back at once.
    Outside a command line (a notebook, the tests) this does nothing."""
    if _RUNNING:
        _LEFT.append(value)


def run(main: Callable[[], int]) -> NoReturn:
    """Run a command line's ``main`` and exit with its code; what it left (:func:`leave_at_exit`) is not freed:
    its output is flushed and the process ends at once (every file it wrote is closed by then)."""
    global _RUNNING
    _RUNNING = True
    code = main()
    if _LEFT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
