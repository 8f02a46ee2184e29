"""Opening the explorer in headless Chromium (Debian's chromium and chromedriver), for tests and benchmarks."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
#: Flags for a sandboxed machine with no network: no first-run, sync or update traffic.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)


def available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def chromium(console_log: bool = False):
    """A selenium WebDriver on headless Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in FLAGS:
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def open_explorer(driver, page: Path, timeout: float = 120.0) -> float:
    """Load an explorer page and wait for vis-network's first drawing; returns its time (s) since navigation."""
    driver.get(page.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return window.kgRendered === true"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page}: the network was not drawn within {timeout:g} s")
        time.sleep(0.02)
    return driver.execute_script("return window.kgFirstRender") / 1000


def click_node(driver, node: str) -> None:
    """A real mouse click on a drawn node: zoom to it (so nothing else is under the pointer), click the centre."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.execute_script("window.kgNetwork.focus(arguments[0], {scale: 2.5, animation: false})", node)
    container = driver.find_element(By.ID, "network")
    dom = driver.execute_script("var n = window.kgNetwork; return n.canvasToDOM(n.getPosition(arguments[0]))", node)
    size = container.size
    ActionChains(driver).move_to_element_with_offset(
        container, int(dom["x"] - size["width"] / 2), int(dom["y"] - size["height"] / 2)
    ).click().perform()
