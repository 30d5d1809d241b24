// TemporaryDirectory.swift - a fresh directory per test, removed afterwards.
import Foundation

final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "cxapian-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func sub(_ name: String) -> String { path + "/" + name }
}
