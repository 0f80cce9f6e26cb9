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
                return [.integer(0), .empty, .empty, .empty, .empty]
            }
            return [.integer(s.count), .number(s.share), .number(s.interval.lower), .number(s.interval.upper),
                    .number(s.weightedShare)]
        }
    }

    static let commentsHeader = [
        "run_date", "source", "thread_id", "comment_id", "parent_id", "depth", "author", "posted_at", "score",
        "moderation", "sentiment_compound", "sentiment_pos", "sentiment_neu", "sentiment_neg",
        "stance", "stance_score", "stance_confidence", "stance_source", "topic_id", "topic_label",
        "top_evidence", "excerpt", "top_evidence_text", "topic_similarity", "topic_outlier", "weight", "flags",
    ]

    static func comments(_ m: ReportModel, excerptLength: Int, to sink: ByteSink) {
        CSV.writeHeader(commentsHeader, to: sink)
        LineBatches.write(count: m.comments.count, to: sink, scratch: { CSVRecord() }) { k, out, row in
            row.reset()
            // Passed straight from the arrays so neither the row nor the comment is copied.
            comment(m, m.comments[k], m.threads[Int(m.comments[k].threadIndex)].comments[Int(m.comments[k].commentIndex)],
                    excerptLength: excerptLength, into: &row)
            out.append(contentsOf: row.bytes)
        }
    }

    static func comment(_ m: ReportModel, _ r: CommentRow, _ c: Comment, excerptLength: Int, into row: inout CSVRecord) {
        let s = r.sentiment
        let ev = r.topEvidence
        row.text(m.input.run.runDate); row.text(r.source.rawValue); row.text(c.threadID); row.text(c.id)
        row.text(c.parentID); row.int(c.depth); row.text(c.author); row.timestamp(c.postedAt); row.int(c.score)
        row.text(c.moderation)
        row.number(s?.compound); row.number(s?.pos); row.number(s?.neu); row.number(s?.neg)
        row.text(r.stance?.label.rawValue); row.number(r.stance?.score); row.number(r.stance?.confidence)
        row.text(r.stance?.source.rawValue)
        row.int(r.topic); row.text(m.topicLabel(r))
        row.text(ev.map(evidenceSummary))
        row.excerpt(c.ownText, limit: excerptLength)
        row.excerpt(ev?.span.map { c.text.slice($0) }, limit: excerptLength)
        row.number(r.topic == nil ? nil : r.topicSimilarity)
        row.bool(r.topic == nil ? nil : r.topicOutlier)
        row.number(r.weight)
        row.text(c.flags.isEmpty ? nil : c.flags.sorted().map(\.rawValue).joined(separator: ";"))
        row.end()
    }

    static func timestamp(_ seconds: Double?) -> CSVValue {
        seconds.map { .timestamp($0) } ?? .empty
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

    static func threads(_ m: ReportModel, to sink: ByteSink) {
        CSV.writeHeader(threadsHeader, to: sink)
        for (i, t) in m.threads.enumerated() {
            let rows = m.rows(ofThread: i)
            let topic = m.dominantTopic(rows)
            CSV.writeRow([
                .text(m.input.run.runDate), .text(t.source.rawValue), .text(t.id), .optionalText(t.title),
                .optionalText(t.url), .text(t.file), timestamp(t.postedAt),
                .integer(rows.count), .integer(m.authors(rows)), .integer(m.maxDepth(rows)),
                .number(ReportModel.meanSentiment(rows)), .int(topic), .optionalText(topic.flatMap { m.topicLabels[$0] }),
            ] + stanceCells(m.input.stanceByThread[t.id]), to: sink)
        }
    }

    static let topicsHeader = [
        "run_date", "topic_id", "label", "top_terms", "size", "share", "mean_sentiment",
    ] + stanceHeader + ["representative_ids", "mean_similarity", "outliers"]

    static func topics(_ m: ReportModel, to sink: ByteSink) {
        let total = m.topics.reduce(0) { $0 + $1.size }
        CSV.writeHeader(topicsHeader, to: sink)
        for t in m.topics {
            CSV.writeRow([
                .text(m.input.run.runDate), .int(t.id), .text(t.label), .text(t.terms.joined(separator: "; ")),
                .int(t.size), .number(total > 0 ? Double(t.size) / Double(total) : nil),
                .number(ReportModel.meanSentiment(m.rows(inTopic: t.id))),
            ] + stanceCells(m.input.stanceByTopic[t.id])
                + [.text(t.representatives.joined(separator: "; ")), .number(t.meanSimilarity), .integer(t.outliers)], to: sink)
        }
    }

    static let historyHeader = [
        "date", "source", "thread_id", "topic_id", "topic_label", "stance", "count", "weighted_count", "share",
        "share_lower", "share_upper",
    ]

    static func history(_ m: ReportModel, to sink: ByteSink) {
        CSV.writeHeader(historyHeader, to: sink)
        for h in m.history {
            CSV.writeRow([
                .text(h.date), .text(h.source), .text(h.threadID), .int(h.topicID), .text(h.topicLabel),
                .text(h.stance.rawValue), .int(h.count), .number(h.weightedCount), .number(h.share),
                .number(h.interval.lower), .number(h.interval.upper),
            ], to: sink)
        }
    }
}
