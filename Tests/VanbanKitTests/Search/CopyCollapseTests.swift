// Issue L §5: copies of one document are one hit that lists the others (CopyKey), and only copies:
// the same number on another day, or a note with one word changed, is a document of its own.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct CopyCollapseTests {
  static func dispatch(date: String) -> String {
    """
    UBND TỈNH LAI CHÂU
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Số: 12/UBND-VX
    Lai Châu, ngày \(date)
    V/v tiêm chủng vắc xin
    Kính gửi: Sở Y tế
    Đề nghị Sở Y tế tổ chức tiêm chủng cho người dân trên địa bàn.
    """
  }

  @Test func copiesAreOneHitAndOnlyCopiesCollapse() throws {
    let docs = try TemporaryDirectory()
    let fm = FileManager.default
    for folder in ["a", "b"] { try fm.createDirectory(at: docs.appending(folder), withIntermediateDirectories: true) }
    func write(_ name: String, _ text: String) throws {
      try text.write(to: docs.appending(name), atomically: true, encoding: .utf8)
    }
    try write("a/cv-12.txt", Self.dispatch(date: "01 tháng 3 năm 2022"))
    try write("b/cv-12-ban-sao.txt", Self.dispatch(date: "01 tháng 3 năm 2022"))
    try write("a/cv-12-thang-4.txt", Self.dispatch(date: "05 tháng 4 năm 2022"))  // same number, another day
    // No number or date: known by their words, whatever the line breaks.
    try write("a/ghi-chu.txt", "Ghi chú họp giao ban\nvề tiêm chủng mở rộng tuần này\n")
    try write("b/ghi-chu-chep-lai.txt", "Ghi chú họp giao ban về tiêm chủng\nmở rộng tuần này\n")
    try write("b/ghi-chu-sua.txt", "Ghi chú họp giao ban về tiêm chủng mở rộng tuần sau\n")
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])

    var request = SearchRequest(text: "tiêm chủng")
    request.limit = 50
    let result = try searcher.search(request)
    let groups = Dictionary(uniqueKeysWithValues: result.hits.map { ($0.id, Set($0.copies.map(\.id))) })
    #expect(result.hits.count == 4 && result.total == 4, "\(groups)")
    let dispatch = groups["cv-12"] ?? groups["cv-12-ban-sao"]
    #expect(dispatch == ["cv-12-ban-sao"] || dispatch == ["cv-12"], "\(groups)")
    let note = groups["ghi-chu"] ?? groups["ghi-chu-chep-lai"]
    #expect(note == ["ghi-chu-chep-lai"] || note == ["ghi-chu"], "\(groups)")
    #expect(groups["cv-12-thang-4"] == [] && groups["ghi-chu-sua"] == [], "\(groups)")

    request.allCopies = true
    let all = try searcher.search(request)
    #expect(all.hits.count == 6 && all.hits.allSatisfy(\.copies.isEmpty))
  }

  /// A copy is named from its path alone (value slot `path`, not its stored text): the id and path
  /// it is listed with are the ones it has as a hit of its own, same-named files included.
  @Test func copiesAreListedWithTheIdAndPathTheyHaveAsHits() throws {
    let docs = try TemporaryDirectory()
    let fm = FileManager.default
    for folder in ["a", "b", "c/d"] {
      try fm.createDirectory(at: docs.appending(folder), withIntermediateDirectories: true)
    }
    for name in ["a/cv-12.txt", "b/cv-12.txt", "c/d/cv-12.doc.txt", "c/ban-sao.txt"] {
      try Self.dispatch(date: "01 tháng 3 năm 2022").write(to: docs.appending(name), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])

    var request = SearchRequest(text: "tiêm chủng")
    let collapsed = try searcher.search(request)
    request.allCopies = true
    let all = try searcher.search(request)
    let asHits = Set(all.hits.map { "\($0.id) \($0.path)" })
    #expect(all.hits.count == 4 && asHits.count == 4, "\(asHits)")
    #expect(collapsed.hits.count == 1 && collapsed.hits[0].copies.count == 3, "\(collapsed.hits)")
    let listed = Set(
      collapsed.hits.flatMap { hit in
        ["\(hit.id) \(hit.path)"] + hit.copies.map { "\($0.id) \($0.path)" }
      })
    #expect(listed == asHits)
    // Same-named files are told apart by the end of their paths, as hits are.
    #expect(
      asHits.contains { $0.hasPrefix("a/cv-12.txt ") } && asHits.contains { $0.hasPrefix("ban-sao ") }, "\(asHits)")
  }
}
