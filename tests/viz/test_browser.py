"""The explorer in a real headless Chromium: it renders, finds, filters and runs no injected script."""

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
