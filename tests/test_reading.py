from pathlib import Path

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
    text, encoding, problem = decode(b"\xff\xfe\xfd\xfc\x80\x81\xff")
    assert text is None and problem == D.UNDECODABLE


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
