// The words the signature parser reads, and the reader that splits lines into them.
//
// The parser reads every line of the windows where a body may end, and in a short dispatch that
// is the whole text: splitting each line into classified words was most of the extractor's time.
// Most of those lines are prose, and a prose line cannot take part in a block: a block starts at
// an authority prefix, a word in capitals or `(Đã ký)`, and runs on over capitals, a rank and a
// name. So a line is first screened by its scalars, and a line with no capitals, no prefix and
// no `(Đã ký)` stands as a single `.other` word, unless a block could reach it: the three lines
// after one that may hold a block (rank, name) and the line before an `(Đã ký)` (a name signed
// without a title) keep their words. Either way the parser finds the same blocks.

import Foundation

extension SignatureParser {
  enum Kind: Equatable {
    case prefix(party: Bool)
    case caps  // every letter upper case
    case name  // capital then lower case: a word of a person's name
    case joiner  // `-`, `,`, `&` between capitals
    case signedNote  // `(Đã ký)`
    case other
  }

  struct Word {
    let text: Substring
    let line: Int
    let kind: Kind
    /// Folded without a trailing comma, for capitals only (titles are looked up by it).
    let folded: String
    let trailingComma: Bool

    init(text: Substring, line: Int, kind: Kind) {
      self.text = text
      self.line = line
      self.kind = kind
      trailingComma = kind == .caps && text.utf8.last == 0x2C
      folded = kind == .caps ? ScalarText.fold(trailingComma ? text.dropLast() : text) : ""
    }
  }

  static let prefixes: [String: Bool] = [
    "TM.": false, "KT.": false, "TL.": false, "TUQ.": false, "Q.": false, "TM": false, "KT": false, "TL": false,
    "T/M": true, "K/T": true, "T/L": true, "T.M": true, "K.T": true, "T.L": true, "T.M.": true, "K.T.": true,
    "T.L.": true,
  ]

  /// Words of the lines `lines` of the text, each line split once however many windows hold it.
  struct WordReader {
    let lines: ArraySlice<Substring>
    /// Per line, `Screen` bits; 0 until screened.
    private var screens: [UInt8]
    /// Per line, its words once split.
    private var cache: [[Word]?]

    /// Whether prose lines stand as one word (false: every line is split).
    let screening: Bool

    init(_ lines: ArraySlice<Substring>, screening: Bool = true) {
      self.lines = lines
      self.screening = screening
      screens = [UInt8](repeating: 0, count: lines.count)
      cache = [[Word]?](repeating: nil, count: lines.count)
    }

    mutating func words(_ range: Range<Int>) -> [Word] {
      var out: [Word] = []
      for i in range {
        if let known = cache[i - lines.startIndex] {
          out += known
          continue
        }
        let s = screen(i)
        let these: [Word]
        if s & Screen.blank != 0 {
          these = []
        } else if needsWords(i) {
          these = SignatureParser.words(of: lines[i], line: i, simple: s & Screen.simple != 0)
        } else {
          these = [Word(text: lines[i], line: i, kind: .other)]
        }
        cache[i - lines.startIndex] = these
        out += these
      }
      return out
    }

    /// Whether a block could start in line `i` or reach into it.
    private mutating func needsWords(_ i: Int) -> Bool {
      let own = screen(i)
      if !screening || own & (Screen.start | Screen.signed) != 0 { return true }
      // A block runs on for a few lines after its start (title, `(Đã ký)`, rank, name).
      var seen = 0
      var k = i - 1
      while k >= max(lines.startIndex, i - Self.blankReach), seen < Self.reach {
        let s = screen(k)
        if s & Screen.blank == 0 {
          if s & (Screen.start | Screen.signed) != 0 { return true }
          seen += 1
        }
        k -= 1
      }
      // Ahead: a name on its own line, then `(Đã ký)`; capitals that run into a title
      // (`ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`).
      seen = 0
      k = i + 1
      while k < min(lines.endIndex, i + Self.blankReach), seen < Self.reach {
        let s = screen(k)
        if s & Screen.blank == 0 {
          if seen == 0, s & Screen.signed != 0 { return true }
          if own & Screen.caps == 0 { return false }
          if s & Screen.start != 0 { return true }
          if s & Screen.caps == 0 { return false }
          seen += 1
        }
        k += 1
      }
      return false
    }

