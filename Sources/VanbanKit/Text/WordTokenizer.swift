// Splits normalised text into words, giving each word's exact (lower-case) and folded forms.
//
// Vietnamese writes one syllable per space-separated word, so a word is simply a run of letters,
// digits and marks. No stemming and no stopwords: `Công an` must keep `an`, and English stemmers
// turn `ngày` into `ngài`.

public struct Word: Sendable, Equatable {
  /// Lower-case form with its diacritics (the text must already be normalised).
  public var exact: String
  /// Lower-case, mark-free form.
  public var folded: String
  /// Offsets of the word in the text's unicode scalars (for snippets).
  public var scalarRange: Range<Int>
}

public enum WordTokenizer {
  /// Xapian terms are limited to 245 bytes; longer "words" are junk (base64, hashes) anyway.
  static let maxWordBytes = 64

  /// Calls `body` for each word of `text`, in order.
  public static func forEachWord(in text: String, _ body: (Word) -> Void) {
    let letters = VietnameseLetters.shared
    var exact = String.UnicodeScalarView()
    var folded = String.UnicodeScalarView()
    var start = -1
    var index = 0
    func flush() {
      if start >= 0 {
        let e = String(exact)
        if e.utf8.count <= maxWordBytes {
          body(Word(exact: e, folded: String(folded), scalarRange: start..<index))
        }
        exact = String.UnicodeScalarView()
        folded = String.UnicodeScalarView()
        start = -1
      }
    }
    for u in text.unicodeScalars {
      let v = u.value
      if letters.isWord(v) {
        if start < 0 { start = index }
        if let l = Unicode.Scalar(letters.lowerScalar(v)) { exact.append(l) }
        let f = letters.foldScalar(v)
        if f != 0, let fs = Unicode.Scalar(f) { folded.append(fs) }
      } else {
        flush()
      }
      index += 1
    }
    flush()
  }

  /// All words of `text`.
  public static func words(in text: String) -> [Word] {
    var out: [Word] = []
    forEachWord(in: text) { out.append($0) }
    return out
  }
}
