// Picks the best passages of a document for a hit and marks the matched words.

import Foundation

//
// Matching is on folded forms, so `viet a` marks `Việt Á`; with --exact only exact forms count.
// A word typed with marks marks only its exact form where the text has it (`hoá` marks «hoá», not
// the «hòa» of CỘNG HÒA), and its folded matches only in a text without the exact form, which the
// search matched through them. Passages are chosen by the distinct query words they hold, then by
// how many of them stand next to each other as typed (`Việt Á`, not a `Việt` and a far `á`).
// Markers are «…» (JSON keeps them; the text printer shows them in colour on a terminal and drops them when piped).

/// Snippets: the passages of a text densest in matches, with the matches between `open` and `close` marks.
public enum Snippet {
  public static let open = "«", close = "»"

  /// About `width` characters around the densest cluster of matches, up to `passages` passages.
  static func make(text: String, terms: HighlightTerms, width: Int = 200, passages: Int = 2) -> String {
    make(utf8: ArraySlice(text.utf8), terms: terms, width: width, passages: passages)
  }

  /// The same from the stored UTF-8 text. Long texts (whole laws, megabytes) are read from the
  /// head, 16 kB first and four times more each round, until every query term has been seen
  /// (or some have, past 64 kB): decoding and tokenising whole laws per hit was most of a
  /// search on vn-legal, and a passage from the head is as good a snippet as any.
  static func make(utf8 text: ArraySlice<UInt8>, terms: HighlightTerms, width: Int = 200, passages: Int = 2) -> String {
    let wantedCount = (terms.exactOnly ? terms.exact : terms.folded).count + terms.phrases.count
    // With no word to find (a filter alone), the snippet is the text's first `width` characters
    // and the one after them (does a word go on?): at most 4 bytes each, plus the 255 bytes `cut`
    // may step back to a space.
    var limit = wantedCount == 0 ? 4 * (width + 1) + 256 : 16 << 10
    while true {
      let whole = text.count <= limit
      let end = whole ? text.endIndex : cut(text, at: text.startIndex + limit)
      let scalars = Self.scalars(ofUTF8: text[..<end])
      let (matches, seen) = Self.matches(in: scalars, terms: terms)
      if whole || seen == wantedCount || (!matches.isEmpty && limit >= 64 << 10) {
        return compose(scalars, matches, width: width, passages: passages, more: !whole)
      }
      limit *= 4
    }
  }

