// `dot` is a process of its own for each citation map the server draws (GraphPrinter.svg). Each
// may take seconds and gigabytes, so the server draws a few at a time and the rest wait their
// turn: 24 large maps asked for at once started 24 processes on two cores, 21 of them passed
// their 30 s limit (500s), and every document page, which draws its own map, waited behind them.

import VanbanKit

/// Lets at most `limit` drawings run at once; the others wait in turn, up to `maxWaiting`, and
/// past that are turned away (503) rather than queued without end.
actor DrawingGate {
  static let maxWaiting = 32
  let limit: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(limit: Int) { self.limit = max(1, limit) }

  /// Waits for a place; throws a 503 when too many are waiting already.
  func enter() async throws {
    if running < limit {
      running += 1
      return
    }
    guard waiting.count < Self.maxWaiting else {
      throw APIError(.serviceUnavailable, "the server is drawing many citation maps; try again in a moment")
    }
    // The place is handed over by `leave`, so `running` stays as it is.
    await withCheckedContinuation { waiting.append($0) }
  }

  /// Gives the place back, to the first waiting if there is one.
  func leave() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().resume()
    }
  }

  /// Drawings running and waiting now.
  var load: (running: Int, waiting: Int) { (running, waiting.count) }
}

extension IndexService {
  /// `graph` drawn as SVG by `dot`, once its gate lets it: off the index readers (it reads no
  /// index) and off the concurrency pool (it blocks). A document page's own small map
  /// (`pageMap`) has a gate of its own, so that it never waits behind large maps of the API.
  func svg(_ graph: CitationGraph, pageMap: Bool = false) async throws -> String {
    let gate = pageMap ? pageMapDrawings : drawings
    try await gate.enter()
    do {
      let svg = try await blocking { try GraphPrinter.svg(graph) }
      await gate.leave()
      return svg
    } catch {
      await gate.leave()
      throw error
    }
  }
}
