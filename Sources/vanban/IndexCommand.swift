import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract:
      "Index files (txt, md, docx, odt, pdf, doc, html, rtf; png, jpg, tif by OCR) into the index, incrementally.",
    discussion: """
      Unchanged files are skipped, changed files replaced, and files that are gone removed. \
      A file that can't be read is reported as `path: reason` on stderr and the rest is indexed; \
      `vanban skipped` lists such files, which are read again once they change. Hidden files, \
      Office lock files, Thumbs.db and desktop.ini are left out. \
      Symbolic links are not followed unless --follow is given. The index folder holds only what \
      vanban writes; an index folder inside a folder being indexed is skipped.

      Examples:
        vanban index corpus
        vanban index ~/congvan --types docx,pdf --index /srv/vanban-index
        vanban index /mnt/share --exclude 'nhap' --exclude '*.bak'
      """)

  @OptionGroup var location: IndexLocationOptions
  @OptionGroup var ocr: OCRCommandOptions
  @Flag(name: .shortAndLong, help: "No progress bar.")
  var quiet = false
  @Flag(help: "Discard the existing index and build it again.")
  var rebuild = false
  @Option(
    help: ArgumentHelp(
      "Only these formats, comma-separated (txt,md,docx,odt,pdf,doc,html,rtf,png,jpg,tif).", valueName: "LIST"))
  var types: String?
  @Option(help: ArgumentHelp("Skip files larger than this many MB.", valueName: "MB"))
  var maxFileSize = 64
  @Option(
    help: ArgumentHelp("Skip files that decode to more than this many MB of text (memory bombs).", valueName: "MB"))
  var maxText = DocumentDecoder.defaultMaxTextBytes >> 20
  @Option(
    help: ArgumentHelp("Memory limit of each helper program (pdftotext, antiword), in MB; 0 for none.", valueName: "MB")
  )
  var helperMemory = DocumentDecoder.defaultHelperMemoryLimit >> 20
  @Option(help: ArgumentHelp("Skip a file that takes longer than this to read.", valueName: "SECONDS"))
  var fileTimeout = 120
  @Option(
    help: ArgumentHelp(
      "Keep the index as N shards, written in parallel (kept on later runs; --rebuild to change). Without it, a new index is written by two writers and merged into one.",
      valueName: "N"))
  var shards: Int?
  @Flag(help: "Leave a first build or a rebuild as written instead of compacting it (faster, larger index).")
  var noCompact = false
  @Flag(help: "Follow symbolic links inside the folders given (never out of them; each file once).")
  var follow = false
  @Option(
    help: ArgumentHelp(
      "Leave out files and folders matching GLOB (fnmatch; against the name and the path below the folder given). Repeatable.",
      valueName: "GLOB"))
  var exclude: [String] = []
  @Flag(
    help:
      "Remove the documents of a folder that has vanished or is empty (an unmounted share is refused without it).")
  var prune = false
  @Flag(help: "Print the summary as JSON.")
  var json = false
  @Flag(
    help:
      "After indexing, keep the index current as files change (inotify), until Ctrl-C or SIGTERM. One line per batch on stderr unless --quiet."
  )
  var watch = false
  @Option(
    help: ArgumentHelp(
      "With --watch, when the kernel's limit on watched folders is reached: rescan every folder this often.",
      valueName: "SECONDS"))
  var rescanInterval = 300

  // `.file()`: the shells offer files and folders alike.
  @Argument(help: "Files or folders to index.", completion: .file())
  var paths: [String] = ["corpus"]

  func run() throws {
    guard location.locations.count == 1, let target = location.locations.first, !target.hasPrefix("tcp://") else {
      throw ValidationError("index writes to exactly one local --index directory")
    }
    var options = IndexOptions(roots: paths)
    options.rebuild = rebuild
    options.followLinks = follow
    options.compact = !noCompact
    options.excludes = exclude
    options.prune = prune
    if let shards {
      guard (1...64).contains(shards) else { throw ValidationError("--shards takes 1 to 64") }
      options.shards = shards
    }
    options.maxFileSize = max(1, maxFileSize) << 20
    guard (1...65536).contains(maxText) else { throw ValidationError("--max-text takes 1 to 65536 (MB)") }
    options.maxTextBytes = maxText << 20
    guard (0...1_048_576).contains(helperMemory) else {
      throw ValidationError("--helper-memory takes 0 to 1048576 (MB)")
    }
    options.helperMemoryLimit = helperMemory == 0 ? nil : helperMemory << 20
    guard (1...86_400).contains(fileTimeout) else { throw ValidationError("--file-timeout takes 1 to 86400 (seconds)") }
    options.fileTimeBudget = TimeInterval(fileTimeout)
    // Testing knob, not an option: VANBAN_COMMIT_BYTES=N commits every N bytes of text instead of
    // every 32 MB, so the kill -9 tests (scripts/kill-test, FaultTests) can interrupt a run that
    // has already committed several batches.
    if let s = ProcessInfo.processInfo.environment["VANBAN_COMMIT_BYTES"], let n = Int(s), n > 0 {
      options.commitBytes = n
    }
    if let types {
      var set = Set<DocumentFormat>()
      for t in types.split(separator: ",") {
        let name = t.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercased()
        guard let f = DocumentFormat.named(name) else {
          throw ValidationError(
            "--types: unknown format `\(t)` (known: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
          )
        }
        set.insert(f)
      }
      options.formats = set
    }
    options.ocr = try ocr.options()
    // Images hold no text but what OCR reads.
    if options.ocr.mode == .never { options.formats = options.formats.filter { !$0.isImage } }
    if watch {
      try runWatch(target, options)
      return
    }
    let observer = CLIIndexObserver(progress: !quiet && Terminal.stderrIsTTY)
    let signals = StopSignals.clearingLeftovers()
    defer { withExtendedLifetime(signals) {} }
    let summary = try Indexer(indexPath: target).run(options, observer: observer)
    observer.bar?.finish()
    if json {
      Terminal.out(try WireFormat.json(summary) + "\n")
    } else {
      Terminal.out(Self.describe(summary))
    }
  }

  /// `--watch`: the first run, then batches until SIGINT or SIGTERM, which commit and exit 0.
  func runWatch(_ target: String, _ options: IndexOptions) throws {
    guard (1...86_400).contains(rescanInterval) else {
      throw ValidationError("--rescan-interval takes 1 to 86400 (seconds)")
    }
    var watchOptions = WatchOptions()
    watchOptions.rescanInterval = TimeInterval(rescanInterval)
    // Testing knob, not an option: VANBAN_WATCH_LIMIT=N acts as if the kernel allowed N watches,
    // so the tests reach the fallback to rescans without changing fs.inotify.max_user_watches.
    if let s = ProcessInfo.processInfo.environment["VANBAN_WATCH_LIMIT"], let n = Int(s), n >= 0 {
      watchOptions.watchLimitForTests = n
    }
    let loop = try WatchLoop(indexPath: target)
    // Until the first run is done, a signal stops it as it stops `vanban index`; then it ends the
    // watch, which commits and returns.
    let watching = LockedBox(false)
    let signals = StopSignals { sig in
      if watching.withLock({ $0 }) { loop.stop() } else { StopSignals.stopNow(sig) }
    }
    let observer = WatchProgress(quiet: quiet, json: json) { _ in watching.withLock { $0 = true } }
    _ = try loop.run(options, watch: watchOptions, observer: observer)
    withExtendedLifetime(signals) {}
  }

  /// Names from the files (an ignored extension, a link's target in a skip reason) are escaped
  /// and kept on their line: a file named with an escape code cannot drive the terminal.
  static func describe(_ s: IndexSummary) -> String {
    var out =
      "added \(s.added), updated \(s.updated), removed \(s.removed), unchanged \(s.unchanged), skipped \(s.skipped)\n"
    out += String(
      format: "%d documents in the index; %.1f MB read in %.1f s\n", s.documents, Double(s.bytes) / 1_048_576, s.seconds
    )
    if !s.formats.isEmpty {
      out +=
        "formats: " + s.formats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        + "\n"
    }
    if !s.converted.isEmpty {
      out +=
        "converted: "
        + s.converted.sorted { $0.key < $1.key }.map { "from \($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
    }
    if s.ocrPages > 0 { out += "OCR: \(s.ocrPages) page\(s.ocrPages == 1 ? "" : "s") (words may be misread)\n" }
    if !s.skipReasons.isEmpty {
      out +=
        "skipped: "
        + s.skipReasons.sorted { $0.key < $1.key }.map {
          "\(ControlEscapes.escapeLine(Self.reasonLabel($0.key))) \($0.value)"
        }.joined(
          separator: ", ") + "\n"
    }
    if s.stillSkipped > 0 {
      out += "not indexed and unchanged since: \(s.stillSkipped) (`vanban skipped` lists them)\n"
    }
    if !s.ignored.isEmpty {
      // Most first: "ignored: 12 .xlsx, 3 .zip".
      let rows = s.ignored.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key.isEmpty != $1.key.isEmpty ? $1.key.isEmpty : $0.key < $1.key
      }
      out +=
        "ignored: "
        + rows.map { "\($0.value) \($0.key.isEmpty ? "without extension" : "." + ControlEscapes.escapeLine($0.key))" }
        .joined(
          separator: ", ") + "\n"
    }
    return out
  }
}

