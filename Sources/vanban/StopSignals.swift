import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM end a watch cleanly: their default action (die at once, mid-batch) is turned
/// off and a dispatch source calls `action` instead, which wakes the watch to commit and return.
final class StopSignals {
  private var sources: [DispatchSourceSignal] = []

  init(_ action: @escaping @Sendable () -> Void) {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler(handler: action)
      source.resume()
      sources.append(source)
    }
  }
}
