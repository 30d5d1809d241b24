// A file given up by the pipeline has its work stopped: the worker sees `Cancellation.current`
// set, and a helper program it runs is killed instead of running to its own time limit.

import Foundation
import Testing

@testable import VanbanKit

@Suite("Cancellation of work given up")
struct CancellationTests {
  @Test func anItemPastItsTimeLimitIsCancelled() throws {
    let sawCancel = DispatchSemaphore(value: 0)
    var consumed: [String] = []
    let start = Date()
    try Pipeline.run(
      ["stuck", "quick"], workers: 2, timeout: { _ in 0.3 }, timedOut: { _ in "given up" },
      produce: { item in
        guard item == "stuck" else { return "read" }
        // Spins as a runaway decoder would, but looks at its cancellation (20 s at most).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
          if Cancellation.current?.isCancelled == true {
            sawCancel.signal()
            return "stopped"
          }
          usleep(1000)
        }
        return "ran on"
      },
      consume: { item, result in consumed.append("\(item): \(result)") })
    #expect(consumed == ["stuck: given up", "quick: read"])
    #expect(sawCancel.wait(timeout: .now() + 5) == .success, "the stuck worker was never told")
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func workOutsideThePipelineHasNoCancellation() {
    #expect(Cancellation.current == nil)
    let c = Cancellation()
    Cancellation.with(c) { #expect(Cancellation.current === c) }
    #expect(Cancellation.current == nil)
  }

  @Test func aHelperOfCancelledWorkIsKilledAtOnce() throws {
    let cancellation = Cancellation()
    // A thread of its own, not `DispatchQueue.global()`: with the whole suite running, tests
    // that block fill Dispatch's pool, and a cancel queued there fired after the 30 s sleep had
    // ended on its own (CI, round 16).
    Thread {
      usleep(300_000)
      cancellation.cancel()
    }.start()
    let start = Date()
    #expect(throws: DecodeError.givenUp) {
      try Cancellation.with(cancellation) {
        try HelperProcess.run("/bin/sleep", ["30"], timeout: 60, maxOutput: 1 << 10)
      }
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func aHelperStartedAfterTheCancelIsKilledAtOnce() throws {
    let cancellation = Cancellation()
    cancellation.cancel()
    let start = Date()
    #expect(throws: DecodeError.givenUp) {
      try Cancellation.with(cancellation) {
        try HelperProcess.run("/bin/sleep", ["30"], timeout: 60, maxOutput: 1 << 10)
      }
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func handlersRunOnceAndNotAfterTheyAreRemoved() {
    let c = Cancellation()
    let runs = LockedBox(0)
    let kept = c.onCancel { runs.withLock { $0 += 1 } }
    let removed = c.onCancel { runs.withLock { $0 += 100 } }
    c.removeHandler(removed)
    c.cancel()
    c.cancel()
    #expect(runs.withLock { $0 } == 1)
    #expect(kept != removed)
    _ = c.onCancel { runs.withLock { $0 += 10 } }  // already cancelled: runs at once
    #expect(runs.withLock { $0 } == 11)
  }
}
