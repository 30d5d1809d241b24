// What `vanban index` leaves behind if it is stopped mid-run: helper programs still running (a
// tesseract on a scanned page, a pdftotext on a hostile file), which would run on as orphans, and
// temporary files and folders (OCR's rendered pages, an RTF prepared for unrtf). The index itself
// needs nothing: it changes only by Xapian's atomic commits.

import Foundation

/// The helper programs and temporary files of a run, cleared when a signal stops it.
public enum Leftovers {
  /// Temporary paths made now, and whether the run is stopping (a path made then is removed at once).
  private static let paths = LockedBox<(made: Set<String>, stopping: Bool)>(([], false))

  /// Kills every running helper program and removes every temporary file and folder listed; from
  /// then on, helpers are killed and paths removed as they are made. Safe to call from any
  /// thread; the run's work is lost, its committed index is not.
  public static func clear() {
    RunningHelper.killAll()
    let made = paths.withLock { p in
      p.stopping = true
      defer { p.made = [] }
      return p.made
    }
    for path in made { try? FileManager.default.removeItem(atPath: path) }
  }

  /// A temporary file or folder made for one file's work, to remove if the run is stopped.
  static func add(_ path: String) {
    let stopping = paths.withLock { p in
      if !p.stopping { p.made.insert(path) }
      return p.stopping
    }
    if stopping { try? FileManager.default.removeItem(atPath: path) }
  }

  /// The path has been removed by the work that made it.
  static func remove(_ path: String) { _ = paths.withLock { $0.made.remove(path) } }
}
