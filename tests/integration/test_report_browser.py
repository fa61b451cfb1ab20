"""The report in a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
installed here with apt-get when missing and the tests run as root) opens the page from disk, with
no network, and the tests check what a reader sees: the spans drawn in their label's colour (in a
screenshot and in computed styles), the filters hiding a label, the errors-only switch, and that
the page fetched nothing."""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
GOLD_TEST = REPO / "annotations" / "gold" / "test.jsonl"

pytestmark = pytest.mark.slow


def _install_chromium() -> str:
    """Install Debian's chromium and chromium-driver; '' when done, else why not."""
    if shutil.which("apt-get") is None:
        return "no apt-get on this machine"
    if os.geteuid() != 0:
        return "not root, so apt-get cannot install chromium (run: sudo apt-get install -y chromium chromium-driver)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"]
    for commands in ([install], [["apt-get", "update"], install]):
        if all(subprocess.run(c, env=env, capture_output=True, timeout=900).returncode == 0 for c in commands):
            return ""
    return "apt-get install chromium chromium-driver failed"


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium driven by selenium through Debian's chromedriver (no driver download)."""
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        reason = _install_chromium()
        if reason or not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
            pytest.skip(f"no browser for the report test: {reason or 'chromium installed but not found'}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _report(tmp_path_factory, name: str, *args: str) -> Path:
    from trialspacy.cli import report_command

    out = tmp_path_factory.mktemp("report") / f"{name}.html"
    inputs = [a for a in args if a != "--gold"]
    gold = str(GOLD_TEST) if "--gold" in args else None
    assert report_command(inputs, str(out), gold=gold, stderr=io.StringIO(), progress=False) == 0
    return out


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory) -> Path:
    return _report(tmp_path_factory, "samples", str(SEEDS_DIR), str(API_V2_SAMPLE))


@pytest.fixture(scope="module")
def gold_report(tmp_path_factory) -> Path:
    return _report(tmp_path_factory, "gold", "--gold")


def extracted_spans(tmp_path: Path, *inputs: str) -> int:
    """How many spans `trialspacy extract` writes for these inputs (the report must draw each one)."""
    from trialspacy.cli import extract_command

    out = tmp_path / "extracted.jsonl"
    assert extract_command(list(inputs), str(out), stderr=io.StringIO(), progress=False) == 0
    with out.open(encoding="utf-8") as lines:
        return sum(len(json.loads(line)["spans"]) for line in lines)


def rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def pixels(png: bytes, color: tuple[int, int, int]) -> int:
    """How many pixels of a screenshot have exactly this colour."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for p in image.getdata() if p == color)


def open_page(browser, path: Path) -> None:
    browser.get(path.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"


def test_report_opens_with_no_network_and_draws_every_span(browser, samples_report, tmp_path):
    from selenium.webdriver.common.by import By

    from trialspacy.report import LABEL_COLORS

    open_page(browser, samples_report)
    assert browser.title == "trialspacy report"
    # Nothing was fetched: no stylesheet, script, image or font from anywhere.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    docs = browser.find_elements(By.CSS_SELECTOR, "section.doc")
    assert len(docs) == 17
    starts = browser.find_elements(By.CSS_SELECTOR, ".e.first")
    assert len(starts) == extracted_spans(tmp_path, str(SEEDS_DIR), str(API_V2_SAMPLE))  # every span
    # Each label's tag is drawn (a CSS ::before) with the label's colour as its background.
    for label, color in LABEL_COLORS.items():
        element = browser.find_element(By.CSS_SELECTOR, f".e.first.l-{label}")
        assert element.is_displayed()
        background = browser.execute_script(
            "return getComputedStyle(arguments[0], '::before').backgroundColor", element
        )
        assert background == "rgb({}, {}, {})".format(*rgb(color))
        assert browser.execute_script("return getComputedStyle(arguments[0], '::before').content", element) != "none"
    seed = docs[1]  # 001: radiation doses, endpoints, time frames
    browser.execute_script("arguments[0].scrollIntoView()", seed)
    shot = seed.screenshot_as_png
    (tmp_path / "seed_001.png").write_bytes(shot)
    for label in ("RADIATION_DOSE", "ENDPOINT", "TIMEFRAME"):
        assert pixels(shot, rgb(LABEL_COLORS[label])) > 200, label


def test_report_hover_shows_the_attributes(browser, samples_report):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, samples_report)
    dose = next(
        e for e in browser.find_elements(By.CSS_SELECTOR, ".e.first.l-RADIATION_DOSE") if e.text == "800-1200cGy × 3f"
    )
    ActionChains(browser).move_to_element(dose).perform()
    hovered = browser.execute_script("return [...document.querySelectorAll(':hover')].pop()")
    assert hovered == dose
    assert "dose_gy: [8.0, 12.0]" in dose.get_attribute("title")


def test_report_label_filter_hides_a_label_and_keeps_the_others(browser, samples_report, tmp_path):
    from selenium.webdriver.common.by import By

    from trialspacy.report import LABEL_COLORS

    open_page(browser, samples_report)
    seed = browser.find_elements(By.CSS_SELECTOR, "section.doc")[0]  # 000: drugs, endpoints, time frames
    browser.execute_script("arguments[0].scrollIntoView()", seed)
    drug, endpoint = rgb(LABEL_COLORS["DRUG"]), rgb(LABEL_COLORS["ENDPOINT"])
    before = seed.screenshot_as_png
    assert pixels(before, drug) > 200 and pixels(before, endpoint) > 200
    browser.find_element(By.CSS_SELECTOR, 'input[data-label="DRUG"]').click()
    after = seed.screenshot_as_png
    (tmp_path / "seed_000_without_drugs.png").write_bytes(after)
    assert pixels(after, drug) == 0
    # The other labels stay drawn (the text reflows a little without the DRUG tags).
    assert abs(pixels(after, endpoint) - pixels(before, endpoint)) < 0.05 * pixels(before, endpoint)
    assert seed.find_element(By.CSS_SELECTOR, ".l-DRUG").text == "ICIs"  # the text stays
    browser.find_element(By.CSS_SELECTOR, 'input[data-label="DRUG"]').click()
    assert pixels(seed.screenshot_as_png, drug) > 200


def test_report_with_gold_shows_the_evaluation_and_the_errors(browser, gold_report, tmp_path):
    from selenium.webdriver.common.by import By

    open_page(browser, gold_report)
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h3")]
    assert "Strict spans" in headings and "Attributes of strictly matched spans" in headings
    docs = browser.find_elements(By.CSS_SELECTOR, "section.doc")
    clean = [d for d in docs if d.get_attribute("data-errors") == "0"]
    with_errors = [d for d in docs if d.get_attribute("data-errors") != "0"]
    assert clean and with_errors
    missed = browser.find_element(By.CSS_SELECTOR, ".e.first.k-fn")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", missed)
    assert missed.is_displayed()
    assert browser.execute_script("return getComputedStyle(arguments[0]).borderBottomStyle", missed) == "dashed"
    false_positive = browser.find_element(By.CSS_SELECTOR, ".e.k-fp")
    assert (
        browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", false_positive)
        == "rgb(255, 217, 217)"
    )
    browser.save_screenshot(str(tmp_path / "gold_missed.png"))
    browser.find_element(By.ID, "only-errors").click()
    assert not any(d.is_displayed() for d in clean)
    assert all(d.is_displayed() for d in with_errors)
