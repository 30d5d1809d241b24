// TermIterator.swift - drains a cx_term_iterator into an array. Internal:
// the public API returns arrays, which is all the callers need.
import CXapian

final class TermIterator {
  private let handle: OpaquePointer

  init(_ handle: OpaquePointer) { self.handle = handle }

  deinit { cx_term_iterator_free(handle) }

  /// Every (term, number) pair, where the number is read by `second`
  /// (termfreq for allterms and spies, wdf for termlists).
  func collect(
    _ context: @autoclosure () -> String,
    second: (OpaquePointer, UnsafeMutablePointer<UInt32>, CMessage) -> cx_status
  ) throws -> [(String, Int)] {
    var result: [(String, Int)] = []
    while cx_term_iterator_valid(handle) {
      var bytes: UnsafePointer<CChar>? = nil
      var length = 0
      try check(context()) { cx_term_iterator_term(handle, &bytes, &length, $0) }
      let term =
        bytes.map { pointer in
          pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
          }
        } ?? ""
      var number: UInt32 = 0
      try check(context()) { second(handle, &number, $0) }
      result.append((term, Int(number)))
      try check(context()) { cx_term_iterator_next(handle, $0) }
    }
    return result
  }

  /// Every term, without a second number (user metadata keys have none).
  func collectTerms(_ context: @autoclosure () -> String) throws -> [String] {
    try collect(
      context(),
      second: { _, number, _ in
        number.pointee = 0
        return CX_OK
      }
    ).map(\.0)
  }
}
