// libFuzzer entry point for the query path: any bytes, read as a query (lossy UTF-8, so invalid
// bytes become U+FFFD as they would from a terminal), must parse or be read as plain words, and
// a search over the seed index must answer or throw a VanbanError, never trap.
//
// The index is $VANBAN_FUZZ_INDEX (scripts/fuzz builds it from the seeds).

import Foundation
import VanbanKit

nonisolated(unsafe) private var searcher: Searcher? = {
  guard let path = ProcessInfo.processInfo.environment["VANBAN_FUZZ_INDEX"] else {
    fatalError("set VANBAN_FUZZ_INDEX to an index of the seeds (scripts/fuzz does)")
  }
  do { return try Searcher(indexes: [path]) } catch { fatalError("cannot open \(path): \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func queryFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let first = bytes.first else { return 0 }
  let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
  // The first byte picks the options, so that --any, --exact, sorting and paging are fuzzed too.
  _ = try? QueryLanguage.parse(text, defaultAnd: first & 1 == 0)
  var request = SearchRequest(text: text)
  request.any = first & 1 != 0
  request.exact = first & 2 != 0
  request.sort = [.relevance, .newest, .oldest][Int(first >> 2) % 3]
  request.facets = first & 16 != 0
  request.offset = Int(first >> 5)
  request.limit = 5
  do {
    _ = try searcher!.search(request)
  } catch is VanbanError {
    // a clear message: fine
  } catch is QuerySyntaxError {
    // a field value that does not parse (`date:2022-13`): the CLI prints it as one line, exit 2
  } catch {
    fatalError("search threw a non-domain error for \(text.debugDescription): \(error)")
  }
  return 0
}
