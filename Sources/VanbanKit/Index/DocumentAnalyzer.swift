// Turns one file into everything the index stores for it: decode → normalise → extract → terms.
//
// It produces plain values (no Xapian handles), so that it can run on worker threads while the
// writer thread feeds Xapian; the terms travel as one TermBatch and cross into C in one call.

import Foundation
import Xapian

struct PreparedDocument {
  var pathKey: String
  var signature: String
  /// The text's terms (folded with positions, exact, pairs): what BM25 weighs.
  var terms: TermBatch
  /// Identity and metadata terms: filters, written with wdf 0 so that they count toward neither
  /// the document's length nor a weight (see IndexSchema, "Boolean terms").
  var booleanTerms: TermBatch
  var values: [(IndexSchema.Slot, String)]
  var data: [UInt8]
  var textBytes: Int
  var stored: StoredDocument
  /// Distinct exact words, for Xapian's spelling data (`Did you mean`), as one batch so they
  /// cross into C in one call without a String each.
  var spelling: TermBatch
  /// Not in the index yet (no signature term), so it is added without looking up a document to
  /// replace. Set by the indexer, which knows the index's signatures.
  var isNew = false
  /// What went wrong in the file without stopping it (an OCR page that timed out).
  var problems: [String] = []
  /// Pages of the text read by OCR.
  var ocrPages = 0
}

/// Appends terms cut to Xapian's limit (245 bytes), so no field value can fail a document.
struct BoundedTerms {
  var batch: TermBatch
  mutating func append(_ term: String, position: UInt32 = 0) {
    batch.append(IndexSchema.truncated(term, bytes: IndexSchema.termBytes), position: position)
  }
}

struct DocumentAnalyzer: Sendable {
  let decoder: DocumentDecoder
  let extractor = MetadataExtractor()
  /// The real paths of the folders being indexed: a file opened outside them is refused, whatever
  /// the walk saw (DecodeFileIO.open). Nil: not checked (a file decoded on its own).
  var roots: [String]? = nil

  init(maxFileSize: Int) { decoder = DocumentDecoder(maxFileSize: maxFileSize) }
  init(decoder: DocumentDecoder) { self.decoder = decoder }

  static func signature(_ f: FoundFile) -> String { "\(f.size):\(String(format: "%.6f", f.modified))" }

  func prepare(_ file: FoundFile) throws -> PreparedDocument {
    let decoded = try decoder.decode(fileAt: file.path, format: file.format, within: roots)
    let text = TextNormalizer.normalize(decoded.text)
    var metadata = extractor.extract(from: text)
    // A document's own metadata (docx core.xml, PDF Info) is a fallback when the header says nothing.
    if metadata.subject == nil, let t = decoded.embedded.title, !t.isEmpty {
      metadata.subject = TextNormalizer.normalize(t)
    }
    if metadata.date == nil, let c = decoded.embedded.created {
      metadata.date = PartialDate(parsing: String(c.prefix(10)))
    }

    let stored = StoredDocument(
      id: StoredDocument.name(ofPath: file.path), path: file.path, format: decoded.format.rawValue,
      encoding: decoded.encoding.rawValue, size: file.size, modified: file.modified, inode: file.inode,
      metadata: metadata,
      embedded: decoded.embedded == EmbeddedMetadata() ? nil : decoded.embedded,
      ocr: decoded.ocrPages > 0 ? true : nil)

    let key = IndexSchema.pathKey(file.path)
    var batch = TermBatch()
    var wordsHash = FNV1a.offset
    let spelling = Self.addText(text, to: &batch, wordsHash: &wordsHash)
    var boolean = TermBatch()
    let sig = Self.signature(file)
    boolean.append(IndexSchema.id + key)
    boolean.append(IndexSchema.signature + key + "\t" + sig)
    boolean.append(IndexSchema.name + IndexSchema.truncated(stored.id, bytes: 200))
    Self.addMetadata(metadata, format: decoded.format, to: &boolean)
    let names = TitleHeads.names(
      type: metadata.type, subject: metadata.subject, number: metadata.number, fileName: stored.id)
    for head in TitleHeads.heads(of: names).sorted() { boolean.append(IndexSchema.titleHead + head) }
    let copyKey = CopyKey.key(metadata, wordsHash: batch.isEmpty ? nil : wordsHash)
    if let copyKey { boolean.append(IndexSchema.copyKey + copyKey) }

    var values: [(IndexSchema.Slot, String)] = []
    if let d = metadata.date {
      values.append((.date, d.sortKey))
      values.append((.year, String(d.year)))
    }
    if let i = metadata.issuer { values.append((.issuer, i)) }
    if let t = metadata.type { values.append((.type, t)) }
    if let p = metadata.province { values.append((.province, p)) }
    if let copyKey { values.append((.copyKey, copyKey)) }
    values.append((.path, file.path))

    return PreparedDocument(
      pathKey: key, signature: sig, terms: batch, booleanTerms: boolean, values: values,
      data: try stored.encodeData(text: text),
      textBytes: text.utf8.count, stored: stored, spelling: spelling, problems: decoded.problems,
      ocrPages: decoded.ocrPages)
  }

