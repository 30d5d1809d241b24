// The one definition of how text becomes words, for the index and for queries alike: Unicode
// normalisation (NFC, canonical tone placement, TextNormalizer), then WordTokenizer (runs of
// letters, digits and marks, lower-cased, with their folded forms). A word typed in a query and
// the same word in a document give the same terms because both go through here.
//
// The indexer's hot path (`DocumentAnalyzer.addText`) reads the normalised text with
// `WordTokenizer.forEachWordUTF8`, the same tokenizer on bytes; `AnalyzerTests` pins that both
// give the same words.

/// Text to words, the same for indexing and searching.
public enum Analyzer {
  /// The words of `text`, normalised and tokenised: `Ủy ban` gives `ủy`/`uy`, `ban`/`ban`.
  public static func words(_ text: String) -> [Word] {
    WordTokenizer.words(in: TextNormalizer.normalize(text))
  }

  /// The folded forms of `text`'s words.
  public static func foldedWords(_ text: String) -> [String] {
    words(text).map(\.folded)
  }

  /// The words of an agency name with its abbreviations spelled out (`UBND` → `ủy ban nhân dân`):
  /// the `A` and `XP` terms, and what `--agency` looks for.
  public static func agencyWords(_ name: String) -> [Word] {
    WordTokenizer.words(in: AgencyNames.expand(TextNormalizer.normalize(name)))
  }

  /// A query's prefix (`tiêm chủ*`'s `chủ`), normalised and lower-cased but not cut into words:
  /// its exact form and its folded form.
  public static func prefix(_ text: String) -> (exact: String, folded: String) {
    let exact = VietnameseFolding.lowercase(TextNormalizer.normalize(text))
    return (exact, VietnameseFolding.fold(exact))
  }
}
