"""Draw docs/serve_page.png: the server's page translating one sentence, in headless Chromium.

    python docs/make_serve_screenshot.py --model models/multi30k_en_de_cpu60
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from serving import running  # noqa: E402

from seq2seq.serve import ServedModel, create_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--sentence", default="A little girl in a pink dress is climbing the stairs.")
    parser.add_argument("--out", default="docs/serve_page.png")
    args = parser.parse_args()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")),
                              options=options)
    try:
        with running(create_app([ServedModel.load(args.model, Path(args.model).name)])) as url:
            driver.get(url + "/")
            WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#model option"))
            driver.find_element(By.ID, "source").send_keys(args.sentence)
            driver.find_element(By.ID, "translate").click()
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#attention td.cell"))
            row = driver.find_elements(By.CSS_SELECTOR, "#attention tbody tr")[2]
            webdriver.ActionChains(driver).move_to_element(row).perform()
            driver.save_screenshot(args.out)
    finally:
        driver.quit()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
