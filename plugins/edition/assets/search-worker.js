/*
 * The edition's search worker, behind the edition's own search box (assets/edition/search.js).
 * Protocol: the page posts {type: 0 SETUP, data: the index's URL (or the index itself)} and gets
 * {type: 1 READY} (or {type: 4 FAILED, data: why}); it posts {type: 2 QUERY, id, data: the
 * query} and gets {type: 3 RESULT, id, data: {items, card}}, where items are groups of results,
 * one group per page: the page's own document first when it is there (no "#" in its location),
 * then its best result (the lead), then its other sections, each {location, title, text, score,
 * terms, kind}. Title and text are escaped, with <mark>, <del> and <p> added. `card` is the
 * glossary term whose name or alias is the query, with its definition. From the file system
 * (file://), where a page can start no worker, the page loads this file as a script and calls
 * EditionSearch.setup(index) and EditionSearch.search(query) itself.
 *
 * Why not a theme's search: Material's Chinese search loses the last word of a query, cannot find
 * digits next to Han (1200人) or a word inside a longer one, and reads + as an operator (see
 * FIELD-NOTES.md); Zensical's lives in a shadow DOM with English-only labels. This worker
 * searches plain text for substrings, after folding both the text and the query the same way
 * (core/search/index.py says how), so a query in either script finds either edition.
 *
 * Ranking, per document: documents that contain more of the query's words come first; then a
 * BM25 score of each word (occurrences, document length, rarity), with a bonus when the word is in
 * a heading or a term's name, one when it is a term's name or alias exactly, and one when the
 * whole query occurs as written. A word that occurs nowhere is looked for by its two-character
 * pieces (at least half of them in a document); a word that occurs in annotations only is also
 * looked for in the text by its pieces (three quarters of them in a passage: 智能手机出货量 finds
 * 智能手机的年出货量). Then the text comes first: whenever a passage of the text has the query's
 * words (as many of them as any result has), the best passage is the first result; the term the
 * query names comes next, with its definition as its teaser; then every other page by its best
 * document.
 *
 * Cost, at the length of a book: setup folds the text once and indexes every position by its
 * character (a counting sort: two passes); a word is looked for at the positions of its rarest
 * character only, or, when the reader has typed one character more, at the previous word's
 * positions (the last words' positions are kept). Only the first pages' results are sent whole
 * (Material renders ten at once); later pages send their best section.
 */
