import pytest

from kgraph.extract.en.bylines import find_bylines


@pytest.mark.parametrize(
    "text,names,outlets",
    [
        ("Our reporter Li Linwei\n\nSince the launch", ["Li Linwei"], []),
        ("(Our reporter Lu Shen Chen Guanhe)", ["Lu Shen", "Chen Guanhe"], []),
        ("other matters. (Quanzhou Evening News reporter Chen Linsen)", ["Chen Linsen"], ["Quanzhou Evening News"]),
        ("expansion).Photo by reporter Su Si/Visual Chongqing\n", ["Su Si"], ["Visual Chongqing"]),
        (
            "Huasheng Online, March 14th (all-media reporter Liu Yanjuan and Sun Minjian) On",
            ["Liu Yanjuan", "Sun Minjian"],
            ["Huasheng Online"],
        ),
        ("Translator: Guo Weifeng", ["Guo Weifeng"], []),
    ],
)
def test_bylines(text, names, outlets):
    people, found = find_bylines(text)
    assert [p.name.name for p in people] == names
    assert found == outlets


def test_officials_in_body_text_are_not_bylines():
    people, _ = find_bylines("Zhang Yigong, secretary of the Quanzhou Municipal Party Committee, presided.")
    assert people == []
