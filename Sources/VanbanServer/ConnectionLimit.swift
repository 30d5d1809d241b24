// How many connections the server holds open at once, from the file descriptors it may use.

#if canImport(Glibc)
  import Glibc
#endif

/// Every open connection holds a file descriptor. Past the process's limit, accepting failed and
/// libdispatch, unable to make what it needed, stopped the whole server with SIGILL (1,100 idle
/// connections under `ulimit -n 1024`). So the soft limit is raised to the hard one, as nginx
/// and Elasticsearch ask of their hosts, and connections are held to half of it: the rest stay
/// for the index's tables, originals being sent, `dot` and the runtime. Past the cap the server
/// stops accepting, and new connections wait in the listen backlog until one closes (an idle
/// one closes after a minute, `ServerSettings.idleTimeout`).
enum ConnectionLimit {
  /// The most connections open at once: half the descriptors, at least 16 and at most 16,384.
  static func maximum() -> Int {
    let descriptors = raisedDescriptorLimit()
    return min(16_384, max(16, descriptors / 2))
  }

  /// The soft limit on open files, first raised as far as the hard limit allows (at most 65,536).
  static func raisedDescriptorLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
    let wanted = min(limit.rlim_max, 65_536)
    if limit.rlim_cur < wanted {
      var raised = limit
      raised.rlim_cur = wanted
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
    }
    return Int(min(limit.rlim_cur, 65_536))  // RLIM_INFINITY is the largest value
  }
}
