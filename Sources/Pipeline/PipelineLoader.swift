import Foundation
import Sentiment
import Stance
import ThreadModel
import Yams

/// Reads and validates a pipeline file before any stage runs.
///
/// Checks, all reported together in file order: YAML syntax; unknown keys (with a suggestion);
/// duplicate keys; types; ranges; inputs that match no file; a lexicon folder without
/// `vader_lexicon.txt`; a stance profile that does not parse. Every message names the file, the
/// line (from Yams' node marks) and the dotted key.
public struct PipelineLoader: Sendable {
    /// Also check that input files, lexicons and the profile exist (off for pure syntax tests).
    public var checkFiles: Bool

    public init(checkFiles: Bool = true) { self.checkFiles = checkFiles }

    /// - Throws: `PipelineFileError` listing every problem.
    public func load(path: String) throws -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineFileError([PipelineDiagnostic(file: path, line: 0, key: "", message: "cannot read the pipeline file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineFileError([PipelineDiagnostic(file: path, line: 0, key: "", message: "the pipeline file is not UTF-8")])
        }
        return try load(yaml: text, path: path)
    }

    /// Validates YAML text; `path` names the file in messages and anchors relative paths.
    public func load(yaml: String, path: String) throws -> PipelineFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            if case let .duplicatedKeysInMapping(duplicates, context) = error {
                throw PipelineFileError(duplicates.sorted().map { key in
                    PipelineDiagnostic(file: path, line: Self.secondLine(of: key, in: yaml) ?? context.mark.line,
                                       key: key, message: "duplicate key")
                })
            }
            throw PipelineFileError([Self.syntaxDiagnostic(error, path: path)])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let reader = PipelineNodeReader(file: path, base: base, checkFiles: checkFiles)
        guard let root = node else {
            throw PipelineFileError([PipelineDiagnostic(file: path, line: 0, key: "", message: "the pipeline file is empty")])
        }
        let pipeline = reader.pipeline(root)
        if let pipeline, reader.diagnostics.isEmpty { return pipeline }
        throw PipelineFileError(reader.diagnostics.sorted { ($0.line, $0.key) < ($1.line, $1.key) })
    }

    /// The line of a key's second occurrence (`key:` at the start of a line, after indentation).
    static func secondLine(of key: String, in yaml: String) -> Int? {
        var seen = 0
        for (i, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.drop { $0 == " " || $0 == "-" }.hasPrefix(key + ":") {
            seen += 1
            if seen == 2 { return i + 1 }
        }
        return nil
    }

    static func syntaxDiagnostic(_ error: YamlError, path: String) -> PipelineDiagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return PipelineDiagnostic(file: path, line: mark.line, key: "", message: "invalid YAML: \(problem)")
        default:
            return PipelineDiagnostic(file: path, line: 0, key: "", message: "invalid YAML: \(error)")
        }
    }
}

/// The keys each section allows, in documentation order.
enum PipelineKeys {
    static let root = ["name", "inputs", "ingest", "sentiment", "topics", "stance", "outputs", "store", "retention"]
    static let input = ["path", "format"]
    static let ingest = ["strict"]
    static let sentiment = ["mode", "lexicons"]
    static let topics = ["k", "k_min", "k_max", "seed", "match_threshold"]
    static let stance = ["profile", "threshold", "weighting"]
    static let weighting = ["kind", "offset", "minimum", "missing"]
    static let outputs = ["dir"]
    static let store = ["enabled", "path"]
    static let retention = ["reports_days", "history_days"]
    /// `auto` or a `SourceFormat` name.
    static let formats = ["auto"] + SourceFormat.allCases.map(\.rawValue)
}

/// Walks the YAML node tree, building a `PipelineFile` and collecting diagnostics.
final class PipelineNodeReader {
    let file: String
    let base: URL
    let checkFiles: Bool
    private(set) var diagnostics: [PipelineDiagnostic] = []

    init(file: String, base: URL, checkFiles: Bool) {
        self.file = file
        self.base = base
        self.checkFiles = checkFiles
    }

