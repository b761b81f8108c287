"""Accessibility gates. axe-core finds nothing on every kind of page in both editions, in both
colour schemes, with search, a note and a term's preview open; and a reader with only a keyboard
reaches and operates a note, a term's preview, the edition switcher and search."""

from __future__ import annotations

import hashlib
import io
import tarfile
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..conftest import ROOT

pytestmark = pytest.mark.browser

# axe-core from the npm registry, pinned by version and checksum (the registry's shasum).
AXE = "https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz"
AXE_SHA1 = "14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99"

EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
TEXT = "text/building-cars/"
# Each kind of page; the text page with a note (Material's tooltip) and a term's preview open, and
# the home page with search open and its results shown.
STATES = {"home": "", "text": TEXT, "glossary": "glossary/", "timeline": "timeline/", "apparatus": "apparatus/",
          "search": ""}
# The gate fails on any violation. Never serious or critical ones, but a moderate or minor one in
# Material's own markup that we cannot reasonably change may be let through here, by rule and
# exact selector, with the reason: {("rule", "selector"): "why"}. None is needed today.
EXEMPT: dict[tuple[str, str], str] = {}

_RUN = """async options => (await axe.run(document, options)).violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))"""
# Colours are checked as they end, not halfway through a transition.
_STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# The dark scheme, applied as Material's palette toggle applies it: its data-md-color-* on <body>.
_DARK = """() => { const option = document.querySelector('input.md-option[data-md-color-scheme="slate"]');
                   for (const a of option.attributes)
                     if (a.name.startsWith('data-md-color-')) document.body.setAttribute(a.name, a.value); }"""
_FOCUSED = "selector => !!document.activeElement && document.activeElement.matches(selector)"


@pytest.fixture(scope="session")
def axe() -> str:
    """axe-core's axe.min.js, downloaded once into .cache/ and checked."""
    path = ROOT / ".cache" / "axe-core-4.14.1" / "axe.min.js"
    if not path.exists():
        data = urllib.request.urlopen(AXE, timeout=60).read()
        assert hashlib.sha1(data).hexdigest() == AXE_SHA1, "axe-core download does not match its checksum"
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            member = archive.extractfile("package/axe.min.js")
            assert member
            path.write_bytes(member.read())
    return path.read_text(encoding="utf-8")


def open_state(page: Page, url: str, state: str) -> None:
    page.goto(url)
    page.add_style_tag(content=_STILL)
    if state == "search":
        page.locator("button.edition-search-open").click()
        box = page.locator("input.edition-search__input")
        box.fill("性价比")
        box.press("End")
        expect(page.locator("#edition-search-results > li").first).to_be_visible()
    elif state == "text":
        page.locator("a.edition-term").first.hover()
        page.locator("sup.edition-note-ref a").first.focus()
        expect(page.locator("#edition-term-preview")).to_be_visible()
        expect(page.locator(".md-tooltip2--active")).to_be_visible()


