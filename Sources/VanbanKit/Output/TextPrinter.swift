// Human-readable hits: rank, id, issuer, number, date (the Vietnamese way, 20/9/2022), subject,
// then the snippet with matches in bold on a terminal, and as plain text when piped or NO_COLOR
// (as grep does: `vanban search … | grep "trợ cấp thất nghiệp"` must find the words).
// Everything that comes from a document or a file name goes through ControlEscapes first, so
// escape codes inside documents are shown, never obeyed.

import Foundation

/// Hits as a person reads them on a terminal; also the Vietnamese wording of a hit's facts, which
/// the search page shows too.
public enum TextPrinter {
  static let bold = "\u{1B}[1;31m", dim = "\u{1B}[2m", plain = "\u{1B}[0m", title = "\u{1B}[1m"

  static func render(_ r: SearchResult, _ o: PrintOptions, contextTexts: [String: String]) -> String {
    var out = ""
    // One line per field: a newline in a file name or a subject would forge a hit line.
    let e: (String) -> String = { ControlEscapes.escapeLine($0) }
    for note in r.notes { out += "note: \(e(note))\n" }
    if let s = r.suggestion { out += "Did you mean: \(e(s))\n" }
    for h in r.hits {
      // Marked so a reader knows the words may be misread.
      var head = "\(h.rank). \(h.id)" + (h.ocr ? " [OCR]" : "")
      let facts = h.facts
      if !facts.isEmpty { head += " — " + facts }
      head = e(head)
      out += (o.color ? title + head + plain : head) + "\n"
      if let s = h.subject { out += "   \(e(s))\n" }
      out += "   " + (o.color ? dim + e(h.path) + plain : e(h.path)) + "\n"
      if !h.copies.isEmpty {
        let also = "also: " + h.copies.map { e($0.path) }.joined(separator: ", ")
        out += "   " + (o.color ? dim + also + plain : also) + "\n"
      }
      if let cites = h.citations { out += citingLines(cites, o) }
      if let n = o.context, let text = contextTexts[h.path] {
        out += contextLines(text, snippetTerms: h.snippet, n: n, o)
      } else if !h.snippet.isEmpty {
        out += "   " + mark(h.snippet, o) + "\n"
      }
      out += "\n"
    }
    let total = (r.totalExact ? "" : "about ") + "\(r.total)"
    let shown =
      r.hits.isEmpty
      // A page of none (a limit of 0, or an offset past the end) still says how many match.
      ? (r.total == 0 ? "no documents match" : "\(total) documents match; none on this page")
      : "\(r.offset + 1)–\(r.offset + r.hits.count) of \(total)"
    out += (r.relaxed ? "(any word) " : "") + shown + "\n"
    return out
  }

  /// A hit's citing lines (`refs`): their count when more than one, then each line as `N: sentence`,
  /// the first `--lines` of them when capped.
  static func citingLines(_ cites: [CitationLine], _ o: PrintOptions) -> String {
    var out = ""
    let shown = o.citationLines.map { max(0, $0) } ?? cites.count
    if cites.count > 1 { out += "   cited on \(cites.count) lines\n" }
    for c in cites.prefix(shown) { out += "   \(c.line): \(mark(c.sentence, o))\n" }
    if cites.count > shown {
      let more = cites.count - shown
      out += "   … \(more) more citing line\(more == 1 ? "" : "s") (JSON and CSV list them all)\n"
    }
    return out
  }

  /// `s` with its match markers as colour, or without them, and its control characters escaped.
  static func mark(_ raw: String, _ o: PrintOptions) -> String {
    let s = ControlEscapes.escape(raw)
    if o.color {
      return s.replacingOccurrences(of: Snippet.open, with: bold).replacingOccurrences(of: Snippet.close, with: plain)
    }
    return s.replacingOccurrences(of: Snippet.open, with: "").replacingOccurrences(of: Snippet.close, with: "")
  }

  /// Matching lines shown per hit by `--context`: a law that names the words on 1,700 lines must
  /// not bury the other hits (`vanban show` prints the whole text).
  static let maxContextHitLines = 20

  /// ISO `2022-09-20` → `20/9/2022`; partial dates as `9/2022` or `2022`.
  /// `2022-09-20` as `20/9/2022`, `2022-09` as `9/2022`.
  public static func vietnameseDate(_ iso: String) -> String? {
    let p = iso.split(separator: "-").map(String.init)
    switch p.count {
    case 3: return "\(Int(p[2]) ?? 0)/\(Int(p[1]) ?? 0)/\(p[0])"
    case 2: return "\(Int(p[1]) ?? 0)/\(p[0])"
    default: return iso
    }
  }

  /// grep -C N: the lines holding marked words in the snippet, with N lines around each.
  static func contextLines(_ text: String, snippetTerms: String, n: Int, _ o: PrintOptions) -> String {
    var marked = Set<String>()
    var rest = Substring(snippetTerms)
    while let a = rest.range(of: Snippet.open),
      let b = rest.range(of: Snippet.close, range: a.upperBound..<rest.endIndex)
    {
      marked.insert(VietnameseFolding.fold(String(rest[a.upperBound..<b.lowerBound])))
      rest = rest[b.upperBound...]
    }
    let lines = text.components(separatedBy: "\n")
    let n = max(0, min(n, lines.count))  // `--context 9223372036854775807` overflowed i + n
    var keep = Set<Int>()
    var hitLines = Set<Int>()
    var moreHitLines = 0
    for (i, line) in lines.enumerated()
    where WordTokenizer.words(in: line).contains(where: { marked.contains($0.folded) }) {
      if hitLines.count == maxContextHitLines {
        moreHitLines += 1
        continue
      }
      hitLines.insert(i)
      for j in max(0, i - n)...min(lines.count - 1, i + n) { keep.insert(j) }
    }
    var out = ""
    var last = -2
    for i in keep.sorted() {
      if last >= 0 && i != last + 1 { out += "   --\n" }
      var line = lines[i]
      if hitLines.contains(i) {
        var words: [(Range<Int>)] = []
        WordTokenizer.forEachWord(in: line) { if marked.contains($0.folded) { words.append($0.scalarRange) } }
        var scalars = Array(line.unicodeScalars)
        for r in words.reversed() {
          scalars.insert(contentsOf: Snippet.close.unicodeScalars, at: r.upperBound)
          scalars.insert(contentsOf: Snippet.open.unicodeScalars, at: r.lowerBound)
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        line = mark(String(v), o)
      }
      if !hitLines.contains(i) { line = ControlEscapes.escape(line) }  // hit lines were escaped by mark
      out += "   \(i + 1)\(hitLines.contains(i) ? ":" : "-") \(line)\n"
      last = i
    }
    if moreHitLines > 0 {
      out += "   … \(moreHitLines) more matching line\(moreHitLines == 1 ? "" : "s") (vanban show for the whole text)\n"
    }
    return out
  }
}

extension SearchHit {
  /// `issuer · Số number · date`, the date the Vietnamese way: the line under a hit's name.
  public var facts: String {
    [issuer, number.map { "Số \($0)" }, date.flatMap(TextPrinter.vietnameseDate)].compactMap { $0 }
      .joined(separator: " · ")
  }
}
