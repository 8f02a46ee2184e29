"""The collector kept off a build's objects within the block, and given them back after it."""

import gc

from kgraph import heap


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
