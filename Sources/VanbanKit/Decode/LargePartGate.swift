// An office part is decompressed whole before it is parsed, and the decoder accepts one of up
// to 256 MB (a text-cap's worth of Word XML). Two workers each holding such a part took vanban
// past 500 MB; one at a time keeps it near 300 MB, and real parts are far below the threshold.

import Foundation

/// Lets one decode at a time hold an office part of more than `threshold` bytes.
final class LargePartGate {
  static let threshold = 32 << 20
  private static let slot = DispatchSemaphore(value: 1)
  private var held = false

  /// Waits for the slot, unless this decode holds it already.
  func enter() {
    guard !held else { return }
    Self.slot.wait()
    held = true
  }

  /// Gives the slot back, if this decode holds it.
  func leave() {
    guard held else { return }
    held = false
    Self.slot.signal()
  }
}
