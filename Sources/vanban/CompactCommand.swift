import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

struct CompactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compact",
    abstract: "Rewrite the index compacted: smaller, and quicker to search.",
    discussion: """
      Xapian's tables are left about half full by many small writes; compacting rewrites them full, \
      as a first build and --rebuild already do at their end. Worth running after many incremental \
      runs. Searches go on answering from the old copy until the new one is in place.

      Examples:
        vanban compact
        vanban compact --index /srv/vanban-index --shards 2
      """)

  @OptionGroup var location: IndexLocationOptions
  @Option(help: ArgumentHelp("Keep the index's N shards instead of merging them into one.", valueName: "N"))
  var shards: Int?
  @Flag(help: "Print the summary as JSON.")
  var json = false

  func run() throws {
    guard location.locations.count == 1, let target = location.locations.first, !target.hasPrefix("tcp://") else {
      throw ValidationError("compact writes to exactly one local --index directory")
    }
    if let shards, !(1...64).contains(shards) { throw ValidationError("--shards takes 1 to 64") }
    let s: CompactionSummary
    do {
      s = try Indexer(indexPath: target).compact(shards: shards)
    } catch VanbanError.shardCountMismatch(_, let existing, let requested) {
      throw VanbanError.badArgument(
        "--shards for compact is 1 (merge) or the index's own count (\(existing)); "
          + "`vanban index --rebuild --shards \(requested)` changes it")
    }
    if json {
      Terminal.out(try WireFormat.json(s, pretty: true) + "\n")
      return
    }
    func mb(_ b: Int) -> String { String(format: "%.1f MB", Double(b) / 1_048_576) }
    Terminal.out(
      "compacted \(s.documents) documents into \(s.shards) shard\(s.shards == 1 ? "" : "s"): "
        + "\(mb(s.bytesBefore)) → \(mb(s.bytesAfter)) in \(String(format: "%.1f", s.seconds)) s\n")
  }
}
