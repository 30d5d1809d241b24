// Pages found to need OCR and pages read so far, counted by the worker threads and read by the
// indexer's thread for the progress line: a scanned file takes seconds a page, files take none.

/// Counts of OCR pages in one run, shared between threads.
final class OCRPageCount: Sendable {
  private let counts = LockedBox((found: 0, done: 0))

  func found(_ n: Int) { counts.withLock { $0.found += n } }
  func done(_ n: Int) { counts.withLock { $0.done += n } }
  var value: (found: Int, done: Int) { counts.withLock { $0 } }
}