    func pipeline(_ root: Node) -> PipelineFile? {
        guard let map = mapping(root, key: "", allowed: PipelineKeys.root) else { return nil }
        var p = PipelineFile(name: "", inputs: [PipelineInput]())
        if let n = map["name"], let name = string(n, key: "name") {
            if name.isEmpty || name.hasPrefix(".") || !name.unicodeScalars.allSatisfy(Self.nameCharacters.contains) {
                report(n, "name", "expected letters, digits, '-', '_' or '.' (not first), found '\(name)'")
            }
            p.name = name
        } else if map["name"] == nil {
            report(root, "name", "is missing: every pipeline needs a name (its reports go to <outputs.dir>/<name>/)")
        }
        p.outputs.dir = resolve("reports")
        if let n = map["outputs"], let m = mapping(n, key: "outputs", allowed: PipelineKeys.outputs) {
            if let d = m["dir"], let s = string(d, key: "outputs.dir") { p.outputs.dir = resolve(s) }
        }
        if let n = map["inputs"] { p.inputs = inputs(n) } else {
            report(root, "inputs", "is missing: list the files, folders or globs to read")
        }
        if let n = map["ingest"], let m = mapping(n, key: "ingest", allowed: PipelineKeys.ingest) {
            if let v = m["strict"], let b = bool(v, key: "ingest.strict") { p.ingest.strict = b }
        }
        if let n = map["sentiment"], let m = mapping(n, key: "sentiment", allowed: PipelineKeys.sentiment) {
            if let v = m["mode"], let s = choice(v, key: "sentiment.mode", SentimentMode.allCases.map(\.rawValue)) {
                p.sentiment.mode = SentimentMode(rawValue: s) ?? .default
            }
            if let v = m["lexicons"], let s = string(v, key: "sentiment.lexicons") {
                let dir = resolve(s)
                p.sentiment.lexicons = dir
                let lexicon = URL(fileURLWithPath: dir).appendingPathComponent("vader_lexicon.txt").path
                if checkFiles, !FileManager.default.fileExists(atPath: lexicon) {
                    report(v, "sentiment.lexicons", "no vader_lexicon.txt in '\(dir)'")
                }
            }
        }
        if let n = map["topics"] { topics(n, into: &p.topics) }
        if let n = map["stance"] { stance(n, into: &p.stance) }
        if let n = map["store"], let m = mapping(n, key: "store", allowed: PipelineKeys.store) {
            if let v = m["enabled"], let b = bool(v, key: "store.enabled") { p.store.enabled = b }
            if let v = m["path"], let s = string(v, key: "store.path") { p.store.path = resolve(s) }
        }
        if let n = map["retention"], let m = mapping(n, key: "retention", allowed: PipelineKeys.retention) {
            if let v = m["reports_days"], let i = int(v, key: "retention.reports_days", 0...36500) { p.retention.reportsDays = i }
            if let v = m["history_days"], let i = int(v, key: "retention.history_days", 0...36500) { p.retention.historyDays = i }
        }
        return p
    }

