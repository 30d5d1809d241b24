// "Did you mean": `vanban serach viet a` names the command it did not know and the one it is
// closest to, instead of ArgumentParser's "3 unexpected arguments" (the root command takes none).

/// The message for a first argument that is not a subcommand, with the nearest name when it is
/// a likely typo.
enum CommandSuggestion {
  /// The message when `arguments` (without the program name) start with a word that is neither
  /// one of `commands` nor of `aliases`; nil when they start with a known name or an option,
  /// which ArgumentParser's own message is about. Only `commands` are listed.
  static func message(arguments: [String], commands: [String], aliases: [String]) -> String? {
    let names = commands + aliases
    guard let word = arguments.first, !word.hasPrefix("-"), !names.contains(word) else { return nil }
    if let name = closest(to: word, among: names) {
      return "unknown command `\(word)`; did you mean `\(name)`?"
    }
    return "unknown command `\(word)` (commands: \(commands.joined(separator: ", ")))"
  }

  /// The name nearest to `word` (ignoring case) if it is a likely typo: one edit away for a name
  /// of up to 4 letters, two for a longer one. The first of equally near names.
  static func closest(to word: String, among names: [String]) -> String? {
    let typed = word.lowercased()
    var best: (name: String, distance: Int)?
    for name in names {
      let d = distance(typed, name.lowercased())
      guard d <= (name.count <= 4 ? 1 : 2) else { continue }
      if best == nil || d < best!.distance { best = (name, d) }
    }
    return best?.name
  }

  /// Edit distance counting an insertion, a deletion, a substitution or a swap of two adjacent
  /// characters as one edit (Damerau–Levenshtein, optimal string alignment).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    // d[i][j]: the distance between the first i characters of a and the first j of b.
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
