import Foundation
import GRDB
import LinearAlgebra
import Reports
import Sentiment
import Stance
import ThreadModel

extension RunStore {
    /// Records a finished run in one transaction: its threads and comments, the day's scores, topics
    /// and history, and the execution with its manifest (see the three `write` steps).
    public func commit(threads: ThreadsRecord, day: DayRecord, execution: ExecutionRecord) throws {
        let centroids = try Self.centroids(day.topics)
        try db.write { db in
            try Self.write(threads, db)
            try Self.write(day, centroids: centroids, db)
            try Self.write(execution, db)
        }
    }

    /// The topics' centroids as JSON, encoded before any transaction so that errors surface first.
    static func centroids(_ topics: [StoredTopic]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try topics.map { String(decoding: try encoder.encode($0.centroid), as: UTF8.self) }
    }

    /// Threads this run read become current (`last_seen`); changed ones get their comments (with
    /// hashes) and results blob replaced.
    ///
    /// Blobs are encoded on both cores a block of threads at a time (in thread order, so the bytes do
    /// not depend on the number of threads) and inserted before the next block is encoded: the
    /// encoded results are never all held at once.
    static func write(_ record: ThreadsRecord, _ db: Database) throws {
        let date = record.runDate
        let touchThread = try db.makeStatement(sql: "UPDATE threads SET last_seen = ?, file = ? WHERE thread_id = ?")
        let upsertThread = try db.makeStatement(sql: """
            INSERT INTO threads (thread_id, source, file, title, content_hash, settings_hash, comments, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(thread_id) DO UPDATE SET source = excluded.source, file = excluded.file,
              title = excluded.title, content_hash = excluded.content_hash,
              settings_hash = excluded.settings_hash, comments = excluded.comments, last_seen = excluded.last_seen
            """)
        let deleteComments = try db.makeStatement(sql: "DELETE FROM comments WHERE thread_id = ?")
        let insertComment = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO comments (thread_id, comment_id, parent_id, author, posted_at, score, text, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let putResults = try db.makeStatement(
            sql: "INSERT OR REPLACE INTO thread_results (thread_id, results) VALUES (?, ?)")
        for thread in record.threads where record.unchanged.contains(thread.id) {
            try touchThread.execute(arguments: [date, thread.file, thread.id])
        }
        let changed = record.threads.indices.filter { !record.unchanged.contains(record.threads[$0].id) }
        let columns = record.columns
        let block = 512
        for start in stride(from: 0, to: changed.count, by: block) {
            let indices = Array(changed[start..<min(changed.count, start + block)])
            let part = indices.map { record.threads[$0] }
            let encoded = Parallel.mapChunks(count: part.count, chunkSize: 32) { range in
                range.map { i -> ([UInt8], [String]?) in
                    let thread = part[i]
                    let base = columns.offsets[indices[i]]
                    var items: [(commentID: String, sentiment: CommentSentiment, stance: CommentStance)] = []
                    items.reserveCapacity(thread.comments.count)
                    for (j, c) in thread.comments.enumerated() {
                        guard let s = columns.sentiments[base + j], let t = columns.stances[base + j] else { continue }
                        items.append((c.id, s, t))
                    }
                    let hashes = record.commentHashes[thread.id] == nil ? ContentHash.hashes(thread).comments : nil
                    return (ResultCodec.encode(threadID: thread.id, items), hashes)
                }
            }.flatMap { $0 }
            for (thread, (blob, computed)) in zip(part, encoded) {
                try upsertThread.execute(arguments: [
                    thread.id, thread.source.rawValue, thread.file, thread.title, record.contentHashes[thread.id] ?? "",
                    record.settingsHash, thread.comments.count, date, date,
                ])
                try deleteComments.execute(arguments: [thread.id])
                let hashes = computed ?? record.commentHashes[thread.id] ?? []
                for (i, c) in thread.comments.enumerated() {
                    try insertComment.execute(arguments: [
                        c.threadID, c.id, c.parentID, c.author, c.postedAt, c.score, c.rawText,
                        i < hashes.count ? hashes[i] : ContentHash.comment(c),
                    ])
                }
                try putResults.execute(arguments: [thread.id, Data(blob)])
            }
        }
    }

    /// The run date's per-comment scores, topics and history, replacing those of an earlier run of the
    /// same date; history older than the cutoff is dropped.
    static func write(_ record: DayRecord, centroids: [String], _ db: Database) throws {
        let date = record.runDate
        try db.execute(sql: "DELETE FROM comment_days WHERE date = ?", arguments: [date])
        var days = try BatchInsert(db, sql: """
            INSERT OR REPLACE INTO comment_days (date, thread_id, comment_id, compound, stance, stance_score, topic_id) VALUES
            """, columns: 7)
        let columns = record.columns
        for (i, thread) in record.threads.enumerated() {
            let base = columns.offsets[i]
            for (j, c) in thread.comments.enumerated() {
                let stance = columns.stances[base + j]
                let topic = columns.topicID(at: base + j)
                try days.add([date, c.threadID, c.id, columns.sentiments[base + j]?.scores.compound ?? 0,
                              stance?.label.rawValue ?? StanceLabel.neutral.rawValue, stance?.score ?? 0, topic])
            }
        }
        try days.finish()
        try db.execute(sql: "DELETE FROM topic_days WHERE date = ?", arguments: [date])
        let insertTopic = try db.makeStatement(
            sql: "INSERT INTO topic_days (date, topic_id, label, terms, size, centroid) VALUES (?, ?, ?, ?, ?, ?)")
        for (t, centroid) in zip(record.topics, centroids) {
            try insertTopic.execute(arguments: [date, t.id, t.label, t.terms.joined(separator: "\t"), t.size, centroid])
        }
        try db.execute(sql: "DELETE FROM history WHERE date = ?", arguments: [date])
        let insertHistory = try db.makeStatement(sql: """
            INSERT INTO history (date, source, thread_id, topic_id, topic_label, stance, count, weighted_count, share, lower, upper)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for h in record.history where h.date == date {
            try insertHistory.execute(arguments: [
                h.date, h.source, h.threadID, h.topicID, h.topicLabel, h.stance.rawValue, h.count,
                h.weightedCount, h.share, h.interval.lower, h.interval.upper,
            ])
        }
        if let cutoff = record.historyCutoff {
            try db.execute(sql: "DELETE FROM history WHERE date < ?", arguments: [cutoff])
        }
    }

    /// The execution's row in `runs`, with its manifest.
    static func write(_ record: ExecutionRecord, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO runs (run_id, run_date, started_at, finished_at, full, processed_threads, reused_threads, manifest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.run.runID, record.run.runDate, record.run.startedAt, record.run.finishedAt, record.full,
                             record.run.processedThreads, record.run.reusedThreads, record.manifestJSON])
    }
}

/// Rows inserted `rowsPerStatement` at a time through one prepared multi-row `INSERT`: SQLite's and
/// GRDB's cost per statement is paid once per batch instead of once per row. The last, shorter
/// batch gets a statement of its own.
struct BatchInsert {
    static let rowsPerStatement = 64
    private let db: Database
    private let head: String
    private let columns: Int
    private let full: Statement
    private var pending: [(any DatabaseValueConvertible)?] = []

    /// `sql` is an `INSERT ... VALUES` without its value tuples.
    init(_ db: Database, sql: String, columns: Int) throws {
        self.db = db
        head = sql
        self.columns = columns
        full = try db.makeStatement(sql: Self.statement(sql, columns: columns, rows: Self.rowsPerStatement))
        pending.reserveCapacity(columns * Self.rowsPerStatement)
    }

    static func statement(_ head: String, columns: Int, rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " " + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }

    /// Adds one row of exactly `columns` values.
    mutating func add(_ row: [(any DatabaseValueConvertible)?]) throws {
        precondition(row.count == columns, "BatchInsert: a row of \(row.count) values for \(columns) columns")
        pending += row
        if pending.count == columns * Self.rowsPerStatement {
            full.setUncheckedArguments(StatementArguments(pending))
            try full.execute()
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Inserts the rows of a last, shorter batch.
    mutating func finish() throws {
        guard !pending.isEmpty else { return }
        let rest = try db.makeStatement(sql: Self.statement(head, columns: columns, rows: pending.count / columns))
        rest.setUncheckedArguments(StatementArguments(pending))
        try rest.execute()
        pending.removeAll()
    }
}
