// Issue N: the exact terms each field of a document writes (IndexSchema's prefixes), read from
// the TermBatch the analyzer hands to Xapian. Regression guards for the on-disk format: a change
// here changes what old indexes answer, so it should come with a schema version bump.
import Foundation
import Testing

@testable import VanbanKit
@testable import Xapian

/// A batch's terms and positions, in order (0 = no position).
func termList(_ batch: TermBatch) -> [(term: String, position: UInt32)] {
  var out: [(String, UInt32)] = []
  var start = 0
  for (i, b) in batch.bytes.enumerated() where b == 0 {
    out.append((String(decoding: batch.bytes[start..<i], as: UTF8.self), batch.positions[out.count]))
    start = i + 1
  }
  return out
}

/// `term@position`, or the bare term when it has no position: one string per entry, easy to diff.
func described(_ batch: TermBatch) -> [String] {
  termList(batch).map { $0.position == 0 ? $0.term : "\($0.term)@\($0.position)" }
}

@Suite struct DocumentTermsTests {
  // MARK: - Text

  /// Each word: its folded form with its position, its exact form (prefix E) without, and from the
  /// second word on the bigram (prefix B) of the previous folded word and this one.
  @Test func textWritesFoldedExactAndBigramTerms() {
    var batch = TermBatch()
    let spelling = DocumentAnalyzer.addText("Tiêm chủng COVID-19 đợt 2", to: &batch)
    #expect(
      described(batch) == [
        "tiem@1", "Etiêm",
        "chung@2", "Echủng", "Btiem chung",
        "covid@3", "Ecovid", "Bchung covid",
        "19@4", "E19", "Bcovid 19",
        "dot@5", "Eđợt", "B19 dot",
        "2@6", "E2", "Bdot 2",
      ])
    // Spelling data: distinct exact words of two letters or more that hold a letter.
    #expect(Set(termList(spelling).map(\.term)) == ["tiêm", "chủng", "covid", "đợt"])
    #expect(termList(spelling).allSatisfy { $0.position == 0 })
  }

  @Test func repeatedWordsKeepEveryPositionAndSpellOnce() {
    var batch = TermBatch()
    let spelling = DocumentAnalyzer.addText("Thuế, thuế và THUẾ.", to: &batch)
    #expect(
      described(batch) == [
        "thue@1", "Ethuế",
        "thue@2", "Ethuế", "Bthue thue",
        "va@3", "Evà", "Bthue va",
        "thue@4", "Ethuế", "Bva thue",
      ])
    #expect(termList(spelling).map(\.term).sorted() == ["thuế", "và"])
  }

  @Test func textWithoutWordsWritesNothing() {
    var batch = TermBatch()
    let spelling = DocumentAnalyzer.addText(" …, -- ; ", to: &batch)
    #expect(batch.isEmpty)
    #expect(spelling.isEmpty)
  }

  // MARK: - Metadata

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
    m.signerTitle = "Chủ tịch"
    m.references = [
      Citation(
        number: "16/CT-TTg", key: "16/ct-ttg", type: "Chỉ thị", date: PartialDate(year: 2022, month: 9, day: 20),
        sentence: "s", line: 3),
      Citation(number: "16/CT-TTg", key: "16/ct-ttg", sentence: "s", line: 9),
      Citation(number: "15/2020/NĐ-CP", key: "15/2020/nd-cp", date: PartialDate(year: 2020), sentence: "s", line: 12),
    ]
    m.companies = ["Công ty Việt Á"]
    return m
  }

  /// Every metadata term, sorted (a set of (key, date) stamps has no fixed order, and Xapian
  /// stores terms sorted anyway). Subject and signer title write no terms: they are text.
  @Test func metadataWritesOneTermFamilyPerField() {
    var batch = TermBatch()
    DocumentAnalyzer.addMetadata(Self.metadata, format: .docx, to: &batch)
    let expected = [
      // Issuer, abbreviations expanded, with positions (word order matters for --agency).
      "Auy@1", "Aban@2", "Anhan@3", "Adan@4", "Atinh@5", "Alai@6", "Achau@7",
      // And as one term, for --agency to match names rather than words.
      "XAuy ban nhan dan tinh lai chau",
      // Parent body, signer, recipients (each recipient's words once), companies: folded words.
      "XPbo", "XPy", "XPte",
      "Snguyen", "Svan", "San",
      "Kso", "Ky", "Kte", "Kso", "Ktai", "Kchinh",
      "Ccong", "Cty", "Cviet", "Ca",
      // Province and type compact, number key, year, month, format.
      "Plaichau", "Tcongvan", "N16/ubnd-vx", "Y2022", "XM202209", "Fdocx",
      // Each cited key once, plus its year and full date when the citation has one.
      "R16/ct-ttg", "XRD16/ct-ttg@2022", "XRD16/ct-ttg@2022-09-20",
      "R15/2020/nd-cp", "XRD15/2020/nd-cp@2020",
    ]
    #expect(described(batch).sorted() == expected.sorted())
    // The issuer's words come in order.
    #expect(described(batch).filter { $0.hasPrefix("A") } == Array(expected.prefix(7)))
  }

  @Test func emptyMetadataWritesOnlyTheFormat() {
    var batch = TermBatch()
    DocumentAnalyzer.addMetadata(DocumentMetadata(), format: .pdf, to: &batch)
    #expect(described(batch) == ["Fpdf"])
  }

  @Test func aNumberWithoutAKeyWritesNoNumberTerm() {
    var m = DocumentMetadata()
    m.number = "không số"
    var batch = TermBatch()
    DocumentAnalyzer.addMetadata(m, format: .txt, to: &batch)
    #expect(described(batch) == ["Ftxt"])
  }

  @Test func longMetadataTermsAreCutToXapiansLimit() {
    var m = DocumentMetadata()
    m.province = String(repeating: "ệ", count: 300)  // 900 bytes, 300 once folded
    var batch = TermBatch()
    DocumentAnalyzer.addMetadata(m, format: .txt, to: &batch)
    let province = termList(batch).map(\.term).first { $0.hasPrefix("P") }
    #expect(province == "P" + String(repeating: "e", count: 239))
  }

  /// What Xapian stores: within-document frequencies add up per term.
  @Test func xapianKeepsEachTermOnceWithItsFrequency() throws {
    var batch = TermBatch()
    _ = DocumentAnalyzer.addText("Thuế, thuế và THUẾ.", to: &batch)
    DocumentAnalyzer.addMetadata(Self.metadata, format: .docx, to: &batch)
    let doc = Document()
    try doc.addTerms(batch)
    let wdf = Dictionary(uniqueKeysWithValues: try doc.terms().map { ($0.term, $0.wdf) })
    #expect(wdf["thue"] == 3)
    #expect(wdf["Ethuế"] == 3)
    #expect(wdf["Bthue thue"] == 1)
    #expect(wdf["Kso"] == 2)
    #expect(wdf["Auy"] == 1)
    #expect(wdf["Fdocx"] == 1)
    #expect(wdf.count == Set(termList(batch).map(\.term)).count)
  }

  // MARK: - A whole file

  /// `prepare`: the text's terms; then, as boolean terms, the path and signature terms and the
  /// metadata; the values are the facet and sort keys.
  @Test func preparedFileWritesIdentityTextAndMetadata() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-terms-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("cv-16.txt").path
    let text = "Tiêm chủng đợt 2"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let file = FoundFile(path: path, size: text.utf8.count, modified: 1_700_000_000.5, format: .txt)

    let prepared = try DocumentAnalyzer(maxFileSize: 1 << 20).prepare(file)
    let boolean = described(prepared.booleanTerms)
    let signature = "\(text.utf8.count):1700000000.500000"
    #expect(prepared.signature == signature)
    #expect(prepared.pathKey == path)
    #expect(Array(boolean.prefix(3)) == ["Q" + path, "XS" + path + "\t" + signature, "XIcv-16"])

    var body = TermBatch()
    _ = DocumentAnalyzer.addText(text, to: &body)
    #expect(described(prepared.terms) == described(body))
    var meta = TermBatch()
    DocumentAnalyzer.addMetadata(prepared.stored.metadata, format: .txt, to: &meta)
    // Then the heads of the document's names (TitleHeads): here only its file name has two words;
    // and its copy key, without a number and date the hash of its words (CopyKey).
    var wordsHash = FNV1a.offset
    _ = DocumentAnalyzer.addText(text, to: &body, wordsHash: &wordsHash)
    #expect(boolean == Array(boolean.prefix(3)) + described(meta) + ["XHcv 16", "XCt" + String(wordsHash, radix: 16)])
    #expect(described(meta).last == "Ftxt")

    #expect(prepared.stored.id == "cv-16")
    #expect(prepared.stored.format == "txt")
    #expect(prepared.textBytes == text.utf8.count)
    let expectedValues = prepared.stored.metadata.date.map { [(IndexSchema.Slot.date, $0.sortKey)] } ?? []
    #expect(prepared.values.filter { $0.0 == .date }.map(\.1) == expectedValues.map(\.1))
    // The data: the stored header, a NUL, the text.
    let (stored, back) = try StoredDocument.decode(data: prepared.data, withText: true)
    #expect(stored == prepared.stored)
    #expect(back == text)
  }

  /// In the index, identity and metadata terms have wdf 0 (they filter, and add nothing to the
  /// length BM25 normalises by); the text's terms keep their frequencies.
  @Test func identityAndMetadataTermsAreBooleanInTheIndex() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-terms-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("cv-12.txt").path
    let text =
      "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 12/UBND-VX\nV/v tiêm chủng đợt 2\nKính gửi: Sở Y tế.\nThực hiện Chỉ thị 16/CT-TTg, tiêm chủng."
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let file = FoundFile(path: path, size: text.utf8.count, modified: 1_700_000_000, format: .txt)
    let prepared = try DocumentAnalyzer(maxFileSize: 1 << 20).prepare(file)
    let db = try WritableDatabase(path: dir.appendingPathComponent("db").path, mode: .createOrOverwrite)
    try ShardSet.write(prepared, to: db)
    let id = try #require(try db.postings(IndexSchema.id + prepared.pathKey).first)
    let stored = Dictionary(uniqueKeysWithValues: try db.document(id).terms().map { ($0.term, $0.wdf) })
    let boolean = Set(termList(prepared.booleanTerms).map(\.term))
    #expect(
      boolean.contains { $0.hasPrefix(IndexSchema.reference) } && boolean.contains { $0.hasPrefix(IndexSchema.agency) })
    for term in boolean { #expect(stored[term] == 0, "\(term): wdf \(stored[term] ?? -1)") }
    #expect(stored["tiem"] == 2)
    #expect(stored.filter { !boolean.contains($0.key) }.allSatisfy { $0.value > 0 })
  }
}
