import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds helper programs on a PATH-style search list, once per (list, program) for the whole process.
struct HelperLocator: Sendable {
  /// nil: the process's PATH.
  var searchPath: String?

  private static let cache = DecodeLockedBox<[String: String?]>([:])

  /// The absolute path of `program`, or nil when no executable of that name is on the search path.
  func locate(_ program: String) -> String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let key = path + "\u{0}" + program
    if let hit = Self.cache.withLock({ $0[key] }) { return hit }
    var found: String?
    for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = dir.hasSuffix("/") ? "\(dir)\(program)" : "\(dir)/\(program)"
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
        access(candidate, X_OK) == 0
      {
        found = candidate
        break
      }
    }
    Self.cache.withLock { $0[key] = .some(found) }
    return found
  }
}

/// pdf and doc through helper programs run as subprocesses (never through a shell), with a timeout.
struct ExternalToolDecoder: Sendable {
  var locator: HelperLocator
  var timeout: TimeInterval
  /// Output beyond this is an error (a runaway helper).
  var maxOutput: Int

  func decode(path: String, format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    switch format {
    case .pdf: return try decodePDF(path)
    case .doc: return try decodeDOC(path)
    default: throw .damaged("no helper for .\(format.rawValue)")
    }
  }

  // MARK: pdf

  func decodePDF(_ path: String) throws(DecodeError) -> DecodedDocument {
    guard let pdftotext = locator.locate("pdftotext") else {
      throw .missingHelper(program: "pdftotext", debianPackage: "poppler-utils")
    }
    let result = try HelperProcess.run(pdftotext, ["-layout", "-enc", "UTF-8", path, "-"],
                                       timeout: timeout, maxOutput: maxOutput)
    guard result.status == 0 else {
      throw .damaged(Self.firstLine(result.stderr) ?? "pdftotext exited with status \(result.status)")
    }
    var text = PlainTextDecoder.normalizeLineEndings(String(decoding: result.stdout, as: UTF8.self))
    if PlainTextDecoder.isBlank(text) { throw .damaged("no text layer (scanned PDF?)") }
    text = PDFLayout.readingOrder(text)
    var encoding = SourceEncoding.helper
    if let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encoding = repaired.encoding
    }
    return DecodedDocument(text: text, format: .pdf, encoding: encoding, embedded: pdfMetadata(path))
  }

  /// Title, Author and CreationDate from `pdfinfo -isodates`, when pdfinfo is installed.
  func pdfMetadata(_ path: String) -> EmbeddedMetadata {
    guard let pdfinfo = locator.locate("pdfinfo"),
      let result = try? HelperProcess.run(pdfinfo, ["-isodates", "-enc", "UTF-8", path], timeout: timeout,
                                          maxOutput: 1 << 20),
      result.status == 0
    else { return EmbeddedMetadata() }
    var meta = EmbeddedMetadata()
    for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon]
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard !value.isEmpty else { continue }
      switch key {
      case "Title": meta.title = value
      case "Author": meta.author = value
      case "CreationDate": meta.created = value
      default: break
      }
    }
    return meta
  }

  // MARK: doc

  func decodeDOC(_ path: String) throws(DecodeError) -> DecodedDocument {
    let result: HelperProcess.Result
    let program: String
    if let antiword = locator.locate("antiword") {
      program = "antiword"
      result = try HelperProcess.run(antiword, ["-m", "UTF-8.txt", "-w", "0", path], timeout: timeout, maxOutput: maxOutput)
    } else if let catdoc = locator.locate("catdoc") {
      program = "catdoc"
      result = try HelperProcess.run(catdoc, ["-d", "utf-8", "-w", path], timeout: timeout, maxOutput: maxOutput)
    } else {
      throw .missingHelper(program: "antiword", debianPackage: "antiword")
    }
    guard result.status == 0 else {
      let detail = Self.firstLine(result.stderr) ?? Self.firstLine(result.stdout) ?? "\(program) exited with status \(result.status)"
      // antiword says "FILE is not a Word Document." for anything it cannot parse.
      throw .damaged(detail.replacingOccurrences(of: path, with: "file"))
    }
    var text = PlainTextDecoder.normalizeLineEndings(String(decoding: result.stdout, as: UTF8.self))
    if PlainTextDecoder.isBlank(text) { throw .empty }
    if program == "antiword" { text = TableCells.antiwordReadingOrder(text) }
    var encoding = SourceEncoding.helper
    // Old government .doc files use TCVN3 / VNI fonts: their text comes out as Latin-1 mojibake.
    if let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encoding = repaired.encoding
    }
    return DecodedDocument(text: text, format: .doc, encoding: encoding)
  }

  static func firstLine(_ bytes: [UInt8]) -> String? {
    String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
  }
}

/// Runs one program with arguments (no shell), collecting stdout and stderr, killing it after a timeout.
enum HelperProcess {
  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval, maxOutput: Int) throws(DecodeError) -> Result {
    let program = (executable as NSString).lastPathComponent
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LC_ALL"] = "C.UTF-8"
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      throw .helperFailed(program: program, detail: "cannot start: \(error.localizedDescription)")
    }
    let stdoutBox = DecodeLockedBox<[UInt8]>([]), stderrBox = DecodeLockedBox<[UInt8]>([])
    let overflow = DecodeLockedBox(false)
    let readers = DispatchGroup()
    for (pipe, box, limit) in [(out, stdoutBox, maxOutput), (err, stderrBox, 64 << 10)] {
      let handle = pipe.fileHandleForReading
      DispatchQueue.global().async(group: readers) {
        while true {
          let chunk = handle.availableData
          if chunk.isEmpty { break }
          let over = box.withLock { buf -> Bool in
            if buf.count + chunk.count > limit {
              buf.append(contentsOf: chunk.prefix(max(0, limit - buf.count)))
              return true
            }
            buf.append(contentsOf: chunk)
            return false
          }
          if over && limit == maxOutput { overflow.withLock { $0 = true } }
          // Keep draining so the child never blocks on a full pipe.
        }
      }
    }
    let pid = process.processIdentifier
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 2) == .timedOut {
        kill(pid, SIGKILL)
        finished.wait()
      }
      _ = readers.wait(timeout: .now() + 5)
      throw .timedOut(program: program, seconds: Int(timeout.rounded(.up)))
    }
    _ = readers.wait(timeout: .now() + 10)
    if overflow.withLock({ $0 }) {
      throw .tooLarge(bytes: maxOutput + 1, limit: maxOutput)
    }
    if process.terminationReason == .uncaughtSignal {
      throw .helperFailed(program: program, detail: "killed by signal \(process.terminationStatus)")
    }
    return Result(status: process.terminationStatus, stdout: stdoutBox.withLock { $0 }, stderr: stderrBox.withLock { $0 })
  }
}

/// A value behind a lock, shareable between threads.
final class DecodeLockedBox<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  init(_ value: Value) { self.value = value }
  func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
