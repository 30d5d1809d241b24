// One writer's pass over the roots, or over a few folders and files under them (a watch's batch):
// the same signature checks, skip records, removals and pipeline either way, so a watched folder
// is kept current by the very code that indexes it.

import Foundation

/// What an indexing run knows across its passes: the options, the walker, the analyzer, and the
/// helpers said missing already (once per run, not once per pass).
struct IndexSession {
  let indexPath: String
  let options: IndexOptions
  let observer: IndexObserver?
  let roots: [String]
  var walker: FileWalker
  let analyzer: DocumentAnalyzer
  /// OCR pages found and read so far, counted by the decoder on the worker threads.
  let ocrPages = OCRPageCount()
  private var missingHelpers = Set<String>()

  init(indexPath: String, options: IndexOptions, observer: IndexObserver?) {
    self.indexPath = indexPath
    self.options = options
    self.observer = observer
    roots = options.roots.map(FileWalker.absolute)
    walker = FileWalker(formats: options.formats)
    walker.followLinks = options.followLinks
    walker.excluded = [indexPath]  // an index folder inside a root is not a document folder
    walker.excludePatterns = options.excludes
    var decoder = DocumentDecoder(
      maxFileSize: options.maxFileSize, maxTextBytes: options.maxTextBytes,
      helperMemoryLimit: options.helperMemoryLimit, ocr: options.ocr.mode == .never ? nil : options.ocr)
    decoder.ocrPages = ocrPages
    var analyzer = DocumentAnalyzer(decoder: decoder)
    analyzer.roots = roots.compactMap(realPath)
    self.analyzer = analyzer
  }

  /// Brings the index up to date with `scopes` (files or folders under the roots; nil: the roots
  /// themselves, refusing a vanished or emptied root as `Indexer.run` does). Writes without
  /// committing at the end; commits on the way by text volume. `folder` hears of each folder walked.
  /// - throws: `VanbanError.rootMissing`, `.rootEmptied` (whole runs only, before any write), Xapian errors.
  mutating func sync(
    _ scopes: [String]?, into db: ShardSet, summary: inout IndexSummary, folder: (String) -> Void = { _ in }
  ) throws {
    let observer = self.observer
    func skip(_ path: String, _ reason: String, category: String) {
      summary.skipped += 1
      summary.skipReasons[category, default: 0] += 1
      observer?.skipped(path: path, reason: reason)
    }
    let prefix = scopes.map { Self.commonPrefix($0) } ?? ""
    let inScope: (String) -> Bool = { key in scopes?.contains { ExactPath.isUnder(key, $0) } ?? true }
    let known = try db.signatures(prefix: prefix).filter { inScope($0.key.path) }
    let skippedBefore = try db.skipRecords(prefix: prefix).filter { inScope($0.key.path) }
    if scopes == nil {
      // A rebuild writes a new generation: what the index holds is in the committed one.
      let held = options.rebuild ? Indexer.committedPaths(indexPath) : known.keys.map(\.path)
      try Indexer.checkExist(roots.filter(Indexer.doesNotExist), known: held, prune: options.prune)
      try Indexer.checkNotEmptied(roots, known: held, prune: options.prune)
    }

    var walkerSkipped = Set<ExactPath>()
    func onSkip(_ p: String, _ kind: WalkSkip, _ r: String) {
      walkerSkipped.insert(ExactPath(IndexSchema.pathKey(p)))
      skip(p, r, category: kind.rawValue)
    }
    var walk =
      if let scopes {
        walker.walk(scopes, within: roots, skip: onSkip, folder: folder)
      } else {
        walker.walk(options.roots, skip: onSkip, folder: folder)
      }
    for (ext, n) in walk.ignored { summary.ignored[ext, default: 0] += n }
    // A folder that could not be read this time (permissions, an unmounted share) is not a folder
    // emptied: what the index holds there stays, as it does for a root that vanished.
    let unread = walk.unread.map(IndexSchema.pathKey)
    let limits = options.readingLimits
    var todo: [FoundFile] = []
    // The paths walked, to tell what is gone: needed only where the index holds something here,
    // or where walked folders may overlap (a million paths take 30 MB).
    var seen = Set<ExactPath>()
    let tracksSeen = !known.isEmpty || !skippedBefore.isEmpty || (scopes ?? options.roots).count > 1
    for f in walk.files {
      let key = ExactPath(IndexSchema.pathKey(f.path))
      if tracksSeen, !seen.insert(key).inserted { continue }  // overlapping roots list a file twice
      let signature = DocumentAnalyzer.signature(f)
      if known[key] == signature {
        summary.unchanged += 1
      } else if let record = skippedBefore[key], record.stillApplies(signature: signature, limits: limits) {
        summary.stillSkipped += 1
      } else {
        todo.append(f)
      }
    }
    walk.files = []  // `todo` holds what is left to do; two lists of a million files were 64 MB more

    // Remove documents whose files are gone, but only under the roots of this run: indexing a
    // second folder must not drop the first. A file replaced by a folder or a pipe, one now
    // reached only through a symbolic link that is not followed, or one excluded, is gone too;
    // one left out by --types is not.
    let roots = self.roots
    let walker = self.walker
    func isGone(_ exact: ExactPath) -> Bool {
      let key = exact.path
      guard let root = roots.first(where: { ExactPath.isUnder(key, $0) }),
        !unread.contains(where: { ExactPath.isUnder(key, $0) })
      else { return false }
      return walkerSkipped.contains(exact) || !walker.wouldFind(key, under: root) || walker.isLeftOut(key, under: root)
    }
    for (key, _) in known where !seen.contains(key) && isGone(key) {
      try db.delete(pathKey: key.path)
      summary.removed += 1
    }
    // The record of a file not indexed goes with the file.
    for (key, _) in skippedBefore where !seen.contains(key) && isGone(key) {
      try db.setSkipRecord(nil, pathKey: key.path)
    }
    try write(todo, into: db, known: known, skippedBefore: skippedBefore, summary: &summary)
  }

