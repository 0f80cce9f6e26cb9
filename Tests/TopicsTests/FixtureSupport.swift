import Foundation
import Testing

/// Test fixtures beside this file, and the shared reference folder (absent on some machines).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// `../shared` relative to the package root.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Record: Decodable { var id: String; var text: String; var label: String? }

    /// Reads a JSONL file of `{"id", "text"[, "label"]}` objects.
    static func jsonl(_ url: URL) throws -> [Record] {
        let data = try Data(contentsOf: url)
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Record.self, from: Data($0)) }
    }
}