  /// Every match of `terms` in `scalars`, in text order (scalar ranges, with the query word or
  /// phrase each is a match of), and how many distinct words and phrases matched.
  static func matches(
    in scalars: [Unicode.Scalar], terms: HighlightTerms
  ) -> (matches: [(range: Range<Int>, key: String)], distinct: Int) {
    let wanted = ByteWordSet((terms.exactOnly ? terms.exact : terms.folded).map { Array($0.utf8) })
    let exactWanted = Set(terms.exact.map { ArraySlice($0.utf8) })
    // Phrases as numbers of their words, longest first (a longer phrase is the better mark:
    // `ủy ban nhân dân` over `nhân dân`), listed by their last word: a phrase is matched when
    // its last word is read.
    let phrases = terms.phrases.filter { !$0.isEmpty }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1)
    }
    let phraseWords = ByteWordSet(phrases.flatMap { $0.map { Array($0.utf8) } })
    var phrasesByLast: [Int: [(words: [Int], key: String)]] = [:]
    for p in phrases {
      let ids = p.map { phraseWords.index(of: ArraySlice($0.utf8))! }
      phrasesByLast[ids.last!, default: []].append((ids, p.joined(separator: " ")))
    }
    let longestPhrase = phrases.first?.count ?? 0
    var matches: [(range: Range<Int>, key: String)] = []
    var loose: Set<Int> = []  // matches of an accented-only word by its folded form alone
    var exactKeys = Set<String>()
    var seen = Set<String>()
    var recent: [(word: Int, range: Range<Int>)] = []  // the last words (-1: not a phrase's), for phrases
    var phraseRanges: [Range<Int>] = []
    // Compared as UTF-8 bytes in reused buffers: no String per word of the text.
    WordTokenizer.forEachWordUTF8(scalars: scalars, exactPrefix: []) { exact, folded, range in
      if longestPhrase > 0 {
        let id = phraseWords.index(of: folded) ?? -1
        recent.append((id, range))
        if recent.count > longestPhrase { recent.removeFirst() }
        for p in (id >= 0 ? phrasesByLast[id] : nil) ?? [] where p.words.count <= recent.count {
          let tail = recent.suffix(p.words.count)
          guard zip(tail, p.words).allSatisfy({ $0.0.word == $0.1 }) else { continue }
          let r = tail.first!.range.lowerBound..<range.upperBound
          seen.insert(p.key)
          phraseRanges.append(r)
          matches.append((r, p.key))
          break
        }
      }
      let word = terms.exactOnly ? exact : folded
      if wanted.contains(word) {
        let key = String(decoding: word, as: UTF8.self)
        seen.insert(key)
        if !terms.exactOnly && terms.accentedOnly.contains(key) {
          if exactWanted.contains(exact) { exactKeys.insert(key) } else { loose.insert(matches.count) }
        }
        matches.append((range, key))
      }
    }
    if !loose.isEmpty {
      matches = matches.enumerated().filter { !loose.contains($0.offset) || !exactKeys.contains($0.element.key) }
        .map(\.element)
    }
    if !phraseRanges.isEmpty {
      // A word inside a marked phrase is part of that mark; matches stay in text order.
      matches = matches.filter { m in !phraseRanges.contains { $0 != m.range && $0.contains(m.range.lowerBound) } }
      matches.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
    return (matches, seen.count)
  }

  /// The Unicode scalars of UTF-8 bytes, decoded in one pass by the standard library's parser
  /// (a String first, then its scalars counted and copied, took three passes: 10% of a search of
  /// long laws). Ill-formed bytes become U+FFFD, as `String(decoding:as:)` makes them.
  static func scalars(ofUTF8 bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(bytes.count)
    var parser = Unicode.UTF8.ForwardParser()
    var input = bytes.makeIterator()
    while true {
      switch parser.parseScalar(from: &input) {
      case .valid(let encoded): out.append(Unicode.UTF8.decode(encoded))
      case .error: out.append(Unicode.UTF8.decode(Unicode.UTF8.encodedReplacementCharacter))
      case .emptyInput: return out
      }
    }
  }

  /// An end for a head of `text` near `index`: after the last whitespace before it, else on a
  /// character boundary.
  private static func cut(_ text: ArraySlice<UInt8>, at index: Int) -> Int {
    var i = index
    while i > text.startIndex && index - i < 256 {
      switch text[i - 1] {
      case 0x20, 0x0A, 0x0D, 0x09: return i
      default: i -= 1
      }
    }
    i = index
    while i > text.startIndex && text[i] & 0xC0 == 0x80 { i -= 1 }
    return i
  }

  /// The best passages of `scalars` (a head of the text when `more`).
  private static func compose(
    _ scalars: [Unicode.Scalar], _ matches: [(range: Range<Int>, key: String)], width: Int, passages: Int, more: Bool
  ) -> String {
    if matches.isEmpty {
      return clean(scalars, 0..<min(scalars.count, width), marks: [], more: more)
    }
    // Score each window starting at a match by the distinct terms it holds. Terms are counted by
    // number, each window stamping the ones it saw: a Set of Strings per window was 5% of a
    // topic search (perf, gen-100k).
    var numbers: [String: Int] = [:]
    let keys = matches.map { m in
      if let n = numbers[m.key] { return n }
      numbers[m.key] = numbers.count
      return numbers.count - 1
    }
    var seenIn = [Int](repeating: -1, count: numbers.count)
    var window = 0
    var chosen: [Range<Int>] = []
    var used = [Bool](repeating: false, count: matches.count)
    var usedCount = 0
    for _ in 0..<max(1, passages) {
      var best: (score: Int, start: Int)? = nil
      for (i, m) in matches.enumerated() where !used[i] {
        let lo = max(0, m.range.lowerBound - width / 4)
        if chosen.contains(where: { $0.overlaps(lo..<(lo + width)) }) { continue }
        window += 1
        var distinct = 0
        var adjacent = 0
        // Matches are in text order: stop at the first one past the window (a scan to the end made
        // this quadratic, seconds per hit on a long law full of common words).
        for j in i..<matches.count {
          let m2 = matches[j]
          if m2.range.upperBound > lo + width { break }
          if seenIn[keys[j]] != window {
            seenIn[keys[j]] = window
            distinct += 1
          }
          if j > i, keys[j - 1] != keys[j], Self.nextTo(matches[j - 1].range, m2.range, in: scalars) { adjacent += 1 }
        }
        let score = distinct * 100 + min(adjacent, 9) * 10 + (matches.count - i) / max(1, matches.count)
        if best == nil || score > best!.score { best = (score, i) }
      }
      guard let b = best else { break }
      let lo = max(0, matches[b.start].range.lowerBound - width / 4)
      let r = lo..<min(scalars.count, lo + width)
      chosen.append(r)
      for (i, m) in matches.enumerated() where !used[i] && r.contains(m.range.lowerBound) {
        used[i] = true
        usedCount += 1
      }
      if usedCount == matches.count { break }
    }
    chosen.sort { $0.lowerBound < $1.lowerBound }
    let shown = chosen.map { r in
      clean(scalars, r, marks: matches.map(\.range).filter { r.contains($0.lowerBound) }, more: more)
    }
    // One `…` between passages, not each one's own end and start (`tháng… … …lao động`).
    return shown.enumerated().map { i, p in
      var p = Substring(p)
      if i > 0, p.hasPrefix("…") { p = p.dropFirst() }
      if i < shown.count - 1, p.hasSuffix("…") { p = p.dropLast() }
      return String(p)
    }
    .joined(separator: " … ")
  }

  /// Whether only spaces or punctuation (no word) stand between two matches.
  private static func nextTo(_ a: Range<Int>, _ b: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
    guard a.upperBound <= b.lowerBound, b.lowerBound - a.upperBound <= 3 else { return false }
    let letters = VietnameseLetters.shared
    return s[a.upperBound..<b.lowerBound].allSatisfy { !letters.isWord($0.value) }
  }

  /// Whether a snippet shows `c` as a space: Unicode whitespace or a control character. ASCII and
  /// the letters of VietnameseLetters' table (nearly every scalar of a text) are answered without
  /// Unicode's property lookup, which was 3% of a topic search's CPU (perf, gen-100k): no letter,
  /// digit or mark is whitespace.
  @inline(__always) static func showsAsSpace(_ c: Unicode.Scalar, _ letters: VietnameseLetters) -> Bool {
    if c.value < 0x80 { return c.value <= 0x20 }
    if letters.isWord(c.value) { return false }
    return c.properties.isWhitespace
  }

  /// The passage on one line, cut at word boundaries, with marks around matches.
  private static func clean(_ s: [Unicode.Scalar], _ r: Range<Int>, marks: [Range<Int>], more: Bool) -> String {
    let letters = VietnameseLetters.shared
    var lo = r.lowerBound, hi = r.upperBound
    while lo > 0 && lo < s.count && letters.isWord(s[lo].value) && letters.isWord(s[lo - 1].value) { lo += 1 }
    while hi < s.count && hi > lo && letters.isWord(s[hi].value) && letters.isWord(s[hi - 1].value) { hi -= 1 }
    // Written as UTF-8 and made a String once: appending to a String's scalar view one scalar
    // at a time was half of this function.
    var out: [UInt8] = []
    out.reserveCapacity(4 * max(0, hi - lo) + 16)
    var lastSpace = true
    // A space is written only when something follows it, so none is left to trim at the end
    // (Foundation's trimming, then removing the last scalar, were each a visible share of a CLI search).
    var pendingSpace = false
    // Whitespace and control characters, inside a mark too (a marked phrase may wrap), as one space.
    func put(_ c: Unicode.Scalar) {
      if showsAsSpace(c, letters) {
        if !lastSpace { pendingSpace = true }
        lastSpace = true
      } else {
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        UTF8.encode(c) { out.append($0) }
        lastSpace = false
      }
    }
    func putMarker(_ marker: String) {
      if pendingSpace { out.append(0x20) }
      pendingSpace = false
      out.append(contentsOf: marker.utf8)
    }
    var markIndex = 0
    let sorted = marks.sorted { $0.lowerBound < $1.lowerBound }
    var i = lo
    while i < hi {
      if markIndex < sorted.count && sorted[markIndex].lowerBound == i {
        let m = sorted[markIndex]
        putMarker(open)
        lastSpace = true  // a mark starts with its word
        for c in s[m.lowerBound..<min(m.upperBound, s.count)] { put(c) }
        putMarker(close)
        i = m.upperBound
        markIndex += 1
        lastSpace = false
        continue
      }
      put(s[i])
      i += 1
    }
    var text = String(decoding: out, as: UTF8.self)
    if lo > 0 { text = "…" + text }
    if hi < s.count || more { text += "…" }
    return text
  }
}
