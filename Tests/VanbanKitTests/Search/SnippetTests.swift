// Snippets mark the query's words in folded form and read long texts from the head only.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct SnippetTests {
  private func terms(_ words: String...) -> HighlightTerms {
    var t = HighlightTerms()
    for w in words {
      t.folded.insert(VietnameseFolding.fold(w))
      t.exact.insert(VietnameseFolding.lowercase(w))
    }
    return t
  }

  /// Highlight terms as the query compiler makes them from typed words.
  private func typed(_ words: String...) -> HighlightTerms {
    var t = HighlightTerms()
    for w in words {
      for word in WordTokenizer.words(in: VietnameseFolding.lowercase(TextNormalizer.normalize(w))) { t.add(word) }
    }
    return t
  }

  /// Issue L §3: a word typed with marks marks its exact form, not every word that folds alike.
  @Test func anAccentedWordMarksOnlyItsExactFormWhereTheTextHasIt() {
    // Stored texts are normalised as queries are (the tone of `hoá` is placed canonically).
    let text = TextNormalizer.normalize("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Về việc sử dụng hoá đơn điện tử.")
    let s = Snippet.make(text: text, terms: typed("hoá", "đơn"))
    #expect(s.contains("«\(TextNormalizer.normalize("hoá"))» «đơn»") && !s.contains("«HÒA»"), "\(s)")
    // A text without the exact form was matched through the folded one: that is what is marked.
    let plain = Snippet.make(text: "Ve viec su dung hoa don dien tu.", terms: typed("hoá", "đơn"))
    #expect(plain.contains("«hoa» «don»"), "\(plain)")
    // Typed without marks, every form is a match.
    #expect(Snippet.make(text: text, terms: typed("hoa")).contains("«HÒA»"))
  }

  /// Issue L §3: an abbreviation's full form is marked as one match (its words, even across a
  /// line break), and a word of it standing alone is not (`dân` in `dân cư`).
  @Test func anAbbreviationMarksItsFullForm() throws {
    var compiler = QueryCompiler(exact: false, defaultAnd: true)
    let compiled = try compiler.compile(try QueryLanguage.parse("UBND", defaultAnd: true), filters: Filters())
    let text = "Kính gửi Chủ tịch Ủy ban\nnhân dân tỉnh, UBND các huyện và dân cư trên địa bàn."
    let s = Snippet.make(text: text, terms: compiled.highlight)
    #expect(s.contains("«Ủy ban nhân dân» tỉnh") && s.contains("«UBND» các"), "\(s)")
    #expect(!s.contains("«dân» cư") && !s.contains("«ban»"), "\(s)")
    // The full form typed marks its words, as any typed words are marked.
    var full = QueryCompiler(exact: false, defaultAnd: true)
    let typedFull = try full.compile(try QueryLanguage.parse("Ủy ban nhân dân", defaultAnd: true), filters: Filters())
    let f = Snippet.make(text: text, terms: typedFull.highlight)
    #expect(f.contains("«UBND»") && f.contains("«Ủy» «ban»"), "\(f)")
  }

  /// Two passages are joined by one `…`, not by each one's own end and start.
  @Test func passagesAreJoinedByOneEllipsis() {
    let filler = String(repeating: "nội dung khác ", count: 60)
    let s = Snippet.make(text: "đầu \(filler) tiêm chủng \(filler) vắc xin \(filler) cuối", terms: terms("tiêm", "vắc"))
    #expect(s.contains(" … ") && !s.contains("… …") && !s.contains("……"), "\(s)")
  }

  /// Issue L §3: the passage shown holds the query's words together where the text has them.
  @Test func thePassageHoldsTheWordsTogether() {
    let text =
      "Công văn của Sở Y tế tỉnh Bắc Giang gửi các đơn vị về kế hoạch xét nghiệm, Việt Nam. "
      + String(repeating: "Các cơ sở y tế báo cáo số liệu hằng ngày về Sở. ", count: 20)
      + "Kit xét nghiệm của Công ty Việt Á đã được thu hồi. "
      + String(repeating: "Đề nghị các đơn vị thực hiện nghiêm túc. ", count: 20)
    let s = Snippet.make(text: text, terms: typed("Việt", "Á"), passages: 1)
    #expect(s.contains("«Việt» «Á»"), "\(s)")
    // Typed without marks, `a` is in many words (`à`, `á`): both words are in the first passage
    // too, but apart; the passage where they stand together is shown.
    let loose = "Việt Nam à, " + text
    let u = Snippet.make(text: loose, terms: typed("viet", "a"), passages: 1)
    #expect(u.contains("«Việt» «Á»"), "\(u)")
  }

  @Test func marksFoldedMatchesInAShortText() {
    let s = Snippet.make(text: "Công văn về việc xét nghiệm của Công ty Việt Á.", terms: terms("viet", "a"))
    #expect(s.contains("«Việt» «Á»"))
    #expect(!s.hasSuffix("…"))
  }

  @Test func longTextFindsAMatchBeyondTheFirstHead() {
    // 200 kB of filler, then the only match: the head grows until it is found.
    let filler = String(repeating: "Điều khoản chung áp dụng cho các cơ quan. ", count: 5_000)
    let text = filler + "Kit xét nghiệm của Công ty Việt Á." + filler
    let s = Snippet.make(text: text, terms: terms("Việt", "Á"))
    #expect(s.contains("«Việt» «Á»"))
    #expect(s.hasSuffix("…"))  // the text goes on past what was read
  }

  @Test func headIsCutOnACharacterBoundary() {
    // No whitespace at all near the cut: the head must still be valid text.
    let text = String(repeating: "ệ", count: 40_000) + " việt"
    let s = Snippet.make(text: text, terms: terms("việt"))
    #expect(s.contains("«việt»"))
    #expect(!s.unicodeScalars.contains("\u{FFFD}"))
  }

  @Test func noMatchGivesTheOpening() {
    let s = Snippet.make(text: String(repeating: "Ủy ban nhân dân tỉnh. ", count: 10_000), terms: terms("covid"))
    #expect(s.hasPrefix("Ủy ban nhân dân tỉnh."))
    #expect(s.hasSuffix("…"))
  }

  /// With no word to find (a filter alone), only the opening is read: the same snippet as a
  /// search for a word the text does not hold, which reads it all.
  @Test func noWordsReadOnlyTheOpening() {
    // Three-byte characters with a space where `cut` can step back to it: the head must still
    // hold the first 201 characters.
    let spaced = String(repeating: "…", count: 186) + "   " + String(repeating: "…", count: 100)
    #expect(Snippet.make(text: spaced, terms: HighlightTerms()) == Snippet.make(text: spaced, terms: terms("covid")))
    for unit in ["Ủy ban nhân dân tỉnh. ", "ệệệệ ", "abc ", "ệ", "…", "漢字 ", "𝔸𝔹 "] {
      for count in [1, 9, 10, 11, 40, 50, 51, 52, 60, 200, 5_000] {
        let text = String(repeating: unit, count: count)
        #expect(
          Snippet.make(text: text, terms: HighlightTerms()) == Snippet.make(text: text, terms: terms("covid")),
          "\(count) × \(unit)")
      }
    }
  }

  /// The shortcut for ASCII and letters answers as Unicode's White_Space (plus the C0 controls)
  /// does, for every scalar.
  @Test func aSpaceInASnippetIsUnicodeWhitespaceOrAControlCharacter() {
    let letters = VietnameseLetters.shared
    var differ: [UInt32] = []
    for v in UInt32(0)...0x10FFFF {
      guard let c = Unicode.Scalar(v) else { continue }
      if Snippet.showsAsSpace(c, letters) != (c.properties.isWhitespace || v < 0x20) { differ.append(v) }
    }
    #expect(differ.isEmpty)
    #expect(Snippet.make(text: "a\u{3000}\u{A0}\tb\u{2028}c\u{85}d", terms: HighlightTerms()) == "a b c d")
  }
}