    static let nameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))

    private func inputs(_ node: Node) -> [PipelineInput] {
        guard case let .sequence(seq) = node, !seq.isEmpty else {
            report(node, "inputs", "expected a non-empty list of paths or {path, format} entries, found \(describe(node))")
            return []
        }
        var out: [PipelineInput] = []
        for (i, item) in seq.enumerated() {
            let key = "inputs[\(i)]"
            var input = PipelineInput(path: "")
            var pathNode = item
            if case .scalar = item {
                guard let s = string(item, key: key) else { continue }
                input.path = s
            } else if let m = mapping(item, key: key, allowed: PipelineKeys.input) {
                guard let p = m["path"] else {
                    report(item, "\(key).path", "is missing")
                    continue
                }
                pathNode = p
                guard let s = string(p, key: "\(key).path") else { continue }
                input.path = s
                if let f = m["format"], let s = choice(f, key: "\(key).format", PipelineKeys.formats) {
                    input.format = SourceFormat(rawValue: s)
                }
            } else {
                continue
            }
            input.path = resolve(input.path)
            if checkFiles {
                do {
                    if try InputFiles.expand(input.path).isEmpty {
                        report(pathNode, key, "'\(input.path)' matches no file")
                    }
                } catch {
                    report(pathNode, key, "\(error)")
                }
            }
            out.append(input)
        }
        return out
    }

    private func topics(_ node: Node, into t: inout TopicSettings) {
        guard let m = mapping(node, key: "topics", allowed: PipelineKeys.topics) else { return }
        if let v = m["k"], v.null == nil, let i = int(v, key: "topics.k", 1...100) { t.k = i }
        if let v = m["k_min"], let i = int(v, key: "topics.k_min", 1...100) { t.kMin = i }
        if let v = m["k_max"], let i = int(v, key: "topics.k_max", 1...100) { t.kMax = i }
        if let v = m["seed"], let i = int(v, key: "topics.seed", 0...Int.max) { t.seed = UInt64(i) }
        if let v = m["match_threshold"], let d = double(v, key: "topics.match_threshold", 0...1) { t.matchThreshold = d }
        if t.kMin > t.kMax, let v = m["k_max"] ?? m["k_min"] {
            report(v, m["k_max"] != nil ? "topics.k_max" : "topics.k_min",
                   "k_min (\(t.kMin)) must not exceed k_max (\(t.kMax))")
        }
    }

    private func stance(_ node: Node, into s: inout StanceSettings) {
        guard let m = mapping(node, key: "stance", allowed: PipelineKeys.stance) else { return }
        if let v = m["profile"], let path = string(v, key: "stance.profile") {
            let resolved = resolve(path)
            s.profile = resolved
            if checkFiles {
                if let data = FileManager.default.contents(atPath: resolved) {
                    do {
                        _ = try StanceProfile.parse(yaml: String(decoding: data, as: UTF8.self), path: resolved)
                    } catch {
                        report(v, "stance.profile", "the profile does not parse: \(error)")
                    }
                } else {
                    report(v, "stance.profile", "cannot read '\(resolved)'")
                }
            }
        }
        if let v = m["threshold"], let d = double(v, key: "stance.threshold", 0...1) { s.threshold = d }
        if let v = m["weighting"], let w = mapping(v, key: "stance.weighting", allowed: PipelineKeys.weighting) {
            if let k = w["kind"], let kind = choice(k, key: "stance.weighting.kind", ["none", "linear"]) {
                s.weighting.kind = StanceWeighting.Kind(rawValue: kind) ?? .linear
            }
            if let x = w["offset"], let d = double(x, key: "stance.weighting.offset", -100...100) { s.weighting.offset = d }
            if let x = w["minimum"], let d = double(x, key: "stance.weighting.minimum", 0...100) { s.weighting.minimum = d }
            if let x = w["missing"], let d = double(x, key: "stance.weighting.missing", 0...100) { s.weighting.missing = d }
        }
    }

    // MARK: - Typed accessors: each reports its own problem and returns nil.

    func report(_ node: Node, _ key: String, _ message: String) {
        diagnostics.append(PipelineDiagnostic(file: file, line: node.mark?.line ?? 0, key: key, message: message))
    }

    func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return base.appendingPathComponent(expanded).standardizedFileURL.path
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(s):
            if node.null != nil && s.style == .plain { return "nothing (null)" }
            return "'\(s.string)'"
        }
    }

    func mapping(_ node: Node, key: String, allowed: [String]) -> Node.Mapping? {
        guard case let .mapping(m) = node else {
            report(node, key, "expected a mapping with keys \(allowed.joined(separator: ", ")), found \(describe(node))")
            return nil
        }
        var seen: Set<String> = []
        for (k, _) in m {
            let name = k.string ?? ""
            let dotted = key.isEmpty ? name : "\(key).\(name)"
            if !seen.insert(name).inserted { report(k, dotted, "duplicate key") }
            if !allowed.contains(name) {
                var message = "unknown key"
                if let s = Spelling.suggestion(for: name, among: allowed) { message += "; did you mean '\(s)'?" }
                message += " (allowed: \(allowed.joined(separator: ", ")))"
                report(k, dotted, message)
            }
        }
        return m
    }

    func string(_ node: Node, key: String) -> String? {
        guard case let .scalar(s) = node, node.null == nil || s.style != .plain else {
            report(node, key, "expected a string, found \(describe(node))")
            return nil
        }
        return s.string
    }

    func bool(_ node: Node, key: String) -> Bool? {
        guard node.tag.rawValue == Tag.Name.bool.rawValue, let b = node.bool else {
            report(node, key, "expected true or false, found \(describe(node))")
            return nil
        }
        return b
    }

    func int(_ node: Node, key: String, _ range: ClosedRange<Int>) -> Int? {
        guard node.tag.rawValue == Tag.Name.int.rawValue, let i = node.int else {
            report(node, key, "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(describe(node))")
            return nil
        }
        guard range.contains(i) else {
            report(node, key, "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(i)")
            return nil
        }
        return i
    }

    func double(_ node: Node, key: String, _ range: ClosedRange<Double>) -> Double? {
        guard node.tag.rawValue == Tag.Name.int.rawValue || node.tag.rawValue == Tag.Name.float.rawValue, let d = node.float, d.isFinite else {
            report(node, key, "expected a number in \(range.lowerBound)...\(range.upperBound), found \(describe(node))")
            return nil
        }
        guard range.contains(d) else {
            report(node, key, "expected a number in \(range.lowerBound)...\(range.upperBound), found \(d)")
            return nil
        }
        return d
    }

    func choice(_ node: Node, key: String, _ allowed: [String]) -> String? {
        guard let s = string(node, key: key) else { return nil }
        guard allowed.contains(s) else {
            var message = "expected one of \(allowed.joined(separator: ", ")), found '\(s)'"
            if let hint = Spelling.suggestion(for: s, among: allowed) { message += "; did you mean '\(hint)'?" }
            report(node, key, message)
            return nil
        }
        return s
    }
}