(function () {
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, FAILED = 4
const VERSION = 1
const SEP = 1                         /* U+0001 ends each field in the folded text; folding drops it */
const DROP = /[\p{P}\p{Z}\p{C}]/u     /* punctuation, separators, format and control characters */
const SNIPPET_BEFORE = 24, SNIPPET_LENGTH = 110
/* Per kind of document: a factor on the score of its text (a passage of the text counts more than
   a note that quotes it), the bonus, in units of the word's rarity, for a word in its title, and
   whether it is a passage of the text. A paragraph's title (its section and number) is not
   searched. */
const KINDS = {
  text:    { boost: 1.0, title: 0, passage: true },
  heading: { boost: 1.0, title: 2, passage: true },
  term:    { boost: 0.5, title: 2, passage: false },
  note:    { boost: 0.5, title: 0, passage: false },
  event:   { boost: 0.5, title: 0, passage: false },
  other:   { boost: 0.3, title: 0, passage: false }
}
const KEY_BONUS = 6    /* a glossary term's own name or alias, exactly */
const PHRASE_BONUS = 3 /* the query's words next to each other, as typed */
const PIECES = 0.5, PIECES_IN_TEXT = 0.75  /* share of a word's pieces a document must have */
const WHOLE_PAGES = 10 /* pages sent at least with their best section and its teaser */
const SECTIONS = 30    /* results sent with a teaser, at most (pages whole while they fit) */
const KEPT = 24        /* words whose positions are kept for the next keystrokes */
const WORDS = 30       /* words of a query, at most */

let index = null

/* --- Folding (the same rules as core/search/index.fold) ------------------------------------ */

/* The fold of one character (a string of one code point): may be empty, or longer. */
function folder(pairs) {
  const table = new Map()
  const chars = Array.from(pairs)
  for (let i = 0; i + 1 < chars.length; i += 2)
    table.set(chars[i], chars[i + 1])
  const astral = new Map()
  const bmp = new Array(0x10000)
  const compute = char => {
    let out = ""
    for (const part of char.normalize("NFKC"))
      for (const c of (table.get(part) || part).toLowerCase())
        if (!DROP.test(c))
          out += c
    return out
  }
  return char => {
    if (char.length === 1) {
      const code = char.charCodeAt(0)
      let out = bmp[code]
      if (out === undefined)
        out = bmp[code] = compute(char)
      return out
    }
    let out = astral.get(char)
    if (out === undefined) {
      out = compute(char)
      astral.set(char, out)
    }
    return out
  }
}

/* Fold a string, one code point at a time. With `each(folded, offset)`, each character's fold
   and its offset in the text are handed over instead. */
function foldText(fold, text, each) {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const pair = code >= 0xD800 && code < 0xDC00 && i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xDC00 && text.charCodeAt(i + 1) < 0xE000
    const f = fold(pair ? text.slice(i, i + 2) : text[i])
    if (each) each(f, i)
    else out += f
    if (pair) i++
  }
  return out
}

/* --- Setup ---------------------------------------------------------------------------------- */

const ALNUM = /[a-z0-9]$/

function setup({ config, docs }) {
  const edition = config && config.edition
  if (!edition || edition.version !== VERSION)
    throw new TypeError("search index: not an edition index of version " + VERSION)
  const fold = folder(edition.fold)
  const n = docs.length
  let capacity = 1024
  for (const doc of docs)
    capacity += (doc.title || "").length + (doc.text || "").length + 3
  let codes = new Uint16Array(capacity)
  let back = new Int32Array(capacity)     /* folded offset → offset in its field's display text */
  let inWord = new Uint8Array(capacity)   /* 1: a Latin letter or digit just before it (folded) */
  let length = 0
  const push = (code, offset, after) => {
    if (length === codes.length) {
      const grow = (array, Type) => { const more = new Type(array.length * 2); more.set(array); return more }
      codes = grow(codes, Uint16Array)
      back = grow(back, Int32Array)
      inWord = grow(inWord, Uint8Array)
    }
    codes[length] = code
    back[length] = offset
    inWord[length++] = after
  }
  const field = (value, shown) => {
    let after = 0
    foldText(fold, value, (f, offset) => {
      if (f.length === 1 && length < codes.length) {  /* most characters: one code unit */
        const code = f.charCodeAt(0)
        codes[length] = code
        back[length] = shown ? offset : 0
        inWord[length++] = after
        after = shown && ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) ? 1 : 0
        return
      }
      for (let k = 0; k < f.length; k++)
        push(f.charCodeAt(k), shown ? offset : 0, k ? ALNUM.test(f[k - 1]) : after)
      after = shown && ALNUM.test(f) ? 1 : 0  /* a space or a punctuation mark ends a word */
    })
    push(SEP, -1, 0)
  }
  const starts = new Int32Array(3 * n + 1)  /* per document: title, text, keys (its end: the next) */
  const kinds = new Uint8Array(n)
  const passage = new Uint8Array(n)
  const kindNames = Object.keys(KINDS)
  const pageOf = new Int32Array(n)
  const pages = []            /* {location, own (its own document, or -1)} */
  const pageIds = new Map()
  const keys = new Map()      /* term document → folded name and aliases */
  docs.forEach((doc, d) => {
    const kind = kindNames.indexOf(doc.kind)
    kinds[d] = kind === -1 ? kindNames.indexOf("other") : kind
    passage[d] = KINDS[kindNames[kinds[d]]].passage ? 1 : 0
    starts[3 * d] = length
    field(doc.kind === "text" ? "" : doc.title || "", true)
    starts[3 * d + 1] = length
    field(doc.text || "", true)
    starts[3 * d + 2] = length
    const hidden = doc.keys || []
    if (!hidden.length)
      field("", false)
    for (const key of hidden)
      field(key, false)
    if (doc.kind === "term")
      keys.set(d, new Set([doc.title, ...(doc.keys || [])].map(v => foldText(fold, v))))
    const [page, fragment] = doc.location.split("#")
    let id = pageIds.get(page)
    if (id === undefined) {
      id = pages.length
      pageIds.set(page, id)
      pages.push({ location: page, own: -1 })
    }
    pageOf[d] = id
    if (fragment === undefined && pages[id].own === -1)
      pages[id].own = d
  })
  starts[3 * n] = length
  codes = codes.subarray(0, length)
  let text = ""
  for (let i = 0; i < length; i += 8192)
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)))
  /* Every position, grouped by its code unit (a counting sort): the positions of one code unit
     are postings.subarray(first[c], first[c + 1]), in text order. */
  const first = new Int32Array(0x10001)
  for (let i = 0; i < length; i++)
    first[codes[i] + 1]++
  for (let c = 0; c < 0x10000; c++)
    first[c + 1] += first[c]
  const cursor = first.slice(0, 0x10000)
  const postings = new Int32Array(length)
  for (let i = 0; i < length; i++)
    postings[cursor[codes[i]]++] = i
  const lengths = new Float64Array(n)
  let total = 0
  for (let d = 0; d < n; d++) {
    lengths[d] = starts[3 * d + 2] - starts[3 * d + 1] - 1
    total += lengths[d]
  }
  index = {
    docs, fold, text, back: back.subarray(0, length), inWord: inWord.subarray(0, length), starts, kinds,
    kindNames, passage, pageOf, pages, keys, lengths, average: total / Math.max(1, n), first, postings,
    kept: new Map(), scratch: Array.from({ length: 6 }, () => new Int32Array(n)),
    stamp: new Int32Array(n), generation: 0, matched: new Float64Array(n), score: new Float64Array(n),
    hits: new Int32Array(n)
  }
}

