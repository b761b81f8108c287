/*
 * The edition's search worker. It replaces Material for MkDocs' lunr worker behind Material's own
 * search box and result list, and speaks that worker's protocol (Material 9.8.2,
 * src/templates/assets/javascripts/integrations/search/worker/message): the page posts
 * {type: 0 SETUP, data: {config, docs}} and gets {type: 1 READY}; it posts {type: 2 QUERY, data:
 * the query} and gets {type: 3 RESULT, data: {items}}, where items are groups of results, one group
 * per page, each a page's own document (no "#" in its location) and its sections, as
 * {location, title, text, score, terms}. Material renders title and text as HTML: everything
 * here is escaped before <mark> is added.
 *
 * Why: Material's Chinese search loses the last word of a query, cannot find digits next to Han
 * (1200人) or a word inside a longer one, and reads + as an operator (see FIELD-NOTES.md). This
 * worker searches plain text for substrings, after folding both the text and the query the same
 * way (core/search_index.py says how), so a query in either script finds either edition.
 *
 * Ranking, per page section ("document"): documents that contain more of the query's words come
 * first; then a BM25 score of each word (occurrences, document length, rarity), with a bonus when
 * the word is in the title, a larger one when it is a glossary term's name or alias, and one when
 * the whole query occurs as written. A word that occurs nowhere is looked for by its two-character
 * pieces (at least half of them must occur in a document).
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const VERSION = 1
const SEP = "\u0001"                  /* between fields and documents in the folded text */
const DROP = /[\p{P}\p{Z}\p{C}]/u     /* punctuation, separators, format and control characters */
const SNIPPET_BEFORE = 24, SNIPPET_LENGTH = 110
/* Per kind of document: a factor on the score of its text (a passage of the text counts more than
   a note that quotes it), and the bonus, in units of the word's rarity, for a word in its title.
   A paragraph's title (its section and number) is not searched. */
const KINDS = {
  text:    { boost: 1.0, title: 0 },
  heading: { boost: 1.0, title: 2 },
  term:    { boost: 0.5, title: 2 },
  note:    { boost: 0.5, title: 0 },
  event:   { boost: 0.5, title: 0 },
  other:   { boost: 0.3, title: 0 }
}
const KEY_BONUS = 6    /* a glossary term's own name or alias, exactly */
const PHRASE_BONUS = 3 /* the query's words next to each other, as typed */

let index = null

/* --- Folding (the same rules as core/search_index.fold) ------------------------------------- */

function folder(pairs) {
  const table = new Map()
  const chars = Array.from(pairs)
  for (let i = 0; i + 1 < chars.length; i += 2)
    table.set(chars[i], chars[i + 1])
  const cache = new Map()
  /* The folded form of one character (may be empty, or longer than one character). */
  return char => {
    let out = cache.get(char)
    if (out === undefined) {
      out = ""
      for (const part of char.normalize("NFKC"))
        for (const c of (table.get(part) || part).toLowerCase())
          if (!DROP.test(c))
            out += c
      cache.set(char, out)
    }
    return out
  }
}

/* Fold a string; `back` (if given) receives, for each folded character, its offset in `text`. */
function foldText(fold, text, back) {
  let out = ""
  let offset = 0
  for (const char of text) {
    const f = fold(char)
    if (f) {
      out += f
      if (back)
        for (let k = 0; k < f.length; k++)
          back.push(offset)
    }
    offset += char.length
  }
  return out
}

/* --- Setup ---------------------------------------------------------------------------------- */

function setup({ config, docs }) {
  const edition = config && config.edition
  if (!edition || edition.version !== VERSION)
    throw new TypeError("search index: not an edition index of version " + VERSION)
  const fold = folder(edition.fold)
  const parts = []
  const back = []          /* folded offset → offset in its field's display text */
  const fields = []        /* per document: [title start, text start, keys start, end] */
  let length = 0
  const pages = new Map()  /* page location → index of its own document */
  docs.forEach((doc, i) => {
    const starts = []
    const title = doc.kind === "text" ? "" : doc.title
    for (const [k, value] of [[0, title], [1, doc.text], [2, (doc.keys || []).join(SEP)]]) {
      starts.push(length)
      const before = back.length
      const folded = foldText(fold, value || "", k < 2 ? back : null)
      if (k === 2)
        for (let j = 0; j < folded.length; j++) back.push(0)
      parts.push(folded, SEP)
      back.push(-1)
      length += folded.length + 1
      if (back.length !== length)
        throw new Error("search index: folding out of step at document " + i + " (" + before + ")")
    }
    starts.push(length)
    fields.push(starts)
    const page = doc.location.split("#")[0]
    if (!doc.location.includes("#") && !pages.has(page))
      pages.set(page, i)
  })
  const text = parts.join("")
  const lengths = fields.map(([, t, k]) => k - t - 1)
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)
  const keys = docs.map(doc => new Set([doc.title, ...(doc.keys || [])].map(v => foldText(fold, v))))
  index = { docs, fold, text, back: Int32Array.from(back), fields, lengths, average, pages, keys,
            starts: Int32Array.from(fields.map(f => f[0])) }
}

