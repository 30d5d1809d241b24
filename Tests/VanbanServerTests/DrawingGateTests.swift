// DrawingGate: a few citation maps drawn at once, the rest in turn, and past a bound a 503.
import Foundation
import Testing

@testable import VanbanServer

@Suite struct DrawingGateTests {
  /// With room for one, a second drawing waits until the first leaves, then runs.
  @Test func aDrawingPastTheLimitWaitsItsTurn() async throws {
    let gate = DrawingGate(limit: 1)
    try await gate.enter()
    let second = Task { try await gate.enter() }
    // The second is queued, not running.
    while await gate.load.waiting == 0 { await Task.yield() }
    #expect(await gate.load.running == 1)
    await gate.leave()
    try await second.value
    #expect(await gate.load == (running: 1, waiting: 0))
    await gate.leave()
    #expect(await gate.load == (running: 0, waiting: 0))
  }

  /// Past `maxWaiting` waiting, a drawing is turned away with a 503 at once.
  @Test func tooManyWaitingAreTurnedAway() async throws {
    let gate = DrawingGate(limit: 1)
    try await gate.enter()
    let queued = (0..<DrawingGate.maxWaiting).map { _ in Task { try await gate.enter() } }
    while await gate.load.waiting < DrawingGate.maxWaiting { await Task.yield() }
    await #expect {
      try await gate.enter()
    } throws: { ($0 as? APIError)?.status == .serviceUnavailable }
    for _ in queued { await gate.leave() }
    for t in queued { try await t.value }
    await gate.leave()
    #expect(await gate.load == (running: 0, waiting: 0))
  }
}
