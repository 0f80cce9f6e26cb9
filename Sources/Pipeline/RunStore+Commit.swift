import Foundation
import GRDB
import LinearAlgebra
import Reports
import Sentiment
import Stance
import ThreadModel

extension RunStore {
    /// Records a finished run in one transaction: the run and its manifest, every thread and comment
    /// seen with its hash, the latest results, and the day's scores, topics and history (replacing an
    /// earlier run of the same date). Older history is dropped per `historyCutoff`.
    ///
    /// The results blobs are encoded on both cores before the transaction opens (in thread order, so
    /// the bytes do not depend on the number of threads); inside it every statement is prepared once.
    public func commit(_ record: RunRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let date = record.run.runDate
        // Encode outside the write closure so that encoding errors surface before the transaction.
        let centroids = try record.topics.map { String(decoding: try encoder.encode($0.centroid), as: UTF8.self) }
        let changed = record.threads.filter { !record.unchanged.contains($0.id) }
        let blobs = Parallel.mapChunks(count: changed.count, chunkSize: 64) { range in
            range.map { i -> [UInt8] in
                let thread = changed[i]
                var items: [(commentID: String, sentiment: CommentSentiment, stance: CommentStance)] = []
                items.reserveCapacity(thread.comments.count)
                for c in thread.comments {
                    let key = c.key
                    guard let s = record.sentiments[key], let t = record.stances[key] else { continue }
                    items.append((c.id, s, t))
                }
                return ResultCodec.encode(threadID: thread.id, items)
            }
        }.flatMap { $0 }
        let missingHashes = changed.filter { record.commentHashes[$0.id] == nil }
        let computedHashes = Parallel.mapChunks(count: missingHashes.count, chunkSize: 64) { range in
            range.map { ContentHash.hashes(missingHashes[$0]).comments }
        }.flatMap { $0 }
        var commentHashes = record.commentHashes
        for (t, h) in zip(missingHashes, computedHashes) { commentHashes[t.id] = h }

        try db.write { db in
            try db.execute(sql: """
                INSERT INTO runs (run_id, run_date, started_at, finished_at, full, processed_threads, reused_threads, manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.run.runID, date, record.run.startedAt, record.run.finishedAt, record.full,
                                 record.run.processedThreads, record.run.reusedThreads, record.manifestJSON])
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
            var blobIndex = 0
            for thread in record.threads {
                if record.unchanged.contains(thread.id) {
                    try touchThread.execute(arguments: [date, thread.file, thread.id])
                    continue
                }
                try upsertThread.execute(arguments: [
                    thread.id, thread.source.rawValue, thread.file, thread.title, record.contentHashes[thread.id] ?? "",
                    record.settingsHash, thread.comments.count, date, date,
                ])
                try deleteComments.execute(arguments: [thread.id])
                let hashes = commentHashes[thread.id] ?? []
                for (i, c) in thread.comments.enumerated() {
                    try insertComment.execute(arguments: [
                        c.threadID, c.id, c.parentID, c.author, c.postedAt, c.score, c.rawText,
                        i < hashes.count ? hashes[i] : ContentHash.comment(c),
                    ])
                }
                try putResults.execute(arguments: [thread.id, Data(blobs[blobIndex])])
                blobIndex += 1
            }
            try db.execute(sql: "DELETE FROM comment_days WHERE date = ?", arguments: [date])
            let insertDay = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO comment_days (date, thread_id, comment_id, compound, stance, stance_score, topic_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for thread in record.threads {
                for c in thread.comments {
                    let key = c.key
                    let stance = record.stances[key]
                    try insertDay.execute(arguments: [date, c.threadID, c.id, record.sentiments[key]?.scores.compound ?? 0,
                                         stance?.label.rawValue ?? StanceLabel.neutral.rawValue, stance?.score ?? 0,
                                         record.topicOf[key]])
                }
            }
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
    }
}
