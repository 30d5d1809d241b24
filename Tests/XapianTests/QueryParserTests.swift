// QueryParserTests.swift - query text to queries: prefixes, filters,
// wildcards, spelling, and syntax errors as thrown errors.
import Testing
import Xapian

@Suite struct QueryParserTests {
  @Test func syntaxErrorThrowsQueryParserError() {
    let parser = QueryParser()
    #expect {
      try parser.parse("AND (", flags: [.boolean, .phrase])
    } throws: { error in
      guard let error = error as? XapianError else { return false }
      return error.code == .queryParser
        && error.context == "parsing query \"AND (\""
        && error.description.hasPrefix("Xapian error (queryParser): Syntax")
    }
  }

  @Test func prefixesAndBooleanFilters() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let parser = QueryParser()
    try parser.setDatabase(db)
    try parser.addBooleanPrefix("coquan", "XA")
    try parser.setDefaultOperator(.and)
    #expect(try Set(search(db, parser.parse("dinh coquan:bgtvt"))) == ["3", "4"])
    #expect(try Set(search(db, parser.parse("\"nghi dinh\""))) == ["1", "3"])
    #expect(try Set(search(db, parser.parse("ve -thue"))) == ["3", "4"])
    #expect(throws: XapianError.self) { try parser.addPrefix("coquan", "XB") }
  }

  @Test func wildcardsExpandAgainstTheDatabase() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let parser = QueryParser()
    try parser.setDatabase(db)
    try parser.setMaxExpansion(10)
    #expect(try Set(search(db, parser.parse("th*", flags: [.default, .wildcard]))) == ["1", "2", "3"])
    #expect(try Set(search(db, Query(wildcard: "th"))) == ["1", "2", "3"])
  }

  @Test func spellingCorrection() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.addSpelling("thue")
    try writer.commit()
    let parser = QueryParser()
    try parser.setDatabase(Database(path: dir.path))
    _ = try parser.parse("thuee", flags: [.default, .spellingCorrection])
    #expect(try parser.correctedQueryString() == "thue")
  }

  @Test func defaultOperatorRejectsNonsense() {
    #expect {
      try QueryParser().setDefaultOperator(.andNot)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
  }
}