/* --- Occurrences ---------------------------------------------------------------------------- */

const kindOf = d => KINDS[index.kindNames[index.kinds[d]]]

/* The document a folded offset is in (binary search over document starts). */
function docAt(offset) {
  const starts = index.starts
  let lo = 0, hi = index.docs.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[3 * mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/* Every occurrence of a folded string, and where: {positions (ascending), length, docs
   (ascending), and per document: from/to (its share of positions), title/text/keys (counts),
   passage (does a passage of the text have it)}. A string that starts with a Latin letter or a
   digit must start a word or number there (in gives no Tmall, 200 no 1200). Kept for the next
   keystrokes: typing one character more looks only at the shorter string's positions. */
function occurrences(needle) {
  const kept = index.kept
  let found = kept.get(needle)
  if (found) {
    kept.delete(needle)
    kept.set(needle, found)
    return found
  }
  const { text, first, postings, inWord } = index
  /* Candidates: the positions of the needle's rarest code unit, or of a kept prefix */
  let from = postings, lo = 0, hi = 0, shift = 0
  let fewest = Infinity
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k)
    const count = first[c + 1] - first[c]
    if (count < fewest) {
      fewest = count
      lo = first[c]
      hi = first[c + 1]
      shift = k
    }
  }
  for (const [prefix, entry] of kept)
    if (prefix.length < needle.length && entry.positions.length < fewest && needle.startsWith(prefix)) {
      fewest = entry.positions.length
      from = entry.positions
      lo = 0
      hi = from.length
      shift = 0
    }
  const word = /^[a-z0-9]/.test(needle)
  let positions
  if (needle.length === 1 && !word) {
    positions = from.subarray(lo, hi)
  } else {
    positions = new Int32Array(hi - lo)
    let count = 0
    const one = needle.length === 1
    for (let i = lo; i < hi; i++) {
      const at = from[i] - shift
      if (at >= 0 && (one || text.startsWith(needle, at)) && !(word && inWord[at]))
        positions[count++] = at
    }
    positions = positions.slice(0, count)
  }
  found = tally(positions, needle.length)
  kept.set(needle, found)
  if (kept.size > KEPT)
    kept.delete(kept.keys().next().value)
  return found
}