    /// Lines a block reaches past the line it starts on, and capitals lines before its title.
    static let reach = 3
    /// Blank lines looked across for a neighbour.
    static let blankReach = 50

    private mutating func screen(_ i: Int) -> UInt8 {
      let slot = i - lines.startIndex
      if screens[slot] == 0 { screens[slot] = Screen.of(lines[i]) }
      return screens[slot]
    }
  }

  /// What a line may hold, read from its scalars without splitting it into words.
  enum Screen {
    static let known: UInt8 = 1
    /// Only spaces, tabs and `|`: no word.
    static let blank: UInt8 = 2
    /// A block may start here: an authority prefix (`TM.`, `K/T`), a word in capitals that is a
    /// word of a title (`CHỦ`, `TRƯỞNG`, `ỦY`), a scalar outside the table, or no letter at all
    /// (joiners and rules, which a run of capitals passes over).
    static let start: UInt8 = 4
    /// `(` or `[` before `d`, `đ` or `k`: maybe `(Đã ký)`, `[daky]`, `(Ký)`.
    static let signed: UInt8 = 8
    /// Every scalar is a grapheme of its own (ScalarText): the line splits at bytes.
    static let simple: UInt8 = 16
    /// A capital not followed by a small letter: a word in capitals may stand here.
    static let caps: UInt8 = 32

