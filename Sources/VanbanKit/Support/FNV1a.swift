// FNV-1a, 64 bits: a hash that is the same on every run and machine (Swift's `Hasher` is seeded
// per process), cheap enough for every word of a document.

enum FNV1a {
  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  static func hash<S: Sequence>(_ bytes: S, from seed: UInt64 = offset) -> UInt64 where S.Element == UInt8 {
    var h = seed
    for b in bytes {
      h ^= UInt64(b)
      h = h &* prime
    }
    return h
  }
}
