/* The edition's search: its own box and result list, over any theme. The header's search button
   (class edition-search-open, put there by the theme's adapter) opens a dialog with a search box;
   each keystroke asks the search worker (assets/edition/search-worker.js) and shows its answer:
   groups of results, one per page, the best passage of the text first. Keyboard: "/" or "s"
   opens it, Escape closes it (focus goes back to the button), the arrow keys move between the box
   and the results, Enter in the box follows the first group's best result, Tab stays inside.

   The page's configuration (EDITION.search, written by the finish stage) names the index, the
   worker and the interface's words for each edition (by the page's lang). Over http(s) the worker
   loads the index itself (search/search_index.json); from the file system (file://), where a page
   can start no worker and fetch nothing, the index comes as a script (search/search_index.js)
   and the same search code runs in the page. Results are built as elements: titles and teasers
   are the worker's escaped text with <mark> and <del> only. */
(function () {
  "use strict";

  var config = EDITION.search;
  if (!config) return;
  var root = EDITION.root || "./";
  var strings = (config.strings || {})[document.documentElement.lang] || config.strings[config.source] || {};

  var dialog = null, input = null, list = null, status = null, opener = null;
  var engine = null;        // {ask(query)}: the worker, or the in-page search from file://
  var ready = false, pending = null, asked = 0, answered = 0, lastAsked = "";

  function text(key, count) {
    var value = strings[key] || key;
    return count === undefined ? value : value.replace("{count}", String(count));
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  /* The worker's escapes (&amp; &lt; &gt; &quot; &#39;) put back; any other "&" stays as it is. */
  var ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"};
  function unescaped(part) {
    return part.indexOf("&") === -1 ? part : part.replace(/&(?:amp|lt|gt|quot|#39);/g, function (e) { return ENTITIES[e]; });
  }

  /* The worker's titles and teasers: escaped text with <mark>, <del> and <p> only; anything else
     is shown as text. */
  function marked(node, html) {
    var parts = String(html).split(/(<\/?(?:mark|del|p)>)/);
    var stack = [node];
    parts.forEach(function (part) {
      var open = /^<(mark|del|p)>$/.exec(part), close = /^<\/(mark|del|p)>$/.exec(part);
      var top = stack[stack.length - 1];
      if (open) {
        var child = document.createElement(open[1] === "p" ? "span" : open[1]);
        top.appendChild(child);
        stack.push(child);
      } else if (close) {
        if (stack.length > 1) stack.pop();
      } else if (part) {
        top.appendChild(document.createTextNode(unescaped(part)));
      }
    });
    return node;
  }

  function href(location) {
    return root === "./" ? location : root + location;
  }

  function kindLabel(kind) {
    return text("kind." + (kind || "other"));
  }

  function render(data, query) {
    if (!dialog) return;
    var items = document.createDocumentFragment();   // built apart, put in at once
    var groups = (data && data.items) || [];
    var count = 0;
    groups.forEach(function (group, g) {
      if (!group.length) return;
      var item = element("li", "edition-search__group");
      // The page's own document comes first when it is there (no "#" in its location), then the
      // rest; the lead (the group's best result, the highest score) may be the page itself.
      var head = group[0].location.indexOf("#") === -1 ? group[0] : null;
      var lead = group.reduce(function (best, r) { return r.score > best.score ? r : best; }, group[0]);
      if (head && lead !== head) {
        var page = marked(element("a", "edition-search__page"), head.title);
        page.href = href(head.location);
        item.appendChild(page);
      }
      group.forEach(function (result) {
        if (result === head && lead !== head) return;
        var link = element("a", "edition-search__result");
        link.href = href(result.location);
        if (result === lead) link.setAttribute("data-lead", "");
        var title = element("span", "edition-search__title");
        var kind = element("span", "edition-search__kind", kindLabel(result.kind));
        title.appendChild(kind);
        marked(title, result.title);
        link.appendChild(title);
        if (result.text) link.appendChild(marked(element("span", "edition-search__teaser"), result.text));
        var missing = Object.keys(result.terms || {}).filter(function (w) { return !result.terms[w]; });
        if (missing.length) {
          var line = element("span", "edition-search__missing", text("missing") + " ");
          missing.forEach(function (word) { line.appendChild(element("del", "", word)); line.appendChild(document.createTextNode(" ")); });
          link.appendChild(line);
        }
        item.appendChild(link);
        count += 1;
      });
      if (g === 0) item.setAttribute("data-first", "");
      items.appendChild(item);
    });
    list.replaceChildren(items);
    status.textContent = !query ? text("hint") : count ? text(count === 1 ? "one" : "many", count) : text("none");
    dialog.setAttribute("data-answered", String(answered));
  }

  function ask() {
    var query = input.value.trim();
    lastAsked = query;
    if (!query) {
      render({items: []}, "");
      return;
    }
    if (!ready) {
      pending = query;
      status.textContent = text("loading");
      return;
    }
    asked += 1;
    var mine = asked;
    engine.ask(query, function (data) {
      if (mine !== asked) return;   // a later keystroke's answer is on its way
      answered = mine;
      render(data, query);
    });
  }

  function onReady() {
    ready = true;
    if (dialog) dialog.setAttribute("data-ready", "");
    if (pending !== null) {
      pending = null;
      ask();
    } else if (dialog && !input.value.trim()) {
      status.textContent = text("hint");
    }
  }

  function failed(error) {
    if (window.console) console.warn("search: " + error);
    if (status) status.textContent = text("failed");
  }

  function script(src, done, fail) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.onload = done;
    tag.onerror = function () { fail(src); };
    document.head.appendChild(tag);
  }

  function start() {
    if (engine) return;
    var index = root + config.index;
    if (location.protocol === "file:") {
      // No worker, no fetch: the index as a script, and the worker's code in the page.
      engine = {ask: function (query, answer) {
        setTimeout(function () { answer(window.EditionSearch.search(query)); }, 0);
      }};
      script(index.replace(/\.json$/, ".js"), function () {
        script(config.worker, function () {
          try {
            window.EditionSearch.setup(window.EDITION_SEARCH_INDEX);
            onReady();
          } catch (error) { failed(error); }
        }, failed);
      }, failed);
      return;
    }
    var worker;
    try { worker = new Worker(config.worker); } catch (error) { failed(error); return; }
    var waiting = {};
    var next = 0;
    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (message.type === 1) onReady();
      else if (message.type === 3 && waiting[message.id]) {
        waiting[message.id](message.data);
        delete waiting[message.id];
      } else if (message.type === 4) failed(message.data);
    });
    worker.addEventListener("error", function (event) { failed(event.message); });
    engine = {ask: function (query, answer) {
      next += 1;
      waiting[next] = answer;
      worker.postMessage({type: 2, id: next, data: query});
    }};
    worker.postMessage({type: 0, data: new URL(index, location.href).href});
  }

  function build() {
    dialog = element("div", "edition-search");
    dialog.id = "edition-search";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", text("label"));
    dialog.hidden = true;
    var panel = element("div", "edition-search__panel");
    var form = element("form", "edition-search__form");
    form.setAttribute("role", "search");
    input = element("input", "edition-search__input");
    input.type = "search";
    input.setAttribute("aria-label", text("label"));
    input.setAttribute("placeholder", text("placeholder"));
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-controls", "edition-search-results");
    input.setAttribute("aria-describedby", "edition-search-status");
    var close = element("button", "edition-search__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", text("close"));
    close.title = text("close");
    form.appendChild(input);
    form.appendChild(close);
    status = element("p", "edition-search__status", text("hint"));
    status.id = "edition-search-status";
    status.setAttribute("role", "status");
    list = element("ol", "edition-search__results");
    list.id = "edition-search-results";
    list.setAttribute("aria-label", text("results"));
    panel.appendChild(form);
    panel.appendChild(status);
    panel.appendChild(list);
    dialog.appendChild(panel);
    document.body.appendChild(dialog);

    input.addEventListener("input", ask);
    // An IME may commit text without an input event; a key released in the box asks again only
    // when the query changed (the key that opened the dialog must not redraw the list under the
    // reader's arrow keys).
    input.addEventListener("keyup", function () {
      if (input.value.trim() !== lastAsked) ask();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var best = list.querySelector("li[data-first] a[data-lead]");
      if (best) best.click();
    });
    close.addEventListener("click", hide);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) hide(); });
    dialog.addEventListener("keydown", keys);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function keys(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      hide();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = [input].concat(links());
      var at = all.indexOf(document.activeElement);
      var to = event.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : Math.max(0, at - 1);
      if (at !== -1 && all[to]) {
        event.preventDefault();
        all[to].focus();
      }
    } else if (event.key === "Tab") {   // focus stays in the dialog
      var focusable = Array.prototype.slice.call(dialog.querySelectorAll("input, button, a[href]"));
      var first = focusable[0], last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  }

  function show(from) {
    start();
    opener = from || document.activeElement;
    dialog.hidden = false;
    document.documentElement.classList.add("edition-search-shown");
    Array.prototype.forEach.call(document.querySelectorAll(".edition-search-open"), function (b) {
      b.setAttribute("aria-expanded", "true");
    });
    input.focus();
    input.select();
  }

  function hide() {
    if (!dialog || dialog.hidden) return;
    dialog.hidden = true;
    document.documentElement.classList.remove("edition-search-shown");
    Array.prototype.forEach.call(document.querySelectorAll(".edition-search-open"), function (b) {
      b.setAttribute("aria-expanded", "false");
    });
    if (opener && opener.focus) opener.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".edition-search-open");
    if (button) {
      event.preventDefault();
      show(button);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s") && !(dialog && !dialog.hidden)) {
      event.preventDefault();
      show(document.querySelector(".edition-search-open"));
    }
  });
  build();
  // Over http(s) the worker loads the index as soon as the page has loaded (search is then ready
  // when the reader opens it); from file:// the index is set up in the page, on first use.
  if (location.protocol !== "file:") {
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".edition-search-open"), function (b) {
    b.setAttribute("aria-controls", "edition-search");
    b.setAttribute("aria-expanded", "false");
  });
})();
