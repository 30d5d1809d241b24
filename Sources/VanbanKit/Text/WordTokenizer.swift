// Splits normalised text into words, giving each word's exact (lower-case) and folded forms.
//
// Vietnamese writes one syllable per space-separated word, so a word is simply a run of letters,
// digits and marks. No stemming and no stopwords: `Công an` must keep `an`, and English stemmers
// turn `ngày` into `ngài`.

/// One word of a text as the analyzer reads it: exact and folded forms, and where it is.
public struct Word: Sendable, Equatable {
  /// Lower-case form with its diacritics (the text must already be normalised).
  public var exact: String
  /// Lower-case, mark-free form.
  public var folded: String
  /// Offsets of the word in the text's unicode scalars (for snippets).
  public var scalarRange: Range<Int>
}

/// Splits normalised text into words (runs of letters, digits and marks: one syllable each), with
/// their exact and folded forms. `16/CT-TTg` gives `16`, `ct`, `ttg`.
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
        // A stray combining mark is a "word" with no folded letters: no term, as in the hot path.
        if e.utf8.count <= maxWordBytes, !folded.isEmpty {
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

  /// The indexer's hot path: each word's exact and folded forms as UTF-8 bytes in reused
  /// buffers, with no String per word. `exact` starts with `exactPrefix` (the schema's prefix).
  /// Words whose folded form is empty (a stray combining mark) are skipped.
  static func forEachWordUTF8(
    in text: String, exactPrefix: [UInt8], _ body: (_ exact: ArraySlice<UInt8>, _ folded: ArraySlice<UInt8>) -> Void
  ) {
    forEachWordUTF8(scalars: text.unicodeScalars, exactPrefix: exactPrefix) { exact, folded, _ in body(exact, folded) }
  }

  /// The same over any scalars, with each word's offsets in them (snippets scan long texts
  /// with this: a String per word made snippets most of a search on long laws).
  static func forEachWordUTF8<S: Sequence<Unicode.Scalar>>(
    scalars: S, exactPrefix: [UInt8],
    _ body: (_ exact: ArraySlice<UInt8>, _ folded: ArraySlice<UInt8>, _ range: Range<Int>) -> Void
  ) {
    let letters = VietnameseLetters.shared
    var exact = exactPrefix
    var folded: [UInt8] = []
    exact.reserveCapacity(96)
    folded.reserveCapacity(96)
    let p = exactPrefix.count
    var start = -1
    var index = 0
    @inline(__always) func put(_ v: UInt32, _ out: inout [UInt8]) {
      // The tables hold only valid scalars.
      UTF8.encode(Unicode.Scalar(v)!) { out.append($0) }
    }
    func flush() {
      if start >= 0, !folded.isEmpty, exact.count - p <= maxWordBytes {
        body(exact[...], folded[...], start..<index)
      }
      exact.removeSubrange(p...)
      folded.removeAll(keepingCapacity: true)
      start = -1
    }
    for u in scalars {
      let v = u.value
      if letters.isWord(v) {
        if start < 0 { start = index }
        put(letters.lowerScalar(v), &exact)
        let f = letters.foldScalar(v)
        if f != 0 { put(f, &folded) }
      } else if start >= 0 {
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
