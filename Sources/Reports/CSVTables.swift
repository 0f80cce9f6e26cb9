import Stance
import ThreadModel

/// The four CSV files. Column names and order here are the schema (`data/schemas/*.columns.csv`);
/// within a schema version, columns are only ever added at the end.
enum CSVTables {
    /// Per stance label: count, share, its 95% Wilson interval, and the weighted share.
    static let stanceHeader: [String] = StanceLabel.allCases.flatMap { l in
        ["\(l.rawValue)_count", "\(l.rawValue)_share", "\(l.rawValue)_share_lower", "\(l.rawValue)_share_upper",
         "\(l.rawValue)_weighted_share"]
    }

    static func stanceCells(_ summary: StanceSummary?) -> [CSVValue] {
        StanceLabel.allCases.flatMap { label -> [CSVValue] in
            guard let s = summary?.shares.first(where: { $0.label == label }) else {
                return [.literal("0"), .empty, .empty, .empty, .empty]
            }
            return [.int(s.count), .number(s.share), .number(s.interval.lower), .number(s.interval.upper),
                    .number(s.weightedShare)]
        }
    }

    static let commentsHeader = [
        "run_date", "source", "thread_id", "comment_id", "parent_id", "depth", "author", "posted_at", "score",
        "moderation", "sentiment_compound", "sentiment_pos", "sentiment_neu", "sentiment_neg",
        "stance", "stance_score", "stance_confidence", "stance_source", "topic_id", "topic_label",
        "top_evidence", "excerpt", "top_evidence_text", "topic_similarity", "topic_outlier", "weight", "flags",
    ]

    static func comments(_ m: ReportModel, excerptLength: Int) -> String {
        let date = m.input.run.runDate
        let rows = m.comments.map { r -> [CSVValue] in
            let c = r.comment
            let s = r.sentiment?.scores
            let ev = r.topEvidence
            return [
                .text(date), .text(r.source.rawValue), .text(c.threadID), .text(c.id), .optionalText(c.parentID),
                .int(c.depth), .optionalText(c.author), c.postedAt.flatMap(Format.isoTimestamp).map { .literal($0) } ?? .empty,
                .int(c.score), .optionalText(c.moderation),
                .number(s?.compound), .number(s?.pos), .number(s?.neu), .number(s?.neg),
                .optionalText(r.stance?.label.rawValue), .number(r.stance?.score), .number(r.stance?.confidence),
                .optionalText(r.stance?.source.rawValue),
                .int(r.assignment?.topic), .optionalText(r.topicLabel),
                ev.map { .text(evidenceSummary($0)) } ?? .empty,
                .text(TextCell.excerpt(c.ownText, limit: excerptLength)),
                ev.flatMap { $0.span }.map { .text(TextCell.excerpt(c.text.slice($0), limit: excerptLength)) } ?? .empty,
                .number(r.assignment?.similarity), r.assignment.map { .literal($0.isOutlier ? "true" : "false") } ?? .empty,
                .number(r.weight), .text(c.flags.sorted().map(\.rawValue).joined(separator: ";")),
            ]
        }
        return CSV.document(header: commentsHeader, rows: rows)
    }

    /// `rule "matched" +0.1234`: which rule fired, on what, and how far it moved the score.
    static func evidenceSummary(_ e: StanceEvidence) -> String {
        let sign = e.contribution > 0 && Format.fixed(e.contribution) != "0.0000" ? "+" : ""
        return "\(e.rule) \"\(TextCell.singleLine(e.matched))\" \(sign)\(Format.fixed(e.contribution) ?? "")"
    }

    static let threadsHeader = [
        "run_date", "source", "thread_id", "title", "url", "file", "posted_at", "comments", "authors", "max_depth",
        "mean_sentiment", "dominant_topic_id", "dominant_topic_label",
    ] + stanceHeader

    static func threads(_ m: ReportModel) -> String {
        let rows = m.threads.indices.map { i -> [CSVValue] in
            let t = m.threads[i]
            let rows = m.rows(ofThread: i)
            let authors = Set(rows.compactMap { $0.comment.author }).count
            let topic = m.dominantTopic(rows)
            return [
                .text(m.input.run.runDate), .text(t.source.rawValue), .text(t.id), .optionalText(t.title),
                .optionalText(t.url), .text(t.file), t.postedAt.flatMap(Format.isoTimestamp).map { .literal($0) } ?? .empty,
                .int(rows.count), .int(authors), .int(rows.map(\.comment.depth).max() ?? 0),
                .number(ReportModel.meanSentiment(rows)), .int(topic), .optionalText(topic.flatMap { m.topicLabels[$0] }),
            ] + stanceCells(m.input.stanceByThread[t.id])
        }
        return CSV.document(header: threadsHeader, rows: rows)
    }

    static let topicsHeader = [
        "run_date", "topic_id", "label", "top_terms", "size", "share", "mean_sentiment",
    ] + stanceHeader + ["representative_ids"]

    static func topics(_ m: ReportModel) -> String {
        let total = m.topics.reduce(0) { $0 + $1.size }
        let rows = m.topics.map { t -> [CSVValue] in
            [
                .text(m.input.run.runDate), .int(t.id), .text(t.label), .text(t.terms.joined(separator: "; ")),
                .int(t.size), .number(total > 0 ? Double(t.size) / Double(total) : nil),
                .number(ReportModel.meanSentiment(m.rows(inTopic: t.id))),
            ] + stanceCells(m.input.stanceByTopic[t.id]) + [.text(t.representatives.joined(separator: "; "))]
        }
        return CSV.document(header: topicsHeader, rows: rows)
    }

    static let historyHeader = [
        "date", "source", "thread_id", "topic_id", "topic_label", "stance", "count", "weighted_count", "share",
        "share_lower", "share_upper",
    ]

    static func history(_ m: ReportModel) -> String {
        let rows = m.history.map { h -> [CSVValue] in
            [
                .text(h.date), .text(h.source), .text(h.threadID), .int(h.topicID), .text(h.topicLabel),
                .text(h.stance.rawValue), .int(h.count), .number(h.weightedCount), .number(h.share),
                .number(h.interval.lower), .number(h.interval.upper),
            ]
        }
        return CSV.document(header: historyHeader, rows: rows)
    }
}