    /// Each title word's letters, packed as `of` packs a word's letters.
    static let titlePacks: Set<UInt64> = Set(
      titleWords.map { w in w.utf8.filter { $0 >= 0x61 && $0 <= 0x7A }.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    static func of(_ line: Substring) -> UInt8 {
      line.utf8.withContiguousStorageIfAvailable { of($0) } ?? Array(line.utf8).withUnsafeBufferPointer { of($0) }
    }

    /// The same over the line's UTF-8 (valid: it comes from a String).
    static func of(_ b: UnsafeBufferPointer<UInt8>) -> UInt8 {
      let t = ScalarText.table
      var m = known | simple
      var sawWord = false
      var sawLetter = false
      var previousUpper = false
      var previous: UInt32 = 0x20
      // The word being read: its letters folded and packed (up to eight), and whether they are
      // all capitals.
      let folding = VietnameseLetters.shared
      let packs = titlePacks
      var pack: UInt64 = 0
      var packed = 0
      var letters = 0
      var lower = false
      var i = 0
      let n = b.count
      while i < n {
        let c = b[i]
        // A small ASCII letter, the commonest byte: it only ends a run of capitals.
        if c >= 0x61, c <= 0x7A {
          if (previous == 0x28 || previous == 0x5B) && (c == 0x64 || c == 0x6B) { m |= signed }  // `(da ky)`
          sawWord = true
          sawLetter = true
          letters += 1
          lower = true
          previousUpper = false
          previous = UInt32(c)
          i += 1
          continue
        }
        var v = UInt32(c)
        var len = 1
        if c >= 0x80 {
          if c & 0xE0 == 0xC0, i + 1 < n {
            v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            len = 2
          } else if c & 0xF0 == 0xE0, i + 2 < n {
            v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            len = 3
          } else {
            v = 0x10000  // outside the table
            len = 1
            while i + len < n, b[i + len] & 0xC0 == 0x80 { len += 1 }
          }
        }
        if v == 0x20 || v == 0x09 || v == 0x7C {
          if previousUpper { m |= caps }
          // A title word has two to eight letters; a longer word in capitals is let through.
          if letters >= 2, !lower, packed > 8 || packs.contains(pack) { m |= start }
          letters = 0
          lower = false
          pack = 0
          packed = 0
          previousUpper = false
          previous = 0x20
          i += 1
          continue
        }
        if previous == 0x20 {
          // `TM.`, `TL`, `TUQ.`, `T/M`, `T.M`, `KT.`, `K/T`, `K.T`, `Q.`
          if i + 1 < n {
            let w = b[i + 1]
            switch c {
            case 0x54: if w == 0x4D || w == 0x4C || w == 0x55 || w == 0x2F || w == 0x2E { m |= start }
            case 0x4B: if w == 0x54 || w == 0x2F || w == 0x2E { m |= start }
            case 0x51: if w == 0x2E { m |= start }
            default: break
            }
          }
        }
        sawWord = true
        let f = ScalarText.flags(v, t)
        if f == 0 {
          m = (m & ~simple) | start | caps
          previousUpper = false
          previous = v
          i += len
          continue
        }
        if previous == 0x28 || previous == 0x5B,
          v == 0x64 || v == 0x44 || v == 0x6B || v == 0x4B || v == 0x110 || v == 0x111
        {
          m |= signed
        }
        if previousUpper, f & ScalarText.lower == 0 { m |= caps }
        let isLetter = f & ScalarText.letter != 0
        if isLetter {
          sawLetter = true
          letters += 1
          if f & ScalarText.upper == 0 {
            lower = true
          } else if !lower, m & start == 0 {
            // Only a word still in capitals may be a title word: fold just those letters.
            let folded = folding.foldScalar(v)
            if packed < 8, folded >= 0x61, folded <= 0x7A { pack = pack << 8 | UInt64(folded) }
            packed += 1
          }
        }
        previousUpper = isLetter && f & ScalarText.upper != 0
        previous = v
        i += len
      }
      if previousUpper { m |= caps }
      if letters >= 2, !lower, packed > 8 || packs.contains(pack) { m |= start }
      if !sawWord { return known | blank }
      if !sawLetter { m |= start | caps }
      return m
    }
  }

  /// The words of one line. A simple line (see `Screen.simple`) is split and classified by bytes
  /// and scalar flags; any other by Characters.
  static func words(of line: Substring, line i: Int, simple: Bool) -> [Word] {
    if let note = signingNoteLine(line) { return [Word(text: note, line: i, kind: .signedNote)] }
    var out: [Word] = []
    var pieces: [Substring] = []
    if simple {
      let u = line.utf8
      let offsets: [Range<Int>]? = u.withContiguousStorageIfAvailable { b in
        var r: [Range<Int>] = []
        var start = -1
        for k in 0..<b.count {
          let c = b[k]
          if c == 0x20 || c == 0x09 || c == 0x7C {
            if start >= 0 { r.append(start..<k) }
            start = -1
          } else if start < 0 {
            start = k
          }
        }
        if start >= 0 { r.append(start..<b.count) }
        return r
      }
      if let offsets {
        pieces.reserveCapacity(offsets.count)
        for r in offsets {
          let a = u.index(u.startIndex, offsetBy: r.lowerBound)
          pieces.append(Substring(u[a..<u.index(a, offsetBy: r.count)]))
        }
      } else {
        pieces = u.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x7C }).map { Substring($0) }
      }
    } else {
      pieces = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" })
    }
    // `(Đã ký)`, `(Đã ký và đóng dấu)` after a name: split at spaces, joined again.
    var k = 0
    while k + 1 < pieces.count {
      if let b = pieces[k].utf8.first, b == 0x28 || b == 0x5B, !closesBracket(pieces[k]),
        let end = pieces[(k + 1)...].prefix(5).firstIndex(where: closesBracket)
      {
        let joined = pieces[k...end].joined(separator: " ")
        if isSigningNote(ScalarText.fold(joined), bracketed: true) {
          pieces[k] = Substring(joined)
          pieces.removeSubrange((k + 1)...end)
        }
      }
      k += 1
    }
    out.reserveCapacity(pieces.count + 1)
    for piece in pieces {
      let p = stampTrimmed(piece)
      if p.isEmpty { continue }
      // `KT.CHỦ` glued.
      // A prefix that ends in a dot is three or four bytes (`TM.`, `TUQ.`), all ASCII.
      let u8 = p.utf8
      if u8.count > 3, let c = u8.first, c == 0x4B || c == 0x54 || c == 0x51,
        let dot = u8.prefix(4).firstIndex(of: 0x2E),
        u8.index(after: dot) != u8.endIndex
      {
        let head = Substring(u8[...dot])
        if head.utf8.count >= 3, let party = prefixes[String(head)] {
          out.append(Word(text: head, line: i, kind: .prefix(party: party)))
          let rest = Substring(u8[u8.index(after: dot)...])
          out.append(Word(text: rest, line: i, kind: kind(of: rest, lineStart: false, simple: simple)))
          continue
        }
      }
      out.append(Word(text: p, line: i, kind: kind(of: p, lineStart: out.isEmpty, simple: simple)))
    }
    return out
  }

