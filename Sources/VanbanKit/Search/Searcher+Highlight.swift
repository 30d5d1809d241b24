// A whole text with a query's words marked, for a document read after a search (the server's
// document view). The words are found as snippets find them, so a page marks what the hit's
// snippet marked.

/// A piece of a text, marked when it is a match of the query.
public struct TextSegment: Sendable, Equatable {
  public var text: String
  public var marked: Bool

  public init(text: String, marked: Bool) {
    self.text = text
    self.marked = marked
  }
}

extension Searcher {
  /// `text` cut into segments, the matches of `request`'s words marked. A query that does not
  /// parse is read as plain words, as `search` reads it; a query with no words marks nothing.
  public func highlighted(_ text: String, for request: SearchRequest) throws -> [TextSegment] {
    let node =
      (try? QueryLanguage.parse(request.text, defaultAnd: !request.any))
      ?? QueryLanguage.plainWords(request.text, defaultAnd: !request.any)
    guard let node else { return [TextSegment(text: text, marked: false)] }
    var compiler = queryCompiler(for: request)
    compiler.shareOfMatches = nil  // only the words to mark are wanted
    let terms: HighlightTerms
    do {
      terms = try compiler.compile(node, filters: Filters()).highlight
    } catch is QuerySyntaxError {
      guard let plain = QueryLanguage.plainWords(request.text, defaultAnd: !request.any) else {
        return [TextSegment(text: text, marked: false)]
      }
      terms = try compiler.compile(plain, filters: Filters()).highlight
    }
    return Self.segments(text, terms: terms)
  }

  static func segments(_ text: String, terms: HighlightTerms) -> [TextSegment] {
    let scalars = Array(text.unicodeScalars)
    var out: [TextSegment] = []
    var at = 0
    func piece(_ r: Range<Int>, marked: Bool) {
      guard !r.isEmpty else { return }
      var v = String.UnicodeScalarView()
      v.append(contentsOf: scalars[r])
      out.append(TextSegment(text: String(v), marked: marked))
    }
    for m in Snippet.matches(in: scalars, terms: terms).matches where m.range.lowerBound >= at {
      piece(at..<m.range.lowerBound, marked: false)
      piece(m.range, marked: true)
      at = m.range.upperBound
    }
    piece(at..<scalars.count, marked: false)
    return out
  }
}
