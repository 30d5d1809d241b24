// The signature block at the end: authority prefix, title in capitals, signer's name.
//
//   KT. CHỦ TỊCH          ← authority: acting for the chairman
//   PHÓ CHỦ TỊCH          ← title (the first capitalised line after the last authority line)
//   Tổng Thanh Hải        ← the signer
// Authority prefixes: TM., KT., TL., TUQ., Q. (state) and T/M, K/T, T/L (Party). Without one,
// the title is the capitalised line above the name. The distribution list (`Nơi nhận:`) may come
// before or after the block; its lines are never a title or a name.

struct Signature {
  var title: String?
  var signer: String?
  /// The text after the authority prefix (`BAN THƯỜNG VỤ`, `ỦY BAN NHÂN DÂN`), when there is one.
  var authority: String?
  var partyAuthority = false
}

enum SignatureParser {
  static let tailLines = 45

  static func parse(_ lines: ArraySlice<Substring>) -> Signature {
    var sig = Signature()
    let start = max(lines.startIndex, lines.endIndex - tailLines)
    var tail: [String] = lines[start..<lines.endIndex].map { String($0).cleanedLine }
    // Drop the distribution list: from `Nơi nhận` to the end of its dash items.
    var inList = false
    for i in tail.indices {
      if FastText.foldedHasPrefix(tail[i], "noi nhan") {
        inList = true
        tail[i] = ""
        continue
      }
      if inList {
        if tail[i].isEmpty { continue }
        if let c = tail[i].first, c == "-" || c == "+" || c == "•" {
          tail[i] = ""
          continue
        }
        inList = false
      }
    }
    // The last authority line.
    var titleIndex: Int?
    if let a = tail.lastIndex(where: { authorityPrefix($0) != nil }) {
      let (rest, party) = authorityPrefix(tail[a])!
      sig.authority = rest
      sig.partyAuthority = party
      titleIndex = tail[(a + 1)...].firstIndex { !$0.isEmpty && isTitle($0) }
    }
    // The name: the first name-like line after the title (or, without a title yet, the last
    // name-like line of the document, whose title is the capitalised line above it).
    if let t = titleIndex {
      sig.title = tail[t]
      sig.signer = tail[(t + 1)...].first { isName($0) }
      return sig
    }
    guard let n = tail.lastIndex(where: { !$0.isEmpty }) else { return sig }
    if isName(tail[n]) {
      if let t = tail[..<n].lastIndex(where: { !$0.isEmpty }), isTitle(tail[t]) {
        sig.title = tail[t]
        sig.signer = tail[n]
      }
    } else if sig.authority == nil, isTitle(tail[n]), tail[n].split(separator: " ").count <= 6 {
      sig.title = tail[n]
    }
    return sig
  }

  /// `KT. CHỦ TỊCH` → (`CHỦ TỊCH`, state); `T/L BAN THƯỜNG VỤ` → (`BAN THƯỜNG VỤ`, Party).
  static func authorityPrefix(_ line: String) -> (String, Bool)? {
    let prefixes: [(String, Bool)] = [
      ("TM.", false), ("KT.", false), ("TL.", false), ("TUQ.", false), ("Q.", false),
      ("T/M", true), ("K/T", true), ("T/L", true), ("T.M", true), ("K.T", true), ("T.L", true),
      ("TM ", false), ("KT ", false), ("TL ", false),
    ]
    // Every prefix starts with T, K or Q: a line that starts with another ASCII byte has none.
    guard let b0 = line.utf8.first, b0 >= 0x80 || b0 == 0x54 || b0 == 0x4B || b0 == 0x51 else { return nil }
    for (p, party) in prefixes where line.hasPrefix(p) {
      let rest = FastText.whitespaces.trim(line.dropFirst(p.count))
      guard HeaderParser.isCapitalised(rest), rest.utf8.count <= 80 || rest.count <= 80 else { continue }
      return (rest, party)
    }
    return nil
  }

  /// A title: capitals, short, no digits or colon.
  static func isTitle(_ s: String) -> Bool {
    guard HeaderParser.isCapitalised(s), s.utf8.count <= 80 || s.count <= 80, !(s.utf8.contains(0x3A) && s.contains(":"))
    else { return false }
    if FastText.isSimple(s) {
      if s.unicodeScalars.contains(where: { FastText.flags($0.value) & FastText.number != 0 }) { return false }
      return authorityPrefix(s) == nil
    }
    return !s.contains(where: { $0.isNumber }) && authorityPrefix(s) == nil
  }

  /// A person's name: two to six words, each capitalised then lower case (`Lê Thị Hồng Anh`).
  static func isName(_ s: String) -> Bool {
    if let words = FastText.simpleWords(s) {
      // A Character is a scalar.
      guard (2...6).contains(words.count) else { return false }
      let t = FastText.table
      for w in words {
        var first = true
        for u in w.unicodeScalars {
          let f = FastText.flags(u.value, t)
          if first {
            guard f & FastText.upper != 0, f & FastText.letter != 0 else { return false }
            first = false
          } else {
            guard f & FastText.letter != 0, f & FastText.lower != 0 else { return false }
          }
        }
      }
      return true
    }
    let words = s.split(separator: " ")
    guard (2...6).contains(words.count) else { return false }
    for w in words {
      guard let f = w.first, f.isUppercase, f.isLetter else { return false }
      guard w.dropFirst().allSatisfy({ $0.isLetter && $0.isLowercase }) else { return false }
    }
    return true
  }
}

import Foundation
