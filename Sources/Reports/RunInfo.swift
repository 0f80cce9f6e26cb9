import Stance
import ThreadModel

/// One input file of a run, as recorded in the manifest.
public struct InputFileInfo: Sendable, Hashable, Codable {
    /// The path as the pipeline file names it (relative paths stay relative, so manifests are portable).
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// Size in bytes.
    public var size: Int
    /// The format the file was read as (`SourceFormat.rawValue`, or what auto-detection chose).
    public var format: String

    public init(path: String, sha256: String, size: Int, format: String) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.format = format
    }
}

/// How long one stage took.
public struct StageTiming: Sendable, Hashable, Codable {
    public var stage: String
    public var seconds: Double
    /// Items the stage handled (threads, comments, documents...).
    public var items: Int

    public init(stage: String, seconds: Double, items: Int = 0) {
        self.stage = stage
        self.seconds = seconds
        self.items = items
    }
}

/// Totals of a run. Everything here depends only on the input, never on how the run went.
public struct RunCounts: Sendable, Hashable, Codable {
    public var inputFiles: Int
    public var threads: Int
    public var comments: Int
    /// Records that could not be read and were left out (problems of severity `error`).
    public var skippedRecords: Int
    /// Records kept with a repair (problems of severity `warning`).
    public var repairedRecords: Int

    public init(inputFiles: Int = 0, threads: Int = 0, comments: Int = 0, skippedRecords: Int = 0,
                repairedRecords: Int = 0) {
        self.inputFiles = inputFiles
        self.threads = threads
        self.comments = comments
        self.skippedRecords = skippedRecords
        self.repairedRecords = repairedRecords
    }
}

/// Facts about one run of a pipeline, written to `manifest.json` and (minus the execution facts) `summary.json`.
///
/// Design note: two runs over the same input must give byte-identical reports except for one manifest
/// member. Everything that depends on *how* this particular execution went (wall-clock timestamps,
/// stage timings, how many threads were processed afresh versus reused from the run store) is therefore
/// written only under `manifest.json`'s `execution` object; everything else must be a function of the
/// input and the pipeline file. `runID` should therefore be derived from them too (see `makeRunID`).
public struct RunInfo: Sendable, Hashable, Codable {
    public var runID: String
    /// The run date, `YYYY-MM-DD` (UTC): the report folder's name and the date of today's history rows.
    public var runDate: String
    /// The pipeline's name (`reports/<pipeline>/...`).
    public var pipeline: String
    /// Seconds since 1970-01-01 UTC.
    public var startedAt: Double
    /// Seconds since 1970-01-01 UTC.
    public var finishedAt: Double
    public var toolVersion: String
    /// The BLAS/LAPACK library actually loaded (as `threadlens doctor` prints it).
    public var blasLibrary: String
    public var inputs: [InputFileInfo]
    /// Lower-case hex SHA-256 of the pipeline file.
    public var pipelineFileSHA256: String
    public var counts: RunCounts
    /// Every problem met while reading (skipped and repaired records), in input order.
    public var problems: [InputProblem]
    public var stageTimings: [StageTiming]
    /// Threads analysed in this run; the rest were reused from the run store (incremental runs).
    public var processedThreads: Int
    public var reusedThreads: Int
    /// The seed every random choice of the run was drawn from.
    public var seed: UInt64
    /// How moderation scores weigh in the weighted stance shares (its `formula` is written out).
    public var stanceWeighting: StanceWeighting
    /// The stance profile's name (e.g. `rust-in-linux`).
    public var profile: String

    public init(
        runID: String, runDate: String, pipeline: String, startedAt: Double = 0, finishedAt: Double = 0,
        toolVersion: String, blasLibrary: String = "unknown", inputs: [InputFileInfo] = [],
        pipelineFileSHA256: String = "", counts: RunCounts = RunCounts(), problems: [InputProblem] = [],
        stageTimings: [StageTiming] = [], processedThreads: Int = 0, reusedThreads: Int = 0, seed: UInt64 = 0,
        stanceWeighting: StanceWeighting = StanceWeighting(), profile: String = ""
    ) {
        self.runID = runID
        self.runDate = runDate
        self.pipeline = pipeline
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.toolVersion = toolVersion
        self.blasLibrary = blasLibrary
        self.inputs = inputs
        self.pipelineFileSHA256 = pipelineFileSHA256
        self.counts = counts
        self.problems = problems
        self.stageTimings = stageTimings
        self.processedThreads = processedThreads
        self.reusedThreads = reusedThreads
        self.seed = seed
        self.stanceWeighting = stanceWeighting
        self.profile = profile
    }

    /// A run id that depends only on what was run: `<pipeline>-<run date>-<first 12 hex of pipelineSHA256>`.
    ///
    /// Two runs of the same pipeline file on the same day share an id; the run store keeps the latest.
    public static func makeRunID(pipeline: String, runDate: String, pipelineFileSHA256: String) -> String {
        "\(pipeline)-\(runDate)-\(pipelineFileSHA256.prefix(12))"
    }
}
