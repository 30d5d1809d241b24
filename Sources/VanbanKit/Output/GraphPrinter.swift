// Prints a CitationGraph as Graphviz text, SVG (through Graphviz's `dot`) or JSON.
//
// Indexed documents are filled boxes; numbers that are only cited are dashed ellipses; the start
// is drawn with a thicker border.

import Foundation

/// Draws a `CitationGraph` as Graphviz DOT, or as SVG through `dot`.
public enum GraphPrinter {
  /// Graphviz DOT text.
  public static func dot(_ g: CitationGraph) -> String {
    var out = "digraph citations {\n"
    out += "  rankdir=LR;\n"
    out += "  graph [fontname=\"DejaVu Sans\", label=\(quoted("vanban graph " + g.query)), labelloc=t];\n"
    out += "  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=8, color=\"#555555\"];\n"
    for n in g.nodes {
      var attrs: [String] = []
      switch n.kind {
      case .document:
        let lines = [n.number ?? "(no number)", n.issuer, n.date, n.id].compactMap { $0 }
        attrs += [
          "shape=box", "style=\"filled,rounded\"", "fillcolor=\"#dbe9f6\"",
          "label=" + quoted(lines.joined(separator: "\n")),
        ]
      case .cited:
        let head = [n.type, n.number].compactMap { $0 }.joined(separator: " ")
        let lines = [head, n.date].compactMap { $0 }
        attrs += ["shape=ellipse", "style=dashed", "label=" + quoted(lines.joined(separator: "\n"))]
      }
      if n.start { attrs.append("penwidth=2.5") }
      if let id = n.id { attrs.append("tooltip=" + quoted(n.path ?? id)) }
      out += "  \(quoted(n.key)) [\(attrs.joined(separator: ", "))];\n"
    }
    for e in g.edges {
      out += "  \(quoted(e.from)) -> \(quoted(e.to))"
      if let d = e.date { out += " [label=\(quoted(d))]" }
      out += ";\n"
    }
    if g.truncated {
      out += "  truncated [shape=note, label=\(quoted(g.notes.first ?? "truncated"))];\n"
    }
    out += "}\n"
    return out
  }

  /// A DOT string literal: quotes and backslashes escaped, line breaks as DOT's `\n`.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r", "\t": out += " "
      // A document's control characters would reach the terminal that shows the dot source.
      case _ where ControlEscapes.isUnsafe(ch) || ControlEscapes.isBidiControl(ch): out += " "
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }

  /// JSON: `{"version", "query", "depth", "truncated", "notes", "nodes", "edges"}`.
  public static func json(_ g: CitationGraph, pretty: Bool = true) throws -> String {
    try WireFormat.json(g, pretty: pretty) + "\n"
  }

  /// SVG drawn by Graphviz's `dot -Tsvg`, run with an argument array (no shell).
  public static func svg(_ g: CitationGraph) throws -> String {
    try Graphviz.render(dot(g), format: "svg")
  }
}

/// Graphviz's `dot`, found on PATH and run without a shell.
public enum Graphviz {
  /// `dot` on PATH, if installed.
  public static func dotPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    HelperLocator(searchPath: environment["PATH"] ?? "/usr/bin:/bin").locate("dot")
  }

  /// Time `dot` may take: a graph is at most a few thousand nodes, drawn in well under a second;
  /// a server must not wait on a stuck helper.
  public static let timeout: TimeInterval = 30
  /// Memory `dot` may take (address space), as for the decoding helpers.
  static let memoryLimit = 2 << 30

  /// Runs `dot -T<format>` over `source` (written to a private temporary file, an absolute path that
  /// cannot read as an option, so the helper
  /// runner's timeout, memory cap and bounded output apply); its stdout.
  public static func render(_ source: String, format: String) throws -> String {
    guard let dot = dotPath() else {
      throw VanbanError.graphvizMissing
    }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("vanban-graph-\(UUID().uuidString).dot").path
    guard
      FileManager.default.createFile(atPath: file, contents: Data(source.utf8), attributes: [.posixPermissions: 0o600])
    else { throw VanbanError.io("cannot write a temporary file for \(dot)") }
    defer { try? FileManager.default.removeItem(atPath: file) }
    do {
      let r = try HelperProcess.run(
        dot, ["-T" + format, file], timeout: timeout, maxOutput: 64 << 20, memoryLimit: memoryLimit)
      guard r.status == 0 else {
        let msg = String(decoding: r.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        throw VanbanError.io("\(dot) -T\(format) failed (\(r.status)): \(msg)")
      }
      return String(decoding: r.stdout, as: UTF8.self)
    } catch DecodeError.timedOut(_, let seconds) {
      throw VanbanError.graphTooSlow(seconds: seconds)
    } catch let e as DecodeError {
      throw VanbanError.io("\(dot) -T\(format): \(e)")
    }
  }
}
