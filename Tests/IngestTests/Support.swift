import Foundation
import Testing
@testable import Ingest
import ThreadModel

/// Path of a fixture file shipped with the tests.
func fixture(_ name: String) throws -> String {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// `../shared` beside the package root, or nil when it is absent.
func sharedDirectory() -> String? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: shared) ? shared : nil
}

/// A fresh temporary directory for generated inputs.
func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func write(_ bytes: [UInt8], to url: URL) throws {
    try Data(bytes).write(to: url)
}

extension IngestResult {
    func codes(_ severity: InputProblem.Severity) -> [String] {
        problems.filter { $0.severity == severity }.map(\.code)
    }
}

extension DiscussionThread {
    func comment(_ id: String) -> ThreadModel.Comment? { comments.first { $0.id == id } }
}
