// Issue N: one fixed result that every printer test renders, so the expected outputs can be
// written out in full.
@testable import VanbanKit

enum PrinterFixture {
  static var metadata: DocumentMetadata {
    var m = DocumentMetadata()
    m.type = "Công văn"
    m.number = "16/UBND-VX"
    m.issuer = "UBND tỉnh Lai Châu"
    m.parent = "Bộ Y tế"
    m.province = "Lai Châu"
    m.date = PartialDate(year: 2022, month: 9, day: 20)
    m.subject = "V/v tiêm chủng"
    m.recipients = ["Sở Y tế", "Sở Tài chính"]
    m.signer = "Nguyễn Văn An"
    m.signerTitle = "PHÓ CHỦ TỊCH"
    m.references = [
      Citation(number: "16/CT-TTg", key: "16/ct-ttg", sentence: "s", line: 3),
      Citation(number: "16/CT-TTg", key: "16/ct-ttg", date: PartialDate(year: 2022), sentence: "s", line: 9),
      Citation(number: "15/2020/NĐ-CP", key: "15/2020/nd-cp", sentence: "s", line: 12),
    ]
    m.companies = ["Công ty Việt Á"]
    return m
  }

  /// A hit with every field set; the snippet holds a comma and quotes for CSV.
  static var hit: SearchHit {
    let stored = StoredDocument(
      id: "cv-16", path: "/data/cv-16.docx", format: "docx", encoding: "utf-8", size: 10, modified: 0,
      metadata: metadata, embedded: nil)
    return SearchHit(rank: 1, score: 12.34567, stored: stored, snippet: "… về «tiêm» «chủng» đợt 2, \"khẩn\" …")
  }

  /// A hit that knows nothing but its file.
  static var bareHit: SearchHit {
    let stored = StoredDocument(
      id: "x", path: "/data/x.txt", format: "txt", encoding: "utf-8", size: 1, modified: 0,
      metadata: DocumentMetadata(), embedded: nil)
    return SearchHit(rank: 2, score: 0, stored: stored, snippet: "")
  }

  static func result(_ hits: [SearchHit] = [hit]) -> SearchResult {
    var r = SearchResult(query: "tiem chung", total: hits.count, offset: 0, limit: 10, hits: hits)
    r.notes = ["query read as plain words (unbalanced quote)"]
    r.suggestion = "tiêm chủng"
    return r
  }

  static func options(_ format: OutputFormat) -> PrintOptions {
    var o = PrintOptions()
    o.format = format
    return o
  }
}
