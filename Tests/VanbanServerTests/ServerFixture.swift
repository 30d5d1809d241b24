// A seed index in a temporary folder, and a server application over it, for the route tests.

import Foundation
import Hummingbird
import HummingbirdTesting
import VanbanKit
import VanbanServer
import VanbanTestSupport

/// The five seeds copied into `docs/` and indexed into `index/`, so a test can add a file later.
final class SeedServer: @unchecked Sendable {
  let folder: TemporaryDirectory
  var docs: String { folder.sub("docs") }
  var index: String { folder.sub("index") }

  init() throws {
    folder = try TemporaryDirectory(prefix: "vanban-serve")
    try FileManager.default.copyItem(atPath: TestPaths.corpus.path, toPath: docs)
    try reindex()
  }

  /// Indexes `docs/` into `index/` again: new files are added, in a commit of their own.
  func reindex() throws {
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [docs]))
  }

  func application(
    users: UserFile? = nil, corsOrigin: String? = nil,
    searchTimeLimit: Double? = SearchRequest.serverTimeLimit
  ) throws -> some ApplicationProtocol {
    let settings = ServerSettings(
      index: try IndexService(locations: [index], searchTimeLimit: searchTimeLimit), users: users,
      corsOrigin: corsOrigin)
    return Application(router: VanbanServer.router(settings))
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }
  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }
}
