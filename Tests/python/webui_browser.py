"""Drives Quire's web UI in headless Chromium (selenium + Debian's chromium-driver).

Usage: webui_browser.py BASE_URL SCREENSHOT_DIR XSS_RUN_ID

Checks, in order: the main pages load without SEVERE console messages; the job page's "Run now"
form starts a run and the run page follows it to completion without navigating (a marker set on
the page survives); the XSS corpus run executes nothing in the page's own context while its
benign HTML is visible and its frame's own scripts run inside the sandbox; the store browser
leads to a run's output notebook and renders it. Saves screenshots and
prints their paths. Exits 1 with a message on the first failed check.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def severe(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def shot(driver, folder, name):
    path = os.path.join(folder, name + ".png")
    driver.save_screenshot(path)
    print("screenshot: " + path, flush=True)


def wait_for(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    fail("timed out waiting for " + what)


def main():
    base, shots, xss_run = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    driver = browser()
    try:
        # 1. Main pages, no console errors.
        for path, name in (("/", "home"), ("/runs", "runs"), ("/jobs/report", "job")):
            driver.get(base + path)
            if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
                fail(path + ": no lang attribute")
            errors = severe(driver)
            if errors:
                fail(path + ": console errors: %r" % errors)
            shot(driver, shots, name)

        # Every visible form field has a label.
        for field in driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select, textarea"):
            fid = field.get_attribute("id")
            if not fid or not driver.find_elements(By.CSS_SELECTOR, "label[for='%s']" % fid):
                fail("/jobs/report: field %r has no label" % field.get_attribute("name"))

        # 2. The run-now form: fill, submit, follow the run live.
        label = driver.find_element(By.ID, "p-label")
        label.clear()
        label.send_keys("from-browser")
        count = driver.find_element(By.ID, "p-count")
        count.clear()
        count.send_keys("5")
        driver.find_element(By.CSS_SELECTOR, "form.run-now button[type=submit]").click()
        wait_for(lambda: "/runs/r" in driver.current_url, 30, "the run page after submitting the form")
        run_url = driver.current_url
        driver.execute_script("window.__marker = 42;")
        first = driver.find_element(By.ID, "run-status").text
        seen = [first]
        deadline = time.time() + 120
        while time.time() < deadline:
            text = driver.find_element(By.ID, "run-status").text
            if text != seen[-1]:
                seen.append(text)
            if text in ("succeeded", "failed", "timed_out", "cancelled"):
                break
            time.sleep(0.1)
        if seen[-1] != "succeeded":
            fail("run status went %r, expected it to end succeeded (%s)" % (seen, run_url))
        if not any(s in ("queued", "running") for s in seen[:-1]):
            fail("the page never showed the run queued or running before it finished: %r" % seen)
        if driver.execute_script("return window.__marker") != 42:
            fail("the run page navigated while following the run")
        if driver.current_url != run_url:
            fail("the URL changed to " + driver.current_url)
        wait_for(lambda: "label is from-browser" in driver.find_element(By.ID, "run-detail").text, 20,
                 "the finished notebook's output in the page")
        progress = driver.find_element(By.ID, "run-progress")
        if progress.get_attribute("value") != progress.get_attribute("max"):
            fail("progress bar not full: %s of %s" % (progress.get_attribute("value"), progress.get_attribute("max")))
        print("live status sequence: %r" % seen, flush=True)
        errors = severe(driver)
        if errors:
            fail("run page: console errors: %r" % errors)
        shot(driver, shots, "run")

        # 3. The XSS corpus: nothing runs in the page; benign HTML shows.
        driver.get(base + "/runs/" + xss_run)
        time.sleep(3)
        for frame in driver.find_elements(By.CSS_SELECTOR, "iframe.quire-output-frame"):
            driver.execute_script("arguments[0].scrollIntoView()", frame)
        time.sleep(2)
        for expr in ("window.__pwned", "window.top.__pwned", "document.cookie.indexOf('pwned')"):
            value = driver.execute_script("return " + expr)
            if value not in (None, -1):
                fail("XSS payload ran in the page: %s = %r" % (expr, value))
        if driver.title.find("Run") < 0:
            fail("page title changed: " + driver.title)
        page_text = driver.find_element(By.ID, "run-detail").text
        for benign in ("md-cell-1", "plain text result", "<script>window.top.__pwned=1</script>"):
            if benign not in page_text:
                fail("benign content %r not visible on the XSS page" % benign)
        frames = driver.find_elements(By.CSS_SELECTOR, "iframe.quire-output-frame")
        if not frames:
            fail("no output frames on the XSS page")
        found = False
        for frame in frames:
            if "/frames/" not in (frame.get_attribute("src") or ""):
                fail("an output frame is not loaded from its own URL: %r" % frame.get_attribute("outerHTML")[:200])
            if frame.get_attribute("sandbox") != "allow-scripts":
                fail("an output frame is not sandboxed to allow-scripts only")
            driver.switch_to.frame(frame)
            tables = driver.find_elements(By.ID, "benign")
            if tables:
                if not tables[0].is_displayed() or "benign-html-table" not in tables[0].text:
                    fail("the benign table in the HTML output is not visible")
                if driver.find_element(By.TAG_NAME, "body").get_attribute("data-ran") != "yes":
                    fail("scripts inside the sandboxed output frame did not run")
                found = True
            driver.switch_to.default_content()
        if not found:
            fail("the benign HTML table was not found in any output frame")
        for expr in ("window.__pwned", "window.top.__pwned"):
            if driver.execute_script("return " + expr) is not None:
                fail("XSS payload ran in the page after the frames loaded: " + expr)
        shot(driver, shots, "xss")

        # 4. The store browser: folders down to a run's output notebook, rendered on click. The
        # XSS corpus's broken images logged 404s on its page; those are not the store's.
        severe(driver)
        driver.get(base + "/store")
        shot(driver, shots, "store")
        for _ in range(6):
            notebooks = driver.find_elements(By.CSS_SELECTOR, "#store-listing a[href^='/store/view?path=']")
            if notebooks:
                break
            folders = driver.find_elements(By.CSS_SELECTOR, "#store-listing tr.store-folder a")
            if not folders:
                fail("store page %s lists neither folders nor notebooks" % driver.current_url)
            # The report job's output is console-clean; the ad hoc XSS corpus is not.
            preferred = [f for f in folders if f.text == "report/"] or folders
            before = driver.current_url
            preferred[0].click()
            wait_for(lambda: driver.current_url != before and driver.find_elements(By.ID, "store-listing"), 20, "the next store folder")
        else:
            fail("no notebook found within 6 folder levels of the store")
        errors = severe(driver)
        if errors:
            fail("store page: console errors: %r" % errors)
        before = driver.current_url
        notebooks[-1].click()
        wait_for(lambda: driver.current_url != before and driver.find_elements(By.CSS_SELECTOR, "#store-notebook .cell"), 20, "a notebook rendered from the store")
        errors = severe(driver)
        if errors:
            fail("store notebook page: console errors: %r" % errors)
        shot(driver, shots, "store-notebook")
        print("OK", flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