/// Issue J: a whole text with the query's words marked, as the server's document view shows it.
@Suite struct HighlightedTextTests {
  @Test func everyMatchIsMarkedAndTheTextIsKept() throws {
    let docs = try TemporaryDirectory()
    let text = "Công ty Việt Á cung cấp kit xét nghiệm.\nViệt Á bị điều tra; công ty khác thì không."
    try text.write(to: docs.appending("viet-a.txt"), atomically: true, encoding: .utf8)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])
    let segments = try searcher.highlighted(text, for: SearchRequest(text: "viet a"))
    #expect(segments.map(\.text).joined() == text)
    #expect(segments.filter(\.marked).map(\.text) == ["Việt", "Á", "Việt", "Á"])
    // A query that does not parse is read as plain words; one with no words marks nothing.
    #expect(try searcher.highlighted(text, for: SearchRequest(text: "(viet")).contains { $0.marked })
    #expect(try searcher.highlighted(text, for: SearchRequest(text: "!!!")) == [TextSegment(text: text, marked: false)])
  }

  /// Two phrases ending in the same word: the longer one is the mark, on every run (the phrases
  /// are a Set, so the order they were tried in changed from process to process).
  @Test func theLongerOfTwoPhrasesEndingAlikeIsMarked() {
    var t = HighlightTerms()
    t.phrases = [["nhan", "dan"], ["uy", "ban", "nhan", "dan"]]
    let s = Snippet.make(text: "Ủy ban nhân dân tỉnh và nhân dân", terms: t)
    #expect(s.contains("«Ủy ban nhân dân» tỉnh và «nhân dân»"), "\(s)")
  }

  /// A head is decoded as `String(decoding:as:)` decodes it, ill-formed bytes included.
  @Test func scalarsAreDecodedAsAStringDecodesThem() {
    let samples: [[UInt8]] = [
      Array("Việt Á, ¢ 𝔸 tiêm".utf8), [0x61, 0xC3, 0x28, 0x62], [0xE1, 0xBB], [0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x41],
      [0xED, 0xA0, 0x80, 0x41], [],
    ]
    for bytes in samples {
      let expected = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
      #expect(Snippet.scalars(ofUTF8: bytes[...]) == expected, "\(bytes)")
    }
  }
}

@Suite struct ByteWordSetTests {
  @Test func findsItsWordsAndNothingElse() {
    let words = ["tiem", "vac", "xin", "a", "", "dan", "tiem"].map { Array($0.utf8) }
    let set = ByteWordSet(words)
    #expect(set.index(of: ArraySlice("tiem".utf8)) == 0 && set.index(of: ArraySlice("xin".utf8)) == 2)
    #expect(
      set.contains(ArraySlice("a".utf8)) && set.contains(ArraySlice("".utf8)) && set.contains(ArraySlice("dan".utf8)))
    for other in ["tie", "tiemm", "b", "xi", "nhan", "vac "] {
      #expect(!set.contains(ArraySlice(other.utf8)), "\(other)")
    }
    #expect(!ByteWordSet([]).contains(ArraySlice("a".utf8)) && ByteWordSet([]).isEmpty)
    // Many words (the table grows) are all found, at their places.
    let many = (0..<500).map { Array("w\($0)".utf8) }
    let big = ByteWordSet(many)
    #expect(many.enumerated().allSatisfy { big.index(of: $0.element[...]) == $0.offset })
    #expect(!big.contains(ArraySlice("w500".utf8)))
  }
}
