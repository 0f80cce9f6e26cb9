import Foundation
import Testing

/// Golden-file comparison: `Tests/ReportsTests/Fixtures/golden/<name>`, re-recorded only when THREADLENS_RECORD=1.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["THREADLENS_RECORD"] == "1" }

    /// Compares `actual` with the golden file, recording it instead when asked to.
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path): run with THREADLENS_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(name) differs from its golden file (THREADLENS_RECORD=1 re-records):\n\(lineDiff(expected, actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The differing lines (up to 20), numbered, with `-` for the golden file and `+` for the output.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 40 {
            let x = i < a.count ? String(a[i]) : nil
            let y = i < b.count ? String(b[i]) : nil
            if x != y {
                if let x { out.append("\(i + 1) - \(x.debugDescription)") }
                if let y { out.append("\(i + 1) + \(y.debugDescription)") }
            }
        }
        if a.count != b.count { out.append("(\(a.count) lines expected, \(b.count) written)") }
        return out.joined(separator: "\n")
    }
}
