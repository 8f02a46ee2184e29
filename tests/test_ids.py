import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.ids import absolute_iri, iri_path, slug, writable


def test_slug():
    assert slug("Zhang Yigong") == "zhang-yigong" and slug("Xi'an") == "xian" and slug("Building +") == "building-plus"


def test_ascii_ids_keep_the_iri_they_always_had():
    for key in ("article/001_ff0ac76d1563aa03", "article/d01_en", "body/330000/party_committee", "person/zou-lianke"):
        assert iri_path(key) == key


def test_articles_named_in_chinese_get_different_iris():
    # The reproducer: 新闻一.txt and 新闻二.txt were one RDF article (every non-ASCII character became "_").
    one, two = iri_path("article/新闻一"), iri_path("article/新闻二")
    assert one != two
    assert one == "article/%E6%96%B0%E9%97%BB%E4%B8%80"
    assert iri_path("article/news item") != iri_path("article/news_item")  # " " no longer turns into "_"
    assert iri_path("article/a%20b") != iri_path("article/a b")  # "%" is encoded too, so the rule is one-to-one


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_iri_paths_are_one_to_one_and_valid(a, b):
    if a != b:
        assert iri_path(a) != iri_path(b)
    ox.NamedNode("https://w3id.org/kgraph/id/" + iri_path(a))  # raises on an invalid IRI


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_writable_text_encodes_as_utf8_and_holds_no_control_characters(text):
    out = writable(text)
    out.encode("utf-8")
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in out)


def test_writable_escapes_what_no_export_can_hold():
    assert writable("新闻 one.txt") == "新闻 one.txt"
    assert writable("a\x01b") == "a\\x01b"
    assert writable(b"caf\xe9".decode("utf-8", "surrogateescape")) == "caf\\xe9"  # a file name that is not UTF-8


@pytest.mark.parametrize(
    ("url", "iri"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("http://例子.中国/新闻", "http://例子.中国/新闻"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://example.com/<x>", "https://example.com/%3Cx%3E"),
        ("https://example.com/a\x01", "https://example.com/a%01"),
        ("https://example.com/%zz", "https://example.com/%25zz"),
        ("www.example.com/a", None),
        ("/news/1", None),
        ("", None),
    ],
)
def test_absolute_iri(url, iri):
    assert absolute_iri(url) == iri
