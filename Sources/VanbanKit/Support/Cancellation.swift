// Work that has been given up: the pipeline stops waiting for a file after its time limit, and a
// thread cannot be stopped from outside. Without a word to the worker, the helper programs it
// runs (a pdftotext that spins, 500 pages of tesseract) went on for minutes or hours after the
// file was reported as timed out, and in `--watch` each such file dropped in took a core.
//
// So the pipeline gives each item a `Cancellation`, reachable from the worker thread as
// `Cancellation.current` (as Swift's `Task.isCancelled` is, without passing it through every
// decoder), and cancels it when it gives the item up or the run ends. Helpers register a handler
// that kills them at once; loops check `isCancelled` now and then.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A flag that the work of one item has been given up, with handlers run when it is set.
final class Cancellation: Sendable {
  private struct State {
    var cancelled = false
    var handlers: [Int: @Sendable () -> Void] = [:]
    var nextHandler = 0
  }
  private let state = LockedBox(State())

  init() {}

  var isCancelled: Bool { state.withLock { $0.cancelled } }

  /// Sets the flag and runs every handler (once, on this thread); later calls do nothing.
  func cancel() {
    let handlers = state.withLock { s -> [@Sendable () -> Void] in
      if s.cancelled { return [] }
      s.cancelled = true
      defer { s.handlers = [:] }
      return Array(s.handlers.values)
    }
    for handler in handlers { handler() }
  }

  /// Runs `handler` when this is cancelled (at once if it already is), until `removeHandler` is
  /// called with the returned id.
  func onCancel(_ handler: @escaping @Sendable () -> Void) -> Int {
    let id = state.withLock { s -> Int? in
      if s.cancelled { return nil }
      s.nextHandler += 1
      s.handlers[s.nextHandler] = handler
      return s.nextHandler
    }
    guard let id else {
      handler()
      return 0
    }
    return id
  }

  func removeHandler(_ id: Int) {
    state.withLock { _ = $0.handlers.removeValue(forKey: id) }
  }

  // MARK: - The current thread's

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// The cancellation of the work this thread is doing, set by `with(_:_:)`; nil outside it.
  static var current: Cancellation? {
    guard let raw = pthread_getspecific(key) else { return nil }
    return Unmanaged<Cancellation>.fromOpaque(raw).takeUnretainedValue()
  }

  /// Runs `body` with `cancellation` as this thread's current one.
  static func with<R>(_ cancellation: Cancellation?, _ body: () throws -> R) rethrows -> R {
    let previous = pthread_getspecific(key)
    pthread_setspecific(key, cancellation.map { Unmanaged.passUnretained($0).toOpaque() })
    defer { pthread_setspecific(key, previous) }
    return try withExtendedLifetime(cancellation) { try body() }
  }
}
