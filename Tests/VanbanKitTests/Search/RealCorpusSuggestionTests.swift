// Issue L §6 on real text (shared/corpora/vn-legal.tar.xz): 30 typos made from real titles get the
// intended `Did you mean` in at least 25, and the issue's examples get nothing worse.
//
// Time: a debug build indexes about 1 MB of these texts in 4 s, so by default only the files under
// 64 KiB (363 of 835, 11 MB) are indexed, once for the suite. VANBAN_FULL_CORPUS=1 indexes all.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite(.serialized) struct RealCorpusSuggestionTests {
  static let available = TestPaths.vnLegalTarball != nil
  static let full = ProcessInfo.processInfo.environment["VANBAN_FULL_CORPUS"] == "1"

  /// The corpus indexed once for the suite, and the subjects of its documents.
  struct Corpus {
    var searcher: Searcher
    var subjects: [String]
  }

  nonisolated(unsafe) static let corpus: Result<Corpus, any Error> = Result {
    let docs = try TemporaryDirectory.make(prefix: "vanban-suggest-corpus")
    let tar = try #require(ProcessRunner.which("tar"), "tar is needed to unpack the corpus")
    try #require(try DecodeFixtures.run(tar, ["-xJf", TestPaths.vnLegalTarball!.path, "-C", docs.path]) == 0)
    let index = try TemporaryDirectory.makeRemovedAtExit(prefix: "vanban-suggest-index")
    var options = IndexOptions(roots: [docs.path])
    if !full { options.maxFileSize = 64 << 10 }
    _ = try Indexer(indexPath: index.path).run(options)
    // The index keeps the texts: the unpacked files are not needed past this point.
    try FileManager.default.removeItem(at: docs)
    let searcher = try Searcher(indexes: [index.path])
    // By path: document ids depend on which indexing thread finished first.
    var subjects: [(path: String, subject: String)] = []
    let count = try searcher.documentCount()
    var id: UInt32 = 1
    while subjects.count < count && id < UInt32(4 * count + 10) {
      if let doc = try? searcher.db.document(id) {
        let (stored, _) = try StoredDocument.decodeHeader(data: try doc.data())
        subjects.append((stored.path.dropFirst(docs.path.count).description, stored.metadata.subject ?? ""))
      }
      id += 1
    }
    return Corpus(searcher: searcher, subjects: subjects.sorted { $0.path < $1.path }.map(\.subject))
  }

  /// One typo as a user makes it.
  enum Typo: CaseIterable {
    case dropped, doubled, swapped, accentsMissing
  }

  /// A query made from a title: its words with one typo, and what the suggestion should be.
  struct Case: CustomStringConvertible {
    var query: String
    var intended: String
    /// Only the marks are missing, so the suggestion must give them back exactly; after a letter
    /// typo the suggestion must spell the same words (compared folded).
    var exact: Bool
    var description: String { "\(query) → \(intended)" }
  }

  /// 30 cases from distinct titles: 3 to 5 consecutive words of a subject, one of them (at least
  /// three letters) with a letter dropped, doubled or swapped with the next one, or the whole
  /// query typed without marks.
  static func cases(_ subjects: [String], rng: inout SeededRandom) -> [Case] {
    let titled = subjects.map { WordTokenizer.words(in: VietnameseFolding.lowercase(TextNormalizer.normalize($0))) }
      .filter { $0.count >= 3 }
    var out: [Case] = []
    var used = Set<String>()
    var attempts = 0
    while out.count < 30 && attempts < 10_000 {
      attempts += 1
      let words = rng.pick(titled)
      let length = min(words.count, 3 + rng.below(3))
      let start = rng.below(words.count - length + 1)
      let window = Array(words[start..<(start + length)])
      guard window.allSatisfy({ $0.folded.allSatisfy(\.isLetter) }) else { continue }
      let typo = Typo.allCases[out.count % Typo.allCases.count]
      var typed = window.map(\.exact)
      if typo == .accentsMissing {
        guard window.contains(where: { $0.exact != $0.folded }) else { continue }
        typed = window.map(\.folded)
      } else {
        let candidates = window.indices.filter { window[$0].exact.count >= 3 }
        guard !candidates.isEmpty else { continue }
        let k = rng.pick(candidates)
        var letters = Array(window[k].exact)
        let i = rng.below(letters.count - (typo == .swapped ? 1 : 0))
        switch typo {
        case .dropped: letters.remove(at: i)
        case .doubled: letters.insert(letters[i], at: i)
        case .swapped: letters.swapAt(i, i + 1)
        case .accentsMissing: break
        }
        typed[k] = String(letters)
        guard VietnameseFolding.fold(typed[k]) != window[k].folded else { continue }
      }
      let query = typed.joined(separator: " ")
      guard used.insert(window.map(\.folded).joined(separator: " ")).inserted else { continue }
      let intended = (typo == .accentsMissing ? window.map(\.exact) : window.map(\.folded)).joined(separator: " ")
      out.append(Case(query: query, intended: intended, exact: typo == .accentsMissing))
    }
    return out
  }

  @Test(
    .enabled(if: available, "shared/corpora/vn-legal.tar.xz is missing (see VANBAN_SHARED)"), .timeLimit(.minutes(10)))
  func thirtyTyposFromRealTitlesAreCorrected() throws {
    let corpus = try Self.corpus.get()
    var rng = SeededRandom(environmentOr: 0x5_1CC)
    let cases = Self.cases(corpus.subjects, rng: &rng)
    try #require(cases.count == 30, "only \(cases.count) cases from \(corpus.subjects.count) subjects")
    var misses: [String] = []
    for c in cases {
      let got = try corpus.searcher.search(SearchRequest(text: c.query)).suggestion
      let right = c.exact ? got == c.intended : got.map(VietnameseFolding.fold) == c.intended
      if !right { misses.append("\(c.query) → \(got ?? "nil") (intended \(c.intended))") }
    }
    let corrected = cases.count - misses.count
    print("suggestions: \(corrected)/\(cases.count) typos corrected (seed \(rng.seed))")
    #expect(
      corrected >= 25,
      "\(corrected)/30 corrected, seed \(rng.seed) (VANBAN_TEST_SEED replays it); missed:\n\(misses.joined(separator: "\n"))"
    )
  }

  @Test(
    .enabled(if: available, "shared/corpora/vn-legal.tar.xz is missing (see VANBAN_SHARED)"), .timeLimit(.minutes(10)))
  func theIssuesExamples() throws {
    let searcher = try Self.corpus.get().searcher
    func suggestion(_ q: String) throws -> String? { try searcher.search(SearchRequest(text: q)).suggestion }
    #expect(try suggestion("bao hiem xa hoj") == "bảo hiểm xã hội")
    // An abbreviation the query expands is no misspelling.
    let pccc = try suggestion("PCCC")
    #expect(pccc == nil, "\(pccc ?? "")")
    // Nothing worse than the query: not the patchwork `phòng chảy chưa chai`.
    let fire = try suggestion("phong chay chua chai")
    #expect(fire == nil || fire == "phòng cháy chữa cháy", "\(fire ?? "")")
    // Spelled right: nothing to correct, only the marks to give back.
    #expect(try suggestion("bảo hiểm xã hội") == nil)
    #expect(try suggestion("hop dong lao dong") == "hợp đồng lao động")
  }
}
