// Picks the best passages of a document for a hit and marks the matched words.

import Foundation
//
// Matching is on folded forms, so `viet a` marks `Việt Á`; with --exact only exact forms count.
// Markers are «…» (JSON keeps them; the text printer turns them into bold or [ ]).

public enum Snippet {
  public static let open = "«", close = "»"

  /// About `width` characters around the densest cluster of matches, up to `passages` passages.
  /// Long texts (whole laws) are read in a head window first: matches there make a snippet as
  /// good as any, and tokenising megabytes per hit would dominate the query time.
  static let headWindow = 48_000

  static func make(text: String, terms: HighlightTerms, width: Int = 200, passages: Int = 2) -> String {
    if text.utf8.count > headWindow * 2 {
      var end = text.utf8.index(text.utf8.startIndex, offsetBy: headWindow)
      while end < text.endIndex && !text.unicodeScalars[end].properties.isWhitespace {
        end = text.unicodeScalars.index(after: end)
      }
      let head = String(text[..<end])
      let snippet = make(text: head, terms: terms, width: width, passages: passages, scan: true)
      if snippet.contains(open) { return snippet }
    }
    return make(text: text, terms: terms, width: width, passages: passages, scan: true)
  }

  private static func make(text: String, terms: HighlightTerms, width: Int, passages: Int, scan: Bool) -> String {
    let scalars = Array(text.unicodeScalars)
    var matches: [(range: Range<Int>, key: String)] = []
    WordTokenizer.forEachWord(in: text) { w in
      let hit = terms.exactOnly ? terms.exact.contains(w.exact) : terms.folded.contains(w.folded)
      if hit { matches.append((w.scalarRange, w.folded)) }
    }
    if matches.isEmpty {
      return clean(scalars, 0..<min(scalars.count, width), marks: [])
    }
    // Score each window starting at a match by the distinct terms it holds.
    var chosen: [Range<Int>] = []
    var used = Set<Int>()
    for _ in 0..<max(1, passages) {
      var best: (score: Int, start: Int)? = nil
      for (i, m) in matches.enumerated() where !used.contains(i) {
        let lo = max(0, m.range.lowerBound - width / 4)
        if chosen.contains(where: { $0.overlaps(lo..<(lo + width)) }) { continue }
        var keys = Set<String>()
        // Matches are in text order: stop at the first one past the window (a scan to the end made
        // this quadratic, seconds per hit on a long law full of common words).
        for m2 in matches[i...] {
          if m2.range.upperBound > lo + width { break }
          keys.insert(m2.key)
        }
        let score = keys.count * 100 + (matches.count - i) / max(1, matches.count)
        if best == nil || score > best!.score { best = (score, i) }
      }
      guard let b = best else { break }
      let lo = max(0, matches[b.start].range.lowerBound - width / 4)
      let r = lo..<min(scalars.count, lo + width)
      chosen.append(r)
      for (i, m) in matches.enumerated() where r.contains(m.range.lowerBound) { used.insert(i) }
      if used.count == matches.count { break }
    }
    chosen.sort { $0.lowerBound < $1.lowerBound }
    return chosen.map { r in clean(scalars, r, marks: matches.map(\.range).filter { r.contains($0.lowerBound) }) }
      .joined(separator: " … ")
  }

  /// The passage on one line, cut at word boundaries, with marks around matches.
  private static func clean(_ s: [Unicode.Scalar], _ r: Range<Int>, marks: [Range<Int>]) -> String {
    let letters = VietnameseLetters.shared
    var lo = r.lowerBound, hi = r.upperBound
    while lo > 0 && lo < s.count && letters.isWord(s[lo].value) && letters.isWord(s[lo - 1].value) { lo += 1 }
    while hi < s.count && hi > lo && letters.isWord(s[hi].value) && letters.isWord(s[hi - 1].value) { hi -= 1 }
    var out = String.UnicodeScalarView()
    var lastSpace = true
    var markIndex = 0
    let sorted = marks.sorted { $0.lowerBound < $1.lowerBound }
    var i = lo
    while i < hi {
      if markIndex < sorted.count && sorted[markIndex].lowerBound == i {
        let m = sorted[markIndex]
        out.append(contentsOf: open.unicodeScalars)
        out.append(contentsOf: s[m.lowerBound..<min(m.upperBound, s.count)])
        out.append(contentsOf: close.unicodeScalars)
        i = m.upperBound
        markIndex += 1
        lastSpace = false
        continue
      }
      let c = s[i]
      if c.properties.isWhitespace || c.value < 0x20 {
        if !lastSpace { out.append(" ") }
        lastSpace = true
      } else {
        out.append(c)
        lastSpace = false
      }
      i += 1
    }
    // Whitespace is already collapsed to single spaces and never leads, so only a trailing one
    // can remain (Foundation's trimming was a visible share of a CLI search).
    if out.last == " " { out.removeLast() }
    var text = String(out)
    if lo > 0 { text = "…" + text }
    if hi < s.count { text += "…" }
    return text
  }
}
