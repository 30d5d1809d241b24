// Snippets mark the query's words in folded form and read long texts from the head only.
import Testing

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
}