/* --- Query ---------------------------------------------------------------------------------- */

/* The document a folded offset is in (binary search over document starts). */
function docAt(offset) {
  const starts = index.starts
  let lo = 0, hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/* Every occurrence of a folded string: Map(document → {title, text, keys, spans}). A string that
   starts with a Latin letter or a digit must start a word or number there (in gives no Tmall, 200
   no 1200). */
function occurrences(needle) {
  const found = new Map()
  if (!needle)
    return found
  const { text, fields, docs, back } = index
  const word = /^[a-z0-9]/.test(needle)
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const d = docAt(at)
    const [, t, k] = fields[d]
    const field = at < t ? "title" : at < k ? "text" : "keys"
    if (word && field !== "keys" && /[A-Za-z0-9]/.test((field === "title" ? docs[d].title : docs[d].text)[back[at] - 1] || ""))
      continue
    let hit = found.get(d)
    if (!hit) {
      hit = { title: 0, text: 0, keys: 0, spans: [] }
      found.set(d, hit)
    }
    hit[field]++
    if (field !== "keys")
      hit.spans.push([field, at, at + needle.length])
  }
  return found
}

function bm25(count, length) {
  const k1 = 1.2, b = 0.5
  return count * (k1 + 1) / (count + k1 * (1 - b + b * length / (index.average || 1)))
}

function search(query) {
  const words = []
  for (const raw of query.split(/[\s\u3000]+/)) {
    const folded = foldText(index.fold, raw)
    if (folded && !words.some(w => w.folded === folded))
      words.push({ raw, folded })
  }
  if (!words.length)
    return { items: [] }
  const n = index.docs.length
  const scores = new Map()   /* document → {matched, score, spans, terms} */
  const entry = d => {
    let s = scores.get(d)
    if (!s) {
      s = { matched: 0, score: 0, spans: [], terms: {} }
      scores.set(d, s)
    }
    return s
  }
  for (const word of words) {
    let found = occurrences(word.folded)
    let weight = 1
    if (!found.size && word.folded.length >= 3) {
      found = pieces(word.folded)
      weight = 0.5
    }
    const idf = Math.log(1 + n / Math.max(1, found.size))
    for (const [d, hit] of found) {
      const s = entry(d)
      const kind = KINDS[index.docs[d].kind] || KINDS.other
      s.matched += hit.share || 1
      s.terms[word.raw] = true
      let score = kind.boost * bm25(hit.text + hit.keys + (kind.title ? 0 : hit.title), index.lengths[d])
      if (hit.title) score += kind.title
      if (words.length === 1 && index.docs[d].kind === "term" && index.keys[d].has(word.folded)) score += KEY_BONUS
      s.score += idf * score * weight * (hit.share || 1)
      s.spans.push(...hit.spans)
    }
  }
  if (words.length > 1) {
    /* The whole query as written (its words next to each other) */
    const phrase = words.map(w => w.folded).join("")
    const found = occurrences(phrase)
    const idf = Math.log(1 + n / Math.max(1, found.size))
    for (const [d, hit] of found) {
      const s = entry(d)
      s.score += idf * (PHRASE_BONUS * (KINDS[index.docs[d].kind] || KINDS.other).boost +
                        (index.docs[d].kind === "term" && index.keys[d].has(phrase) ? KEY_BONUS : 0))
      s.spans.push(...hit.spans)
    }
  }
  /* Group by page: the best page first; in a page, the best section first. */
  const groups = new Map()
  for (const [d, s] of scores) {
    if (!s.matched)
      continue
    s.rank = s.matched * 1000 + s.score
    const page = index.docs[d].location.split("#")[0]
    let group = groups.get(page)
    if (!group) {
      group = { page, best: -Infinity, first: d, members: [] }
      groups.set(page, group)
    }
    group.members.push(d)
    group.best = Math.max(group.best, s.rank)
    group.first = Math.min(group.first, d)
  }
  const ordered = [...groups.values()].sort((a, b) => b.best - a.best || a.first - b.first)
  const items = ordered.map(group => {
    const members = group.members.sort((a, b) => scores.get(b).rank - scores.get(a).rank || a - b)
    const own = index.pages.has(group.page) ? index.pages.get(group.page) : -1
    const out = []
    if (own !== -1 && !scores.has(own))
      out.push(render(own, { score: group.best, spans: [], terms: {} }, words))
    for (const d of members) {
      const s = scores.get(d)
      out.push(render(d, { score: d === own ? group.best : s.rank, spans: s.spans, terms: s.terms }, words))
    }
    /* Material takes the page's own document as the group's head, shows the sections that
       score at least as much as the head, folds the others, and Enter in the search box follows
       the highest score (compared to two decimals). So the head goes first, with the best score,
       but a hundredth below it when a section is the best. */
    const head = out.findIndex(item => !item.location.includes("#"))
    if (head > 0)
      out.unshift(...out.splice(head, 1))
    if (out.length)
      out[0].score = scores.has(own) && scores.get(own).rank === group.best ? group.best : group.best - 0.011
    return out
  })
  return { items }
}

