// The ranking constants, in one place, with where each value comes from.
//
// Measured with ../shared/tools/eval_relevance.py on ALQAC 2023 (see README "Ranking"); the
// environment variable VANBAN_RANKING="k1=1.2,b=0.75,bigram=1,exactTerm=1,exactShare=0.9,common=0.33,title=1" overrides them
// for tuning runs, so a sweep needs no rebuild.

import Foundation

/// The weights the ranking uses (BM25 and the boosts of bigrams and exact terms), tunable for evaluation.
public struct RankingParameters: Sendable, Equatable {
  /// BM25 term-frequency saturation and length normalisation (Robertson's usual 1.2 / 0.75).
  public var k1 = 1.2
  public var b = 0.75
  /// Weight of the bigram term of two adjacent query words (folded), relative to a word.
  public var bigram = 1.0
  /// Weight of the exact term of an accented word, relative to its folded term.
  public var exactTerm = 1.0
  /// An accented word's exact term is a boost only while it tells documents apart: when this share
  /// or more of the documents with the folded word have the exact form too (`phòng` among `phong`),
  /// it would add about the same weight to nearly every match, yet it costs a posting list read
  /// for each (gen-100k topic p50 7.8 → 6.1 ms, Xapian alone). 1 keeps every boost.
  public var exactBoostMaxShare = 0.9
  /// An optional boost (an accented word's exact term, or the bigram of two adjacent words) that
  /// this share of all the documents or more hold is left out. Past a third, Xapian's BM25 flattens
  /// a term's idf (to ln 1.5 ≈ 0.4 for a term in half the documents, against ln 19 ≈ 2.9 for one in
  /// a twentieth), so such a boost reorders little; but weighing it stops Xapian from pruning: it
  /// must then weigh every match, and for a phrase check the positions of each (`"ban nhân dân"`
  /// on gen-1m: 94 ms without its exact terms, 310 ms with them). Forced onto ALQAC's 2,249
  /// passages (below the floor that follows): 0.832 / 0.836 with every boost, 0.834 / 0.842 at a
  /// third. 1 keeps every boost.
  public var commonBoostShare = 1.0 / 3
  /// …and only once it is held by this many documents: below that, weighing it costs little, and
  /// in a small folder (where a third of the files may say `Việt`) the exact forms still rank first.
  public var commonBoostMinDocuments = 10_000
  /// Weight per word of a name the query starts with (TitleHeads), times the name's idf: known-item
  /// search. 0 turns it off.
  public var title = 1.0

  public init() {}

  public static let current: RankingParameters = {
    var p = RankingParameters()
    guard let spec = ProcessInfo.processInfo.environment["VANBAN_RANKING"] else { return p }
    for item in spec.split(separator: ",") {
      let kv = item.split(separator: "=")
      guard kv.count == 2, let v = Double(kv[1]), v.isFinite, v >= 0 else { continue }
      switch kv[0] {
      case "k1": p.k1 = v
      case "b": p.b = v
      case "bigram": p.bigram = v
      case "exactTerm": p.exactTerm = v
      case "exactShare": p.exactBoostMaxShare = v
      case "title": p.title = v
      case "common": p.commonBoostShare = v
      default: continue
      }
    }
    return p
  }()
}