function tally(positions, length) {
  const { starts, passage, scratch } = index
  const n = index.docs.length
  const [ids, from, to, title, text, keys] = scratch
  let inPassage = false
  let d = -1, j = -1, end = 0
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i]
    if (at >= end) {
      d = d + 2 <= n && starts[3 * (d + 2)] > at ? d + 1 : docAt(at)
      end = starts[3 * (d + 1)]
      ids[++j] = d
      from[j] = i
      title[j] = text[j] = keys[j] = 0
    }
    to[j] = i + 1
    if (at < starts[3 * d + 1]) title[j]++
    else if (at < starts[3 * d + 2]) text[j]++
    else keys[j]++
    if (passage[d] && at < starts[3 * d + 2]) inPassage = true
  }
  const count = j + 1
  return { positions, length, docs: ids.slice(0, count), from: from.slice(0, count), to: to.slice(0, count),
           title: title.slice(0, count), text: text.slice(0, count), keys: keys.slice(0, count),
           passage: inPassage }
}

/* The word's two-character pieces, in documents (passages of the text only, if `passages`) that
   have at least `share` of them: the pieces' occurrences, and Map(document → {title, text, keys,
   share}). */
function pieces(folded, share, passages) {
  const chars = Array.from(folded)
  const grams = new Set()
  for (let i = 0; i + 1 < chars.length; i++)
    grams.add(chars[i] + chars[i + 1])
  const needles = [...grams].map(occurrences)
  const hits = new Map()
  for (const found of needles)
    found.docs.forEach((d, j) => {
      if (passages && !index.passage[d])
        return
      let all = hits.get(d)
      if (!all) {
        all = { title: 0, text: 0, keys: 0, grams: 0 }
        hits.set(d, all)
      }
      all.grams++
      all.title += found.title[j]
      all.text += found.text[j]
      all.keys += found.keys[j]
    })
  for (const [d, all] of hits) {
    if (all.grams < share * grams.size)
      hits.delete(d)
    else
      all.share = all.grams / grams.size
  }
  return { needles, hits }
}

/* --- Query ---------------------------------------------------------------------------------- */

function bm25(count, length) {
  const k1 = 1.2, b = 0.5
  return count * (k1 + 1) / (count + k1 * (1 - b + b * length / (index.average || 1)))
}

function search(query) {
  const words = []
  for (const raw of query.split(/[\s\u3000]+/)) {
    const folded = foldText(index.fold, raw)
    if (folded && !words.some(w => w.folded === folded) && words.length < WORDS)
      words.push({ raw, folded, needles: [], bit: 1 << words.length })
  }
  if (!words.length)
    return { items: [] }
  const n = index.docs.length
  const { stamp, matched, score, hits, keys } = index
  const generation = ++index.generation
  const touched = []
  const add = (d, share, points, word) => {
    if (stamp[d] !== generation) {
      stamp[d] = generation
      matched[d] = 0
      score[d] = 0
      hits[d] = 0
      touched.push(d)
    }
    matched[d] += share
    score[d] += points
    hits[d] |= word ? word.bit : 0
  }
  /* One document's hits of a word (or of its pieces: `share` of them) */
  const count = (word, d, title, text, hidden, share, idf) => {
    const kind = kindOf(d)
    let points = kind.boost * bm25(text + hidden + (kind.title ? 0 : title), index.lengths[d])
    if (title) points += kind.title
    if (words.length === 1 && keys.has(d) && keys.get(d).has(word.folded)) points += KEY_BONUS
    add(d, share, idf * points * share, word)
  }
  for (const word of words) {
    const found = occurrences(word.folded)
    if (found.docs.length) {
      word.needles.push(found)
      const idf = Math.log(1 + n / found.docs.length)
      for (let j = 0; j < found.docs.length; j++)
        count(word, found.docs[j], found.title[j], found.text[j], found.keys[j], 1, idf)
    }
    if (!found.passage && Array.from(word.folded).length >= 3) {
      /* Nowhere: its pieces anywhere. In annotations only: its pieces in the text too. */
      const elsewhere = found.docs.length > 0
      const { needles, hits } = pieces(word.folded, elsewhere ? PIECES_IN_TEXT : PIECES, elsewhere)
      word.needles.push(...needles)
      const idf = Math.log(1 + n / Math.max(1, hits.size))
      for (const [d, hit] of hits)
        count(word, d, hit.title, hit.text, hit.keys, hit.share, idf * 0.5)
    }
  }
  const phrase = words.map(w => w.folded).join("")
  const needles = words.flatMap(w => w.needles)
  if (words.length > 1) {
    /* The whole query as written (its words next to each other) */
    const found = occurrences(phrase)
    const idf = Math.log(1 + n / Math.max(1, found.docs.length))
    for (const d of found.docs)
      add(d, 0, idf * (PHRASE_BONUS * kindOf(d).boost + (keys.has(d) && keys.get(d).has(phrase) ? KEY_BONUS : 0)))
    needles.push(found)
  }
  return results(touched, words, needles, phrase)
}

