"""The collector kept off a build's objects within the block, and given them back after it."""

import gc
import subprocess
import sys

import pytest

from kgraph import heap

from .conftest import ROOT


def test_settled_objects_leave_the_collectors_sight_until_the_block_ends():
    assert gc.get_freeze_count() == 0
    with heap.kept() as settle:
        kept = [[i] for i in range(1000)]
        settle()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_objects_frozen_before_the_block_stay_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with heap.kept() as settle:
            settle()
        assert gc.get_freeze_count() >= before > 0
    finally:
        gc.unfreeze()


def test_no_collection_runs_in_a_paused_block_and_the_collector_comes_back_after_it():
    assert gc.isenabled()
    with heap.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with heap.paused():
            pass
        assert not gc.isenabled()  # as it was before the block
    finally:
        gc.enable()


RUN = """
import sys
from kgraph import heap

class Graph:
    def __del__(self):
        print("freed", flush=True)

def main():
    graph = Graph()
    print("built")
    if sys.argv[1] == "leave":
        heap.leave_at_exit(graph)
    return 3

heap.run(main)
"""


@pytest.mark.parametrize(("how", "freed"), [("leave", False), ("free", True)])
def test_a_command_line_ends_without_freeing_what_it_left_and_with_its_output_and_code(how, freed):
    r = subprocess.run([sys.executable, "-c", RUN, how], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert r.returncode == 3 and r.stdout.startswith("built\n")
    assert ("freed" in r.stdout) is freed


def test_outside_a_command_line_nothing_is_left():
    heap.leave_at_exit(object())
    assert heap._LEFT == []
