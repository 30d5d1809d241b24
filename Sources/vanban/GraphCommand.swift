import ArgumentParser
import VanbanCLI
import VanbanKit

struct GraphCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot, svg, json
  }

  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "The citation neighbourhood of a document or a number, as Graphviz DOT, SVG or JSON.",
    // Written out: the generated one lists every option and runs past 80 columns.
    usage: "vanban graph [<options>] <start>",
    discussion: """
      From a number: every document citing it (and any indexed document with that number); from a \
      document id or path: what it cites and who cites it. Each --depth level goes one citation \
      further. Indexed documents are filled boxes; numbers only cited are dashed ellipses, one per \
      date cited (16/CT-TTg of 2020 and of 2022 are two documents). svg needs Graphviz's `dot`.

      Examples:
        vanban graph 16/CT-TTg --depth 2 --format svg > 16-ct-ttg.svg
        vanban graph 003_32c798e237f9dc40 | dot -Tpng > 003.png
        vanban graph 16/CT-TTg --format json
      """)

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Citation hops from the start.")
  var depth = 1
  @Option(help: "Output format: dot, svg or json.")
  var format: Format = .dot
  @Option(help: "At most this many nodes (a note says when the graph was cut).")
  var maxNodes = 200
  @Argument(help: "A document number (16/CT-TTg), or an indexed document's id or path.")
  var start: String

  func validate() throws {
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be 1 or more") }
  }

  func run() throws {
    var graph = try Searcher(indexes: location.locations).citationGraph(start, depth: depth, maxNodes: maxNodes)
    let cut = CitationGraph.cutNote(maxNodes: maxNodes)
    graph.notes = graph.notes.map { $0 == cut ? $0 + "; use a smaller --depth" : $0 }
    switch format {
    case .dot: Terminal.out(GraphPrinter.dot(graph))
    case .svg: Terminal.out(try GraphPrinter.svg(graph))
    case .json: Terminal.out(try GraphPrinter.json(graph))
    }
    for note in graph.notes { Terminal.err("vanban: note: \(note)\n") }
    if !graph.hasNeighbours { throw ExitCode(1) }
  }
}