/* --- Order ---------------------------------------------------------------------------------- */

function results(touched, words, needles, phrase) {
  const { matched, score, hits, pageOf, pages, keys } = index
  const rank = d => matched[d] * 1000 + score[d]
  const better = (a, b) => rank(b) - rank(a) || a - b
  const count = d => { let n = 0; for (let b = hits[d]; b; b &= b - 1) n++; return n }
  let best = -1, card = -1, most = 0
  for (const d of touched) {
    if (!matched[d])
      continue
    most = Math.max(most, count(d))
    if (index.passage[d] && (best === -1 || better(d, best) < 0))
      best = d
    if (keys.has(d) && keys.get(d).has(phrase) && (card === -1 || better(d, card) < 0))
      card = d
  }
  /* The text first when its best passage has as many of the query's words (or their pieces) as
     any result: a two-word query finds the event that has both words, not a passage with one alone. */
  if (best !== -1 && count(best) < most)
    best = -1
  /* Pages, by their best document; then the best passage's page first, the card's next */
  const groups = new Map()
  for (const d of touched) {
    if (!matched[d])
      continue
    let group = groups.get(pageOf[d])
    if (!group) {
      group = { page: pageOf[d], lead: d, members: [] }
      groups.set(pageOf[d], group)
    }
    group.members.push(d)
    if (better(d, group.lead) < 0)
      group.lead = d
  }
  const ordered = [...groups.values()].sort((a, b) => better(a.lead, b.lead))
  for (const d of [card, best]) {  /* each to the front: the best passage's page, then the card's */
    if (d === -1)
      continue
    const [group] = ordered.splice(ordered.findIndex(g => g.page === pageOf[d]), 1)
    group.lead = d
    ordered.unshift(group)
  }
  /* Material takes each group's page document as its head, shows the sections that score at
     least as much as the head, folds the others, and Enter in the search box follows the highest
     score of the first group (compared to two decimals). So: the lead (a section) gets the
     group's score, the head a hundredth less, the others less still; scores fall from group to
     group, as the order does. Bounded: pages are sent whole while they fit in SECTIONS; the
     first ten (Material's first screenful) at least with their head and lead; later ones as
     their lead alone, without a teaser (Material then shows it as the page's title, a link to
     the passage). */
  let top = Infinity, sent = 0
  const items = ordered.map((group, g) => {
    const lead = group.lead
    const shown = top = Math.min(rank(lead), top - 0.05)
    const own = pages[group.page].own
    if (g >= WHOLE_PAGES && group.members.length + 1 > SECTIONS - sent)
      return [render(lead, shown, words, needles, false)]
    const whole = g === 0 || group.members.length + 1 <= SECTIONS - sent
    const out = []
    if (own !== -1)
      out.push(render(own, own === lead ? shown : shown - 0.011, words, needles))
    if (own !== lead)
      out.push(render(lead, shown, words, needles))
    if (whole)
      for (const d of group.members.sort(better))
        if (d !== lead && d !== own && out.length < SECTIONS)
          out.push(render(d, Math.min(rank(d), shown - 0.022), words, needles))
    sent += out.length
    return out
  })
  const data = { items }
  if (card !== -1)
    data.card = render(card, rank(card), words, needles, true)
  return data
}

