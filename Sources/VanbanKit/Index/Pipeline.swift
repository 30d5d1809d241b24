// A bounded producer/consumer pipeline: worker threads prepare items (decode, normalise,
// extract, build terms) while the calling thread consumes them in order (feeds Xapian).
//
// At most `window` items are in flight, and at most `maxWeight` bytes of expected text (always
// at least one item), so memory stays flat however large the corpus or its files: preparing a
// document costs many times its text (terms, bigrams, stored copy), and twelve 60 MB files side
// by side peaked at 2.67 GB; now large files go one at a time while small ones still overlap. Order is kept so runs are
// reproducible. Plain threads and one condition variable: libdispatch's concurrentPerform,
// tried first, left one of the two cores idle here.
//
// An item still not prepared `timeout` seconds after a worker took it is given up: the consumer
// gets `timedOut(item)` in its place and goes on, and a new worker replaces the stuck one, whose
// result is dropped when it finally arrives. A thread cannot be stopped from outside, so the item's
// `Cancellation` (the worker's `Cancellation.current`) is cancelled: its helper programs are
// killed, OCR reads no more of its pages and the Office XML parser stops; the worker then ends.
// Items still in flight when the run ends are cancelled too.

import Foundation

enum Pipeline {
  /// The text a file is expected to decode to, for the byte budget: its size for text formats,
  /// more for compressed ones, never more than the text cap.
  static func expectedText(_ f: FoundFile, maxText: Int) -> Int {
    switch f.format {
    case .docx, .odt: return min(f.size.multipliedReportingOverflow(by: 8).partialValue, maxText)
    default: return min(f.size, maxText)
    }
  }

  /// The time budget of one file: `base`, plus 4 s per MB so a large valid file on a busy
  /// machine is not mistaken for a runaway (decoding is linear, so runaways are small files).
  static func timeBudget(_ f: FoundFile, base: TimeInterval) -> TimeInterval {
    base + 4 * Double(f.size >> 20)
  }

  /// The same, plus room for OCR when the file may need it: a page may take `ocr.pageTimeout` to
  /// render and as long to read, and a scanned page is rarely under 32 KB. Every helper has its
  /// own time limit, so this only keeps a long scan from being taken for a runaway.
  static func timeBudget(_ f: FoundFile, base: TimeInterval, ocr: OCROptions) -> TimeInterval {
    guard ocr.mayRead(f.format) else { return timeBudget(f, base: base) }
    return timeBudget(f, base: base) + 2 * ocr.pageTimeout * Double(1 + f.size / (32 << 10))
  }

  static func run<T: Sendable, R: Sendable>(
    _ items: [T], workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 64,
    weight: @escaping (T) -> Int = { _ in 0 }, maxWeight: Int = .max,
    timeout: ((T) -> TimeInterval)? = nil, timedOut: ((T) -> R)? = nil,
    waiting: (() -> Void)? = nil,
    produce: @escaping @Sendable (T) -> R, consume: (T, R) throws -> Void
  ) throws {
    guard !items.isEmpty else { return }
    let weights = items.map { max(0, weight($0)) }
    let state = State<R>(window: window, weights: weights, maxWeight: maxWeight)
    func startWorker() {
      let t = Thread {
        while let (i, cancellation) = state.claim() {
          state.deliver(i, Cancellation.with(cancellation) { produce(items[i]) })
          // Given up: a fresh worker has taken this one's place, so this one ends.
          if cancellation.isCancelled { break }
        }
      }
      t.stackSize = 4 << 20
      t.start()
    }
    for _ in 0..<max(1, min(workers, items.count)) { startWorker() }
    defer { state.stop() }
    for i in items.indices {
      var taken = state.take(i, timeout: timedOut == nil ? nil : timeout?(items[i]), poll: waiting == nil ? nil : 0.5)
      while case .waiting = taken {
        waiting?()
        taken = state.take(i, timeout: timedOut == nil ? nil : timeout?(items[i]), poll: 0.5)
      }
      switch taken {
      case .ready(let r):
        try consume(items[i], r)
        // Only now is the item's memory free: the writer holds it while it consumes, and letting
        // the next large file start earlier put two of them in memory at once.
        state.release(i)
      case .gaveUp, .waiting:
        // Given up: a fresh worker takes the stuck one's place, so the run keeps its pace.
        startWorker()
        try consume(items[i], timedOut!(items[i]))
      }
    }
  }

