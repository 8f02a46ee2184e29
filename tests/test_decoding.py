"""The encoding judge: Big5 and GB18030 told apart by how much of the text is common Chinese characters."""

import random

import pytest

from kgraph.decoding import common_characters, common_share, decode


def level_one(codec: str) -> list[str]:
    """The characters of the first level of GB 2312 or Big5, in code order."""
    chars = common_characters()
    return sorted(ch for ch in chars if _encodes(ch, codec))


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(("codec", "expected"), [("big5", "cp950"), ("gbk", "gb18030")])
def test_random_text_of_common_characters_is_read_in_its_own_encoding(codec, expected):
    rng = random.Random(7)
    pool = level_one(codec)
    for _ in range(50):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(4, 60))) + "。\n"
        decoded = decode(text.encode(codec))
        assert decoded.text == text and decoded.encoding == expected, text


def test_the_share_of_common_characters():
    assert common_share("浙江省委召開常委會會議") == 1.0
    assert common_share("郡〆秨盽〆穦穦某") < 0.7  # the same Big5 bytes read as GB18030
    assert common_share("plain ASCII") == 0.0
    common = common_characters()
    assert {"们", "們", "国", "國", "书", "書"} <= common and not {"〆", "る", "秨"} & common
    assert len(common) == 6722  # 3,755 (GB 2312 level 1) + 5,401 (Big5 level 1) - 2,434 in both


def test_utf16_text_that_begins_with_nul_is_not_taken_for_utf32():
    """FF FE 00 00 begins UTF-32-LE, and also UTF-16-LE text whose first character is U+0000."""
    for text in ("\x00abc", "\x00, \n"):
        decoded = decode(text.encode("utf-16"))
        assert (decoded.text, decoded.encoding) == (text, "utf-16")
    assert decode("abc".encode("utf-32")).text == "abc"
