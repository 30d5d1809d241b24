// Status+Check.swift - the only place a (cx_status, message) pair becomes a
// thrown XapianError, and the only place C messages are freed. Also the
// byte-string bridging every wrapper uses.
import CXapian

/// The `char **message` every fallible cx_* function takes.
typealias CMessage = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
/// A `char **out` byte-string result.
typealias COutBytes = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

extension XapianError.Code {
  init(_ status: cx_status) {
    switch status {
    case CX_DATABASE_LOCK: self = .databaseLock
    case CX_DATABASE_NOT_FOUND: self = .databaseNotFound
    case CX_DATABASE_OPENING: self = .databaseOpening
    case CX_DATABASE_CORRUPT: self = .databaseCorrupt
    case CX_DATABASE_VERSION: self = .databaseVersion
    case CX_DATABASE_MODIFIED: self = .databaseModified
    case CX_DATABASE_ERROR: self = .databaseError
    case CX_QUERY_PARSER: self = .queryParser
    case CX_INVALID_ARGUMENT: self = .invalidArgument
    case CX_INVALID_OPERATION: self = .invalidOperation
    case CX_NETWORK: self = .network
    case CX_NETWORK_TIMEOUT: self = .networkTimeout
    case CX_DOC_NOT_FOUND: self = .docNotFound
    case CX_RANGE: self = .range
    case CX_XAPIAN_OTHER: self = .otherXapian
    case CX_NO_MEMORY: self = .noMemory
    case CX_STD_EXCEPTION: self = .stdException
    default: self = .unknown
    }
  }
}

/// Calls a cx_* function and throws if it did not return CX_OK.
/// `context` is only evaluated on failure.
func check(_ context: @autoclosure () -> String, _ call: (CMessage) -> cx_status) throws {
  var message: UnsafeMutablePointer<CChar>? = nil
  let status = call(&message)
  defer { cx_string_free(message) }
  guard status != CX_OK else { return }
  throw XapianError(
    code: XapianError.Code(status),
    message: message.map { String(cString: $0) } ?? String(cString: cx_status_to_string(status)),
    context: context())
}

/// For the few non-throwing APIs (`Document()`, `Query.matchAll`...) whose C
/// call can only fail when memory runs out: trap like Swift's own allocator.
func mustSucceed(_ context: @autoclosure () -> String, _ call: (CMessage) -> cx_status) {
  do {
    try check(context(), call)
  } catch {
    fatalError("\(error)")
  }
}

/// Calls a cx_* function that returns a malloc'd byte string, and takes it.
func checkBytes(
  _ context: @autoclosure () -> String,
  _ call: (COutBytes, UnsafeMutablePointer<Int>, CMessage) -> cx_status
) throws -> [UInt8] {
  var out: UnsafeMutablePointer<CChar>? = nil
  var length = 0
  defer { cx_string_free(out) }
  try check(context()) { call(&out, &length, $0) }
  guard let out else { return [] }
  return out.withMemoryRebound(to: UInt8.self, capacity: length) {
    Array(UnsafeBufferPointer(start: $0, count: length))
  }
}

/// As `checkBytes`, decoded as UTF-8 (invalid sequences become U+FFFD).
func checkString(
  _ context: @autoclosure () -> String,
  _ call: (COutBytes, UnsafeMutablePointer<Int>, CMessage) -> cx_status
) throws -> String {
  var out: UnsafeMutablePointer<CChar>? = nil
  var length = 0
  defer { cx_string_free(out) }
  try check(context()) { call(&out, &length, $0) }
  guard let out else { return "" }
  return out.withMemoryRebound(to: UInt8.self, capacity: length) {
    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
  }
}

/// Passes a string's UTF-8 bytes as (pointer, length), so NULs survive.
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
  var string = string
  return try string.withUTF8 { buffer in
    try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
  }
}

/// Passes raw bytes as (pointer, length).
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
  try bytes.withUnsafeBufferPointer { buffer in
    try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
  }
}

/// Swift counts are Int; Xapian's are 32-bit unsigned.
func uint32(_ value: Int, _ name: String) throws -> UInt32 {
  guard let result = UInt32(exactly: value) else {
    throw XapianError.invalidArgument("\(name) \(value) is outside 0...\(UInt32.max)")
  }
  return result
}
