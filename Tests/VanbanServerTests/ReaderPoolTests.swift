// A slow request holds one reader; the others go on answering.

import Foundation
import Testing
import VanbanKit
import VanbanServer

/// A flag set on one thread and read on another.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var isSet = false
  func set() { lock.withLock { isSet = true } }
  var value: Bool { lock.withLock { isSet } }
}

@Suite struct ReaderPoolTests {
  /// Told by order, not by time: the slow request holds its reader until the next one has been
  /// answered (or, if the pool wrongly made it wait, until a minute has passed).
  @Test func aSlowRequestDoesNotStallTheNext() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index], readers: 2)
    let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
    let slowDone = Flag()
    let slow = Task {
      try await service.run { _ in
        holding.signal()
        _ = release.wait(timeout: .now() + 60)
        slowDone.set()
      }
    }
    await withCheckedContinuation { c in
      DispatchQueue.global().async {
        holding.wait(); c.resume()
      }
    }
    let count = try await service.run { try $0.documentCount() }
    #expect(count == 5)
    #expect(!slowDone.value, "answered beside the slow request, not after it")
    release.signal()
    try await slow.value
  }

  @Test func withOneReaderRequestsTakeTurns() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index], readers: 1)
    async let a = service.run { try $0.documentCount() }
    async let b = service.run { try $0.documentCount() }
    async let c: Void = service.run { _ in throw VanbanError.badArgument("x") }
    let (x, y) = try await (a, b)
    #expect(x + y == 10)
    var failed = false
    do { try await c } catch is VanbanError { failed = true }
    #expect(failed)
    #expect(try await service.run { try $0.documentCount() } == 5, "a failed request gives its reader back")
  }
}
