// The accented form of words typed without marks, read from the documents that match them.
//
// `tiem chung` is shown as `tiêm chủng` because the texts write it so. Restoring each word from
// wherever it first appears made a patchwork: `phong chay chua chai` became `phòng chảy chưa chai`,
// `chảy` (flows) and `chưa` (not yet) taken from unrelated sentences. A word's form is read from
// a place where it stands with its neighbours in the query, as a run of two or more words; a word
// that stands with none of them gets a form only when the texts nearly always write it one way.

/// The accented forms the matching documents give to a sequence of folded words.
enum AccentForms {
  /// Share of a lone word's occurrences its commonest form must have to be shown.
  static let dominantShare = 0.9

  /// For each of `folded` (words in query order), the form the texts give it: from the longest
  /// run of query words standing together in one text, else the form that holds
  /// `dominantShare` of its occurrences, else nil.
  static func forms(of folded: [String], in texts: [String]) -> [String?] {
    guard !folded.isEmpty else { return [] }
    let wanted = Set(folded)
    let documents: [[Word]] = texts.map { WordTokenizer.words(in: $0) }
    var counts: [String: [String: Int]] = [:]
    for doc in documents {
      for w in doc where wanted.contains(w.folded) { counts[w.folded, default: [:]][w.exact, default: 0] += 1 }
    }
    var out = [String?](repeating: nil, count: folded.count)
    var i = 0
    while i < folded.count {
      if let run = longestRun(from: i, of: folded, in: documents) {
        for (k, form) in run.enumerated() { out[i + k] = form }
        i += run.count
        continue
      }
      out[i] = dominant(counts[folded[i]] ?? [:])
      i += 1
    }
    return out
  }

  /// The forms of the longest run `folded[start...]` (two words or more) that stands together in
  /// one of the texts, as the texts most often write that run.
  static func longestRun(from start: Int, of folded: [String], in documents: [[Word]]) -> [String]? {
    var best: [String]? = nil
    var length = 2
    while start + length <= folded.count {
      let run = Array(folded[start..<(start + length)])
      var seen: [[String]: Int] = [:]
      for doc in documents where doc.count >= length {
        for j in 0...(doc.count - length) where doc[j].folded == run[0] {
          if (1..<length).allSatisfy({ doc[j + $0].folded == run[$0] }) {
            seen[(0..<length).map { doc[j + $0].exact }, default: 0] += 1
          }
        }
      }
      // A longer run that is never seen cannot be seen with more words either.
      guard let top = seen.max(by: { ($0.value, $1.key.joined()) < ($1.value, $0.key.joined()) }) else { break }
      best = top.key
      length += 1
    }
    return best
  }

  /// The form holding `dominantShare` of a word's occurrences, if one does.
  static func dominant(_ forms: [String: Int]) -> String? {
    let total = forms.values.reduce(0, +)
    guard total > 0, let top = forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
    else { return nil }
    return Double(top.value) >= dominantShare * Double(total) ? top.key : nil
  }
}
