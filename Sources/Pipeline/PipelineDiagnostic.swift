import Foundation

/// One thing wrong with a pipeline file: where (file, 1-based line, dotted key) and what.
///
/// `description` is the compiler-style line the command prints:
/// `Pipelines/nightly.yml:12: error: 'topics.k_max': expected an integer in 1...100, found 500`.
public struct PipelineDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the whole file is meant.
    public var line: Int
    /// Dotted path of the key (`inputs[1].format`); empty for the file as a whole.
    public var key: String
    public var message: String

    public init(file: String, line: Int, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return key.isEmpty ? "\(place): error: \(message)" : "\(place): error: '\(key)': \(message)"
    }
}

/// A pipeline file that cannot be used: every problem found, in file order.
public struct PipelineFileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PipelineDiagnostic]
    public init(_ diagnostics: [PipelineDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the closest allowed word for a misspelt key (Levenshtein distance at most 2).
enum Spelling {
    static func suggestion(for word: String, among allowed: [String]) -> String? {
        let best = allowed.map { ($0, distance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (candidate, d) = best, d <= 2, d < word.count else { return nil }
        return candidate
    }

    /// Edit distance by the two-row dynamic programme: O(|a|·|b|) time, O(|b|) space.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
