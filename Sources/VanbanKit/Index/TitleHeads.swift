// The leading words of a document's names, as terms: what makes known-item search work.
//
// A clerk who types a document's name ("luật đất đai", "nghị định 15/2020", "chỉ thị 16") expects
// that document first, but BM25 over the body ranks the many documents that cite the name above
// the one that bears it: a law is long, so its words weigh little per occurrence, and the name is
// a few words of a long text. So each name a document carries (its type and subject, its type and
// number, its number, its file name) gives its first 2…`maxWords` words as one boolean term each,
// and a query whose first words equal one of them gets a fixed boost for it (QueryCompiler).
// Heads, not any run of words: names are typed from their start, and "luật đất đai" must not
// match "Nghị định quy định chi tiết … Luật Đất đai", which implements the law.

/// The first words of a document's names, folded and joined by spaces (`luat dat dai`).
enum TitleHeads {
  /// Longer names are typed in full rarely; their first ten words tell them apart.
  static let maxWords = 10
  static let minWords = 2

  /// The heads of every name in `names`, as term bodies (without the schema prefix).
  static func heads(of names: [String]) -> Set<String> {
    var out = Set<String>()
    for name in names {
      let words = Self.words(name)
      guard words.count >= minWords else { continue }
      for k in minWords...min(maxWords, words.count) { out.insert(key(words.prefix(k))) }
    }
    return out
  }

  /// A document's names: what a user may type to find it.
  static func names(type: String?, subject: String?, number: String?, fileName: String) -> [String] {
    var out = [fileName]
    if let subject {
      out.append(subject)
      if let type { out.append(type + " " + subject) }
    }
    if let number {
      out.append(number)
      if let type { out.append(type + " " + number) }
    }
    return out
  }

  /// Folded words of `text` (normalised first, as everything the analyzer reads).
  static func words(_ text: String) -> [String] {
    Analyzer.foldedWords(text)
  }

  /// The term body for a sequence of folded words.
  static func key<S: Sequence<String>>(_ folded: S) -> String {
    IndexSchema.truncated(folded.joined(separator: " "), bytes: 200)
  }
}
