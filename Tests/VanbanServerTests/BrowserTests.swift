// A real browser loads the search page (issue J): headless Chromium, installed by `make deps`,
// searches `viet a` on a server started on 127.0.0.1, and the DOM it renders must show the Việt Á
// dispatch with its marked snippet. Chromium missing is a failure, not a skip.

import Foundation
import Testing
import VanbanTestSupport

@Suite(.serialized) struct BrowserTests {
  /// Where the screenshot is kept for a person to look at: `.build/test-artifacts/`.
  static let artifacts = TestPaths.repoRoot.appendingPathComponent(".build/test-artifacts")

  static func chromium() throws -> String {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      let r = try ProcessRunner.run("/usr/bin/env", ["which", name])
      if r.status == 0 { return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
    throw LiveServer.StartFailed(
      description: "Chromium is not installed (make deps installs the Debian package chromium)")
  }

  /// Chromium headless, with a profile of its own, no sandbox (it runs as root in CI) and no
  /// network beyond the page's own server.
  static func browse(_ url: String, _ extra: [String]) throws -> ProcessResult {
    let profile = try TemporaryDirectory(prefix: "vanban-chromium")
    let r = try ProcessRunner.run(
      try chromium(),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--window-size=1100,900",
      ] + extra + [url], timeout: 120)
    withExtendedLifetime(profile) {}
    return r
  }

  @Test func chromiumSearchesVietAAndSeesTheMarkedDispatch() throws {
    let seeds = try SeedServer()
    let server = try LiveServer(["--index", seeds.index])
    let url = server.base + "/?q=viet+a"
    let dom = try Self.browse(url, ["--dump-dom"])
    #expect(dom.finished && dom.status == 0, "\(dom.stderr.suffix(2000))")
    #expect(dom.stdout.contains("<mark>Việt</mark> <mark>Á</mark>"), "\(dom.stdout.prefix(3000))")
    #expect(dom.stdout.contains("/documents/000_7dcd8441d4f25c6a"))
    #expect(dom.stdout.contains("Công ty"))

    try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
    let png = Self.artifacts.appendingPathComponent("search-page.png").path
    try? FileManager.default.removeItem(atPath: png)
    let shot = try Self.browse(url, ["--screenshot=\(png)", "--hide-scrollbars"])
    #expect(shot.finished && shot.status == 0, "\(shot.stderr.suffix(2000))")
    let bytes = FileManager.default.contents(atPath: png) ?? Data()
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG at \(png)")
    #expect(bytes.count > 10_000, "a page, not a blank: \(bytes.count) bytes")
    withExtendedLifetime(server) {}
  }
}
