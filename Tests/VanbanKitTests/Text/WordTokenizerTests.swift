import Testing

@testable import VanbanKit

@Suite("Text: word tokenizer")
struct WordTokenizerTests {
  /// Found by fuzzing (TextFuzz): a combining mark standing alone was a word with an empty folded
  /// form, which the indexer's byte path skipped but the String path gave out. Both skip it now.
  @Test func aLoneCombiningMarkIsNoWord() {
    var words: [String] = []
    WordTokenizer.forEachWord(in: "Việt \u{0301} Á") { words.append($0.folded) }
    #expect(words == ["viet", "a"])
    var utf8Words: [String] = []
    WordTokenizer.forEachWordUTF8(in: "Việt \u{0301} Á", exactPrefix: []) { _, folded in
      utf8Words.append(String(decoding: folded, as: UTF8.self))
    }
    #expect(utf8Words == words)
  }

  /// A document number is several words (its digits and its codes); the number itself is indexed
  /// apart, under its own key (`IndexSchema.number`, `IndexSchema.reference`).
  @Test func aDocumentNumberIsSeveralWords() {
    var words: [String] = []
    WordTokenizer.forEachWord(in: "Chỉ thị 16/CT-TTg") { words.append($0.folded) }
    #expect(words == ["chi", "thi", "16", "ct", "ttg"])
  }
}
