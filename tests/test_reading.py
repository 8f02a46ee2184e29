import json
import os
from pathlib import Path

import pytest

from kgraph import diagnostics as D
from kgraph.reading import decode, expand, read_file, valid_date


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_seed_format_gives_id_date_headline_and_language(tmp_path):
    p = write(tmp_path, "007_abc.txt", " date 2023-04-07 Headline here\n\nBody text about Guizhou.\n")
    [article], warnings = read_file(p)
    assert (article.id, article.date, article.title, article.lang) == ("007_abc", "2023-04-07", "Headline here", "en")
    assert article.text.startswith("Headline here\n")
    assert warnings == []


def test_plain_text_takes_first_line_as_headline_and_finds_a_date(tmp_path):
    p = write(tmp_path, "plain.txt", "市委召开会议\n\n2024年05月29日 市委书记主持会议。\n")
    [article], warnings = read_file(p)
    assert article.title == "市委召开会议"
    assert article.date == "2024-05-29"
    assert article.lang == "zh"
    assert warnings == []


def test_missing_and_malformed_dates_warn_but_keep_the_article(tmp_path):
    nodate = write(tmp_path, "nodate.txt", "No date anywhere\n\nText.\n")
    bad = write(tmp_path, "bad.txt", " date 2023-13-45 Headline\n\nText.\n")
    [a1], w1 = read_file(nodate)
    [a2], w2 = read_file(bad)
    assert a1.date == "" and w1[0].message == D.NO_DATE and not w1[0].skipped
    assert a2.date == "" and "malformed date '2023-13-45'" in w2[0].message
    assert str(w2[0]).startswith(str(bad))


def test_empty_binary_and_huge_files_are_skipped_with_a_named_warning(tmp_path):
    empty = write(tmp_path, "empty.txt", "  \n")
    binary = write(tmp_path, "bin.txt", b"\x00\x01\x02PNG")
    huge = write(tmp_path, "huge.txt", " date 2023-01-01 x\n" + "a" * 2000)
    for path, message in ((empty, D.EMPTY), (binary, D.BINARY)):
        articles, [w] = read_file(path)
        assert articles == [] and w.skipped and w.message == message and w.path == str(path)
    articles, [w] = read_file(huge, max_bytes=1000)
    assert articles == [] and w.skipped and "above the 1,000-byte limit" in w.message


def test_gbk_text_is_decoded_and_reported(tmp_path):
    p = write(tmp_path, "gbk.txt", " date 2023-03-20 县委召开常委会\n\n县委书记张成主持会议。\n".encode("gbk"))
    [article], [w] = read_file(p)
    assert "县委书记张成" in article.text
    assert article.encoding == "gb18030"
    assert w.message == D.DECODED_GB and not w.skipped


def test_undecodable_bytes_are_skipped():
    for data in (b"caf\xe9 au lait \xff", b"\xff\xfe\xfd\xfc\x80\x81\xff"):  # the second begins as a UTF-16 mark
        decoded = decode(data)
        assert decoded.text is None and decoded.problem == D.UNDECODABLE, data


def test_jsonl_reads_good_lines_and_reports_bad_ones(tmp_path):
    lines = [
        '{"id": "a1", "date": "2023-05-01", "title": "Title", "text": "Body.", "source": "X", "url": "http://x"}',
        "{not json",
        '{"id": "a2", "text": ""}',
        '{"id": "a3", "date": "2023-02-30", "text": "Body three."}',
    ]
    p = write(tmp_path, "batch.jsonl", "\n".join(lines))
    articles, warnings = read_file(p)
    assert [a.id for a in articles] == ["a1", "a3"]
    assert articles[0].source == "X" and articles[0].url == "http://x" and articles[0].date == "2023-05-01"
    messages = [w.message for w in warnings]
    assert any(m.startswith("line 2: not valid JSON") for m in messages)
    assert any(m.startswith("line 3:") and "empty 'text'" in m for m in messages)
    assert any(m.startswith("line 4:") and "malformed date" in m for m in messages)


def test_expand_walks_directories_and_globs_and_reports_missing(tmp_path):
    write(tmp_path, "b.txt", "x")
    write(tmp_path, "a.jsonl", "x")
    write(tmp_path, "c.md", "x")
    files, warnings = expand([tmp_path, str(tmp_path / "*.txt"), tmp_path / "nope.txt"])
    assert [f.name for f in files] == ["a.jsonl", "b.txt"]
    assert warnings[0].message == D.NOT_FOUND and warnings[0].skipped