def violations(page: Page, scheme: str, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is (all its rules, or the ones named)."""
    options: dict = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    found = []
    for v in page.evaluate(_RUN, options):
        serious = v["impact"] in ("serious", "critical")
        found += [f"{scheme}: {v['id']} ({v['impact']}: {v['help']}) at {n['target']}: {' '.join(n['summary'].split())}"
                  for n in v["nodes"] if serious or (v["id"], n["target"]) not in EXEMPT]
    return found


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violation(page: Page, site_url: str, axe: str, state: str, edition: str) -> None:
    open_state(page, site_url + EDITIONS[edition] + STATES[state], state)
    page.add_script_tag(content=axe)
    found = violations(page, "light")
    page.evaluate(_DARK)  # the dark scheme changes colours only
    found += violations(page, "dark", ["color-contrast", "link-in-text-block"])
    assert found == [], "\n".join(found)
    print(f"quality: accessibility: {state}, {edition}, light and dark schemes: 0 violations")


# The keyboard alone: Tab, Shift+Tab, Enter, Escape, arrows and the search shortcuts.

def press_until(page: Page, selector: str, key: str = "Tab", presses: int = 150) -> None:
    """Press a key (Tab, Shift+Tab, an arrow) until the element in focus matches the selector."""
    for _ in range(presses):
        page.keyboard.press(key)
        if page.evaluate(_FOCUSED, selector):
            return
    pytest.fail(f"{presses} × {key} never reached {selector}")


@pytest.mark.parametrize("edition", EDITIONS)
def test_keyboard_opens_a_note_and_comes_back(page: Page, site_url: str, edition: str) -> None:
    page.goto(site_url + EDITIONS[edition] + TEXT)
    press_until(page, "sup.edition-note-ref a")
    note = page.locator("sup.edition-note-ref a:focus").get_attribute("href")[1:]
    title = page.locator(f'li[id="{note}"] .edition-note-title').inner_text()
    # Focus shows the note in Material's footnote tooltip; Enter goes to the note.
    expect(page.locator(".md-tooltip2--active")).to_contain_text(title)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{note}")
    expect(page.locator(f'li[id="{note}"]')).to_be_in_viewport()
    # Tab goes on from the note (its sources, then its way back), not from the marker.
    press_until(page, f'li[id="{note}"] a[role=doc-backlink]', presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#ref-{note}")
    expect(page.locator(f'[id="ref-{note}"]')).to_be_in_viewport()


@pytest.mark.parametrize("edition", EDITIONS)
def test_keyboard_shows_a_terms_preview(page: Page, site_url: str, edition: str) -> None:
    page.goto(site_url + EDITIONS[edition] + TEXT)
    press_until(page, "a.edition-term")
    term = page.locator("a.edition-term:focus")
    href = term.get_attribute("href")
    entry = href.rsplit("#", 1)[1]
    preview = page.locator("#edition-term-preview")
    expect(preview).to_be_visible()
    expect(preview.locator("a")).to_have_attribute("href", href)  # its way to the entry
    expect(term).to_have_attribute("aria-describedby", "edition-term-preview-definition")
    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/glossary/#{entry}")
    expect(page.locator(f'[id="{entry}"]')).to_be_in_viewport()


def test_keyboard_switches_editions(page: Page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    # Material's language switcher: a button, then the list's links, shown while the focus is
    # within (Material's :focus-within). The button itself does nothing: Tab goes on into the list.
    press_until(page, ".md-select button")
    press_until(page, "a.md-select__link[hreflang=zh-Hant]", presses=2)
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    expect(page.locator("a.md-select__link:focus")).to_have_text("繁體中文")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "zh-Hant/" + TEXT + "*")  # with the paragraph on screen, if scrolled
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    press_until(page, "a.md-select__link[hreflang=zh-Hans]")
    expect(page.locator("a.md-select__link:focus")).to_have_text("简体中文")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + TEXT + "*")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


@pytest.mark.parametrize("edition, shortcut", [("zh-Hans", "/"), ("zh-Hant", "s")])
def test_keyboard_searches_and_follows_a_result(page: Page, site_url: str, edition: str, shortcut: str) -> None:
    page.goto(site_url + EDITIONS[edition])
    box = page.locator("input.edition-search__input")
    page.keyboard.press(shortcut)  # the edition's shortcuts: s or / open search
    expect(box).to_be_focused()
    page.keyboard.type("刻舟求剑")
    page.keyboard.press("End")  # (an IME commits text without key presses)
    expect(page.locator('#edition-search-results a[href*="#p-3-36"]')).to_have_count(1)
    # Escape closes search; the shortcut opens it again, with the results.
    page.keyboard.press("Escape")
    expect(page.locator("#edition-search")).to_be_hidden()
    page.keyboard.press(shortcut)
    expect(box).to_be_focused()
    expect(page.locator("#edition-search-results > li").first).to_be_visible()
    # The arrows move through the results (a page, then its passages); Enter follows the one in
    # focus.
    passage = 'a.edition-search__result[href*="#"]'
    press_until(page, passage, key="ArrowDown", presses=5)
    href = page.locator(passage + ":focus").evaluate("a => a.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert urlsplit(href).path.endswith("/" + EDITIONS[edition] + TEXT)
    expect(page.locator("mark.edition-hit").first).to_be_in_viewport()
