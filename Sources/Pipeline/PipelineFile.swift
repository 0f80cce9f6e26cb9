import Foundation
import Ingest
import Sentiment
import Stance
import ThreadModel
import Topics

/// A declarative pipeline file (YAML), after validation.
///
/// Every key, its type, range and default is documented in `Pipelines/README.md`; the defaults live
/// here and nowhere else. Relative paths in the file are resolved against the folder that holds the
/// pipeline file, so a cron job gives the same result whatever its working directory.
///
/// Design notes: the file is read through Yams' node tree rather than `Decodable` so that every
/// message can name the line of the offending key (see `PipelineLoader`).
public struct PipelineFile: Sendable, Codable, Hashable {
    /// Names the pipeline: its reports go to `<outputs.dir>/<name>/`. Letters, digits, `-`, `_`, `.`.
    public var name: String
    public var inputs: [PipelineInput]
    public var ingest: IngestSettings
    public var sentiment: SentimentSettings
    public var topics: TopicSettings
    public var stance: StanceSettings
    public var outputs: OutputSettings
    public var store: StoreSettings
    public var retention: RetentionSettings

    public init(
        name: String, inputs: [PipelineInput], ingest: IngestSettings = IngestSettings(),
        sentiment: SentimentSettings = SentimentSettings(), topics: TopicSettings = TopicSettings(),
        stance: StanceSettings = StanceSettings(), outputs: OutputSettings = OutputSettings(),
        store: StoreSettings = StoreSettings(), retention: RetentionSettings = RetentionSettings()
    ) {
        self.name = name
        self.inputs = inputs
        self.ingest = ingest
        self.sentiment = sentiment
        self.topics = topics
        self.stance = stance
        self.outputs = outputs
        self.store = store
        self.retention = retention
    }

    /// A pipeline over plain paths with every other setting at its default.
    public init(name: String, inputs: [String]) {
        self.init(name: name, inputs: inputs.map { PipelineInput(path: $0) })
    }
}

/// One entry of `inputs`: a file, a folder (every non-hidden file in it) or a glob (`*`, `?`, `[...]`
/// in the last path component), with a format or `nil` to detect it from content.
public struct PipelineInput: Sendable, Codable, Hashable {
    /// Absolute once loaded.
    public var path: String
    public var format: SourceFormat?

    public init(path: String, format: SourceFormat? = nil) {
        self.path = path
        self.format = format
    }
}

public struct IngestSettings: Sendable, Codable, Hashable {
    /// Any malformed record stops the run instead of being skipped and counted.
    public var strict: Bool = false
    public init(strict: Bool = false) { self.strict = strict }
}

public struct SentimentSettings: Sendable, Codable, Hashable {
    public var mode: SentimentMode = .default
    /// Folder of `vader_lexicon.txt` and friends; nil: the bundled `data/lexicons`.
    public var lexicons: String?
    public init(mode: SentimentMode = .default, lexicons: String? = nil) {
        self.mode = mode
        self.lexicons = lexicons
    }
}

public struct TopicSettings: Sendable, Codable, Hashable {
    /// A fixed number of topics; nil chooses within `kMin...kMax`.
    public var k: Int?
    public var kMin: Int = 2
    public var kMax: Int = 8
    public var seed: UInt64 = 42
    /// Cosine similarity of top-term weights at or above which tonight's topic keeps last night's id.
    public var matchThreshold: Double = 0.3

    public init(k: Int? = nil, kMin: Int = 2, kMax: Int = 8, seed: UInt64 = 42, matchThreshold: Double = 0.3) {
        self.k = k
        self.kMin = kMin
        self.kMax = kMax
        self.seed = seed
        self.matchThreshold = matchThreshold
    }

    public var options: TopicOptions { TopicOptions(k: k, kMin: kMin, kMax: kMax, seed: seed) }
}

public struct StanceSettings: Sendable, Codable, Hashable {
    /// A stance profile file (YAML); nil: the bundled `data/stance/rust-in-linux.yml`.
    public var profile: String?
    /// Below this |score| a comment is neutral.
    public var threshold: Double = 0.2
    public var weighting: StanceWeighting = StanceWeighting()

    public init(profile: String? = nil, threshold: Double = 0.2, weighting: StanceWeighting = StanceWeighting()) {
        self.profile = profile
        self.threshold = threshold
        self.weighting = weighting
    }
}

public struct OutputSettings: Sendable, Codable, Hashable {
    /// Reports go to `<dir>/<pipeline name>/<run date>/`; absolute once loaded (default `reports`).
    public var dir: String = "reports"
    public init(dir: String = "reports") { self.dir = dir }
}

public struct StoreSettings: Sendable, Codable, Hashable {
    /// Keep the SQLite run store (needed for incremental runs and history).
    public var enabled: Bool = true
    /// nil: `<outputs.dir>/<name>/threadlens.sqlite`.
    public var path: String?
    public init(enabled: Bool = true, path: String? = nil) {
        self.enabled = enabled
        self.path = path
    }
}

public struct RetentionSettings: Sendable, Codable, Hashable {
    /// Dated report folders older than this many days are removed after a successful run; 0 keeps all.
    public var reportsDays: Int = 30
    /// History rows older than this many days are dropped from the store; 0 keeps all.
    public var historyDays: Int = 0
    public init(reportsDays: Int = 30, historyDays: Int = 0) {
        self.reportsDays = reportsDays
        self.historyDays = historyDays
    }
}

extension PipelineFile {
    /// The folder that holds this pipeline's dated reports, `latest` link, lock and store.
    public var pipelineDirectory: URL {
        URL(fileURLWithPath: outputs.dir).appendingPathComponent(name, isDirectory: true)
    }

    /// Where the run store lives.
    public var storePath: String {
        store.path ?? pipelineDirectory.appendingPathComponent("threadlens.sqlite").path
    }
}