def test_valid_date_accepts_iso_and_chinese_forms():
    assert valid_date("2024-1-5") == "2024-01-05"
    assert valid_date("2024年05月29日") == "2024-05-29"
    assert valid_date("2024-02-30") is None


def test_chinese_file_names_are_distinct_article_ids(tmp_path):
    one = write(tmp_path, "新闻一.txt", " date 2023-04-07 泉州市委召开会议\n\n市委书记主持会议。\n")
    two = write(tmp_path, "新闻二.txt", " date 2023-05-08 福建省委召开会议\n\n省委书记主持会议。\n")
    [a1], w1 = read_file(one)
    [a2], w2 = read_file(two)
    assert (a1.id, a2.id) == ("新闻一", "新闻二") and w1 == w2 == []


def test_a_file_name_that_is_not_utf8_gives_a_writable_id_and_says_so(tmp_path):
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    p = write(tmp_path, name, " date 2023-04-07 Headline\n\nText.\n")
    [article], [w] = read_file(p)
    assert article.id == "caf\\xe9" and article.path.endswith("caf\\xe9.txt")
    assert w.message == D.ODD_NAME.format(id="caf\\xe9") and w.path.endswith("caf\\xe9.txt")
    article.path.encode("utf-8")  # printable, writable


BIG5_HEAD = " date 2023-06-12 浙江省委召開常委會會議\n\n"
BIG5_TEXT = BIG5_HEAD + "6月12日，浙江省委召開常委會會議，傳達學習中央精神。杭州市委負責同志參加會議。\n"
GB_TEXT = " date 2023-03-20 江西省委召开常委会会议\n\n3月20日，江西省委召开常委会会议，南昌市委负责同志参加会议。\n"


def test_big5_is_decoded_as_big5_although_gb18030_decodes_it_too(tmp_path):
    data = BIG5_TEXT.encode("big5")
    assert data.decode("gb18030") != BIG5_TEXT  # the reproducer: GB18030 reads it, as garbage
    [article], [w] = read_file(write(tmp_path, "big5.txt", data))
    assert article.text.startswith("浙江省委召開常委會會議\n") and article.encoding == "cp950"
    assert w.message == "not UTF-8; decoded as Big5" and not w.skipped


def test_gbk_that_big5_could_read_stays_gb18030():
    data = GB_TEXT.encode("gbk")
    decoded = decode(data)
    assert decoded.text == GB_TEXT and decoded.encoding == "gb18030" and decoded.problem == D.DECODED_GB


@pytest.mark.parametrize(
    ("codec", "encoding", "problem"),
    [
        ("utf-16", "utf-16", None),  # with a byte-order mark: no guess, no warning
        ("utf-16-le", "utf-16-le", "not UTF-8; decoded as UTF-16 (little-endian)"),
        ("utf-16-be", "utf-16-be", "not UTF-8; decoded as UTF-16 (big-endian)"),
        ("utf-32", "utf-32", None),
    ],
)
def test_utf16_files_are_read_not_taken_for_binary(tmp_path, codec, encoding, problem):
    for text in (GB_TEXT, " date 2023-07-02 Hunan meeting\n\nThe Hunan Provincial Party Committee met.\n"):
        [article], warnings = read_file(write(tmp_path, "u.txt", text.encode(codec)))
        header, rest = text.split("\n", 1)
        assert article.date == header.split()[1] and article.text == article.title + "\n" + rest
        assert article.title and article.title in header
        assert article.encoding == encoding
        assert [w.message for w in warnings] == ([problem] if problem else [])


def test_binary_with_nul_bytes_is_still_binary(tmp_path):
    for data in (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        b"\x00\x01\x02\x03" * 40,
        b"a\x00b\x00\x01\x00",
    ):
        articles, [w] = read_file(write(tmp_path, "b.txt", data))
        assert articles == [] and w.message == D.BINARY and w.skipped