  /// Shared between the workers and the consumer, guarded by one condition.
  final class State<R>: @unchecked Sendable {
    private let cond = NSCondition()
    private var slots: [R?]
    /// When each in-flight item was claimed, by slot.
    private var started: [Date?]
    /// Items given up by the consumer; their late results are dropped.
    private var abandoned = Set<Int>()
    /// The cancellation of each item claimed and not yet delivered.
    private var inFlight: [Int: Cancellation] = [:]
    private var next = 0
    private var consumed = 0
    private var stopped = false
    private let window: Int
    private let weights: [Int]
    private let maxWeight: Int
    /// Expected text bytes of items claimed and not yet consumed or given up.
    private var inFlightWeight = 0

    init(window: Int, weights: [Int], maxWeight: Int) {
      self.window = window
      self.weights = weights
      self.maxWeight = maxWeight
      slots = Array(repeating: nil, count: window)
      started = Array(repeating: nil, count: window)
    }

    /// The next item index to prepare and its cancellation, waiting while the window or the byte
    /// budget is full; nil when done.
    func claim() -> (Int, Cancellation)? {
      cond.lock()
      defer { cond.unlock() }
      while !stopped && next < weights.count
        && (next - consumed >= window || (inFlightWeight > 0 && inFlightWeight + weights[next] > maxWeight))
      {
        cond.wait()
      }
      guard !stopped, next < weights.count else { return nil }
      next += 1
      inFlightWeight += weights[next - 1]
      started[(next - 1) % window] = Date()
      let cancellation = Cancellation()
      inFlight[next - 1] = cancellation
      cond.broadcast()
      return (next - 1, cancellation)
    }

    func deliver(_ i: Int, _ r: R) {
      cond.lock()
      inFlight[i] = nil
      if abandoned.remove(i) == nil {
        slots[i % window] = r
      }
      cond.broadcast()
      cond.unlock()
    }

    /// What `take` found: the result, an item given up, or (with `poll`) not ready yet.
    enum Taken {
      case ready(R)
      case gaveUp
      case waiting
    }

    /// Item `i`'s result; `.gaveUp` when a worker has been on it for longer than `timeout`;
    /// `.waiting` when it is still not ready after `poll` seconds (so the caller can show progress).
    func take(_ i: Int, timeout: TimeInterval?, poll: TimeInterval? = nil) -> Taken {
      var givenUp: Cancellation?
      defer { givenUp?.cancel() }  // after the unlock below: its handlers kill helper programs
      cond.lock()
      defer { cond.unlock() }
      let pollEnd = poll.map { Date().addingTimeInterval($0) }
      while slots[i % window] == nil {
        if let pollEnd, Date() >= pollEnd { return .waiting }
        if let timeout, i < next, let t0 = started[i % window] {
          let deadline = t0.addingTimeInterval(timeout)
          if Date() >= deadline {
            abandoned.insert(i)
            givenUp = inFlight.removeValue(forKey: i)
            started[i % window] = nil
            consumed += 1
            // Out of the budget now, though still in memory: a file that never finishes must
            // not hold the budget and block every later large file.
            inFlightWeight -= weights[i]
            cond.broadcast()
            return .gaveUp
          }
          _ = cond.wait(until: min(deadline, pollEnd ?? deadline))
        } else if let pollEnd {
          _ = cond.wait(until: pollEnd)
        } else {
          cond.wait()
        }
      }
      let r = slots[i % window]!
      slots[i % window] = nil
      started[i % window] = nil
      consumed += 1
      cond.broadcast()
      return .ready(r)
    }

    /// Item `i` has been consumed: its bytes leave the budget.
    func release(_ i: Int) {
      cond.lock()
      inFlightWeight -= weights[i]
      cond.broadcast()
      cond.unlock()
    }

    /// Lets workers finish early when the consumer stops (the end of the run, or an error), and
    /// cancels the items they are still on.
    func stop() {
      cond.lock()
      stopped = true
      let unfinished = Array(inFlight.values)
      inFlight = [:]
      cond.broadcast()
      cond.unlock()
      for cancellation in unfinished { cancellation.cancel() }
    }
  }
}
