import Dispatch
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP end a watch cleanly: their default action (die at once, mid-batch)
/// is turned off and a dispatch source calls `action` instead, which wakes the watch to commit and
/// return. A signal the process was started with ignored (`nohup`, a background job's SIGINT)
/// stays ignored.
final class StopSignals {
  private var sources: [DispatchSourceSignal] = []

  init(_ action: @escaping @Sendable (Int32) -> Void) {
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(sig, SIG_IGN)
      if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { action(sig) }
      source.resume()
      sources.append(source)
    }
  }

  /// For a run that is not a watch (or a watch's first run): the signal still stops the process
  /// at once, as by default (the index keeps its last commit), but first its helper programs are
  /// killed and its temporary files removed (`Leftovers`), which would otherwise outlive it.
  static func clearingLeftovers() -> StopSignals { StopSignals(stopNow) }

  /// Clears the run's leftovers, then dies of `sig` as its default action would have it (so a
  /// parent sees the same status), or exits 128 + `sig` if the signal cannot be delivered.
  static func stopNow(_ sig: Int32) {
    Leftovers.clear()
    signal(sig, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, sig)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(sig)
    _exit(128 + sig)
  }
}
