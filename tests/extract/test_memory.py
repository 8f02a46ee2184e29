"""Memory stays flat across builds: what extraction loads (the gazetteer, the packs' tables and automata, jieba's
dictionary with kgraph's words) is loaded once per process, and nothing one build makes outlives it.

The reproducer: ``build()`` again and again over a folder of one Chinese and one English article once grew by
about 1.4 MB a call (400 calls: 233 to 804 MB), as each build loaded a fresh gazetteer and the Chinese atom
automaton was cached by the ``id`` of its name table, so every build added an automaton that was never freed.
"""

from __future__ import annotations

import gc
import shutil
import tracemalloc
from pathlib import Path

from kgraph.pipeline import build

#: Builds before measuring (tables, automata, jieba and caches filled), builds measured, and the growth allowed
#: over all of them: a build makes and frees tens of megabytes, the leak kept 1.4 MB of each.
WARM_UP = 3
BUILDS = 30
ALLOWED = 1_000_000

CHINESE = """ date 2022-01-21 保定市人民政府市长选举产生
据保定日报消息,1月21日上午,保定市人大会议举行全体会议。经大会选举,王凯当选为保定市人民政府市长。

去年12月30日,保定市人大常委会会议决定,接受张华辞去保定市人民政府市长职务,任命王凯为保定市人民政府副市长、代理市长。

1月17日,时任保定市代市长王凯作政府工作报告。市委书记刘国强主持会议,市委副书记、市长张华,市委常委、组织部部长孙梅君出席。

王凯,1963年6月出生。2008年任益阳市委副书记,2011年任湖南省发改委主任,2016年调任河北省委常委、保定市委书记。
"""


def test_builds_do_not_grow_memory(tmp_path: Path, root: Path):
    (tmp_path / "d22_zh.txt").write_text(CHINESE, encoding="utf-8")
    shutil.copy(root / "seeds" / "000_e061b5f5ac0a93b8.txt", tmp_path / "d02_en.txt")
    for _ in range(WARM_UP):
        result = build([tmp_path])
    assert result.summary().articles == 2 and "person/wang-kai" in result.graph  # both packs ran
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for _ in range(BUILDS):
            build([tmp_path])
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = after - before
    assert growth < ALLOWED, f"{BUILDS} builds kept {growth / 1e6:.1f} MB ({growth / BUILDS / 1e3:.0f} kB a build)"
