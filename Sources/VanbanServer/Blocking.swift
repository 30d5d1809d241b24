// Blocking work (bcrypt, Graphviz) runs on Dispatch's global queue, not on the Swift concurrency
// pool: that pool has one thread per core, and a blocked one stalls every request behind it.

import Dispatch

/// The result of `body`, run on a global dispatch queue.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, Error>) in
    DispatchQueue.global().async { c.resume(with: Result { try body() }) }
  }
}
