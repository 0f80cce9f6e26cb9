import Foundation

/// Word valences (-4...4) read from VADER-format files: `token<TAB>mean<TAB>sd<TAB>[ratings]`.
public struct Lexicon: Sendable {
    public var valences: [String: Double]

    public init(valences: [String: Double]) { self.valences = valences }

    /// Loads `vader_lexicon.txt` from a directory.
    public static func load(directory: String) throws -> Lexicon {
        let path = (directory as NSString).appendingPathComponent("vader_lexicon.txt")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(path: path, line: 0, message: "cannot read lexicon")
        }
        var valences: [String: Double] = [:]
        var lineNo = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            lineNo += 1
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2, let v = Double(cols[1]) else {
                throw LexiconError(path: path, line: lineNo, message: "expected token<TAB>mean")
            }
            valences[String(cols[0])] = v
        }
        return Lexicon(valences: valences)
    }
}

public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    public var description: String { "\(path):\(line): error: \(message)" }
}
