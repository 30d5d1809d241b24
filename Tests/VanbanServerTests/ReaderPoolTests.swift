// A slow request holds one reader; the others go on answering.

import Foundation
import Testing
import VanbanKit
import VanbanServer
import VanbanTestSupport

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

  /// By default as many slow requests as there are cores still leave a reader for the next one:
  /// it shares the cores with them rather than waiting for them to end.
  @Test func asManySlowRequestsAsCoresDoNotStallTheNext() async throws {
    let seeds = try SeedServer()
    let cores = ProcessInfo.processInfo.activeProcessorCount
    #expect(IndexService.defaultReaders(cores: cores) > cores)
    #expect([1, 2, 4, 8, 64].map { IndexService.defaultReaders(cores: $0) } == [4, 4, 8, 16, 16])
    let service = try IndexService(locations: [seeds.index])
    let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
    let slowDone = Flag()
    let slow = (0..<cores).map { _ in
      Task {
        try await service.run { _ in
          holding.signal()
          _ = release.wait(timeout: .now() + 60)
          slowDone.set()
        }
      }
    }
    await withCheckedContinuation { c in
      DispatchQueue.global().async {
        for _ in 0..<cores { holding.wait() }
        c.resume()
      }
    }
    #expect(try await service.run { try $0.documentCount() } == 5)
    #expect(!slowDone.value, "answered beside the slow requests, not after them")
    for _ in 0..<cores { release.signal() }
    for task in slow { try await task.value }
  }

  @Test func theReaderCountIsAnOption() throws {
    let seeds = try SeedServer()
    let bad = try ProcessRunner.run(
      VanbanBinary.path, ["serve", "--index", seeds.index, "--readers", "0"], timeout: 30)
    #expect(bad.status == 2 || bad.status == 64, "\(bad.status)")
    #expect(bad.stderr.contains("--readers takes 1 to 64"), "\(bad.stderr)")
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
