// Issue L: every JSON export writes its keys in one order, the same on every run, so a program can
// diff or stream it. The order (sorted, at every level) is pinned by a golden file of each
// command's key skeleton: `Fixtures/json-keys.txt`. `VANBAN_UPDATE_GOLDEN=1` rewrites it after a
// deliberate change of the wire format.

import Foundation
import Testing
import VanbanTestSupport

@Suite(.serialized) struct JSONKeyOrderTests {
  static let golden = TestPaths.fixtures("vanbanCLITests").appendingPathComponent("json-keys.txt")

  /// The keys of pretty-printed JSON, in order, each indented as in the output: the shape of the
  /// export without its values.
  static func skeleton(_ json: String) -> [String] {
    json.split(separator: "\n").compactMap { line in
      let indent = line.prefix(while: { $0 == " " })
      let rest = line.dropFirst(indent.count)
      guard rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\""),
        rest[rest.index(after: close)...].hasPrefix(" :")
      else { return nil }
      return String(indent) + String(rest[rest.index(after: rest.startIndex)..<close])
    }
  }

  @Test func everyJSONExportHasOneKeyOrder() throws {
    let ws = try Workspace()
    try ws.write("hong.docx", "not a zip")  // one file not indexed, for `skipped` and `stats`
    #expect(try ws.index().status == 0)
    let id = "003_32c798e237f9dc40"
    let commands: [(String, [String])] = [
      ("index --json", ["index", ws.corpus.path, "--index", ws.index.path, "--json"]),
      ("search", ["search", "Việt", "Á", "--index", ws.index.path, "--format", "json", "--limit", "1", "--facets"]),
      ("refs", ["refs", "16/CT-TTg", "--index", ws.index.path, "--format", "json", "--limit", "1"]),
      ("stats", ["stats", "--index", ws.index.path, "--format", "json", "--top", "1"]),
      ("show", ["show", id, "--index", ws.index.path, "--format", "json", "--metadata-only"]),
      ("cites", ["cites", id, "--index", ws.index.path, "--format", "json"]),
      ("graph", ["graph", "16/CT-TTg", "--index", ws.index.path, "--format", "json", "--max-nodes", "3"]),
      ("skipped", ["skipped", "--index", ws.index.path, "--format", "json"]),
      ("compact --json", ["compact", "--index", ws.index.path, "--json"]),
    ]
    var sections: [String] = []
    for (name, args) in commands {
      let first = try CLI.run(args)
      #expect(first.status == 0, "\(name): \(first.stderr)")
      let keys = Self.skeleton(first.stdout)
      #expect(!keys.isEmpty, "\(name) printed no JSON object")
      // Within each object, keys in sorted order.
      var open: [Int: String] = [:]  // indent → last key of the object being read there
      for line in first.stdout.split(separator: "\n") {
        let level = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(level)
        if rest.hasPrefix("{") || rest.hasPrefix("}") {
          open.keys.filter { $0 > level }.forEach { open[$0] = nil }  // an object starts or ends
          continue
        }
        guard let key = Self.skeleton(String(line)).first?.dropFirst(level) else { continue }
        if let last = open[level] { #expect(last < key, "\(name): `\(key)` after `\(last)`") }
        open[level] = String(key)
      }
      if !name.hasSuffix("--json") {
        // Same bytes on a second run (index and compact report their own timing).
        #expect(try CLI.run(args).stdout == first.stdout, "\(name) changed between runs")
      }
      sections.append("## \(name)\n" + keys.joined(separator: "\n"))
    }
    let text = sections.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["VANBAN_UPDATE_GOLDEN"] == "1" {
      try text.write(to: Self.golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: Self.golden, encoding: .utf8)
    #expect(text == expected, "the JSON key skeleton changed; see \(Self.golden.path)")
  }
}