/* A word that occurs nowhere: its two-character pieces, in documents that have half of them. */
function pieces(folded) {
  const chars = Array.from(folded)
  const grams = new Set()
  for (let i = 0; i + 1 < chars.length; i++)
    grams.add(chars[i] + chars[i + 1])
  const found = new Map()
  for (const gram of grams)
    for (const [d, hit] of occurrences(gram)) {
      let all = found.get(d)
      if (!all) {
        all = { title: 0, text: 0, keys: 0, spans: [], grams: 0 }
        found.set(d, all)
      }
      all.grams++
      all.title += hit.title
      all.text += hit.text
      all.keys += hit.keys
      all.spans.push(...hit.spans)
    }
  for (const [d, all] of found) {
    if (all.grams * 2 < grams.size)
      found.delete(d)
    else
      all.share = all.grams / grams.size
  }
  return found
}

/* --- Results -------------------------------------------------------------------------------- */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }
const escape = text => text.replace(/[&<>"']/g, c => ESCAPES[c])

/* Display ranges [start, end) of the matches in one field, merged. */
function ranges(spans, field) {
  const out = []
  for (const [f, from, to] of spans) {
    if (f !== field)
      continue
    const start = index.back[from]
    const end = index.back[to - 1]
    if (start < 0 || end < 0)
      continue
    out.push([start, end + 1])
  }
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged = []
  for (const r of out) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push(r)
  }
  return merged
}

/* text[from:to], escaped, with the display ranges in <mark>. */
function marked(text, spans, from, to) {
  let out = ""
  let at = from
  for (const [start, end] of spans) {
    if (end <= from || start >= to)
      continue
    const s = Math.max(start, from), e = Math.min(end, to)
    out += escape(text.slice(at, s)) + "<mark>" + escape(text.slice(s, e)) + "</mark>"
    at = e
  }
  return out + escape(text.slice(at, to))
}

function render(d, { score, spans, terms }, words) {
  const doc = index.docs[d]
  const title = ranges(spans, "title")
  const text = ranges(spans, "text")
  const body = doc.text || ""
  let teaser = ""
  if (body) {
    const first = text.length ? text[0][0] : 0
    let from = Math.max(0, first - SNIPPET_BEFORE)
    if (from > 0 && /[\uDC00-\uDFFF]/.test(body[from])) from--
    let to = Math.min(body.length, from + SNIPPET_LENGTH)
    if (to < body.length && /[\uDC00-\uDFFF]/.test(body[to])) to++
    teaser = "<p>" + (from > 0 ? "…" : "") + marked(body, text, from, to) + (to < body.length ? "…" : "") + "</p>"
  }
  /* What the page should highlight: each match as the page prints it, once. */
  const shown = new Set()
  for (const [start, end] of text) shown.add(body.slice(start, end))
  for (const [start, end] of title) shown.add(doc.title.slice(start, end))
  const [path, fragment] = doc.location.split("#")
  const params = [...shown].filter(Boolean).slice(0, 8).map(h => "h=" + encodeURIComponent(h)).join("&")
  const location = path + (params ? "?" + params : "") + (fragment ? "#" + fragment : "")
  const found = {}
  for (const w of words) found[w.raw] = !!terms[w.raw]
  return { location, title: marked(doc.title, title, 0, doc.title.length), text: teaser, score, terms: found }
}

/* --- Protocol ------------------------------------------------------------------------------- */

addEventListener("message", ev => {
  const message = ev.data
  switch (message.type) {
    case SETUP:
      setup(message.data)
      postMessage({ type: READY })
      break
    case QUERY:
      try {
        postMessage({ type: RESULT, data: search(message.data) })
      } catch (err) {
        console.warn("search: " + err)
        postMessage({ type: RESULT, data: { items: [] } })
      }
      break
    default:
      throw new TypeError("Invalid message type")
  }
})
