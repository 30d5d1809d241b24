// Issue N: IndexSchema's key helpers, which decide the exact bytes of boolean terms.
import Testing

@testable import VanbanKit

@Suite struct IndexSchemaTests {
  @Test(arguments: [
    ("Lai Châu", "laichau"),
    ("Công văn", "congvan"),
    ("Thừa Thiên - Huế", "thuathienhue"),
    ("Bà Rịa–Vũng Tàu", "bariavungtau"),
    ("Đắk Lắk", "daklak"),
    ("Quyết định số 2", "quyetdinhso2"),
    ("", ""),
  ])
  func compactKey(_ name: String, _ key: String) {
    #expect(IndexSchema.compactKey(name) == key)
  }

  @Test(arguments: [
    ("abc", 3, "abc"),
    ("abcd", 3, "abc"),
    ("ệệệ", 7, "ệệ"),  // 3 bytes each: never half a character
    ("ệệệ", 2, ""),
  ])
  func truncated(_ s: String, _ bytes: Int, _ expected: String) {
    #expect(IndexSchema.truncated(s, bytes: bytes) == expected)
  }

  @Test func shortPathsAreTheirOwnKey() {
    let path = "/data/văn bản/" + String(repeating: "a", count: 150)
    #expect(path.utf8.count <= 200)
    #expect(IndexSchema.pathKey(path) == path)
  }

  @Test func longPathsKeepTheirHeadAndGainAHash() {
    let a = "/data/" + String(repeating: "ệ", count: 100) + "/a.txt"
    let b = "/data/" + String(repeating: "ệ", count: 100) + "/b.txt"
    let ka = IndexSchema.pathKey(a), kb = IndexSchema.pathKey(b)
    #expect(ka != kb)
    #expect(ka == IndexSchema.pathKey(a))
    let head = ka[..<ka.firstIndex(of: "#")!]
    #expect(a.hasPrefix(head))
    #expect(head.utf8.count <= 160)
    #expect(ka.utf8.count <= 200)
    #expect(!ka.unicodeScalars.contains("\u{FFFD}"))
    let hash = String(ka.split(separator: "#").last ?? "")
    #expect(!hash.isEmpty && hash.allSatisfy { $0.isHexDigit })
  }

  @Test func prefixesAreDistinctWhereTheyCouldCollide() {
    // Single-letter boolean prefixes must not start a multi-letter one, or a prefix scan of one
    // would read the other; XP/XS/XI/XRD all start with X, which no single-letter prefix uses.
    let single = [
      IndexSchema.exact, IndexSchema.bigram, IndexSchema.id, IndexSchema.reference, IndexSchema.number,
      IndexSchema.agency, IndexSchema.province, IndexSchema.type, IndexSchema.signer, IndexSchema.recipient,
      IndexSchema.company, IndexSchema.year, IndexSchema.format,
    ]
    #expect(single == ["E", "B", "Q", "R", "N", "A", "P", "T", "S", "K", "C", "Y", "F"])
    #expect(Set(single).count == single.count)
    let multi = [
      IndexSchema.name, IndexSchema.signature, IndexSchema.referenceDated, IndexSchema.parentAgency,
      IndexSchema.month, IndexSchema.titleHead, IndexSchema.copyKey, IndexSchema.issuerName,
    ]
    #expect(multi == ["XI", "XS", "XRD", "XP", "XM", "XH", "XC", "XA"])
    // None starts another, so `allTerms(prefix: "XA")` lists issuer names only.
    for a in multi { #expect(multi.filter { $0.hasPrefix(a) } == [a]) }
    #expect(IndexSchema.Slot.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6])
  }
}
