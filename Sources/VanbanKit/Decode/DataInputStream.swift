// Feeds XMLParser from bytes already in memory. Foundation's `InputStream(data:)` copies its
// bytes into an NSData first: for the largest office part the decoder accepts (256 MB), a
// second 256 MB held while the first is parsed.

import Foundation

/// An input stream that reads a `Data` it shares, never copying it whole.
final class DataInputStream: InputStream {
  private let data: Data
  private var offset = 0
  private var status: Stream.Status = .notOpen

  init(_ data: Data) {
    self.data = data
    super.init(data: Data())
  }

  override func open() { status = .open }

  override func close() { status = .closed }

  override var streamStatus: Stream.Status { status }

  override var hasBytesAvailable: Bool { offset < data.count }

  override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
    let n = min(len, data.count - offset)
    guard n > 0 else {
      status = .atEnd
      return 0
    }
    data.withUnsafeBytes { raw in
      UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}