  /// Reads `todo` on the worker threads and writes each file's document, or its skip record.
  private mutating func write(
    _ todo: [FoundFile], into db: ShardSet, known: [ExactPath: String], skippedBefore: [ExactPath: SkipRecord],
    summary: inout IndexSummary
  ) throws {
    let analyzer = self.analyzer
    let observer = self.observer
    let limits = options.readingLimits
    let total = todo.count
    var done = 0, pendingBytes = 0
    let maxText = options.maxTextBytes
    let budget = options.fileTimeBudget
    let commitBytes = options.commitBytes
    let ocr = options.ocr
    let ocrPages = self.ocrPages
    var missingHelpers = self.missingHelpers
    defer { self.missingHelpers = missingHelpers }
    try Pipeline.run(
      todo, weight: { Pipeline.expectedText($0, maxText: maxText) }, maxWeight: max(maxText, 8 << 20),
      timeout: { Pipeline.timeBudget($0, base: budget, ocr: ocr) },
      timedOut: { f in
        .failure(
          DecodeError.timedOut(
            program: "reading the file", seconds: Int(Pipeline.timeBudget(f, base: budget, ocr: ocr).rounded(.up))))
      },
      waiting: {
        let pages = ocrPages.value
        if pages.found > 0 { observer?.ocrProgress(pagesDone: pages.done, pagesFound: pages.found) }
      }
    ) { file in
      Result { try analyzer.prepare(file) }
    } consume: { file, result in
      done += 1
      switch result {
      case .success(var prepared):
        prepared.isNew = known[ExactPath(prepared.pathKey)] == nil
        try db.put(prepared)
        if skippedBefore[ExactPath(prepared.pathKey)] != nil { try db.setSkipRecord(nil, pathKey: prepared.pathKey) }
        if prepared.isNew { summary.added += 1 } else { summary.updated += 1 }
        summary.bytes += file.size
        summary.formats[prepared.stored.format, default: 0] += 1
        summary.ocrPages += prepared.ocrPages
        for problem in prepared.problems { observer?.problem(path: file.path, message: problem) }
        if !["utf-8", "xml", "helper"].contains(prepared.stored.encoding) {
          summary.converted[prepared.stored.encoding, default: 0] += 1
        }
        pendingBytes += prepared.textBytes
        if pendingBytes >= commitBytes {
          try db.commit()
          pendingBytes = 0
        }
      case .failure(let error):
        // A file that changed into something unreadable (junk, emptied, too large) must not keep
        // answering searches with its old text. One gone before it could be read is simply gone.
        let key = IndexSchema.pathKey(file.path)
        if known[ExactPath(key)] != nil {
          try db.delete(pathKey: key)
          summary.removed += 1
        }
        if Indexer.doesNotExist(file.path) {
          if skippedBefore[ExactPath(key)] != nil { try db.setSkipRecord(nil, pathKey: key) }
          break
        }
        let reason = SkipReason(error)
        try db.setSkipRecord(
          SkipRecord(
            path: file.path, reason: reason, detail: "\(error)", signature: DocumentAnalyzer.signature(file),
            limits: limits), pathKey: key)
        summary.skipped += 1
        summary.skipReasons[reason.rawValue, default: 0] += 1
        if case DecodeError.missingHelper(let program, let package) = error {
          // Once per run, not once per file: one missing program can account for thousands.
          if missingHelpers.insert(program).inserted {
            let which =
              ocr.mayRead(file.format) && file.format == .pdf ? "PDFs without text" : ".\(file.format.rawValue) files"
            observer?.note("\(program) is not installed: skipping \(which) (apt-get install \(package))")
          }
        } else {
          observer?.skipped(path: file.path, error: error)
        }
      }
      observer?.progress(done: done, total: total, bytes: summary.bytes)
      let pages = ocrPages.value
      if pages.found > 0 { observer?.ocrProgress(pagesDone: pages.done, pagesFound: pages.found) }
    }
  }

  /// The longest common leading part of `paths`, for one prefix scan of the index's path terms.
  static func commonPrefix(_ paths: [String]) -> String {
    guard var common = paths.first?.utf8.map({ $0 }) else { return "" }
    for p in paths.dropFirst() {
      let bytes = Array(p.utf8)
      var n = 0
      while n < common.count && n < bytes.count && common[n] == bytes[n] { n += 1 }
      common.removeLast(common.count - n)
    }
    // Not in the middle of a character.
    while let last = common.last, last & 0xC0 == 0x80 { common.removeLast() }
    if let last = common.last, last >= 0xC0 { common.removeLast() }
    return String(decoding: common, as: UTF8.self)
  }
}
