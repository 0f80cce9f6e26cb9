import Foundation
import Reports
import Stance

/// The product version, shown by `--version` and written into manifests.
public enum ThreadLensVersion {
    public static let current = "0.1.0"
}

/// Where a run's reports go.
public enum PublishMode: Sendable, Hashable {
    /// `<outputs.dir>/<name>/<run date>/` plus the `latest` link: the nightly layout.
    case dated
    /// Exactly this folder, replaced as a whole (`threadlens analyze --out DIR`); no `latest` link.
    case directory(URL)
}

/// How one run goes, beside what the pipeline file says.
public struct RunOptions: Sendable {
    /// Analyse every thread again instead of reusing unchanged threads' results from the store.
    public var full: Bool = false
    /// The run date (`YYYY-MM-DD`); nil: today in UTC.
    public var runDate: String?
    /// Seconds to wait for another run of the same pipeline to finish (0: fail at once).
    public var lockWait: Double = 0
    public var toolVersion: String = ThreadLensVersion.current
    /// The pipeline file, hashed into the manifest; nil for one-off runs.
    public var pipelineFilePath: String?
    /// The bundled data folder (lexicons, profiles), used when the pipeline names none.
    public var dataDirectory: String?
    public var publish: PublishMode = .dated
    /// The BLAS library description written into the manifest.
    public var blasLibrary: String = "unknown"
    /// Seconds to pause after the reports are written and before they are published. A test hook:
    /// the kill test stops the process during this pause.
    public var pauseBeforePublish: Double = 0

    public init(full: Bool = false, runDate: String? = nil) {
        self.full = full
        self.runDate = runDate
    }
}

/// One stage's progress, for a terminal progress line or a structured log line.
public struct StageProgress: Sendable {
    public var stage: String
    public var done: Int
    public var total: Int
    /// Seconds since the stage began.
    public var elapsed: Double
    public var finished: Bool

    /// Items per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
    /// Estimated seconds left, when it can be told.
    public var remaining: Double? {
        guard done > 0, total >= done, rate > 0 else { return nil }
        return Double(total - done) / rate
    }
}

public typealias ProgressHandler = @Sendable (StageProgress) -> Void

/// What a finished run did.
public struct RunSummary: Sendable {
    public var run: RunInfo
    /// The published report folder.
    public var reportDirectory: URL
    public var files: [String]
    public var topics: Int
    public var topicChanges: [TopicChange]
    public var overall: StanceSummary
    public var prunedReports: [String]

    /// The one line printed on stdout when a run succeeds.
    public var line: String {
        let shares = overall.shares.map { "\($0.label.rawValue) \(Int(($0.share * 100).rounded()))%" }
        let seconds = String(format: "%.1f", run.finishedAt - run.startedAt)
        return "\(run.pipeline) \(run.runDate): \(run.counts.threads) threads (\(run.processedThreads) analysed, "
            + "\(run.reusedThreads) unchanged), \(run.counts.comments) comments, \(topics) topics; "
            + shares.joined(separator: ", ") + "; \(run.counts.skippedRecords) skipped records; "
            + "reports in \(reportDirectory.path) (\(seconds) s)"
    }
}

/// A run that could not finish. Previous reports and the store are left as they were.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var stage: String
    public var message: String
    public init(stage: String, _ message: String) {
        self.stage = stage
        self.message = message
    }
    public var description: String { "\(stage): \(message)" }
}
