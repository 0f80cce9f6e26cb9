import Foundation
import GRDB
import LinearAlgebra
import Reports
import Sentiment
import Stance
import ThreadModel
import Topics

/// A topic as kept in the store for matching against the next night's topics.
public struct StoredTopic: Sendable, Hashable, Codable {
    /// Stable id: kept across nights while the topic lasts.
    public var id: Int
    public var label: String
    /// Top terms, strongest first.
    public var terms: [String]
    public var size: Int
    /// The centroid's top terms and weights in term space (empty when the modeler gave none).
    public var centroid: [TopicTerm]

    public init(id: Int, label: String, terms: [String], size: Int, centroid: [TopicTerm] = []) {
        self.id = id
        self.label = label
        self.terms = terms
        self.size = size
        self.centroid = centroid
    }
}

/// What the store remembers of a thread from its last analysis.
public struct CachedThread: Sendable, Hashable {
    public var contentHash: String
    /// Hash of the settings the results were computed with (see `RunSettingsHash`).
    public var settingsHash: String
}

/// The threads a run read, their comments and their latest results: known once sentiment and stance
/// are done, before topics.
public struct ThreadsRecord: Sendable {
    public var runDate: String
    public var threads: [DiscussionThread]
    public var contentHashes: [String: String]
    /// Each thread's comment hashes in comment order (`ContentHash.hashes`); computed here when missing.
    public var commentHashes: [String: [String]] = [:]
    /// Threads whose stored comments and results are already current (only `last_seen` moves).
    public var unchanged: Set<String> = []
    public var settingsHash: String
    /// Every comment's sentiment and stance by position in `threads` (its topics are not read).
    public var columns: CommentColumns
}

/// The run date's scores, topics and history: known once topics are.
public struct DayRecord: Sendable {
    public var runDate: String
    public var threads: [DiscussionThread]
    /// Every comment's results by position in `threads`, with stable topic ids; a comment's topic is
    /// its assignment's unless that is an outlier.
    public var columns: CommentColumns
    public var topics: [StoredTopic]
    public var history: [HistoryRow]
    /// Drop history rows before this date (nil keeps all).
    public var historyCutoff: String?
}

/// The execution itself and its manifest: known once the reports are written.
public struct ExecutionRecord: Sendable {
    public var run: RunInfo
    public var full: Bool
    public var manifestJSON: String
}

