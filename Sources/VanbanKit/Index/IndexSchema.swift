// The index schema: every term prefix and value slot vanban writes, declared once.
//
// Modelled on notmuch's lib/prefix.cc. Changing anything here changes the on-disk format: bump
// `version`, and `vanban index` will refuse an index built with another version rather than
// answer wrongly from it.

/// The index's on-disk schema, declared once: term prefixes, value slots, document data and the schema version.
public enum IndexSchema {
  /// Written to the database metadata key `vanban.schema` and to the manifest
  /// (`vanban-index.json`); read before every search. 3: shards listed by vanban's manifest in
  /// `gen-N/shard-MM` folders instead of a Xapian stub file. 4: title heads (`XH`) and copy keys
  /// (`XC`, slot 5). 5: month terms (`XM`), so a date range is read from posting lists. 6: the
  /// files not indexed, as user metadata (`skipped`). 7: the issuer's whole name as one term
  /// (`XA`), so `--agency` reads the names that match rather than the words every name holds;
  /// the path in slot 6.
  public static let version = "7"
  public static let versionKey = "vanban.schema"
  /// User metadata key prefix of a file that was not indexed: `vanban.skipped.<pathKey>` holds its
  /// `SkipRecord` as JSON, in the shard the path hashes to. Metadata, not a document, so no
  /// search, count, facet or listing can ever see it; it is committed with the batch that tried
  /// the file, and a rebuild starts without any.
  public static let skipped = "vanban.skipped."

  // MARK: - Free-text terms

  /// Folded words (no marks, đ→d, lower-case), WITH positions. Unprefixed, so they are the
  /// "body" terms. Positions are written once, here: phrases and the adjacent-syllable boost run
  /// on folded terms for accented and unaccented queries alike (writing positions twice costs
  /// ~2.7× the baseline's indexing time, measured in the issue).
  public static let folded = ""
  /// Exact words (NFC, canonical tone placement, lower-case), WITHOUT positions. An accented
  /// query weighs these above the folded ones, and `--exact` requires them.
  public static let exact = "E"

  /// Adjacent folded syllable pairs, `Btiem chung`, WITHOUT positions. Vietnamese words are mostly
  /// two syllables, so a pair is closer to a word than a syllable is; as terms of their own they
  /// get their own BM25 idf, which a phrase query over the syllables cannot (measured on
  /// ALQAC 2023: phrase-query bigrams lowered MRR, bigram terms raise it).
  public static let bigram = "B"

  /// The bigram term of two adjacent folded syllables: `Btiem chung`.
  static func bigramTerm(_ first: String, _ second: String) -> String { bigram + first + " " + second }

  // MARK: - Boolean terms (filters; no weight)
  //
  // Written with wdf 0 (`PreparedDocument.booleanTerms`): they match, but a long issuer name or a
  // list of recipients adds nothing to the document length that BM25 normalises by.

  /// Unique document id: the path key (see `pathKey`).
  public static let id = "Q"
  /// The document's id (file name without extension), for `show ID` and `cites ID`.
  public static let name = "XI"
  /// `XS<pathKey>\t<signature>`: the file signature (mtime, size) that made this document, so an
  /// incremental run learns every indexed file's state from one prefix scan.
  public static let signature = "XS"
  /// A cited document number, as `DocumentNumber.key` (`16/ct-ttg`). `ref:79/2010/` is a prefix.
  public static let reference = "R"
  /// A cited number with the date given beside it: `XRD16/ct-ttg@2022` and `@2022-09-20`, because
  /// `16/CT-TTg` of 2020 and of 2022 are different documents.
  public static let referenceDated = "XRD"
  /// The document's own number key (`show` and `cites` link to documents by it).
  public static let number = "N"
  /// A folded word of the issuer's name with abbreviations expanded (UBND → uy ban nhan dan), WITH
  /// its position in the name, so `--agency` matches the words in order in any spelling.
  public static let agency = "A"
  /// The issuer's `A` words, in order and joined by spaces, as one term (`XAuy ban nhan dan tinh
  /// lai chau`): `--agency` picks the names its words match in order and reads their postings,
  /// instead of the postings and positions of words such as `tinh`, held by nearly every
  /// document. A name too long for a term writes `XA` alone, and is checked word by word.
  public static let issuerName = "XA"
  /// Longest issuer name an `XA` term holds whole (a term is at most `termBytes` bytes).
  public static let issuerNameBytes = termBytes - issuerName.utf8.count
  /// The bytes a term may hold here (Xapian's limit is 245; `BoundedTerms` cuts longer ones).
  public static let termBytes = 240
  /// A folded word of the parent body's name (a two-level header), same treatment.
  public static let parentAgency = "XP"
  /// The issuer's province, folded with spaces removed (`Plaichau`).
  public static let province = "P"
  /// The document type, folded with spaces removed (`Tchithi`, `Tcongvan`).
  public static let type = "T"
  /// A folded word of the signer's name.
  public static let signer = "S"
  /// A folded word of a recipient (`Kính gửi`).
  public static let recipient = "K"
  /// A folded word of a company named in the text (`Công ty Việt Á` → `Ccong`, `Cty`, `Cviet`, `Ca`).
  public static let company = "C"
  /// The year of the document's date (`Y2022`).
  public static let year = "Y"
  /// The year and month of the document's date, `XM202109`; `XM202100` for a date with no month.
  /// A date range is the months it spans (`--since 2021-09 --until 2021-12` is four posting
  /// lists), with the value range checked only in a month it cuts: Xapian has no index of values,
  /// and reading every date in range made counting a range's matches cost more than the search.
  public static let month = "XM"
  /// The source format (`Fdocx`).
  public static let format = "F"
  /// The first 2…10 folded words of a name the document carries (type and subject, type and
  /// number, number, file name), joined by spaces: `XHluat dat dai`. A query whose first words
  /// equal one gets a fixed boost, so a document typed by its name comes first (TitleHeads).
  public static let titleHead = "XH"
  /// `XC<key>`: the document's copy key (`CopyKey`), so a hit's copies are one posting list away.
  public static let copyKey = "XC"

