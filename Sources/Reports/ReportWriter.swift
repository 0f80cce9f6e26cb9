import Foundation
import ThreadModel

/// The files a report consists of.
public enum ReportFile: String, Sendable, Codable, CaseIterable, Comparable {
    case commentsCSV = "comments.csv"
    case threadsCSV = "threads.csv"
    case topicsCSV = "topics.csv"
    case historyCSV = "history.csv"
    case summaryJSON = "summary.json"
    case manifestJSON = "manifest.json"
    case reportHTML = "report.html"

    public static func < (a: ReportFile, b: ReportFile) -> Bool { a.rawValue < b.rawValue }
}

/// Options of the report writer; defaults live here only.
public struct ReportOptions: Sendable, Codable, Hashable {
    /// Which files to write.
    public var files: [ReportFile]
    /// Longest text excerpt in `comments.csv`, in characters (an ellipsis marks a cut).
    public var excerptLength: Int
    /// How many most pro / most anti comments the HTML page shows.
    public var topComments: Int

    public init(files: [ReportFile] = ReportFile.allCases, excerptLength: Int = 200, topComments: Int = 5) {
        self.files = files
        self.excerptLength = excerptLength
        self.topComments = topComments
    }
}

/// A report could not be written.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): error: \(message)" }
}

/// Writes a run's report files into a folder.
public struct ReportWriter: Sendable {
    public var options: ReportOptions
    public init(options: ReportOptions = ReportOptions()) { self.options = options }

    /// Writes every file of `options.files` into `directory` (which must exist) and returns their names, sorted.
    ///
    /// The directory is expected to be a temporary one: the runner renames it into place and moves `latest`.
    /// Files are independent, so they are written in parallel (largest first); each one's bytes do not
    /// depend on the order. When several fail, the error of the first file by name is thrown.
    /// - Throws: `ReportError` naming the file that could not be written.
    public func write(_ input: ReportInput, to directory: URL) throws -> [String] {
        let model = ReportModel(input)
        let files = selected
        let names = files.map(\.rawValue)
        let largestFirst = files.sorted { (Self.cost($0), $0) > (Self.cost($1), $1) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: largestFirst.count) { i in
            let file = largestFirst[i]
            do {
                let sink = try ByteSink(file: directory.appendingPathComponent(file.rawValue))
                produce(file, model, names: names, into: sink)
                try sink.close()
            } catch {
                failures.record(file, error)
            }
        }
        if let error = failures.first { throw error }
        return names
    }

    /// Rough relative cost of a file, to start the big ones first.
    static func cost(_ file: ReportFile) -> Int {
        switch file {
        case .summaryJSON: return 3
        case .commentsCSV: return 2
        default: return 1
        }
    }

    /// Errors met by parallel writers, kept under a lock.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [(ReportFile, Error)] = []

        func record(_ file: ReportFile, _ error: Error) {
            lock.lock()
            errors.append((file, error))
            lock.unlock()
        }

        var first: Error? {
            lock.lock()
            defer { lock.unlock() }
            return errors.min { $0.0 < $1.0 }?.1
        }
    }

    /// Every selected file's name and contents, sorted by name; nothing is written.
    public func render(_ input: ReportInput) -> [(name: String, text: String)] {
        let model = ReportModel(input)
        let files = selected
        return files.map { file in
            let sink = ByteSink()
            produce(file, model, names: files.map(\.rawValue), into: sink)
            return (file.rawValue, sink.text)
        }
    }

    var selected: [ReportFile] { Set(options.files).sorted() }

    /// Writes one file. `manifest.json` lists the names of all the files written with it.
    func produce(_ file: ReportFile, _ model: ReportModel, names: [String], into sink: ByteSink) {
        switch file {
        case .commentsCSV: CSVTables.comments(model, excerptLength: options.excerptLength, to: sink)
        case .threadsCSV: CSVTables.threads(model, to: sink)
        case .topicsCSV: CSVTables.topics(model, to: sink)
        case .historyCSV: CSVTables.history(model, to: sink)
        case .summaryJSON: JSONDocuments.summary(model, excerptLength: options.excerptLength, to: sink)
        case .manifestJSON: sink.write(JSONDocuments.manifest(model, files: names).serialized())
        case .reportHTML: sink.write(HTMLReport.page(model, options: options))
        }
    }
}
