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
      case _ where ControlEscapes.isUnsafe(ch): out += " "
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }

  /// JSON: `{"version", "query", "depth", "truncated", "notes", "nodes", "edges"}`.
  public static func json(_ g: CitationGraph, pretty: Bool = true) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting =
      pretty ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys] : [.withoutEscapingSlashes, .sortedKeys]
    return String(decoding: try e.encode(g), as: UTF8.self) + "\n"
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

  /// Runs `dot -T<format>` over `source`; its stdout.
  public static func render(_ source: String, format: String) throws -> String {
    guard let dot = dotPath() else {
      throw VanbanError.graphvizMissing
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: dot)
    p.arguments = ["-T" + format]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = errors
    do { try p.run() } catch { throw VanbanError.io("cannot run \(dot): \(error.localizedDescription)") }
    // Write on another thread so that a large graph cannot fill both pipes at once.
    let data = Data(source.utf8)
    let writer = Thread {
      try? input.fileHandleForWriting.write(contentsOf: data)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let errData = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData.data = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      let msg = String(decoding: errData.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw VanbanError.io("\(dot) -T\(format) failed (\(p.terminationStatus)): \(msg)")
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// stderr of a subprocess, filled by the reading thread and read after `group.wait()`.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
