// A bounded producer/consumer pipeline: worker threads prepare items (decode, normalise,
// extract, build terms) while the calling thread consumes them in order (feeds Xapian).
//
// At most `window` items are in flight, so memory stays flat however large the corpus; order is
// kept so runs are reproducible. Plain threads and one condition variable: libdispatch's
// concurrentPerform, tried first, left one of the two cores idle here.

import Foundation

enum Pipeline {
  static func run<T, R>(
    _ items: [T], workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 64,
    produce: @escaping (T) -> R, consume: (T, R) throws -> Void
  ) throws {
    guard !items.isEmpty else { return }
    let state = State<R>(window: window)
    let workerCount = max(1, min(workers, items.count))
    var threads: [Thread] = []
    for _ in 0..<workerCount {
      let t = Thread {
        while let i = state.claim(limit: items.count) {
          state.deliver(i, produce(items[i]))
        }
      }
      t.stackSize = 4 << 20
      threads.append(t)
      t.start()
    }
    defer { state.stop() }
    for i in items.indices {
      let r = state.take(i)
      try consume(items[i], r)
    }
  }

  /// Shared between the workers and the consumer, guarded by one condition.
  final class State<R>: @unchecked Sendable {
    private let cond = NSCondition()
    private var slots: [R?]
    private var next = 0
    private var consumed = 0
    private var stopped = false
    private let window: Int

    init(window: Int) {
      self.window = window
      slots = Array(repeating: nil, count: window)
    }

    /// The next item index to prepare, waiting while the window is full; nil when done.
    func claim(limit: Int) -> Int? {
      cond.lock()
      defer { cond.unlock() }
      while !stopped && next < limit && next - consumed >= window { cond.wait() }
      guard !stopped, next < limit else { return nil }
      next += 1
      return next - 1
    }

    func deliver(_ i: Int, _ r: R) {
      cond.lock()
      slots[i % window] = r
      cond.broadcast()
      cond.unlock()
    }

    func take(_ i: Int) -> R {
      cond.lock()
      defer { cond.unlock() }
      while slots[i % window] == nil { cond.wait() }
      let r = slots[i % window]!
      slots[i % window] = nil
      consumed += 1
      cond.broadcast()
      return r
    }

    /// Lets workers finish early when the consumer stops (an error).
    func stop() {
      cond.lock()
      stopped = true
      cond.broadcast()
      cond.unlock()
    }
  }
}
