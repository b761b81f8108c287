/* The page's edition configuration (written by the edition's finish stage): the paths of its
   search index, and the theme's selectors (plugins/edition/themes/: the header, the main content,
   the language switcher's links), so that nothing here names a theme's classes. */
var EDITION = (function () {
  "use strict";
  var element = document.getElementById("edition-config");
  var config = {};
  try { config = element ? JSON.parse(element.textContent) : {}; } catch (error) { config = {}; }
  config.selectors = config.selectors || {};
  return config;
})();

/* Glossary previews. A term in the text is a link to its glossary entry; this script shows the
   term's definition beside it on mouse hover, on keyboard focus and on a first tap (a second tap,
   or the preview's own link, goes to the entry). Definitions come from the page's JSON element
   #edition-terms ([term, pinyin, category, definition] by term id) and are set as text, never as
   HTML. Without JavaScript every term is a plain link to its entry. */
(function () {
  "use strict";

  var box = null;        // the preview element, made on first use
  var current = null;    // the term link whose preview is shown
  var hideTimer = 0;
  var tapping = false;   // a touch is under way: its emulated hover and focus are not previews

  function terms() {
    var element = document.getElementById("edition-terms");
    if (!element) return {};
    try { return JSON.parse(element.textContent); } catch (error) { return {}; }
  }

  function moreLabel() {
    var element = document.getElementById("edition-terms");
    return (element && element.getAttribute("data-more")) || "查看词条 →";
  }

  function termLink(node) {
    return node && node.closest ? node.closest("a.edition-term") : null;
  }

  function termId(link) {
    var href = link.getAttribute("href") || "";
    var at = href.lastIndexOf("#");
    return at < 0 ? "" : decodeURIComponent(href.slice(at + 1));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function make() {
    box = element("div", "edition-term-preview");
    box.id = "edition-term-preview";
    box.hidden = true;
    box.addEventListener("mouseenter", cancelHide);
    box.addEventListener("mouseleave", scheduleHide);
    // Accessibility: inside the page's main landmark (axe-core: region), not after it; the box is
    // placed as before (<main> is not positioned: the containing block is still <body>).
    (document.querySelector("main") || document.body).appendChild(box);
  }

  function show(link) {
    var entry = terms()[termId(link)];
    if (!entry) return;
    if (!box) make();
    cancelHide();
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    box.textContent = "";
    var head = element("p", "edition-term-preview__head");
    head.appendChild(element("strong", "", entry[0]));
    if (entry[1]) {
      var pinyin = element("span", "edition-term-preview__pinyin", entry[1]);
      pinyin.lang = "zh-Latn-pinyin";
      head.appendChild(pinyin);
    }
    head.appendChild(element("span", "edition-term-preview__category", entry[2]));
    var definition = element("p", "edition-term-preview__definition", entry[3]);
    definition.id = "edition-term-preview-definition";
    var more = element("a", "edition-term-preview__more", moreLabel());
    more.setAttribute("href", link.getAttribute("href"));
    more.tabIndex = -1;  // keyboard readers follow the term link itself
    box.appendChild(head);
    box.appendChild(definition);
    box.appendChild(more);
    box.hidden = false;
    link.setAttribute("aria-describedby", definition.id);
    place(link);
  }

  function place(link) {
    var rect = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    var below = rect.bottom + 6;
    var top = below + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 6 > 0
      ? rect.top - box.offsetHeight - 6 : below;
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  function hide() {
    if (box) box.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 250);
  }

  function cancelHide() {
    window.clearTimeout(hideTimer);
  }

  document.addEventListener("pointerdown", function (event) {
    tapping = event.pointerType === "touch" || event.pointerType === "pen";
  }, true);

  document.addEventListener("mouseover", function (event) {
    var link = termLink(event.target);
    if (link && !tapping) show(link);
  });

  document.addEventListener("mouseout", function (event) {
    var link = termLink(event.target);
    if (link && !link.contains(event.relatedTarget)) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var link = termLink(event.target);
    if (link && !tapping) show(link);
  });

  document.addEventListener("focusout", function (event) {
    if (termLink(event.target)) scheduleHide();
  });

  document.addEventListener("click", function (event) {
    var link = termLink(event.target);
    if (link && tapping && current !== link) {
      event.preventDefault();  // first tap: preview; a second tap follows the link
      show(link);
    } else if (!link && box && !box.contains(event.target)) {
      hide();
    }
    tapping = false;
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();

/* Timeline filter. The 年表 page has a hidden fieldset of category checkboxes; this shows it and
   hides the events (and the years left empty) of unticked categories. Without JavaScript the
   fieldset stays hidden and every event shows, grouped by year. */
(function () {
  "use strict";

  function apply(filter) {
    var shown = {};
    filter.querySelectorAll("input[name=category]").forEach(function (box) {
      shown[box.value] = box.checked;
    });
    var count = 0;
    var total = document.querySelectorAll("li.edition-event").length;
    document.querySelectorAll("ol.edition-timeline").forEach(function (list) {
      var visible = 0;
      list.querySelectorAll("li.edition-event").forEach(function (event) {
        var on = shown[event.getAttribute("data-category")] !== false;
        event.hidden = !on;
        if (on) visible += 1;
      });
      count += visible;
      var year = list.getAttribute("data-year");
      var heading = document.getElementById("y" + year);
      list.hidden = visible === 0;
      if (heading) heading.hidden = visible === 0;
      var link = document.querySelector('.edition-timeline-years a[href="#y' + year + '"]');
      if (link) link.parentNode.classList.toggle("edition-timeline-years--empty", visible === 0);
    });
    var status = filter.querySelector(".edition-timeline-shown");
    status.textContent = (status.getAttribute("data-format") || "# / " + total).replace("#", String(count));
  }

  function start() {
    var filter = document.querySelector("fieldset.edition-timeline-filter");
    if (!filter || filter.getAttribute("data-ready")) return;
    filter.setAttribute("data-ready", "");
    filter.hidden = false;
    filter.addEventListener("change", function () { apply(filter); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Edition switcher. Each edition's link leads to the same page in the other edition (made at
   build time); this carries the reader's place over too: the paragraph the URL names (繁體中文 on
   …/building-cars/#p-3-12 lands on …/zh-Hant/text/building-cars/#p-3-12), else, as Material
   rewrites the fragment to the section heading while the reader scrolls, the first paragraph that
   begins on screen. Without JavaScript the reader lands on the page. */
(function () {
  "use strict";

  function headerBottom() {
    var header = EDITION.selectors.header && document.querySelector(EDITION.selectors.header);
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function onScreen(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > headerBottom() && box.top < window.innerHeight;
  }

  function place() {
    // A paragraph's own link (Material's tracking rewrites the fragment to headings only).
    if (/^#p-\d+-\d+$/.test(window.location.hash)) return window.location.hash;
    var named = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (named && onScreen(named)) return window.location.hash;
    if (!window.scrollY) return "";  // the top of the page
    // The first paragraph that begins on screen (one cut by the header was read already).
    var top = headerBottom();
    var blocks = document.querySelectorAll((EDITION.selectors.content || "body") + " [id^='p-']");
    for (var i = 0; i < blocks.length; i++) {
      var box = blocks[i].getBoundingClientRect();
      if (box.top >= top - 4 && box.top < window.innerHeight) return "#" + blocks[i].id;
    }
    return window.location.hash;
  }

  document.addEventListener("click", function (event) {
    var switcher = EDITION.selectors.switcher;
    var link = switcher && event.target && event.target.closest ? event.target.closest(switcher) : null;
    if (!link) return;
    var fragment = place();
    if (fragment) link.setAttribute("href", link.getAttribute("href").split("#")[0] + fragment);
  }, true);
})();

/* Search hits on the page. A search result links to its passage with ?h=… for each match, as the
   page prints it (assets/search-worker.js); this marks them in the passage the URL's fragment
   names (a heading: its whole section), or in the whole page. Matches may cross markup (a term
   link, emphasis): the text of the passage is read as one string, and each text node's share of a
   match is marked. Markers, permalinks and scripts (data-search-exclude) are not text. */
(function () {
  "use strict";

  function skipped(node) {
    var parent = node.parentElement;
    return !parent || !!parent.closest("[data-search-exclude], .headerlink, script, style, #edition-terms");
  }

  function scope() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var content = document.querySelector(EDITION.selectors.content || "body");
    if (!target) return content ? [content] : [];
    var match = /^H([1-6])$/.exec(target.tagName);
    if (!match) return [target];
    var out = [target];
    for (var next = target.nextElementSibling; next; next = next.nextElementSibling) {
      var level = /^H([1-6])$/.exec(next.tagName);
      if (level && level[1] <= match[1]) break;
      out.push(next);
    }
    return out;
  }

  function textNodes(roots) {
    var nodes = [];
    roots.forEach(function (root) {
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!skipped(node)) nodes.push(node);
      }
    });
    return nodes;
  }

  function highlight(words) {
    var nodes = textNodes(scope());
    var starts = [];
    var all = "";
    nodes.forEach(function (node) { starts.push(all.length); all += node.data; });
    var haystack = all.toLowerCase();
    var ranges = [];
    words.forEach(function (word) {
      var needle = word.toLowerCase();
      if (!needle || needle.length !== word.length) return;
      for (var at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    });
    // From the last node to the first, so that splitting a node leaves the earlier offsets alone.
    for (var i = nodes.length - 1; i >= 0; i--) {
      var node = nodes[i], start = starts[i], end = start + node.data.length;
      var mine = ranges.filter(function (r) { return r[0] < end && r[1] > start; })
        .sort(function (a, b) { return b[0] - a[0]; });
      mine.forEach(function (r) {
        var from = Math.max(r[0], start) - start, to = Math.min(r[1], end) - start;
        if (to > node.data.length) return;
        var hit = node.splitText(from);
        hit.splitText(to - from);
        var mark = document.createElement("mark");
        mark.className = "edition-hit";
        hit.parentNode.replaceChild(mark, hit);
        mark.appendChild(hit);
      });
    }
    return ranges.length;
  }

  function start() {
    var words = new URLSearchParams(location.search).getAll("h").filter(Boolean);
    if (words.length) document.documentElement.setAttribute("data-edition-hits", String(highlight(words)));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Suggest a note. Each paragraph's pencil link opens the repository's "create a file" form; this
   adds the new file's content: the page's skeleton (#edition-suggest) with the paragraph's id and
   targets (core/suggestions.py makes both). Without JavaScript the form opens with the file name. */
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("edition-suggest");
    if (!element) return;
    var data;
    try { data = JSON.parse(element.textContent); } catch (error) { return; }
    var links = document.querySelectorAll("a.edition-suggest[data-targets]");
    Array.prototype.forEach.call(links, function (link) {
      var block = link.closest("[id^='p-']");
      if (!block) return;
      var targets = decodeURIComponent(link.getAttribute("data-targets"));
      var value = data.template.split("{block}").join(block.id).split("{targets}").join(targets);
      link.setAttribute("href", data.root + "?filename=" +
        encodeURIComponent("annotations/notes/suggested-" + block.id + ".yml") + "&value=" + encodeURIComponent(value));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Page not found. A static host answers a missing page anywhere with the root 404 page (the
   source edition's); a reader who was under another edition's path (…/zh-Hant/…) is shown that
   edition's line, with its home page. */
(function () {
  "use strict";
  var lines = document.querySelectorAll(".edition-not-found-alternate[data-edition-path]");
  Array.prototype.forEach.call(lines, function (line) {
    var path = "/" + line.getAttribute("data-edition-path") + "/";
    if (location.pathname.indexOf(path) === -1 || line.lang === document.documentElement.lang) return;
    var link = line.querySelector("a[data-href]");
    // (not an href in the page: the other editions' copies would point it into themselves)
    if (link) link.setAttribute("href", link.getAttribute("data-href"));
    line.hidden = false;
  });
})();

/* Accessibility: a theme's dialogs may have no name (axe-core: aria-dialog-name): a footnote
   tooltip (a dialog, made when first shown) takes the name of the note marker that opens it
   (aria-controls), e.g. "注释 7：刻舟求剑". */
(function () {
  "use strict";
  function name() {
    var dialogs = document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    Array.prototype.forEach.call(dialogs, function (dialog) {
      var by = dialog.id && document.querySelector('[aria-controls="' + dialog.id + '"]');
      var label = by && by.getAttribute("aria-label");
      if (label) dialog.setAttribute("aria-label", label);
    });
  }
  name();
  new MutationObserver(name).observe(document.body, {childList: true, subtree: true, attributes: true,
                                                     attributeFilter: ["aria-controls"]});
})();
