"""Drives Quire's web UI in headless Chromium (selenium + Debian's chromium-driver).

Usage: webui_browser.py BASE_URL SCREENSHOT_DIR XSS_RUN_ID SLOW_NOTEBOOK

Checks, in order: the main pages load without SEVERE console messages; the job page's "Run now"
form starts a run and the run page follows it to completion without navigating (a marker set on
the page survives); the XSS corpus run executes nothing in the page's own context while its
benign HTML is visible and its frame's own scripts run inside the sandbox; the store browser
leads to a run's output notebook and renders it; a slow run's page highlights the running cell,
shows its outputs as they arrive (safely: text, images, placeholders) and ticks the elapsed time.
Saves screenshots and
prints their paths. Exits 1 with a message on the first failed check.
"""
import json
import os
import sys
import time
import urllib.request

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
    base, shots, xss_run, slow = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
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

        live_view(driver, base, shots, slow)
        print("OK", flush=True)
    finally:
        driver.quit()


LIVE_STATE = """
var c = document.querySelector('.cell.current-cell');
var lives = Array.prototype.map.call(document.querySelectorAll('.live-output'), function (n) { return n.textContent; });
return {status: document.getElementById('run-status').textContent, current: c ? c.id : null,
        liveText: lives.join('\\n'), lives: lives.length,
        img: !!document.querySelector('.live-output img[src^="data:image/png;base64,"]'),
        placeholder: !!document.querySelector('.live-placeholder button'),
        detail: document.getElementById('run-detail').textContent,
        elapsed: document.getElementById('run-elapsed').textContent,
        html: !!document.getElementById('live-html'), pwned: window.__pwned_live === undefined ? null : window.__pwned_live};
"""


def live_view(driver, base, shots, notebook):
    """5. A slow run (cells print, then sleep) followed from its page: the highlighted cell moves,
    each output shows while its cell still runs, the elapsed time ticks, nothing navigates."""
    request = urllib.request.Request(base + "/api/v1/runs", data=json.dumps({"notebook": notebook}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as reply:
        run_id = json.load(reply)["id"]
    severe(driver)
    driver.get(base + "/runs/" + run_id)
    url = driver.current_url
    driver.execute_script("window.__marker = 7;")
    highlighted, elapsed, seen = [], set(), set()
    deadline = time.time() + 180
    while time.time() < deadline:
        st = driver.execute_script(LIVE_STATE)
        running = st["status"] not in ("succeeded", "failed", "timed_out", "cancelled")
        if st["current"] and (not highlighted or highlighted[-1] != st["current"]):
            highlighted.append(st["current"])
        if st["elapsed"]:
            elapsed.add(st["elapsed"])
        if running and st["current"] == "cell-1" and "first output" in st["liveText"]:
            seen.add("first output live while cell 1 runs")
        if running and st["current"] == "cell-2" and "second output in red" in st["liveText"]:
            if "\x1b" in st["liveText"] or "[31m" in st["liveText"]:
                fail("ANSI escapes were not stripped from a live stream: %r" % st["liveText"])
            seen.add("ANSI-free stream live while cell 2 runs")
        if running and st["current"] == "cell-2" and st["img"] and st["placeholder"]:
            if "image and placeholder live while cell 2 runs" not in seen:
                shot(driver, shots, "live-running")
            seen.add("image and placeholder live while cell 2 runs")
        if running and "first output" in st["detail"]:
            seen.add("output before the run finished")
        if st["html"] or st["pwned"] is not None:
            fail("a live HTML output was inserted into the page: %r" % st)
        if not running:
            break
        time.sleep(0.1)
    if st["status"] != "succeeded":
        fail("slow run ended %r" % st["status"])
    wanted = {"first output live while cell 1 runs", "ANSI-free stream live while cell 2 runs",
              "image and placeholder live while cell 2 runs", "output before the run finished"}
    if seen != wanted:
        fail("live view missed %r (highlighted %r)" % (sorted(wanted - seen), highlighted))
    if len(set(highlighted)) < 3 or highlighted[:3] != ["cell-1", "cell-2", "cell-3"]:
        fail("the highlighted cell went %r, expected cell-1, cell-2, cell-3" % highlighted)
    if len(elapsed) < 3:
        fail("the elapsed time did not tick: %r" % sorted(elapsed))
    if driver.execute_script("return window.__marker") != 7 or driver.current_url != url:
        fail("the run page navigated while following the slow run")
    # The end swaps in the final rendering: no live placeholders left, the HTML output in a frame.
    wait_for(lambda: driver.execute_script(LIVE_STATE)["lives"] == 0 and "third output" in
             driver.find_element(By.ID, "run-detail").text, 30, "the final rendering of the slow run")
    if not driver.find_elements(By.CSS_SELECTOR, "#cell-2 iframe.quire-output-frame"):
        fail("the slow run's HTML output is not in a frame after the run finished")
    # The HTML output's broken image (inside its sandboxed frame) logs a 404; nothing else may.
    errors = [e for e in severe(driver) if "/frames/" not in e.get("message", "")]
    if errors:
        fail("slow run page: console errors: %r" % errors)
    print("live view: highlighted %r, elapsed %r" % (highlighted, sorted(elapsed)), flush=True)
    shot(driver, shots, "live")


if __name__ == "__main__":
    main()
