// "Did you mean": the edit distance, which names are near enough to suggest, and which first
// arguments are left to ArgumentParser's own message.

import Testing

@testable import vanban

@Suite struct CommandSuggestionTests {
  static let commands = ["index", "search", "refs", "cites", "show", "stats", "compact", "query-help", "graph"]
  static let aliases = ["query", "help"]

  @Test func distanceCountsEditsAndAdjacentSwaps() {
    #expect(CommandSuggestion.distance("search", "search") == 0)
    #expect(CommandSuggestion.distance("serach", "search") == 1)  // swap
    #expect(CommandSuggestion.distance("seach", "search") == 1)  // deletion
    #expect(CommandSuggestion.distance("searchh", "search") == 1)  // insertion
    #expect(CommandSuggestion.distance("sezrch", "search") == 1)  // substitution
    #expect(CommandSuggestion.distance("srch", "search") == 2)
    #expect(CommandSuggestion.distance("", "show") == 4)
    #expect(CommandSuggestion.distance("ca", "abc") == 3)  // optimal string alignment, not full Damerau
    #expect(CommandSuggestion.distance("chỉ", "chi") == 1)
  }

  @Test func nearNamesAreSuggested() {
    let names = Self.commands + Self.aliases
    #expect(CommandSuggestion.closest(to: "serach", among: names) == "search")
    #expect(CommandSuggestion.closest(to: "Search", among: names) == "search")
    #expect(CommandSuggestion.closest(to: "shwo", among: names) == "show")
    #expect(CommandSuggestion.closest(to: "stat", among: names) == "stats")
    #expect(CommandSuggestion.closest(to: "indx", among: names) == "index")
    #expect(CommandSuggestion.closest(to: "compcat", among: names) == "compact")
    #expect(CommandSuggestion.closest(to: "hlep", among: names) == "help")
  }

  @Test func farWordsAreNot() {
    let names = Self.commands + Self.aliases
    // A short name takes one edit only: "sow" is one from "show", "sw" two.
    #expect(CommandSuggestion.closest(to: "sw", among: names) == nil)
    #expect(CommandSuggestion.closest(to: "viet", among: names) == nil)
    #expect(CommandSuggestion.closest(to: "tiêm", among: names) == nil)
    #expect(CommandSuggestion.closest(to: "corpus", among: names) == nil)
  }

  @Test func knownNamesAndOptionsAreLeftToArgumentParser() {
    for arguments in [["search", "--bogus"], ["query"], ["help", "serach"], ["--bogus"], []] {
      #expect(
        CommandSuggestion.message(arguments: arguments, commands: Self.commands, aliases: Self.aliases) == nil,
        "\(arguments)")
    }
  }

  @Test func messages() {
    #expect(
      CommandSuggestion.message(arguments: ["serach", "viet", "a"], commands: Self.commands, aliases: Self.aliases)
        == "unknown command `serach`; did you mean `search`?")
    #expect(
      CommandSuggestion.message(arguments: ["viet", "a"], commands: ["index", "search"], aliases: ["help"])
        == "unknown command `viet` (commands: index, search)")
  }
}
