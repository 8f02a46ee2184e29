from kgraph.viz.shards import MAX_SHARDS, Shard, encode, fnv1a, hex_width, shard_count


def test_fnv1a_is_the_standard_32_bit_hash_of_the_utf8_bytes():
    # Published FNV-1a test vectors; the page's JavaScript computes the same (tested in a browser).
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968
    assert fnv1a("贵州") != fnv1a("贵州省")


def test_shard_counts_are_powers_of_two_that_bound_the_shard_size():
    assert shard_count(0, 64) == 1 and shard_count(64, 64) == 1 and shard_count(65, 64) == 2
    assert shard_count(10_000, 64) == 256
    assert shard_count(10**12, 64) == MAX_SHARDS  # never millions of files
    assert hex_width(1) == 1 and hex_width(256) == 2 and hex_width(257) == 3


def test_json_cannot_end_a_script_element_or_a_script():
    text = encode({"s": "</script><img src=x onerror=alert(1)> & \u2028 中文"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert "中文" in text  # UTF-8, not \\u escapes: Chinese sentences stay a third of the size
    shard = Shard("n", 10, text)
    assert shard.path({"n": 512}) == "n/00a.js"
    assert shard.script() == f'kgraphShard("n",10,{text});\n'
