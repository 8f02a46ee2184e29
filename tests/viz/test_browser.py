"""The explorer in a real headless Chromium: it draws, finds, filters, draws careers, loads what it does not draw
from its shards, and runs no injected script. Every test runs on both kinds of page: shards inline, and shards in
side files next to the page (the same code reads both)."""

import io
import os
from pathlib import Path

import pytest

from kgraph.pipeline import build
from kgraph.viz import headless
from kgraph.viz.explorer import select, write_site
from kgraph.viz.shards import fnv1a
from tests.viz.pages import inline_store, page_json, records, side_store

MODES = {"inline": 10**9, "side": 0}  # inline_limit: everything in the page, or every shard in a side file


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


@pytest.fixture(scope="module", params=list(MODES))
def mode(request) -> str:
    return request.param


def write(graph, folder: Path, mode: str, **kwargs) -> Path:
    """Write the page in ``mode`` and check it is that kind of page."""
    written = write_site(graph, folder, inline_limit=MODES[mode], **kwargs)
    assert len(written) == (2 if mode == "side" else 1)
    return written[0]


def open_page(driver, path: Path) -> None:
    headless.open_explorer(driver, path, timeout=30)


def errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait(driver, script: str, *args, timeout: float = 10):
    """Wait until ``script`` returns something truthy (opening a node loads its record first); return it."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(script, *args))


def panel(driver) -> str:
    return driver.execute_script("return document.getElementById('panel').textContent")


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("articles")
    article = out / "zh.txt"
    article.write_text(
        " date 2023-05-01 贵州省委召开会议\n\n省委书记徐麟主持会议,深入开展主题教育。\n", encoding="utf-8"
    )
    return build([root / "seeds", article]).graph


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory, seeds_graph, mode):
    return write(seeds_graph, tmp_path_factory.mktemp(f"page-{mode}"), mode), seeds_graph


def test_page_renders_all_nodes_without_console_errors(browser, seeds_page):
    page, graph = seeds_page
    open_page(browser, page)
    expected = len(select(graph).nodes)
    assert browser.execute_script("return window.kgVisibleNodes()") == expected
    assert browser.execute_script("return document.getElementById('shown').textContent") == (
        f"{expected} of {expected} entities drawn"
    )
    assert errors(browser) == []


def test_search_selects_and_zooms_in_both_languages(browser, seeds_page):
    page, _ = seeds_page
    open_page(browser, page)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search")
    box.send_keys("Zou Lianke", Keys.ENTER)
    assert wait(browser, "return window.kgNetwork.getSelectedNodes()") == ["person/zou-lianke"]
    assert "Director, Guizhou Provincial Department of Education" in panel(browser)
    assert browser.execute_script("return window.kgNetwork.getScale()") > 1.0
    assert browser.execute_script("return window.kgSearch('徐麟')") == "person/xu-lin"
    assert browser.execute_script("return document.getElementById('status').textContent") == "Found: Xu Lin"
    assert browser.execute_script("return window.kgSearch('Atlantis')") is None
    assert "No match" in browser.execute_script("return document.getElementById('status').textContent")
    assert errors(browser) == []


def test_suggestions_while_typing(browser, seeds_page):
    page, _ = seeds_page
    open_page(browser, page)
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "search").send_keys("zou")
    options = wait(browser, "return Array.from(document.querySelectorAll('#names option')).map(o => o.value)")
    assert options[0] == "Zou Lianke"


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


def test_the_page_hashes_ids_as_python_does(browser, seeds_page):
    page, _ = seeds_page
    open_page(browser, page)
    ids = ["person/zou-lianke", "body/520000/party_committee", "贵州省委", "", "cluster:region/520000"]
    assert browser.execute_script("return arguments[0].map(window.KG.hash)", ids) == [fnv1a(i) for i in ids]


def test_injected_markup_never_runs(browser, tmp_path, mode):
    from selenium.common.exceptions import NoAlertPresentException

    article = tmp_path / "evil.txt"
    article.write_text(
        " date 2023-01-01 Head <script>window.__xss = 1; alert(1)</script> \"quoted\" 'single'\n\n"
        'The Guizhou Provincial Party Committee carried out the “<img src=x onerror="window.__xss=2"> Strategy”'
        " and the “Nine Activities” in <script>window.__xss=3</script> Guizhou.\n",
        encoding="utf-8",
    )
    page = write(build([article]).graph, tmp_path / "out", mode)
    open_page(browser, page)
    assert browser.execute_script("return window.__xss") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return window.kgSearch('Strategy')") is not None
    assert "<img src=x" in panel(browser)  # shown as text
    browser.execute_script("return window.kgSearch('Guizhou Provincial Party Committee')")
    assert "<script>window.__xss = 1; alert(1)</script>" in panel(browser)
    assert browser.execute_script("return window.__xss") is None
    assert errors(browser) == []


@pytest.fixture(scope="module")
def careers_page(tmp_path_factory, mode):
    from tests.careers_graph import career_graph

    return write(career_graph(), tmp_path_factory.mktemp(f"careers-{mode}"), mode)


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


def test_markup_in_a_career_is_shown_as_text(browser, tmp_path, mode):
    from tests.careers_graph import HUNAN_GOV, career_graph

    g = career_graph()
    g.nodes[HUNAN_GOV]["label"] = '<img src=x onerror="window.__xss=4">Hunan'
    open_page(browser, write(g, tmp_path, mode))
    browser.execute_script("return window.kgSearch('Hu Heping')")
    timeline = browser.execute_script("return document.querySelector('#panel .timeline').textContent")
    assert 'Vice Governor, <img src=x onerror="window.__xss=4">Hunan' in timeline
    assert browser.execute_script("return document.querySelectorAll('#panel img').length") == 0
    assert browser.execute_script("return window.__xss") is None


def test_a_focused_page_opens_on_its_entity(browser, tmp_path, seeds_graph, mode):
    page = write(seeds_graph, tmp_path, mode, focus="Guizhou", depth=1)
    open_page(browser, page)
    assert wait(browser, "return window.kgNetwork.getSelectedNodes()") == ["region/520000"]
    assert panel(browser).startswith("Guizhou")
    assert browser.execute_script("return window.kgVisibleNodes()") == len(select(seeds_graph, "Guizhou", 1).nodes)


# An overview of 40 entities: the rest is drawn only when opened, from its record.


@pytest.fixture(scope="module")
def overview_page(tmp_path_factory, seeds_graph, mode):
    page = write(seeds_graph, tmp_path_factory.mktemp(f"overview-{mode}"), mode, overview=40)
    html = page.read_text(encoding="utf-8")
    store = inline_store(html) if mode == "inline" else side_store(page.parent / "graph.files")
    return page, page_json(html), records(store)


def drawn(driver) -> set[str]:
    return set(driver.execute_script("return window.kgNetwork.body.data.nodes.getIds()"))


def test_an_overview_draws_the_best_connected_and_clusters_for_the_rest(browser, overview_page):
    page, data, _ = overview_page
    open_page(browser, page)
    clusters = [n for n in data["nodes"] if n["group"] == "Cluster"]
    assert clusters and len(data["nodes"]) == 40 + len(clusters)
    assert browser.execute_script("return window.kgVisibleNodes()") == len(data["nodes"])
    shown = browser.execute_script("return document.getElementById('shown').textContent")
    assert shown == f"40 of {data['total']} entities drawn, the rest in {len(clusters)} clusters by region"
    # No record is loaded before it is needed; the first part of the search list is, after the first drawing.
    assert [f for f in browser.execute_script("return window.kgSideFiles()") if not f.startswith("r/")] == []
    assert errors(browser) == []


def test_searching_an_entity_not_drawn_loads_its_neighbourhood_and_evidence(browser, overview_page, mode):
    page, data, everything = overview_page
    open_page(browser, page)
    in_page = {n["id"] for n in data["nodes"]}
    assert "person/zou-lianke" not in in_page
    record = everything["person/zou-lianke"]
    assert browser.execute_script("return window.kgSearch('Zou Lianke')") == "person/zou-lianke"
    now = drawn(browser)
    assert {"person/zou-lianke", *(n["id"] for n in record["near"])} <= now  # it and its neighbours
    assert record["edges"] and not [e for e in data["edges"] if "person/zou-lianke" in (e["from"], e["to"])]
    visible = {(e["from"], e["to"]) for e in browser.execute_script("return window.kgVisibleEdges()")}
    assert {(e["from"], e["to"]) for e in record["edges"]} <= visible
    text = panel(browser)
    assert "Director, Guizhou Provincial Department of Education" in text
    assert record["detail"]["evidence"][0]["sentence"] in text and "2023-05-07" in text
    shard = fnv1a("person/zou-lianke") % data["shards"]["n"]
    loaded = browser.execute_script("return window.kgSideFiles()")
    assert (f"n/{shard}" in loaded) == (mode == "side") and (loaded == []) == (mode == "inline")
    assert f"x/{fnv1a('zou lianke') % data['shards']['x']}" in loaded or mode == "inline"  # found by its name
    assert errors(browser) == []


def test_clicking_a_drawn_node_loads_its_panel_and_draws_its_neighbours(browser, overview_page):
    page, data, everything = overview_page
    open_page(browser, page)
    target = "region/520000"  # Guizhou: drawn, with neighbours the overview leaves out
    assert target in {n["id"] for n in data["nodes"]}
    before = drawn(browser)
    headless.click_node(browser, target)
    assert wait(browser, "return window.kgLastOpen && window.kgLastOpen.id") == target
    assert browser.execute_script("return window.kgNetwork.getSelectedNodes()") == [target]
    assert panel(browser).startswith("Guizhou贵州省Region")
    near = {n["id"] for n in everything[target]["near"]}
    assert near - before and near <= drawn(browser)
    assert errors(browser) == []


def test_opening_a_cluster_draws_its_best_connected_and_lists_them(browser, overview_page):
    page, data, everything = overview_page
    open_page(browser, page)
    regional = [n for n in data["nodes"] if n["group"] == "Cluster" and n["id"] != "cluster:"]
    cluster = max(regional, key=lambda n: (n["size"], n["id"]))
    detail = everything[cluster["id"]]["detail"]
    headless.click_node(browser, cluster["id"])
    assert wait(browser, "return window.kgLastOpen && window.kgLastOpen.id") == cluster["id"]
    text = panel(browser)
    assert f"{detail['count']} more in {detail['label']}" in text
    assert {n["id"] for n in everything[cluster["id"]]["near"]} <= drawn(browser)
    first, label, _ = detail["members"][0]
    browser.execute_script("document.querySelector('#panel .members button').click()")
    assert wait(browser, "return window.kgLastOpen.id === arguments[0]", first) is True
    assert panel(browser).startswith(label)
    assert errors(browser) == []


def test_a_page_without_its_side_folder_says_so(browser, tmp_path, seeds_graph):
    import shutil

    page = write(seeds_graph, tmp_path, "side", overview=40)
    shutil.rmtree(tmp_path / "graph.files")
    open_page(browser, page)
    assert browser.execute_script("return window.kgSearch('Zou Lianke')") is None
    status = browser.execute_script("return document.getElementById('status').textContent")
    assert "Could not load" in status and "graph.files" in status
    browser.get_log("browser")  # the missing file is logged by the browser itself
