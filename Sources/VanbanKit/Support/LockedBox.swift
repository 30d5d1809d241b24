// The one lock type: a value that several threads share, reached only through `withLock`.

import Foundation

/// A value behind a lock, shareable between threads.
public final class LockedBox<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  public init(_ value: Value) { self.value = value }
  public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
