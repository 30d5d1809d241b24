// A small deterministic generator (SplitMix64). Every random choice in the tests goes through one,
// seeded explicitly, so a failure can be replayed: print `rng.seed` in the failure message.

import Foundation

public struct SeededRandom: RandomNumberGenerator, Sendable {
  /// The seed this generator started from (for failure messages).
  public let seed: UInt64
  public var state: UInt64

  public init(seed: UInt64) {
    self.seed = seed
    state = seed
  }

  /// Seeded from `$VANBAN_TEST_SEED` when set (to replay a failure), else from `default`.
  public init(environmentOr default: UInt64) {
    self.init(seed: ProcessInfo.processInfo.environment["VANBAN_TEST_SEED"].flatMap { UInt64($0) } ?? `default`)
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// One element of a non-empty array.
  public mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }

  /// A number in 0..<n (n > 0).
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// `count` pseudo-random bytes.
  public mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// The same generator under its algorithm's name.
public typealias SplitMix64 = SeededRandom

/// Deterministic junk bytes (a 64-bit LCG, high bits): the same bytes for the same seed, on every run.
public enum Noise {
  public static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
  }
}
