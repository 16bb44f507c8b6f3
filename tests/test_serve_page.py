"""The server's page (serve/page.html) in a real headless Chromium: type, click, read the translation,
count the heatmap's cells, hover a row. Skips where Debian's chromium and chromium-driver are missing."""
from __future__ import annotations

import shutil

import pytest

pytest.importorskip("fastapi")
webdriver = pytest.importorskip("selenium.webdriver")
httpx = pytest.importorskip("httpx")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from seq2seq.serve import ServedModel, create_app  # noqa: E402
from serving import running  # noqa: E402

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture
def browser():
    if not (CHROMIUM and DRIVER):
        pytest.skip("needs Debian's chromium and chromium-driver (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1100,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def test_the_page_translates_and_draws_the_attention_heatmap(browser, trained_model, tmp_path):
    served = ServedModel.load(trained_model.dir, "toy")
    with running(create_app([served])) as url:
        sentence = "a b c d e f"
        want = httpx.post(f"{url}/v1/translate", json={"sentences": [sentence], "attention": True,
                                                       "beam_size": 5, "n_best": 5}).json()["translations"][0]
        browser.get(url + "/")
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#model option"))
        browser.find_element(By.ID, "source").send_keys(sentence)
        browser.find_element(By.ID, "translate").click()
        WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#attention td.cell"))
        assert browser.find_element(By.CSS_SELECTOR, "#translation .line").text == want["text"]
        cells = browser.find_elements(By.CSS_SELECTOR, "#attention td.cell")
        assert len(cells) == len(want["target_tokens"]) * len(want["source_tokens"])
        assert len(browser.find_elements(By.CSS_SELECTOR, "#nbest li")) == len(want["n_best"])
        heads = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#attention thead th")][1:]
        assert heads == want["source_tokens"]
        first_row = browser.find_element(By.CSS_SELECTOR, "#attention tbody tr")
        webdriver.ActionChains(browser).move_to_element(first_row).perform()
        hot = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#attention thead th.hot")]
        row = want["attention"][0]
        assert hot == [t for t, w in zip(want["source_tokens"], row) if w >= max(row) / 2]
        assert browser.save_screenshot(str(tmp_path / "page.png"))
        assert (tmp_path / "page.png").stat().st_size > 5000
