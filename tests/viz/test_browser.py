"""The explorer in a real headless Chromium: it renders, finds, filters, draws careers and runs no injected script."""

import io
import os
from pathlib import Path

import pytest

from kgraph.pipeline import build
from kgraph.viz import headless
from kgraph.viz.explorer import render, select


@pytest.fixture(scope="module")
def browser():
    if not headless.available():
        reason = "Chromium and ChromeDriver are not installed (Debian: apt-get install chromium chromium-driver)"
        if os.environ.get("KGRAPH_REQUIRE_BROWSER"):
            pytest.fail(reason + ", and KGRAPH_REQUIRE_BROWSER is set")
        pytest.skip(reason)
    driver = headless.chromium(console_log=True)
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> None:
    headless.open_explorer(driver, path, timeout=30)


def errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("page")
    article = out / "zh.txt"
    article.write_text(
        " date 2023-05-01 贵州省委召开会议\n\n省委书记徐麟主持会议,深入开展主题教育。\n", encoding="utf-8"
    )
    graph = build([root / "seeds", article]).graph
    page = out / "graph.html"
    page.write_text(render(graph), encoding="utf-8")
    return page, graph


def test_page_renders_all_nodes_without_console_errors(browser, seeds_page):
    page, graph = seeds_page
    open_page(browser, page)
    expected = len(select(graph).nodes)
    assert browser.execute_script("return window.kgVisibleNodes()") == expected
    assert errors(browser) == []


def test_search_selects_and_zooms_in_both_languages(browser, seeds_page):
    page, _ = seeds_page
    open_page(browser, page)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search")
    box.send_keys("Zou Lianke", Keys.ENTER)
    assert browser.execute_script("return window.kgNetwork.getSelectedNodes()") == ["person/zou-lianke"]
    assert "Director, Guizhou Provincial Department of Education" in browser.find_element(By.ID, "panel").text
    assert browser.execute_script("return window.kgNetwork.getScale()") > 1.0
    assert browser.execute_script("return window.kgSearch('徐麟')") == "person/xu-lin"
    assert errors(browser) == []


def test_filters_hide_types_and_relations(browser, seeds_page):
    page, graph = seeds_page
    open_page(browser, page)
    from selenium.webdriver.common.by import By

    campaigns = sum(1 for _, d in select(graph).nodes(data=True) if d["type"] == "Campaign")
    total = browser.execute_script("return window.kgVisibleNodes()")
    browser.find_element(By.CSS_SELECTOR, '#types input[data-name="Campaign"]').click()
    assert browser.execute_script("return window.kgVisibleNodes()") == total - campaigns
    # A date picker has no typeable text in headless Chromium: set it as the picker would, then fire change.
    browser.execute_script(
        "var f = document.getElementById('from'); f.value = '2023-05-08'; f.dispatchEvent(new Event('change'));"
    )
    assert 0 < browser.execute_script("return window.kgVisibleNodes()") < total - campaigns


def test_screenshot_is_not_blank(browser, seeds_page, tmp_path):
    from PIL import Image
    from selenium.webdriver.common.by import By

    page, _ = seeds_page
    open_page(browser, page)
    shot = tmp_path / "explorer.png"
    assert browser.save_screenshot(str(shot))
    network = browser.find_element(By.ID, "network").screenshot_as_png
    image = Image.open(io.BytesIO(network)).convert("RGB").resize((140, 90))
    colours = image.getcolors(maxcolors=140 * 90)
    assert len(colours) > 20  # a drawn network, not an empty canvas
    non_white = sum(n for n, c in colours if sum(c) < 720)
    assert non_white > 0.01 * 140 * 90
    assert Image.open(shot).size[0] >= 1000


