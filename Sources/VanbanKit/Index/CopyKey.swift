// Which documents are copies of one another: a .doc and its .pdf, one file under two folders, the
// same law from two sources. Copies share a key; a search collapses them into one hit (Xapian's
// collapse key) and lists the others under it.
//
// A document with a number and a date is known by them and its issuer: that is how an office
// registers a document, and copies keep it whatever their layout. Without both (a draft, a page
// of notes) it is known by its words: the hash of its folded words in order, so line breaks,
// spacing and the file format do not matter but any edit does.

/// The key copies of one document share.
enum CopyKey {
  static func key(_ m: DocumentMetadata, wordsHash: UInt64?) -> String? {
    if let number = m.number, let k = DocumentNumber.key(number), let date = m.date {
      let issuer = m.issuer.map(IndexSchema.compactKey) ?? ""
      return IndexSchema.truncated("n" + k + "@" + date.sortKey + "@" + issuer, bytes: 200)
    }
    return wordsHash.map { "t" + String($0, radix: 16) }
  }
}
