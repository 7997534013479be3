#!/usr/bin/env python3
"""Browser tests of the web pages in headless Chromium (Debian's chromium and chromium-driver,
Python selenium from PyPI).

    python3 Tests/Server/browser.py [--binary PATH] [--screenshots DIR]

Builds a store of the dev fixtures (../shared/fixtures) plus a page written to inject script,
serves it on 127.0.0.1, and for every fixture article walks search -> article -> person ->
timeline the way a reader would (typing into the search form, clicking links), checking each
page. On the seed article it checks that every quote of the gold file is highlighted with its
speaker. On the injection page (and the analyze page fed the same HTML) it checks that no
script ran: no alert opened and the marker the payloads would set stays unset. Screenshots of
each page of the seed and the injection page are saved in --screenshots (default
Tests/Server/screenshots). The last line is the verdict.
"""
import argparse, json, os, re, shutil, subprocess, sys, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serverctl  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException, TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# A made-up page whose every field tries to run script; each payload would set window.__pwned.
INJECTION_PAGE = """<!DOCTYPE html>
<html><head><title>&lt;script&gt;window.__pwned='title'&lt;/script&gt; Ferry strike talks</title>
<meta name="author" content="&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned='author'&quot;&gt;">
<meta property="og:url" content="javascript:window.__pwned='url'">
<meta property="article:published_time" content="2025-02-03T08:00:00Z">
</head><body><article>
<h1>&lt;script&gt;window.__pwned='headline'&lt;/script&gt; Ferry strike talks</h1>
<p>Union leader Tomas Lindqvist said on Monday that the ferry talks "&lt;script&gt;window.__pwned='quote'&lt;/script&gt; had stalled" again.</p>
<p>"Nobody will sail &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned='img'&quot;&gt; until the owners listen," Lindqvist said. Details at
<a href="javascript:window.__pwned='link'">javascript:window.__pwned='link'</a> and &lt;a href="javascript:window.__pwned='text-link'"&gt;here&lt;/a&gt;.</p>
<p>The ferry union has 4,200 members, Lindqvist said.</p>
</article></body></html>
"""


class Failures:
    def __init__(self):
        self.items = []

    def check(self, condition, message):
        if not condition:
            self.items.append(message)
            print(f"FAIL: {message}", file=sys.stderr)
        return condition


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,1000", "--lang=en-US"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def no_script_ran(driver, failures, where):
    try:
        alert = driver.switch_to.alert
        failures.check(False, f"{where}: an alert opened: {alert.text}")
        alert.dismiss()
    except NoAlertPresentException:
        pass
    marker = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
    failures.check(marker is None, f"{where}: injected script ran ({marker})")


def title_words(title):
    words = [w for w in re.findall(r"[A-Za-z]{4,}", title or "")]
    return " ".join(words[:3])


def walk(driver, server, article, failures, shots=None):
    """search -> article -> person -> timeline for one stored article."""
    name = article["citation"].get("title") or article["citation"]["uri"]
    words = title_words(article["citation"].get("title")) or title_words(article["text"][:200])
    driver.get(server.url)
    box = driver.find_element(By.NAME, "q")
    box.send_keys(words)
    box.send_keys(Keys.RETURN)
    link = driver.find_elements(By.CSS_SELECTOR, f"a[href='/articles/{article['citation']['article']}']")
    if not failures.check(link, f"search for '{words}' does not list '{name}'"):
        return
    if shots:
        driver.save_screenshot(os.path.join(shots, "1-search.png"))
    link[0].click()
    failures.check(driver.find_elements(By.CSS_SELECTOR, ".article-text .para"), f"article page of '{name}' shows no text")
    quotes = driver.find_elements(By.CSS_SELECTOR, ".q[data-kind='quote']")
    if quotes:
        # A click on the quote's own text (not on a name or figure inside it) shows the quote.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", quotes[0])
        panel = driver.find_element(By.ID, "fact-details").text
        failures.check("speaker" in panel and "rule" in panel, f"clicking a quote of '{name}' shows no details: {panel!r}")
    if shots:
        driver.execute_script("window.scrollTo(0, 0);")
        driver.save_screenshot(os.path.join(shots, "2-article.png"))
    people = driver.find_elements(By.CSS_SELECTOR, "ul.people a")
    if not people:
        return
    person = people[0].text
    people[0].click()
    failures.check(driver.find_element(By.CSS_SELECTOR, "h1.person-name").text.strip() != "", f"person page of {person} has no name")
    if shots:
        driver.save_screenshot(os.path.join(shots, "3-person.png"))
    driver.find_element(By.LINK_TEXT, "timeline").click()
    failures.check("Timeline of" in driver.find_element(By.TAG_NAME, "h1").text, f"timeline page of {person} has no heading")
    if shots:
        driver.save_screenshot(os.path.join(shots, "4-timeline.png"))