def test_injected_markup_never_runs(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    article = tmp_path / "evil.txt"
    article.write_text(
        " date 2023-01-01 Head <script>window.__xss = 1; alert(1)</script> \"quoted\" 'single'\n\n"
        'The Guizhou Provincial Party Committee carried out the “<img src=x onerror="window.__xss=2"> Strategy”'
        " and the “Nine Activities” in <script>window.__xss=3</script> Guizhou.\n",
        encoding="utf-8",
    )
    page = tmp_path / "graph.html"
    page.write_text(render(build([article]).graph), encoding="utf-8")
    open_page(browser, page)
    assert browser.execute_script("return window.__xss") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return window.kgSearch('Strategy')") is not None
    panel = browser.execute_script("return document.getElementById('panel').textContent")
    assert "<img src=x" in panel  # shown as text
    browser.execute_script("return window.kgSearch('Guizhou Provincial Party Committee')")
    panel = browser.execute_script("return document.getElementById('panel').textContent")
    assert "<script>window.__xss = 1; alert(1)</script>" in panel
    assert browser.execute_script("return window.__xss") is None
    assert errors(browser) == []


@pytest.fixture(scope="module")
def careers_page(tmp_path_factory):
    from tests.careers_graph import career_graph

    page = tmp_path_factory.mktemp("careers") / "graph.html"
    page.write_text(render(career_graph()), encoding="utf-8")
    return page


def set_dates(driver, start: str, end: str) -> None:
    """Set the date range as the pickers would, then fire their change events."""
    driver.execute_script(
        "for (const [id, v] of [['from', arguments[0]], ['to', arguments[1]]]) {"
        "  const f = document.getElementById(id); f.value = v; f.dispatchEvent(new Event('change')); }",
        start,
        end,
    )


def test_an_officials_panel_draws_the_career_as_a_timeline(browser, careers_page):
    open_page(browser, careers_page)
    assert browser.execute_script("return window.kgSearch('胡和平')") == "person/hu-heping"
    posts = browser.execute_script(
        "return Array.from(document.querySelectorAll('#panel .timeline .post')).map(p => ({"
        "  what: p.querySelector('.what').textContent, when: p.querySelector('.when').textContent,"
        "  bar: p.querySelector('.bar').className,"
        "  left: p.querySelector('.bar').getBoundingClientRect().left,"
        "  right: p.querySelector('.bar').getBoundingClientRect().right,"
        "  track: p.querySelector('.track').getBoundingClientRect().right}))"
    )
    assert [(p["what"], p["when"], p["bar"]) for p in posts] == [
        ("Deputy Secretary, Yiyang Municipal Party Committee", "2008 – ended, date unknown", "bar end-unknown"),
        ("Vice Governor, Hunan Provincial People's Government", "2011-03 – 2016-05", "bar"),
        ("Secretary, Yiyang Municipal Party Committee", "2016 – open", "bar open"),
        ("Member of the Standing Committee, Hunan Provincial Party Committee", "reported 2023-03-15", "bar reported"),
    ]
    deputy, governor, secretary, _ = posts
    assert deputy["left"] < governor["left"] < governor["right"] < secretary["right"]  # on one time axis
    assert governor["right"] < governor["track"] - 50  # a closed post stops at its end
    assert abs(secretary["right"] - secretary["track"]) < 2  # an open one runs to the axis end
    arrow = browser.execute_script(
        "return getComputedStyle(document.querySelector('#panel .bar.open'), '::after').content"
    )
    assert "▶" in arrow
    axis = browser.execute_script("return document.querySelector('#panel .timeline .axis').textContent")
    assert axis == "20082023"
    assert browser.execute_script("return window.kgSearch('Yiyang Municipal Party Committee')")
    assert browser.execute_script("return document.querySelector('#panel .timeline')") is None  # a body has none
    assert errors(browser) == []


def test_the_date_filter_keeps_posts_whose_span_overlaps_the_range(browser, careers_page):
    open_page(browser, careers_page)

    def posts() -> set[str]:
        return {
            e["text"] for e in browser.execute_script("return window.kgVisibleEdges()") if e["relation"] == "holds_post"
        }

    everything = posts()
    assert "holds post: Vice Governor (2011-03 – 2016-05)" in everything and len(everything) == 7
    set_dates(browser, "2017-01-01", "2018-12-31")
    shown = posts()
    assert "holds post: Vice Governor (2011-03 – 2016-05)" not in shown  # ended in May 2016
    assert "holds post: Secretary (2012-06 – 2016)" not in shown  # Li Ming's ended with 2016
    assert "holds post: Secretary (2016 – open)" in shown  # still held
    assert "holds post: Deputy Secretary (2008 – ended, date unknown)" in shown  # nothing says it ended before
    assert "holds post: Mayor" not in shown  # no date: reported in 2023 only
    assert browser.execute_script("return window.kgVisibleNodes()") > 0
    set_dates(browser, "2012-05-01", "2012-05-31")
    may = posts()
    assert "holds post: Secretary (… – 2012-05)" in may and "holds post: Secretary (2012-06 – 2016)" not in may
    # Officials and bodies the articles only name in 2016-2023 stay shown for the posts they held in 2012.
    shown_nodes = browser.execute_script("return window.kgNetwork.body.data.nodes.getIds()")
    assert {"person/wu-qiang", "body/430900/party_committee"} <= set(shown_nodes)
    assert "person/zhou-lan" not in shown_nodes
    assert errors(browser) == []


def test_markup_in_a_career_is_shown_as_text(browser, tmp_path):
    from tests.careers_graph import HUNAN_GOV, career_graph

    g = career_graph()
    g.nodes[HUNAN_GOV]["label"] = '<img src=x onerror="window.__xss=4">Hunan'
    page = tmp_path / "graph.html"
    page.write_text(render(g), encoding="utf-8")
    open_page(browser, page)
    browser.execute_script("window.kgSearch('Hu Heping')")
    timeline = browser.execute_script("return document.querySelector('#panel .timeline').textContent")
    assert 'Vice Governor, <img src=x onerror="window.__xss=4">Hunan' in timeline
    assert browser.execute_script("return document.querySelectorAll('#panel img').length") == 0
    assert browser.execute_script("return window.__xss") is None