  // MARK: - Value slots

  public enum Slot: UInt32, CaseIterable, Sendable {
    /// `PartialDate.sortKey` (`20220100` for January 2022): sorting and date ranges.
    case date = 0
    /// Issuer display name: the facet by issuer.
    case issuer = 1
    /// Type display name: the facet by type.
    case type = 2
    /// Province display name: the facet by province.
    case province = 3
    /// Year as four digits: the facet by year.
    case year = 4
    /// `CopyKey`: copies of one document share it, and a search collapses them into one hit.
    case copyKey = 5
    /// The file's path, as `StoredDocument.path`: a hit's id is worked out from the paths of the
    /// files sharing its name (`DocumentNames`), read here rather than from their stored texts.
    case path = 6
  }

  // MARK: - Document data

  /// Document data is `StoredDocument`'s JSON header, a NUL byte, then the normalised text (the
  /// text is what snippets and `show` read; Xapian compresses it).
  public static let dataSeparator: UInt8 = 0

  /// Data of `dataGuardFrom` bytes or more ends with a guard: a NUL and 32 bytes that do not
  /// compress, drawn from a hash of the data (`StoredDocument.encodeData`). Xapian 1.4.22 inflates
  /// a compressed tag 8 KB at a time and gives up when its last input is used up while output is
  /// still pending, so a text ending in a long repeated run (12 MB of one short pattern: 14 of
  /// 900 header variants) could be written but never read back (`Too few chunks of compressed data`),
  /// and every search that hit it failed. Ending in literals, the stream's last bytes expand to
  /// a few bytes only. Shorter data never fills the 8 KB buffer.
  public static let dataGuardLength = 33
  public static let dataGuardFrom = 8192

  // MARK: - Helpers

  /// Xapian terms are limited to 245 bytes; a long path keeps its head and gains a hash.
  public static func pathKey(_ path: String) -> String {
    let bytes = Array(path.utf8)
    if bytes.count <= 200 { return path }
    let hash = FNV1a.hash(bytes)
    var head = bytes.prefix(160)
    while let last = head.last, last & 0xC0 == 0x80 { head.removeLast() }  // don't cut a character
    if let last = head.last, last >= 0xC0 { head.removeLast() }
    return String(decoding: head, as: UTF8.self) + "#" + String(hash, radix: 16)
  }

  /// `s` cut to at most `bytes` UTF-8 bytes, on a character boundary (Xapian's term limit is 245).
  public static func truncated(_ s: String, bytes: Int) -> String {
    if s.utf8.count <= bytes { return s }
    var out = ""
    for c in s {
      if out.utf8.count + c.utf8.count > bytes { break }
      out.append(c)
    }
    return out
  }

  /// The `XA` term of an issuer's folded words: the words joined by spaces, or `XA` alone for a
  /// name too long to hold whole (a cut name could match a query its whole name does not).
  public static func issuerNameTerm(_ words: [String]) -> String {
    let name = words.joined(separator: " ")
    return issuerName + (name.utf8.count <= issuerNameBytes ? name : "")
  }

  /// The key used for boolean "name" terms: folded, with spaces and punctuation removed.
  public static func compactKey(_ s: String) -> String {
    String(
      VietnameseFolding.fold(s).unicodeScalars.filter { VietnameseLetters.shared.isWord($0.value) }
        .map(Character.init))
  }
}