  /// A document's vocabulary is bounded: each distinct word or pair costs Xapian memory while the
  /// document is built, and 400,000 random words took a gigabyte. The largest real texts here
  /// (1.5 MB laws) have 11,000 distinct words and 57,000 distinct pairs; past five and three and
  /// a half times that, the rest of the text is stored and shown but not indexed.
  static let maxDistinctWords = 50_000
  static let maxDistinctPairs = 200_000

  /// Every word twice: folded with its position, exact without (see IndexSchema). Returns the
  /// distinct words that hold a letter, for the spelling data.
  static func addText(_ text: String, to batch: inout TermBatch) -> TermBatch {
    var wordsHash = FNV1a.offset
    return addText(text, to: &batch, wordsHash: &wordsHash)
  }

  /// The same, and folds every indexed word into `wordsHash` (FNV-1a, words separated), so texts
  /// that differ only in layout (a .doc and its .pdf) hash alike (CopyKey).
  static func addText(_ text: String, to batch: inout TermBatch, wordsHash: inout UInt64) -> TermBatch {
    var position: UInt32 = 0
    var distinct = Set<ArraySlice<UInt8>>()
    var words = Set<UInt64>()
    var pairs = Set<UInt64>()
    var full = false
    let prefixLength = IndexSchema.exact.utf8.count
    var pair: [UInt8] = Array(IndexSchema.bigram.utf8)
    let bigramPrefix = pair.count
    var previousLength = 0  // bytes of the previous folded word in `pair`, 0 at the start
    WordTokenizer.forEachWordUTF8(in: text, exactPrefix: Array(IndexSchema.exact.utf8)) { exact, folded in
      guard !full else { return }
      words.insert(FNV1a.hash(exact))
      if previousLength > 0 { pairs.insert(FNV1a.hash(folded, from: FNV1a.hash(pair))) }
      if words.count > maxDistinctWords || pairs.count > maxDistinctPairs {
        full = true
        return
      }
      position += 1
      wordsHash = FNV1a.hash(folded, from: wordsHash)
      wordsHash = (wordsHash ^ 0x20) &* FNV1a.prime
      batch.append(utf8: folded, position: position)
      batch.append(utf8: exact)
      if previousLength > 0 {
        pair.append(0x20)
        pair.append(contentsOf: folded)
        batch.append(utf8: pair)
      }
      pair.removeSubrange(bigramPrefix...)
      pair.append(contentsOf: folded)
      previousLength = folded.count
      if isSpellingWord(folded: folded) { distinct.insert(exact.dropFirst(prefixLength)) }
    }
    var spelling = TermBatch()
    for w in distinct { spelling.append(utf8: w) }
    return spelling
  }

  /// Whether a word goes into the spelling data, by its folded bytes: two or more, with a letter.
  /// The same rule takes a replaced or deleted document's words back out (`ShardSet`).
  static func isSpellingWord<C: Collection<UInt8>>(folded: C) -> Bool {
    folded.count >= 2 && folded.contains(where: { $0 >= 0x61 && $0 <= 0x7A })
  }

  static func addMetadata(_ m: DocumentMetadata, format: DocumentFormat, to out: inout TermBatch) {
    // Every metadata term is a boolean filter term; keep each within Xapian's term limit.
    var batch = BoundedTerms(batch: out)
    defer { out = batch.batch }
    // Through the Analyzer, as the query side reads `--signer`, `--to` and `--company`.
    func words(_ prefix: String, _ s: String?, agency: Bool = false) {
      guard let s else { return }
      var seen = Set<String>()
      for w in agency ? Analyzer.agencyWords(s) : Analyzer.words(s) where seen.insert(w.folded).inserted {
        batch.append(prefix + w.folded)
      }
    }
    // The issuer's words keep their order (positions), so `--agency "Tỉnh ủy X"` does not match
    // "Ủy ban nhân dân tỉnh X", nor "tỉnh Hà Tĩnh" match "tỉnh Hà Giang" once folded.
    if let issuer = m.issuer {
      let name = Analyzer.agencyWords(issuer).map(\.folded)
      for (i, w) in name.enumerated() {
        batch.append(IndexSchema.agency + w, position: UInt32(i + 1))
      }
      if !name.isEmpty { batch.append(IndexSchema.issuerNameTerm(name)) }
    }
    words(IndexSchema.parentAgency, m.parent, agency: true)
    words(IndexSchema.signer, m.signer)
    for r in m.recipients { words(IndexSchema.recipient, r) }
    for c in m.companies { words(IndexSchema.company, c) }
    if let p = m.province { batch.append(IndexSchema.province + IndexSchema.compactKey(p)) }
    if let t = m.type { batch.append(IndexSchema.type + IndexSchema.compactKey(t)) }
    if let n = m.number, let k = DocumentNumber.key(n) { batch.append(IndexSchema.number + k) }
    if let d = m.date {
      batch.append(IndexSchema.year + String(d.year))
      batch.append(IndexSchema.month + String(format: "%04d%02d", d.year, d.month ?? 0))
    }
    batch.append(IndexSchema.format + format.rawValue)
    var seenRefs = Set<String>()
    for r in m.references {
      if seenRefs.insert(r.key).inserted { batch.append(IndexSchema.reference + r.key) }
      if let d = r.date {
        for stamp in Set([String(d.year), d.iso]) where seenRefs.insert(r.key + "@" + stamp).inserted {
          batch.append(IndexSchema.referenceDated + r.key + "@" + stamp)
        }
      }
    }
  }
}
