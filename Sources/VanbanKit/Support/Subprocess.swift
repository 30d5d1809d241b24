// Helper programs (pdftotext, antiword, catdoc) read files we do not trust: a 2.9 KB PDF can
// make pdftotext allocate 3.7 GB. So each runs with a wall-clock timeout, an address-space limit
// (RLIMIT_AS, set by util-linux's `prlimit` between fork and exec, since Foundation's Process has
// no pre-exec hook), and its output is read bounded: past the cap the program is killed at once
// instead of being drained until its timeout. A helper whose file has been given up
// (`Cancellation.current`) is killed at once rather than left to run to its own timeout.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs one program with arguments (no shell), collecting stdout and stderr, killing it after a timeout.
enum HelperProcess {
  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  /// `prlimit`, when installed (util-linux, Essential on Debian); without it helpers run unlimited.
  static let prlimit: String? = ["/usr/bin/prlimit", "/bin/prlimit"].first { access($0, X_OK) == 0 }

  /// Runs `executable`. More than `maxOutput` bytes on stdout kills it and throws `.tooMuchText`;
  /// `memoryLimit` (bytes) caps its address space, so a runaway allocation fails in the helper.
  /// `environment` is added to the process's own (e.g. `OMP_THREAD_LIMIT` for tesseract).
  static func run(
    _ executable: String, _ arguments: [String], timeout: TimeInterval, maxOutput: Int, memoryLimit: Int? = nil,
    environment: [String: String] = [:]
  ) throws(DecodeError) -> Result {
    let program = (executable as NSString).lastPathComponent
    let process = Process()
    if let limit = memoryLimit, let prlimit {
      process.executableURL = URL(fileURLWithPath: prlimit)
      process.arguments = ["--as=\(limit)", "--", executable] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    }
    var env = ProcessInfo.processInfo.environment
    env["LC_ALL"] = "C.UTF-8"
    env.merge(environment) { _, new in new }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    let helper = RunningHelper()
    process.terminationHandler = { _ in
      helper.ended()
      finished.signal()
    }
    let cancellation = Cancellation.current
    if cancellation?.isCancelled == true || RunningHelper.isStopping { throw .givenUp }
    do {
      try process.run()
    } catch {
      throw .helperFailed(program: program, detail: "cannot start: \(error.localizedDescription)")
    }
    helper.started(process.processIdentifier)
    let onCancel = cancellation?.onCancel { helper.kill() }
    defer { if let onCancel { cancellation?.removeHandler(onCancel) } }
    let stdoutBox = LockedBox<[UInt8]>([]), stderrBox = LockedBox<[UInt8]>([])
    let overflow = LockedBox(false)
    let readers = DispatchGroup()
    // Each pipe is read on a thread of its own: on Dispatch's global queue, behind other blocked
    // work on a loaded machine, a reader could not start before the wait below gave up, and the
    // helper's output was taken as empty ("no text layer") instead of read.
    for (pipe, box, limit, isStdout) in [(out, stdoutBox, maxOutput, true), (err, stderrBox, 64 << 10, false)] {
      let handle = pipe.fileHandleForReading
      readers.enter()
      Thread {
        defer { readers.leave() }
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
          if over && isStdout {
            // A runaway: stop it now rather than drain it until the timeout.
            if !overflow.withLock({ o in
              defer { o = true }; return o
            }) {
              helper.kill()
            }
          }
          // Keep draining (stderr past its cap too) so the child never blocks on a full pipe.
        }
      }.start()
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 2) == .timedOut {
        helper.kill()
        finished.wait()
      }
      _ = readers.wait(timeout: .now() + 5)
      throw .timedOut(program: program, seconds: Int(timeout.rounded(.up)))
    }
    if cancellation?.isCancelled == true || RunningHelper.isStopping {
      _ = readers.wait(timeout: .now() + 5)
      throw .givenUp
    }
    // The helper has exited; only a process it left behind holding the pipes keeps them open.
    // Its output is then incomplete: never taken as all there is.
    let drained = readers.wait(timeout: .now() + 10) == .success
    if overflow.withLock({ $0 }) {
      throw .tooMuchText(limit: maxOutput)
    }
    guard drained else {
      throw .helperFailed(program: program, detail: "its output was still open 10 s after it exited")
    }
    let stderr = stderrBox.withLock { $0 }
    if process.terminationReason == .uncaughtSignal {
      var detail = "killed by signal \(process.terminationStatus)"
      if let limit = memoryLimit, prlimit != nil { detail += " (out of memory? limit \(limit >> 20) MB)" }
      throw .helperFailed(program: program, detail: detail)
    }
    if let limit = memoryLimit, prlimit != nil, process.terminationStatus != 0,
      String(decoding: stderr, as: UTF8.self).lowercased().contains("memory")
    {
      throw .helperFailed(program: program, detail: "out of memory (limit \(limit >> 20) MB)")
    }
    return Result(status: process.terminationStatus, stdout: stdoutBox.withLock { $0 }, stderr: stderr)
  }
}
