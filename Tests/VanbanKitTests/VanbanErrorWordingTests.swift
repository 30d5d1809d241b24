// Issue N: the library reports a case and names no CLI flag or command; the CLI words the cases
// a flag fixes (Sources/vanban/VanbanError+CLI.swift, checked end to end by vanbanCLITests).
import Testing

@testable import VanbanKit

@Suite struct VanbanErrorWordingTests {
  static let all: [VanbanError] = [
    .indexNotFound("/i"), .indexLocked("/i"), .indexCorrupt("/i", "bad"), .indexVersion("/i", found: "1"),
    .indexVersion("/i", found: ""), .remote("tcp://h:1", "refused"), .badQuery("x"), .nothingToSearch,
    .shardCountMismatch("/i", existing: 1, requested: 4), .notAnIndex("/i", "why"), .indexIncomplete("/i"),
    .unsafeIndexFolder("/i", "why"), .graphvizMissing, .graphTooSlow(seconds: 30), .badArgument("x"), .notInIndex("x"),
    .io("x"), .xapian("x"),
  ]

  @Test(arguments: all)
  func libraryWordingNamesNoFlag(_ error: VanbanError) {
    #expect(!error.description.contains("--"))
    #expect(!error.description.contains("`vanban"))
  }

  @Test(arguments: [
    (VanbanError.indexNotFound("/i"), "no index at /i"),
    (.indexCorrupt("/i", "bad"), "the index at /i cannot be read (bad); it must be rebuilt"),
    (
      .indexVersion("/i", found: "1"),
      "the index at /i was built with schema 1, this vanban needs \(IndexSchema.version); it must be rebuilt"
    ),
    (
      .indexVersion("/i", found: ""),
      "the index at /i was built with schema unknown, this vanban needs \(IndexSchema.version); it must be rebuilt"
    ),
    (.nothingToSearch, "bad query: nothing to search for: give words or a filter"),
    (
      .shardCountMismatch("/i", existing: 1, requested: 4),
      "the index at /i has 1 shard; it must be rebuilt to change to 4"
    ),
    (
      .shardCountMismatch("/i", existing: 2, requested: 1),
      "the index at /i has 2 shards; it must be rebuilt to change to 1"
    ),
  ])
  func libraryWording(_ error: VanbanError, _ text: String) {
    #expect(error.description == text)
  }

  @Test func decodeLimitNamesNoFlag() {
    #expect(DecodeError.tooMuchText(limit: 1 << 20).description == "more than 1 MB of text (the per-document limit)")
    #expect(DecodeError.tooMuchText(limit: 1000).description == "more than 1000 bytes of text (the per-document limit)")
  }

  @Test func graphCutNoteNamesNoFlag() {
    #expect(CitationGraph.cutNote(maxNodes: 2) == "the neighbourhood was cut at 2 nodes")
  }
}