/// The embedded run store: SQLite through GRDB at `reports/<pipeline>/threadlens.sqlite`.
///
/// Tables: `runs` (every execution with its manifest), `threads` and `comments` (every one seen, with
/// a SHA-256 content hash), `results` (the latest sentiment and stance per comment, reused by
/// incremental runs while the thread's content and the analysis settings are unchanged),
/// `comment_days` (score, stance and stable topic per comment per run date), `topic_days` (each run
/// date's topics with stable ids and top terms) and `history` (day x source x thread x topic x stance).
///
/// Per-day tables are keyed by run date, so a second run on the same day replaces the first: reports
/// then depend only on the input and the days before, which keeps reruns byte-identical.
/// A killed run rolls back with its transaction and leaves the store as it was.
public struct RunStore: Sendable {
    let db: DatabaseQueue
    public let path: String

    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        db = try DatabaseQueue(path: path, configuration: config)
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, run_date TEXT NOT NULL,
                  started_at REAL NOT NULL, finished_at REAL NOT NULL, full INTEGER NOT NULL,
                  processed_threads INTEGER NOT NULL, reused_threads INTEGER NOT NULL, manifest TEXT NOT NULL);
                CREATE TABLE threads (thread_id TEXT PRIMARY KEY, source TEXT NOT NULL, file TEXT NOT NULL,
                  title TEXT, content_hash TEXT NOT NULL, settings_hash TEXT NOT NULL, comments INTEGER NOT NULL,
                  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL);
                CREATE TABLE comments (thread_id TEXT NOT NULL, comment_id TEXT NOT NULL, parent_id TEXT,
                  author TEXT, posted_at REAL, score INTEGER, text TEXT NOT NULL, content_hash TEXT NOT NULL,
                  PRIMARY KEY (thread_id, comment_id));
                CREATE TABLE results (thread_id TEXT NOT NULL, comment_id TEXT NOT NULL, sentiment TEXT NOT NULL,
                  stance TEXT NOT NULL, PRIMARY KEY (thread_id, comment_id));
                CREATE TABLE comment_days (date TEXT NOT NULL, thread_id TEXT NOT NULL, comment_id TEXT NOT NULL,
                  compound REAL NOT NULL, stance TEXT NOT NULL, stance_score REAL NOT NULL, topic_id INTEGER,
                  PRIMARY KEY (date, thread_id, comment_id));
                CREATE TABLE topic_days (date TEXT NOT NULL, topic_id INTEGER NOT NULL, label TEXT NOT NULL,
                  terms TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (date, topic_id));
                CREATE TABLE history (date TEXT NOT NULL, source TEXT NOT NULL, thread_id TEXT NOT NULL,
                  topic_id INTEGER, topic_label TEXT NOT NULL, stance TEXT NOT NULL, count INTEGER NOT NULL,
                  weighted_count REAL NOT NULL, share REAL NOT NULL, lower REAL NOT NULL, upper REAL NOT NULL);
                CREATE INDEX history_date ON history(date);
                """)
        }
        m.registerMigration("v2-topic-centroids") { db in
            try db.execute(sql: "ALTER TABLE topic_days ADD COLUMN centroid TEXT NOT NULL DEFAULT '[]'")
        }
        // Results as one binary blob per thread (`ResultCodec`) instead of two JSON documents per
        // comment. Old results are dropped: their threads are analysed once more on the next run.
        m.registerMigration("v3-thread-results") { db in
            try db.execute(sql: """
                DROP TABLE results;
                CREATE TABLE thread_results (thread_id TEXT PRIMARY KEY, results BLOB NOT NULL);
                """)
        }
        return m
    }

    /// Every thread's cache key from its last analysis.
    public func cachedThreads() throws -> [String: CachedThread] {
        try db.read { db in
            var out: [String: CachedThread] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT thread_id, content_hash, settings_hash FROM threads") {
                out[row["thread_id"]] = CachedThread(contentHash: row["content_hash"], settingsHash: row["settings_hash"])
            }
            return out
        }
    }

    /// The stored sentiment and stance of every comment of the given threads.
    ///
    /// Blobs are decoded on both cores in thread chunks. A blob that does not decode (a damaged store)
    /// is skipped: its thread then lacks results and is analysed again.
    public func cachedResults(threads: Set<String>) throws -> ([CommentKey: CommentSentiment], [CommentKey: CommentStance]) {
        if threads.isEmpty { return ([:], [:]) }
        let blobs: [(String, [UInt8])] = try db.read { db in
            var out: [(String, [UInt8])] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT thread_id, results FROM thread_results ORDER BY thread_id")
            while let row = try rows.next() {
                let thread: String = row[0]
                guard threads.contains(thread) else { continue }
                let data: Data = row[1]
                out.append((thread, [UInt8](data)))
            }
            return out
        }
        let decoded = Parallel.mapChunks(count: blobs.count, chunkSize: 256) { range in
            range.compactMap { i in ResultCodec.decode(threadID: blobs[i].0, blobs[i].1) }
        }
        var sentiments: [CommentKey: CommentSentiment] = [:]
        var stances: [CommentKey: CommentStance] = [:]
        let total = decoded.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        sentiments.reserveCapacity(total)
        stances.reserveCapacity(total)
        for chunk in decoded {
            for thread in chunk {
                for (s, t) in thread {
                    sentiments[s.key] = s
                    stances[t.key] = t
                }
            }
        }
        return (sentiments, stances)
    }

    /// The latest run date before `date` with topics, and those topics by stable id.
    public func previousTopics(before date: String) throws -> (date: String, topics: [StoredTopic])? {
        try db.read { db in
            guard let previous = try String.fetchOne(
                db, sql: "SELECT MAX(date) FROM topic_days WHERE date < ?", arguments: [date]) else { return nil }
            let rows = try Row.fetchAll(
                db, sql: "SELECT topic_id, label, terms, size, centroid FROM topic_days WHERE date = ? ORDER BY topic_id",
                arguments: [previous])
            let topics = try rows.map { row -> StoredTopic in
                let terms: String = row["terms"], centroid: String = row["centroid"]
                return StoredTopic(id: row["topic_id"], label: row["label"],
                                   terms: terms.split(separator: "\t").map(String.init), size: row["size"],
                                   centroid: try JSONDecoder().decode([TopicTerm].self, from: Data(centroid.utf8)))
            }
            return (previous, topics)
        }
    }

    /// The largest stable topic id used before `date` (0 when none).
    public func maxTopicID(before date: String) throws -> Int {
        try db.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(topic_id) FROM topic_days WHERE date < ?", arguments: [date]) ?? 0
        }
    }

    /// History rows of every day before `date`, sorted.
    public func history(before date: String) throws -> [HistoryRow] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM history WHERE date < ?
                ORDER BY date, source, thread_id, topic_id, stance
                """, arguments: [date]).map { row in
                HistoryRow(date: row["date"], source: row["source"], threadID: row["thread_id"],
                           topicID: row["topic_id"], topicLabel: row["topic_label"],
                           stance: StanceLabel(rawValue: row["stance"]) ?? .neutral, count: row["count"],
                           weightedCount: row["weighted_count"], share: row["share"],
                           interval: Interval(lower: row["lower"], upper: row["upper"]))
            }
        }
    }

    /// Number of runs recorded.
    public func runCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }
}