extension IndexCommand {
  /// A skip category in words: a `SkipReason`'s or a `WalkSkip`'s label.
  static func reasonLabel(_ key: String) -> String {
    SkipReason(rawValue: key)?.label ?? WalkSkip(rawValue: key)?.label ?? key
  }
}

/// Skips go to stderr as `path: reason` (clearing the progress line first).
final class CLIIndexObserver: IndexObserver {
  let bar: ProgressBar?
  init(progress: Bool) { bar = progress ? ProgressBar() : nil }

  func skipped(path: String, reason: String) {
    bar?.finish()
    // One line whatever the file name holds (escape codes, newlines).
    Terminal.err("\(ControlEscapes.escapeLine(path)): \(ControlEscapes.escapeLine(reason))\n")
  }
  func skipped(path: String, error: Error) {
    skipped(path: path, reason: (error as? DecodeError)?.cliReason ?? "\(error)")
  }
  func progress(done: Int, total: Int, bytes: Int) { bar?.update(done: done, total: total, bytes: bytes) }
  func ocrProgress(pagesDone: Int, pagesFound: Int) { bar?.update(ocrPages: (pagesDone, pagesFound)) }
  func problem(path: String, message: String) { skipped(path: path, reason: message) }
  func note(_ message: String) {
    bar?.finish()
    Terminal.err("vanban: \(ControlEscapes.escapeLine(message))\n")
  }
}
