// Issue L §1: a document typed by its name comes first (TitleHeads), even when many longer
// documents cite that name over and over. File names here say nothing, so the names come from the
// headers the extractor reads.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct KnownItemTests {
  /// A law's header, as laws are laid out (issuer, motto, number, date, type, name).
  static func law(number: String, name: String, year: Int, body: String) -> String {
    """
    QUỐC HỘI
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Luật số: \(number)
    Hà Nội, ngày 18 tháng 01 năm \(year)
    LUẬT
    \(name.uppercased())
    Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
    \(body)
    """
  }

  static func decree(number: String, subject: String, body: String) -> String {
    """
    CHÍNH PHỦ
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Số: \(number)
    Hà Nội, ngày 15 tháng 5 năm 2024
    NGHỊ ĐỊNH
    \(subject.uppercased())
    Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
    \(body)
    """
  }

  /// Two laws and a decree by name, among longer documents that cite each of them many times.
  static func corpus(in dir: TemporaryDirectory) throws {
    var files: [String: String] = [
      "doc-01.txt": law(
        number: "31/2024/QH15", name: "Đất đai", year: 2024,
        body: "Luật này quy định về chế độ sở hữu đất đai, quyền hạn và trách nhiệm của Nhà nước."),
      "doc-02.txt": law(
        number: "41/2024/QH15", name: "Bảo hiểm xã hội", year: 2024,
        body: "Luật này quy định về quyền, trách nhiệm của cơ quan, tổ chức, cá nhân đối với bảo hiểm."),
      "doc-03.txt": decree(
        number: "15/2020/NĐ-CP", subject: "Quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính",
        body: "Nghị định này quy định về hành vi vi phạm hành chính, hình thức xử phạt."),
    ]
    // Citing documents: longer, with the names over and over in their text.
    for i in 0..<8 {
      let cites = String(
        repeating: "Thực hiện Luật Đất đai và Luật Bảo hiểm xã hội, Nghị định 15/2020/NĐ-CP về xử phạt. ", count: 6 + i)
      files["doc-1\(i).txt"] = decree(
        number: "\(100 + i)/2024/NĐ-CP",
        subject: "Quy định chi tiết thi hành một số điều của Luật Đất đai và Luật Bảo hiểm xã hội",
        body: cites + "Đất đai là tài sản. Bảo hiểm xã hội bắt buộc.")
    }
    for (name, text) in files { try text.write(to: dir.appending(name), atomically: true, encoding: .utf8) }
  }

  @Test func aDocumentTypedByItsNameComesFirst() throws {
    let docs = try TemporaryDirectory()
    try Self.corpus(in: docs)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])
    let named: [(String, String)] = [
      ("luật đất đai", "doc-01"), ("luat dat dai", "doc-01"),
      ("luật bảo hiểm xã hội", "doc-02"), ("luat bao hiem xa hoi", "doc-02"),
      ("nghị định 15/2020", "doc-03"), ("nghi dinh 15/2020/ND-CP", "doc-03"),
    ]
    for (query, id) in named {
      let hits = try searcher.search(SearchRequest(text: query)).hits
      #expect(hits.first?.id == id, "\(query): \(hits.prefix(3).map(\.id))")
      #expect(hits.count > 1, "\(query): the citing documents still match")
    }
    // Off: the citing documents' many mentions win, which is what the boost is for.
    var ranking = RankingParameters()
    ranking.title = 0
    let plain = try Searcher(indexes: [index.path])
    plain.ranking = ranking
    #expect(try plain.search(SearchRequest(text: "luat dat dai")).hits.first?.id != "doc-01")
  }

  @Test func theBoostNeverAddsAMatch() throws {
    let docs = try TemporaryDirectory()
    try Self.corpus(in: docs)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])
    var request = SearchRequest(text: "luật đất đai chăn nuôi")
    request.relax = false
    #expect(try searcher.search(request).hits.isEmpty)
  }

  @Test func headsAreTheFirstWordsOfEachName() {
    let names = TitleHeads.names(type: "Luật", subject: "ĐẤT ĐAI", number: "31/2024/QH15", fileName: "doc-01")
    #expect(
      TitleHeads.heads(of: names).sorted() == [
        "31 2024", "31 2024 qh15", "dat dai", "doc 01", "luat 31", "luat 31 2024", "luat 31 2024 qh15",
        "luat dat", "luat dat dai",
      ])
    // A long name gives its first ten words only.
    let long = TitleHeads.heads(of: [String(repeating: "một hai ", count: 20)])
    #expect(long.count == 9 && long.allSatisfy { $0.split(separator: " ").count <= 10 })
  }
}
