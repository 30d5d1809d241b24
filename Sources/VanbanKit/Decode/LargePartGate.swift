// An office part is decompressed whole before it is parsed, and the decoder accepts one of up
// to 256 MB (a text-cap's worth of Word XML). Two workers each holding such a part took vanban
// past 500 MB; one at a time keeps it near 300 MB, and real parts are far below the threshold.

import Foundation

/// Lets one decode at a time hold an office part of more than `threshold` bytes.
final class LargePartGate {
  static let threshold = 32 << 20
  private static let slot = DispatchSemaphore(value: 1)
  /// Decodes holding the slot now, and the most that ever did at once (always 1: the tests
  /// check it).
  static let holders = LockedBox((now: 0, peak: 0))
  private var held = false

  /// Waits for the slot, unless this decode holds it already. A file given up while it waits
  /// (its time limit, Ctrl-C) stops waiting.
  func enter() throws(DecodeError) {
    guard !held else { return }
    let cancellation = Cancellation.current
    while Self.slot.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
      if cancellation?.isCancelled == true { throw .givenUp }
    }
    held = true
    Self.holders.withLock {
      $0.now += 1
      $0.peak = max($0.peak, $0.now)
    }
  }

  /// Gives the slot back, if this decode holds it.
  func leave() {
    guard held else { return }
    held = false
    Self.holders.withLock { $0.now -= 1 }
    Self.slot.signal()
  }
}