/* --- Results -------------------------------------------------------------------------------- */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }
const escape = text => text.replace(/[&<>"']/g, c => ESCAPES[c])

/* The document's share of a needle's positions, by binary search over its documents. */
function share(found, d) {
  const ids = found.docs
  let lo = 0, hi = ids.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (ids[mid] < d) lo = mid + 1
    else if (ids[mid] > d) hi = mid - 1
    else return [found.from[mid], found.to[mid]]
  }
  return null
}

/* Display ranges [start, end) of the matches in one document's title and text, merged. */
function ranges(d, needles) {
  const { starts, back } = index
  const title = [], text = []
  for (const found of needles) {
    const slice = share(found, d)
    if (!slice)
      continue
    const length = found.length
    for (let i = slice[0]; i < slice[1]; i++) {
      const at = found.positions[i]
      if (at >= starts[3 * d + 2])
        continue
      const start = back[at], end = back[at + length - 1]
      if (start >= 0 && end >= 0)
        (at < starts[3 * d + 1] ? title : text).push([start, end + 1])
    }
  }
  return { title: merge(title), text: merge(text) }
}

function merge(spans) {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged = []
  for (const r of spans) {
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

/* One result. A term found by its name (or `definition`: the card) shows its definition; with
   `definition` false, no teaser. */
function render(d, score, words, needles, definition) {
  const doc = index.docs[d]
  const { title, text } = ranges(d, needles)
  const body = doc.text || ""
  let teaser = ""
  if (body && definition !== false) {
    let from, to
    if (doc.lead && (definition || title.length || !text.length)) {
      from = 0
      to = Math.min(body.length, doc.lead)
    } else {
      from = Math.max(0, (text.length ? text[0][0] : 0) - SNIPPET_BEFORE)
      if (from > 0 && /[\uDC00-\uDFFF]/.test(body[from])) from--
      to = Math.min(body.length, from + SNIPPET_LENGTH)
      if (to < body.length && /[\uDC00-\uDFFF]/.test(body[to])) to++
    }
    teaser = "<p>" + (from > 0 ? "…" : "") + marked(body, text, from, to) + (to < body.length ? "…" : "") + "</p>"
  }
  /* What the page should highlight: each match as the page prints it, once. */
  const shown = new Set()
  for (const [start, end] of text) shown.add(body.slice(start, end))
  for (const [start, end] of title) shown.add(doc.title.slice(start, end))
  const [path, fragment] = doc.location.split("#")
  const params = [...shown].filter(Boolean).slice(0, 8).map(h => "h=" + encodeURIComponent(h)).join("&")
  const location = path + (params ? "?" + params : "") + (fragment ? "#" + fragment : "")
  const terms = {}
  const matched = index.stamp[d] === index.generation ? index.hits[d] : 0
  for (const w of words) terms[w.raw] = (matched & w.bit) !== 0
  return { location, title: marked(doc.title, title, 0, doc.title.length), text: teaser, score, terms,
           kind: doc.kind }
}

/* --- Protocol ------------------------------------------------------------------------------- */

function answer(query) {
  try {
    return search(query)
  } catch (err) {
    console.warn("search: " + err)
    return { items: [] }
  }
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  addEventListener("message", ev => {
    const message = ev.data
    switch (message.type) {
      case SETUP:
        if (typeof message.data !== "string") {
          setup(message.data)
          postMessage({ type: READY })
          break
        }
        fetch(message.data)
          .then(response => {
            if (!response.ok)
              throw new Error(message.data + ": " + response.status)
            return response.json()
          })
          .then(data => { setup(data); postMessage({ type: READY }) })
          .catch(err => postMessage({ type: FAILED, data: String(err) }))
        break
      case QUERY:
        postMessage({ type: RESULT, id: message.id, data: answer(message.data) })
        break
      default:
        throw new TypeError("Invalid message type")
    }
  })
} else {
  /* In a page (file://, and the tests): the search, and the folding that the tests compare with
     core/search/index.py's. */
  self.EditionSearch = { setup, search: answer, foldText, get index() { return index } }
}
})()
