#!/usr/bin/env python3
"""A real browser fills the self-service form: Chromium headless through Selenium and chromedriver,
JavaScript switched off (the pages must work without it).

Starts `skm serve` on a fresh database (unit KEC, service KTP), opens the start page, picks the
service, answers every question by clicking its option text (question 8 'Sarana' with the first
option, question 9 'Pengaduan' with the second), fills the profile, sends, expects the thank-you
page, and checks with `skm response list --json` that one response is stored with U9 = 1 and
U8 = 2 (the 2017 paper order). Exit 0 when all held; 2 when Selenium or chromedriver is missing.

    python3 Scripts/serve/browser_submit.py --skm .build/debug/skm
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("selenium tidak terpasang", file=sys.stderr)
    sys.exit(2)

# Answer per question in paper order: q8 (Sarana, U9) gets 1, q9 (Pengaduan, U8) gets 2.
CHOSEN = [4, 3, 4, 4, 3, 4, 4, 1, 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/debug/skm")
    args = parser.parse_args()
    skm = os.path.abspath(args.skm)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(driver_path):
        print("chromedriver tidak terpasang", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="skm-browser-") as directory:
        env = dict(os.environ, SKM_DB=os.path.join(directory, "skm.sqlite"))
        for command in (["init"], ["unit", "add", "KEC", "Kecamatan Uji"], ["service", "add", "KEC", "KTP", "KTP-el"]):
            subprocess.run([skm] + command, env=env, cwd=directory, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(
            [skm, "serve", "--listen", "127.0.0.1:0"], env=env, cwd=directory, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        try:
            match = re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline())
            if not match:
                print("server did not start", file=sys.stderr)
                return 1
            base = f"http://127.0.0.1:{match.group(1)}"
            options = webdriver.ChromeOptions()
            for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
                options.add_argument(flag)
            options.add_argument(f"--user-data-dir={directory}/chrome")
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
            browser = webdriver.Chrome(service=Service(driver_path), options=options)
            try:
                browser.get(base + "/")
                browser.find_element(By.LINK_TEXT, "KTP-el").click()
                WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith("/s/KEC/KTP"))
                if not browser.current_url.endswith("/s/KEC/KTP"):
                    raise AssertionError(f"start page led to {browser.current_url}")
                for number, value in enumerate(CHOSEN, start=1):
                    radio = browser.find_element(By.CSS_SELECTOR, f'input[name="q{number}"][value="{value}"]')
                    radio.find_element(By.XPATH, "..").click()  # the option's text, as a person taps it
                    if not radio.is_selected():
                        raise AssertionError(f"question {number} not selected")
                browser.find_element(By.CSS_SELECTOR, 'input[name="gender"][value="P"]').find_element(By.XPATH, "..").click()
                browser.find_element(By.NAME, "age").send_keys("29")
                browser.find_element(By.NAME, "comment").send_keys("Pelayanan cepat <b>ramah</b>")
                browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith("/terima-kasih"))
                if "Terima kasih" not in browser.find_element(By.TAG_NAME, "h1").text:
                    raise AssertionError("no thank-you page: " + browser.page_source[:500])
                if not browser.current_url.endswith("/s/KEC/KTP/terima-kasih"):
                    raise AssertionError(f"thank-you at {browser.current_url}")
                browser.refresh()  # a reload of the thank-you page posts nothing again
            finally:
                browser.quit()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        listed = subprocess.run(
            [skm, "response", "list", "--json"], env=env, cwd=directory, check=True, capture_output=True, text=True)
        stored = json.loads(listed.stdout)
        if len(stored) != 1:
            raise AssertionError(f"{len(stored)} responses stored, expected 1")
        row = stored[0]
        by_unsur = row["answersByUnsur"]
        expected = {"U1": 4, "U2": 3, "U3": 4, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 2, "U9": 1}
        if by_unsur != expected:
            raise AssertionError(f"stored {by_unsur}, expected {expected}")
        if row["respondent"].get("gender") != "P" or row["respondent"].get("age") != 29:
            raise AssertionError(f"profile {row['respondent']}")
        if row.get("comment") != "Pelayanan cepat <b>ramah</b>":
            raise AssertionError(f"comment {row.get('comment')!r}")
        print("browser: form sent without JavaScript, stored once with U9 = 1 and U8 = 2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
