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

/// How long a slow request holds its reader if nobody releases it: the tests tell by order, and
/// a wrongly stalled request fails only after this. Under the whole suite on two busy cores, the
/// request beside the slow ones once took more than a minute to be answered (the tests around it
/// block threads while their CLI runs), so it is long.
let holdLimit = DispatchTimeInterval.seconds(600)

/// Requests that each hold a reader until `finish()`; made once all of them hold one.
struct SlowRequests {
  let tasks: [Task<Void, Error>]
  let release = DispatchSemaphore(value: 0)
  let done = Flag()

  init(_ count: Int, on service: IndexService) async {
    let holding = DispatchSemaphore(value: 0)
    let (release, done) = (release, done)
    tasks = (0..<count).map { _ in
      Task {
        try await service.run { _ in
          holding.signal()
          _ = release.wait(timeout: .now() + holdLimit)
          done.set()
        }
      }
    }
    await withCheckedContinuation { c in
      DispatchQueue.global().async {
        for _ in 0..<count { holding.wait() }
        c.resume()
      }
    }
  }

  func finish() async throws {
    for _ in tasks { release.signal() }
    for task in tasks { try await task.value }
  }
}

@Suite struct ReaderPoolTests {
  /// Told by order, not by time: the slow request holds its reader until the next one has been
  /// answered (or, if the pool wrongly made it wait, until `holdLimit` has passed).
  @Test func aSlowRequestDoesNotStallTheNext() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index], readers: 2)
    let slow = await SlowRequests(1, on: service)
    #expect(try await service.run { try $0.documentCount() } == 5)
    #expect(!slow.done.value, "answered beside the slow request, not after it")
    try await slow.finish()
  }

  /// By default as many slow requests as there are cores still leave a reader for the next one:
  /// it shares the cores with them rather than waiting for them to end.
  @Test func asManySlowRequestsAsCoresDoNotStallTheNext() async throws {
    let seeds = try SeedServer()
    let cores = ProcessInfo.processInfo.activeProcessorCount
    #expect([1, 2, 4, 8, 64].map { IndexService.defaultReaders(cores: $0) } == [4, 4, 8, 16, 16])
    // Up to 15 cores; past that the 16 readers are fewer than the cores.
    let slowCount = min(cores, IndexService.defaultReaders(cores: cores) - 1)
    let service = try IndexService(locations: [seeds.index])
    let slow = await SlowRequests(slowCount, on: service)
    #expect(try await service.run { try $0.documentCount() } == 5)
    #expect(!slow.done.value, "answered beside the slow requests, not after them")
    try await slow.finish()
  }

  /// Heavy requests (a long page, an export, a deep graph) hold at most half the readers: with
  /// four readers, two hold theirs, a third waits, and an ordinary search is answered meanwhile.
  @Test func heavyRequestsLeaveHalfTheReaders() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index], readers: 4)
    let holding = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let third = Flag()
    let heavy = (0..<2).map { _ in
      Task {
        try await service.run(heavy: true) { _ in
          holding.signal()
          _ = release.wait(timeout: .now() + holdLimit)
        }
      }
    }
    await withCheckedContinuation { c in
      DispatchQueue.global().async {
        for _ in 0..<2 { holding.wait() }
        c.resume()
      }
    }
    let waiting = Task { try await service.run(heavy: true) { _ in third.set() } }
    // Two ordinary searches at once still find readers, while the third heavy request waits.
    async let a = service.run { try $0.documentCount() }
    async let b = service.run { try $0.documentCount() }
    #expect(try await a + b == 10)
    #expect(!third.value, "a third heavy request waits while two hold their readers")
    for _ in heavy { release.signal() }
    for task in heavy { try await task.value }
    try await waiting.value
    #expect(third.value)
    #expect(IndexService.isHeavy(end: 10_000) && !IndexService.isHeavy(end: 20))
    // A long text or a wildcard makes a search heavy too: it may become an OR over most of the index.
    let words = (1...IndexService.heavyWords + 1).map { "từ\($0)" }
    #expect(!IndexService.isHeavy(SearchRequest(text: words.dropLast().joined(separator: " "))))
    #expect(IndexService.isHeavy(SearchRequest(text: words.joined(separator: "  \n"))))
    #expect(IndexService.isHeavy(SearchRequest(text: "tiem*")))
    #expect(!IndexService.isHeavy(SearchRequest(text: "tiêm vắc xin")))
    // A number prefix expands to up to 10,000 cited numbers; `ref:` in the text, to be sure, too.
    #expect(IndexService.isHeavy(SearchRequest(text: "(ref:01/)(ref:01/)(Ref:01/)")))
    var prefix = SearchRequest()
    prefix.filters.reference = ["79/2010/"]
    #expect(IndexService.isHeavy(prefix))
    var number = SearchRequest()
    number.filters.reference = ["16/CT-TTg"]
    #expect(!IndexService.isHeavy(number))
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
