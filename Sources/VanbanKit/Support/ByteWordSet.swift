// A small set of words as UTF-8 bytes, asked about every word of a long text.

/// A few words (a query's), looked up once per word of a text while a snippet is made. Swift's
/// `Set<ArraySlice<UInt8>>` hashes with SipHash a byte at a time: on long laws that hashing was
/// a third of a snippet's cost (perf, vn-legal). Here a word is hashed with FNV-1a into an
/// open-addressed table, and its bytes are compared only when the hash is one of the words'.
struct ByteWordSet {
  private let words: [[UInt8]]
  private let hashes: [UInt64]
  /// Indexes into `words`, -1 where empty; a power of two at least twice the words.
  private let slots: [Int]
  private let mask: Int

  init<S: Sequence>(_ members: S) where S.Element == [UInt8] {
    var words: [[UInt8]] = []
    var seen = Set<[UInt8]>()
    for w in members where seen.insert(w).inserted { words.append(w) }
    var size = 8
    while size < 2 * words.count { size *= 2 }
    var slots = [Int](repeating: -1, count: size)
    let hashes = words.map { FNV1a.hash($0) }
    for (i, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & (size - 1)
      while slots[s] >= 0 { s = (s + 1) & (size - 1) }
      slots[s] = i
    }
    (self.words, self.hashes, self.slots, mask) = (words, hashes, slots, size - 1)
  }

  var isEmpty: Bool { words.isEmpty }

  /// The word's place among the members (the order they were first given in), if it is one.
  @inline(__always) func index(of word: ArraySlice<UInt8>) -> Int? {
    if words.isEmpty { return nil }
    let h = FNV1a.hash(word)
    var s = Int(truncatingIfNeeded: h) & mask
    while true {
      let i = slots[s]
      if i < 0 { return nil }
      if hashes[i] == h && words[i].elementsEqual(word) { return i }
      s = (s + 1) & mask
    }
  }

  @inline(__always) func contains(_ word: ArraySlice<UInt8>) -> Bool { index(of: word) != nil }
}
