import Foundation
import VanbanCLI
import VanbanKit

/// What `vanban index --watch` prints: the first run's summary on stdout, then one line per batch
/// on stderr (`watch: +3 ~1 -2 (12:03:04)`) unless quiet; skips and notes as `vanban index` does.
final class WatchProgress: WatchObserver {
  private let files = CLIIndexObserver(progress: false)
  private let quiet: Bool
  private let json: Bool
  private let started: (IndexSummary) -> Void

  /// `started` runs once the first run is committed, before its summary is printed (from then on,
  /// a signal ends the watch instead of stopping the process).
  init(quiet: Bool, json: Bool, started: @escaping (IndexSummary) -> Void) {
    self.quiet = quiet
    self.json = json
    self.started = started
  }

  func skipped(path: String, reason: String) { files.skipped(path: path, reason: reason) }
  func skipped(path: String, error: Error) { files.skipped(path: path, error: error) }
  func progress(done: Int, total: Int, bytes: Int) {}
  func note(_ message: String) { files.note(message) }
  func problem(path: String, message: String) { files.problem(path: path, message: message) }

  func watching(_ summary: IndexSummary, folders: Int) {
    started(summary)
    if json {
      Terminal.out(((try? WireFormat.json(summary)) ?? "{}") + "\n")
    } else {
      Terminal.out(IndexCommand.describe(summary))
    }
    if !quiet { Terminal.err("watch: watching \(folders) folder\(folders == 1 ? "" : "s"); Ctrl-C to stop\n") }
  }

  func committed(_ batch: WatchBatch) {
    // A batch that changed nothing (a file touched, a rescan that found all as it was) is not news.
    guard !quiet, batch.added + batch.updated + batch.removed + batch.skipped > 0 else { return }
    Terminal.err("watch: \(Self.line(batch))\n")
  }

  /// `+3 ~1 -2 (12:03:04)`: added, updated, removed; skipped and rescans only when there are some.
  static func line(_ b: WatchBatch) -> String {
    var parts = ["+\(b.added)", "~\(b.updated)", "-\(b.removed)"]
    if b.skipped > 0 { parts.append("skipped \(b.skipped)") }
    if b.rescan { parts.append("(rescan)") }
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return parts.joined(separator: " ") + " (\(formatter.string(from: b.time)))"
  }
}
