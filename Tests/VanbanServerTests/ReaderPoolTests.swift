// A slow request holds one reader; the others go on answering.

import Foundation
import Testing
import VanbanKit
import VanbanServer

@Suite struct ReaderPoolTests {
  @Test func aSlowRequestDoesNotStallTheNext() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index], readers: 2)
    let slow = Task { try await service.run { _ in Thread.sleep(forTimeInterval: 3) } }
    try await Task.sleep(nanoseconds: 200_000_000)  // the slow one holds its reader
    let start = Date()
    let count = try await service.run { try $0.documentCount() }
    #expect(count == 5)
    #expect(Date().timeIntervalSince(start) < 2, "answered beside the slow request, not after it")
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