def seed_quotes(driver, server, seed_id, failures):
    """Every quote of the seed's gold file is highlighted, with its gold speaker."""
    gold = json.load(open(serverctl.seed_path()[: -len(".txt")] + ".gold.json", encoding="utf-8"))
    driver.get(server.url + f"articles/{seed_id}")
    highlighted = driver.execute_script("""
        var seen = {};
        document.querySelectorAll('.q[data-kind="quote"]').forEach(function (e) {
            var speaker = e.getAttribute('data-speaker') || '';
            seen[speaker] = (seen[speaker] || '') + ' ' + e.textContent;
        });
        return seen;""")
    norm = lambda s: re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
    found = 0
    for quote in gold["quotes"]:
        speaker = quote.get("speaker")
        text = norm(quote["text"])[:60]
        spoken = [norm(s) for s, t in highlighted.items() if text in norm(t)]
        ok = spoken and (speaker is None or any(norm(speaker) in s or s in norm(speaker) for s in spoken if s))
        found += bool(ok)
        failures.check(ok, f"seed quote not highlighted with speaker {speaker}: {quote['text'][:60]}…")
    return found, len(gold["quotes"])


def injection(driver, server, article_id, failures, shots):
    driver.get(server.url + f"articles/{article_id}")
    no_script_ran(driver, failures, "injection article page")
    for element in driver.find_elements(By.CSS_SELECTOR, ".article-text a, .article-meta a"):
        failures.check(not (element.get_attribute("href") or "").lower().startswith("javascript:"), "a javascript: link is clickable")
    for element in driver.find_elements(By.CSS_SELECTOR, "[data-details]")[:20]:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()
    no_script_ran(driver, failures, "injection article page after clicking every fact")
    driver.save_screenshot(os.path.join(shots, "5-injection-article.png"))
    driver.get(server.url + "?q=" + urllib.parse.quote("ferry strike"))
    no_script_ran(driver, failures, "injection search page")
    driver.get(server.url + "quotes?by=" + urllib.parse.quote("Tomas Lindqvist"))
    no_script_ran(driver, failures, "injection quotes page")
    driver.get(server.url + "analyze")
    area = driver.find_element(By.NAME, "text")
    driver.execute_script("arguments[0].value = arguments[1];", area, INJECTION_PAGE)
    driver.find_element(By.CSS_SELECTOR, "form.analyze button").click()
    # The click only sends the form: wait for the answer page (a debug server is slow to analyse).
    try:
        shown = WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".article-text .para"))
    except TimeoutException:
        shown = []
    failures.check(shown, "analyze page shows no article")
    no_script_ran(driver, failures, "analyze page fed the injection page")
    driver.save_screenshot(os.path.join(shots, "6-analyze-injection.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=None)
    parser.add_argument("--screenshots", default=os.path.join(serverctl.ROOT, "Tests", "Server", "screenshots"))
    args = parser.parse_args()
    binary = args.binary or serverctl.default_binary()
    os.makedirs(args.screenshots, exist_ok=True)
    folder = serverctl.temporary_folder("byline-browser-")
    failures = Failures()
    try:
        hostile = os.path.join(folder, "injection.html")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(INJECTION_PAGE)
        db = serverctl.dev_store(binary, folder, extra=[hostile])
        with serverctl.DevServer(binary, db, log=os.path.join(folder, "serve.log")) as server:
            exported = [json.loads(line) for line in
                        subprocess.run([binary, "export", "--db", db], capture_output=True, text=True, check=True).stdout.splitlines()]
            driver = browser()
            try:
                walked = 0
                for article in exported:
                    uri = article["citation"]["uri"]
                    if uri == hostile:
                        continue
                    seed = uri == serverctl.seed_path() or uri.endswith(os.path.basename(serverctl.seed_path()))
                    shots = os.path.join(args.screenshots, "seed") if seed else None
                    if shots:
                        os.makedirs(shots, exist_ok=True)
                    walk(driver, server, article, failures, shots)
                    walked += 1
                seed_id = next(a["citation"]["article"] for a in exported if a["citation"]["uri"].endswith(os.path.basename(serverctl.seed_path())))
                found, total = seed_quotes(driver, server, seed_id, failures)
                hostile_id = next(a["citation"]["article"] for a in exported if a["citation"]["uri"] == hostile)
                injection(driver, server, hostile_id, failures, args.screenshots)
            finally:
                driver.quit()
        print(f"browser: {walked} articles walked search -> article -> person -> timeline; seed quotes highlighted with "
              f"their speakers: {found}/{total}; injection: {'no script ran' if not any('script' in f or 'alert' in f for f in failures.items) else 'SCRIPT RAN'}; "
              f"{len(failures.items)} failures; screenshots in {args.screenshots}")
        sys.exit(1 if failures.items else 0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
