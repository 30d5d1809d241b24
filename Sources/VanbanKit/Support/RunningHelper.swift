// A helper program while it runs, so that it can be killed from elsewhere: when the file it reads
// is given up (`Cancellation`), when its output runs away, and when `vanban index` is stopped by
// a signal (`Leftovers`). Killing goes through its phase, so a helper is killed only between its
// start and its end as the parent saw them. (Foundation reaps the child a moment before it runs
// the termination handler that ends the phase; the pid is not reused within that moment in
// practice, since Linux hands pids out in turn, but only a pidfd would make it certain.)

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One helper program's process, from its start to its end.
final class RunningHelper: Sendable {
  private enum Phase {
    case starting
    case running(pid_t)
    case ended
  }
  private let phase = LockedBox(Phase.starting)

  /// Every helper running now, in the whole process, and whether the process is stopping (then a
  /// helper that starts is killed at once, so none can slip past `killAll`).
  private static let all = LockedBox<(helpers: [ObjectIdentifier: RunningHelper], stopping: Bool)>(([:], false))

  init() {}

  /// The helper has started as `pid` (unless it has already ended).
  func started(_ pid: pid_t) {
    phase.withLock { p in
      guard case .starting = p else { return }
      p = .running(pid)
      let stopping = Self.all.withLock { all in
        all.helpers[ObjectIdentifier(self)] = self
        return all.stopping
      }
      if stopping { _ = Glibc.kill(pid, SIGKILL) }
    }
  }

  /// The helper has exited (its termination handler).
  func ended() {
    phase.withLock { p in
      p = .ended
      _ = Self.all.withLock { $0.helpers.removeValue(forKey: ObjectIdentifier(self)) }
    }
  }

  /// Kills the helper at once (SIGKILL) if it is running.
  func kill() {
    phase.withLock { p in
      if case .running(let pid) = p { _ = Glibc.kill(pid, SIGKILL) }
    }
  }

  /// Whether `killAll` has been called: the process is stopping.
  static var isStopping: Bool { all.withLock { $0.stopping } }

  /// Kills every helper running now, and from now on every helper as it starts: the process is
  /// stopping.
  static func killAll() {
    let running = all.withLock { all in
      all.stopping = true
      return Array(all.helpers.values)
    }
    for helper in running { helper.kill() }
  }
}
