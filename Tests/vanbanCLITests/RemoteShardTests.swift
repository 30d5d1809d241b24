// Shards searched as one, locally and through Xapian's own remote backend (xapian-tcpsrv).

import Foundation
import Testing

@testable import VanbanKit

@Suite(.serialized) struct RemoteShardTests {
  static let tcpsrv = ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func shardedIndexAnswersLikeAPlainOne() throws {
    let ws = try Workspace()
    let plain = ws.root.appendingPathComponent("plain").path
    try CLI.run(["index", ws.corpus.path, "--index", plain, "--quiet"])
    let r = try ws.index(["--shards", "2"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try IndexLayout.shards(ws.index).count == 2)
    #expect(!FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("XAPIANDB").path))
    for q in ["dịch", "viet a", "Omicron"] {
      let a = try CLI.run(["search", "--index", plain, "--format", "json", q])
      let b = try ws.search(q)
      #expect(Set(a.seedIDs) == Set(b.seedIDs), "\(q)")
    }
    // --index twice searches two indexes as one; a bare shard folder is not an index of its own
    // (only vanban's manifest says what to open).
    let both = try CLI.run(["search", "--index", ws.index.path, "--index", plain, "--format", "json", "dịch"])
    #expect(Set(both.seedIDs) == Set(try ws.search("dịch").seedIDs))
    let shard = try IndexLayout.firstShard(ws.index).path
    Faults.expectOneClearLine(try CLI.run(["search", "--index", shard, "dịch"]), "not a vanban index")
    // The shard count is kept; changing it needs --rebuild.
    #expect(try ws.index(["--shards", "3"]).status == 2)
  }

  @Test func remoteShardsAnswerLikeLocalOnesAndAStoppedServerIsAClearError() throws {
    let tcpsrv = try #require(Self.tcpsrv, "xapian-tcpsrv is needed: make deps installs xapian-tools")
    let ws = try Workspace()
    try ws.index(["--shards", "2"])
    var servers: [Process] = []
    var locations: [String] = []
    defer { for s in servers where s.isRunning { kill(s.processIdentifier, SIGKILL); s.waitUntilExit() } }
    for shard in try IndexLayout.shards(ws.index).map(\.path) {
      var started = false
      for _ in 0..<10 where !started {
        let port = try #require(LocalPort.free(), "no free local port")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tcpsrv)
        p.arguments = ["--port", String(port), "--interface", "127.0.0.1", shard]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until it listens (or died because the port was taken).
        for _ in 0..<50 where p.isRunning {
          if try CLI.run(["stats", "--index", "tcp://127.0.0.1:\(port)", "--format", "json"]).status == 0 {
            started = true
            break
          }
          usleep(100_000)
        }
        if started {
          servers.append(p)
          locations.append("tcp://127.0.0.1:\(port)")
        } else if p.isRunning {
          kill(p.processIdentifier, SIGKILL)
          p.waitUntilExit()
        }
      }
      #expect(started, "xapian-tcpsrv started on \(shard)")
    }
    guard locations.count == 2 else { return }
    let remoteArgs = locations.flatMap { ["--index", $0] }
    for q in ["dịch", "viet a", "16/CT-TTg"] {
      let local = try ws.search(q)
      let remote = try CLI.run(["search"] + remoteArgs + ["--format", "json", q])
      #expect(remote.status == 0, "\(remote.stderr)")
      #expect(remote.seedIDs == local.seedIDs, "\(q): remote \(remote.seedIDs) local \(local.seedIDs)")
      // The time limit's posting source cannot run remotely: the search runs without it (as
      // `vanban serve` runs every search with one) rather than failing.
      let limited = try CLI.run(["search"] + remoteArgs + ["--format", "json", "--time-limit", "5", q])
      #expect(limited.status == 0, "\(limited.stderr)")
      #expect(limited.seedIDs == local.seedIDs)
    }
    let refs = try CLI.run(["refs", "16/CT-TTg", "--format", "json"] + remoteArgs)
    #expect(refs.seedIDs == ["003"])
    // Facets over a sample cannot run remotely (the server does not know the sample): counted
    // exactly instead, as a local index with the same matches counts them.
    let remoteSearcher = try Searcher(indexes: locations)
    remoteSearcher.facetSampling = FacetSampling(exactUpTo: 1, sampleMatches: 2, run: 1)
    var facetRequest = SearchRequest(text: "dịch")
    facetRequest.facets = true
    facetRequest.allCopies = true
    let remoteFacets = try remoteSearcher.search(facetRequest)
    let localFacets = try Searcher(indexes: [ws.index.path]).search(facetRequest)
    #expect(remoteFacets.total > 1, "the sampling path is tried: \(remoteFacets.total) matches")
    #expect(remoteFacets.facetsExact)
    #expect(remoteFacets.facets == localFacets.facets)

    for s in servers {
      kill(s.processIdentifier, SIGKILL)
      s.waitUntilExit()
    }
    let stopped = try CLI.run(["search"] + remoteArgs + ["dịch"])
    #expect(stopped.status == 2)
    #expect(stopped.stderr.contains("cannot reach the index server"), "\(stopped.stderr)")
    #expect(stopped.stderr.split(separator: "\n").count == 1, "one line: \(stopped.stderr)")
  }
}
