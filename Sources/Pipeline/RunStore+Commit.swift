import Foundation
import GRDB
import Reports
import Sentiment
import Stance
import ThreadModel

extension RunStore {
    /// Records a finished run in one transaction: the run and its manifest, every thread and comment
    /// seen with its hash, the latest results, and the day's scores, topics and history (replacing an
    /// earlier run of the same date). Older history is dropped per `historyCutoff`.
    public func commit(_ record: RunRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let date = record.run.runDate
        // Encode outside the write closure so that encoding errors surface before the transaction.
        let centroids = try record.topics.map { String(decoding: try encoder.encode($0.centroid), as: UTF8.self) }
        var results: [(CommentKey, String, String)] = []
        for thread in record.threads where !record.unchanged.contains(thread.id) {
            for c in thread.comments {
                guard let s = record.sentiments[c.key], let t = record.stances[c.key] else { continue }
                results.append((c.key, String(decoding: try encoder.encode(s), as: UTF8.self),
                                String(decoding: try encoder.encode(t), as: UTF8.self)))
            }
        }
        try db.write { db in
            let insertComment = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO comments (thread_id, comment_id, parent_id, author, posted_at, score, text, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try db.execute(sql: """
                INSERT INTO runs (run_id, run_date, started_at, finished_at, full, processed_threads, reused_threads, manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.run.runID, date, record.run.startedAt, record.run.finishedAt, record.full,
                                 record.run.processedThreads, record.run.reusedThreads, record.manifestJSON])
            for thread in record.threads {
                if record.unchanged.contains(thread.id) {
                    try db.execute(sql: "UPDATE threads SET last_seen = ?, file = ? WHERE thread_id = ?",
                                   arguments: [date, thread.file, thread.id])
                    continue
                }
                try db.execute(sql: """
                    INSERT INTO threads (thread_id, source, file, title, content_hash, settings_hash, comments, first_seen, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(thread_id) DO UPDATE SET source = excluded.source, file = excluded.file,
                      title = excluded.title, content_hash = excluded.content_hash,
                      settings_hash = excluded.settings_hash, comments = excluded.comments, last_seen = excluded.last_seen
                    """, arguments: [thread.id, thread.source.rawValue, thread.file, thread.title,
                                     record.contentHashes[thread.id] ?? "", record.settingsHash,
                                     thread.comments.count, date, date])
                try db.execute(sql: "DELETE FROM comments WHERE thread_id = ?", arguments: [thread.id])
                try db.execute(sql: "DELETE FROM results WHERE thread_id = ?", arguments: [thread.id])
                for c in thread.comments {
                    try insertComment.execute(arguments: [c.threadID, c.id, c.parentID, c.author, c.postedAt, c.score, c.rawText,
                                         ContentHash.comment(c)])
                }
            }
            let insertResult = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO results (thread_id, comment_id, sentiment, stance) VALUES (?, ?, ?, ?)")
            for (key, s, t) in results {
                try insertResult.execute(arguments: [key.threadID, key.commentID, s, t])
            }
            try db.execute(sql: "DELETE FROM comment_days WHERE date = ?", arguments: [date])
            let insertDay = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO comment_days (date, thread_id, comment_id, compound, stance, stance_score, topic_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for thread in record.threads {
                for c in thread.comments {
                    let stance = record.stances[c.key]
                    try insertDay.execute(arguments: [date, c.threadID, c.id, record.sentiments[c.key]?.scores.compound ?? 0,
                                         stance?.label.rawValue ?? StanceLabel.neutral.rawValue, stance?.score ?? 0,
                                         record.topicOf[c.key]])
                }
            }
            try db.execute(sql: "DELETE FROM topic_days WHERE date = ?", arguments: [date])
            for (t, centroid) in zip(record.topics, centroids) {
                try db.execute(sql: "INSERT INTO topic_days (date, topic_id, label, terms, size, centroid) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [date, t.id, t.label, t.terms.joined(separator: "\t"), t.size, centroid])
            }
            try db.execute(sql: "DELETE FROM history WHERE date = ?", arguments: [date])
            for h in record.history where h.date == date {
                try db.execute(sql: """
                    INSERT INTO history (date, source, thread_id, topic_id, topic_label, stance, count, weighted_count, share, lower, upper)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [h.date, h.source, h.threadID, h.topicID, h.topicLabel, h.stance.rawValue, h.count,
                                     h.weightedCount, h.share, h.interval.lower, h.interval.upper])
            }
            if let cutoff = record.historyCutoff {
                try db.execute(sql: "DELETE FROM history WHERE date < ?", arguments: [cutoff])
            }
        }
    }
}
