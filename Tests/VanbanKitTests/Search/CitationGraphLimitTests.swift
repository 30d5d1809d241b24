// The citation graph's `maxNodes`: a full graph reads no further citing documents (a number cited
// by thousands made `graph --max-nodes 1` read every one), yet keeps the edges among the nodes it
// has, and says it was cut only when a document was left out.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite(.serialized) struct CitationGraphLimitTests {
  /// `a` and `b` cite each other; `c` cites `a`.
  static let index: Result<(TemporaryDirectory, TemporaryDirectory), Error> = Result {
    func dispatch(_ number: String, _ day: Int, cites: (String, Int)) -> String {
      """
      ỦY BAN NHÂN DÂN
      TỈNH SƠN LA
      Số: \(number)
      Sơn La, ngày \(String(format: "%02d", day)) tháng 01 năm 2022

      V/v triển khai công tác phòng, chống dịch

      Thực hiện Công văn số \(cites.0) ngày \(String(format: "%02d", cites.1))/01/2022 của UBND tỉnh Sơn La, \
      các sở, ngành triển khai ngay.

      CHỦ TỊCH
      Nguyễn Văn An

      """
    }
    let docs = try TemporaryDirectory()
    try dispatch("11/UBND-KGVX", 5, cites: ("22/UBND-VX", 3)).write(
      to: docs.appending("a.txt"), atomically: true, encoding: .utf8)
    try dispatch("22/UBND-VX", 3, cites: ("11/UBND-KGVX", 5)).write(
      to: docs.appending("b.txt"), atomically: true, encoding: .utf8)
    try dispatch("33/UBND-VX", 7, cites: ("11/UBND-KGVX", 5)).write(
      to: docs.appending("c.txt"), atomically: true, encoding: .utf8)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    return (docs, index)
  }

  static func edges(_ g: CitationGraph) -> Set<String> {
    let ids = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.key, $0.id ?? $0.key) })
    return Set(g.edges.map { "\(ids[$0.from]!)→\(ids[$0.to]!)" })
  }

  @Test func aFullGraphKeepsItsEdgesAndIsCutOnlyWhenADocumentIsLeftOut() throws {
    let (_, index) = try Self.index.get()
    let searcher = try Searcher(indexes: [index.path])
    let room = try searcher.citationGraph("a", depth: 1, maxNodes: 3)
    #expect(Set(room.nodes.compactMap(\.id)) == ["a", "b", "c"])
    #expect(Self.edges(room) == ["a→b", "b→a", "c→a"])
    #expect(!room.truncated)
    // Full at two nodes: `c`, which cites `a`, is left out, but the edge back from `b` is kept.
    let full = try searcher.citationGraph("a", depth: 1, maxNodes: 2)
    #expect(Set(full.nodes.compactMap(\.id)) == ["a", "b"])
    #expect(Self.edges(full) == ["a→b", "b→a"])
    #expect(full.truncated && full.notes.contains(CitationGraph.cutNote(maxNodes: 2)))
    // Exactly full, nothing left out: not cut.
    let exact = try searcher.citationGraph("b", depth: 1, maxNodes: 2)
    #expect(Self.edges(exact) == ["a→b", "b→a"])
    #expect(!exact.truncated)
  }
}