  /// A piece without what a signature's image leaves in the Công báo's PDFs: a `[` or `]` of its
  /// own between the title and the name, or `y]` glued to the title (`PHÓ THỦ TƯỚNGy]`) or to
  /// the name (`y]Phạm`).
  static func stampTrimmed(_ p: Substring) -> Substring {
    let u = p.utf8
    if let close = u.prefix(4).firstIndex(of: 0x5D), u[..<close].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
      let rest = Substring(u[u.index(after: close)...])
      if rest.first?.isUppercase == true { return rest }
    }
    guard let last = u.last, last == 0x5D || u.first == 0x5B else { return p }
    if u.count == 1 { return p.dropLast() }
    guard last == 0x5D, !u.contains(0x5B) else { return p }
    let s = p.dropLast()
    var t = s
    while let c = t.last, c.isASCII, c.isLowercase { t = t.dropLast() }
    return t.count < s.count && t.last?.isUppercase == true ? t : s
  }

  /// Letter counts for `kind` over a simple word's bytes (valid UTF-8, scalars in the table):
  /// letters, upper-case letters, first letter upper, the rest lower, `(`/`)`/`:` seen, scalars.
  /// nil for a word that is `.other` (a digit, a symbol).
  private static func simpleKind(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Bool, Bool, Bool, Int)? {
    let t = ScalarText.table
    var letters = 0
    var upper = 0
    var firstUpper = false
    var restLower = true
    var punctuation = false
    var count = 0
    // After an apostrophe inside a name (`H'Đơk`, `H’Yim`) a capital may follow.
    var afterApostrophe = false
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      var v = UInt32(c)
      if c < 0x80 {
        i += 1
      } else if let (v23, length) = UTF8Bytes.scalar2or3(b, i) {
        v = v23
        i += length
      } else {
        return nil  // not in the table: the line was not simple
      }
      count += 1
      let f = ScalarText.flags(v, t)
      if f & ScalarText.letter != 0 {
        if letters == 0 {
          firstUpper = f & ScalarText.upper != 0
        } else if f & ScalarText.lower == 0 && !afterApostrophe {
          restLower = false
        }
        letters += 1
        if f & ScalarText.upper != 0 { upper += 1 }
        afterApostrophe = false
      } else if f & ScalarText.number != 0 {
        return nil
      } else {
        switch v {
        case 0x28, 0x29, 0x3A: punctuation = true  // ( ) :
        case 0x2C, 0x2E, 0x3B, 0x2D, 0x2013: break  // , . ; - –
        case 0x27, 0x2019:  // ' ’ between letters
          guard letters > 0, i < n else { return nil }
          afterApostrophe = true
        default: return nil
        }
      }
    }
    return (letters, upper, firstUpper, restLower, punctuation, count)
  }

  private static func kind(of w: Substring, lineStart: Bool, simple: Bool) -> Kind {
    let u8 = w.utf8
    guard let b0 = u8.first else { return .other }
    if u8.count <= 4, b0 == 0x54 || b0 == 0x4B || b0 == 0x51, let party = prefixes[String(w)] {
      // A bare `TM`/`KT`/`TL` is a prefix only at the start of a line (prefixes are ASCII: a
      // byte is a Character).
      if u8.count > 2 || lineStart || u8.contains(0x2F) { return .prefix(party: party) }
    }
    let n = u8.count
    if n == 1, b0 == 0x2D || b0 == 0x2C || b0 == 0x26 { return .joiner }
    if n == 3, b0 == 0xE2, w.unicodeScalars.first == "\u{2013}" { return .joiner }  // `–`
    if b0 == 0x28 || b0 == 0x5B, isSigningNote(ScalarText.fold(w), bracketed: true) { return .signedNote }
    var letters = 0
    var upper = 0
    var firstUpper = false
    var restLower = true
    var punctuation = false
    var count = 0
    if simple, let r = w.utf8.withContiguousStorageIfAvailable({ simpleKind($0) }) {
      // Each scalar is a Character: its flags are the Character's properties.
      guard let r else { return .other }
      (letters, upper, firstUpper, restLower, punctuation, count) = r
    } else {
      var afterApostrophe = false
      for c in w {
        count += 1
        if c.isLetter {
          if letters == 0 {
            firstUpper = c.isUppercase
          } else if !c.isLowercase && !afterApostrophe {
            restLower = false
          }
          letters += 1
          if c.isUppercase { upper += 1 }
          afterApostrophe = false
        } else if c.isNumber {
          return .other
        } else if ",.;:-–()".contains(c) {
          if c == "(" || c == ")" || c == ":" { punctuation = true }
        } else if c == "'" || c == "\u{2019}", letters > 0 {
          afterApostrophe = true
        } else {
          return .other
        }
      }
      if afterApostrophe { return .other }  // `'` ends the word: a quote, not a name's
    }
    guard letters > 0 else { return .other }
    if upper == letters, letters >= 2 || count <= 2 { return .caps }
    if firstUpper, restLower, !punctuation { return .name }
    return .other
  }

  // MARK: - Signing notes

  /// The line itself when it is only a signing note (`(Đã ký)`, `[đã ký]`, `Đã ký`,
  /// `(Đã ký và đóng dấu)`, `( Ký, đóng dấu )`): web copies print one where the signature was.
  static func signingNoteLine(_ line: Substring) -> Substring? {
    let trimmed = noteTrimmer.trim(line)
    let u = trimmed.utf8
    // Short, and starting with a bracket, `Đ`/`đ`, `D`/`d` or `K`/`k`: most lines stop here.
    guard let b0 = u.first, u.count <= 48,
      b0 == 0x28 || b0 == 0x5B || b0 == 0xC4 || b0 == 0x44 || b0 == 0x64 || b0 == 0x4B || b0 == 0x6B
    else { return nil }
    return isSigningNote(ScalarText.fold(trimmed), bracketed: b0 == 0x28 || b0 == 0x5B) ? Substring(trimmed) : nil
  }

  private static let noteTrimmer = ScalarText.Trimmer(CharacterSet(charactersIn: " \t"))

  /// Whether `s` ends with `)` or `]`, before any `.`, `,`, `;` or `:` (`(Đã ký).`).
  private static func closesBracket(_ s: Substring) -> Bool {
    guard let last = s.utf8.reversed().first(where: { $0 != 0x2E && $0 != 0x2C && $0 != 0x3B && $0 != 0x3A }) else {
      return false
    }
    return last == 0x29 || last == 0x5D
  }

  /// Whether folded `f` is a signing note: `đã ký` or `ký`, then at most `và`, `đóng dấu`, `tên`
  /// (`(đã ký tên và đóng dấu)`), in brackets or not; `(signed)`. Without brackets it must start
  /// `đã ký`, so a line that is only the word `Ký` is not taken for one.
  static func isSigningNote(_ f: String, bracketed: Bool) -> Bool {
    var words = f.split(whereSeparator: { " \t,.;:()[]".contains($0) })
    if bracketed, !closesBracket(Substring(f)) { return false }
    if words == ["daky"] || (bracketed && words == ["signed"]) { return true }
    if words.first == "da" {
      words.removeFirst()
    } else if !bracketed {
      return false
    }
    guard words.first == "ky" else { return false }
    return words.dropFirst().allSatisfy { $0 == "va" || $0 == "dong" || $0 == "dau" || $0 == "ten" }
  }
}