def test_jsonl_splits_lines_at_newlines_only(tmp_path):
    # The reproducer: str.splitlines split this valid record at U+2028 and dropped it as two bad lines.
    rec = {"id": "u2028", "date": "2023-06-01", "text": "One\u2028two\u2029three\x85four\x0bfive\x1cend."}
    p = write(tmp_path, "sep.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    assert "\u2028" in p.read_text(encoding="utf-8")
    [article], warnings = read_file(p)
    assert article.text == rec["text"] and warnings == []


def test_jsonl_ids_must_be_strings(tmp_path):
    lines = ['{"id": 5, "text": "Five."}', '{"id": ["a"], "text": "A list."}', '{"id": "", "text": "Empty."}']
    lines += ['{"id": null, "text": "Null."}', '{"id": "ok", "date": "2023-01-01", "text": "Fine."}']
    p = write(tmp_path, "ids.jsonl", "\n".join(lines))
    articles, warnings = read_file(p)
    assert [a.id for a in articles] == ["ok"]
    assert [w.message for w in warnings] == [
        "line 1: 'id' must be a non-empty string, not a number (5); the record is skipped",
        "line 2: 'id' must be a non-empty string, not an array ([\"a\"]); the record is skipped",
        "line 3: 'id' must be a non-empty string, not ''; the record is skipped",
        "line 4: 'id' must be a non-empty string, not null (null); the record is skipped",
    ]
    assert all(w.skipped and w.path == str(p) for w in warnings)


def test_jsonl_urls_that_are_no_iri_are_encoded_or_left_out(tmp_path):
    urls = ["https://example.com/a b", "example.com/news", 7, "https://example.com/ok"]
    lines = [json.dumps({"id": f"u{i}", "date": "2023-01-01", "text": "T.", "url": u}) for i, u in enumerate(urls)]
    p = write(tmp_path, "urls.jsonl", "\n".join(lines))
    articles, warnings = read_file(p)
    assert [a.url for a in articles] == ["https://example.com/a%20b", "", "", "https://example.com/ok"]
    assert [w.message for w in warnings] == [
        "line 1: 'url' 'https://example.com/a b' holds characters an IRI cannot; written as "
        "'https://example.com/a%20b'",
        "line 2: 'url' 'example.com/news' is not an absolute IRI (no scheme such as https:); the url is left out",
        "line 3: 'url' '7' is not an absolute IRI (no scheme such as https:); the url is left out",
    ]


def test_jsonl_lone_surrogates_and_odd_lines_never_raise(tmp_path):
    lines = [
        '{"id": "s", "date": "2023-01-01", "text": "Text \\ud800 here.", "title": "T \\udfff"}',
        "[" * 100_000,
        '{"id": "big", "text": ' + "1" * 5000 + "}",
    ]
    p = write(tmp_path, "odd.jsonl", "\n".join(lines))
    [article], warnings = read_file(p)
    assert article.text == "T \ufffd\nText \ufffd here." and article.title == "T \ufffd"
    assert [w.message for w in warnings] == [
        "line 1: lone surrogate escapes (\\ud800-\\udfff) in 'title', 'text'; replaced by U+FFFD",
        "line 2: not valid JSON (nested too deeply)",
        "line 3: not valid JSON (Exceeds the limit (4300 digits) for integer string conversion)",
    ]


def test_an_unreadable_directory_is_named_not_skipped_in_silence(tmp_path):
    write(tmp_path, "good.txt", " date 2023-01-01 Good\n\nText.\n")
    # A loop of directory links: stat fails with ELOOP, for root as for anyone.
    (tmp_path / "loop_a").symlink_to("loop_b")
    (tmp_path / "loop_b").symlink_to("loop_a")
    (tmp_path / "lost.txt").symlink_to("nowhere.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked, "inside.txt", "x")
    locked.chmod(0)
    try:
        files, warnings = expand([tmp_path])
    finally:
        locked.chmod(0o755)
    got = {w.path: w.message for w in warnings}
    assert got.pop(str(tmp_path / "loop_a")) == "cannot read: Too many levels of symbolic links"
    assert got.pop(str(tmp_path / "loop_b")) == "cannot read: Too many levels of symbolic links"
    assert got.pop(str(tmp_path / "lost.txt")) == "symbolic link to nothing (No such file or directory); skipped"
    if os.geteuid() != 0:  # root reads a directory whatever its mode
        assert got.pop(str(locked)) == "cannot read this directory (Permission denied); the files in it are skipped"
        assert [f.name for f in files] == ["good.txt"]
    assert got == {} and all(w.skipped for w in warnings)


def test_a_jsonl_file_over_the_limit_is_read_and_its_oversized_records_skipped(tmp_path):
    records = [{"id": f"a{i}", "date": "2024-01-01", "title": "t", "text": "Text. " * 60} for i in range(10)]
    records[3]["text"] = "Long. " * 400
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert path.stat().st_size > 1000
    articles, [w] = read_file(path, max_bytes=1000)
    assert [a.id for a in articles] == [f"a{i}" for i in range(10) if i != 3]
    assert w.skipped and "line 4: the record is 2,4" in w.message and "1,000-byte limit" in w.message
