// Issue N: the one place a Xapian error about a whole index becomes a domain error, driven by
// XapianError's code and condition (the message text is read only in the Xapian module).
import Testing
import Xapian

@testable import VanbanKit

@Suite struct VanbanErrorMappingTests {
  static let index = "/data/idx"

  static let cases: [(XapianError, VanbanError)] = [
    (
      XapianError(code: .databaseLock, message: "Unable to get write lock on /data/idx: already locked"),
      .indexLocked(index)
    ),
    (
      XapianError(code: .databaseLock, message: "Unable to get write lock on /data/idx: Testing lock"),
      .io("cannot write to the index at /data/idx: Unable to get write lock on /data/idx: Testing lock")
    ),
    (XapianError(code: .databaseNotFound, message: "No such file"), .indexNotFound(index)),
    (
      XapianError(code: .databaseOpening, message: "Couldn't detect type"), .indexCorrupt(index, "Couldn't detect type")
    ),
    (
      XapianError(code: .databaseOpening, message: "Couldn't open /data/idx/postlist.glass (Too many open files)"),
      .io(
        "cannot open the index at /data/idx now: Couldn't open /data/idx/postlist.glass (Too many open files) "
          + "(the limit on open files, ulimit -n)")
    ),
    (XapianError(code: .databaseVersion, message: "old"), .indexCorrupt(index, "old")),
    (XapianError(code: .databaseCorrupt, message: "bad block"), .indexCorrupt(index, "bad block")),
    (
      XapianError(code: .databaseError, message: "Error reading block 3: Input/output error"),
      .indexCorrupt(index, "Error reading block 3: Input/output error")
    ),
    (XapianError(code: .databaseError, message: "EOF reading block 3"), .indexCorrupt(index, "EOF reading block 3")),
    (XapianError(code: .databaseError, message: "unexpected EOF"), .indexCorrupt(index, "unexpected EOF")),
    (XapianError(code: .databaseError, message: "Permission denied"), .xapian("/data/idx: Permission denied")),
    (XapianError(code: .databaseModified, message: "discarded"), .xapian("/data/idx: discarded")),
    (XapianError(code: .network, message: "refused"), .remote(index, "refused")),
    (XapianError(code: .networkTimeout, message: "timeout"), .remote(index, "timeout")),
  ]

  @Test(arguments: cases)
  func mapsToTheDomainError(_ error: XapianError, _ expected: VanbanError) {
    #expect(VanbanError.from(error, index: Self.index) as? VanbanError == expected)
  }

  @Test func remoteOpeningErrorsAreRemote() {
    let e = XapianError(code: .databaseOpening, message: "no server")
    #expect(VanbanError.from(e, index: "tcp://h:1") as? VanbanError == .remote("tcp://h:1", "no server"))
  }

  @Test func otherErrorsPassThrough() {
    struct Other: Error {}
    #expect(VanbanError.from(Other(), index: Self.index) is Other)
  }
}
