import Sentiment
import Stance
import ThreadModel
import Topics

/// `summary.json` and `manifest.json`, member by member in the order of `data/schemas/*.schema.json`.
enum JSONDocuments {
    /// Bumped only when a member is removed or changes meaning; added members keep the version.
    static let schemaVersion = 1

    // MARK: summary.json

    static func summary(_ m: ReportModel, excerptLength: Int) -> JSONValue {
        let run = m.input.run
        return .object([
            ("schema_version", .int(schemaVersion)),
            ("run", .object([
                ("run_id", .string(run.runID)), ("run_date", .string(run.runDate)),
                ("pipeline", .string(run.pipeline)), ("profile", .string(run.profile)),
                ("tool_version", .string(run.toolVersion)), ("seed", .uint(run.seed)),
                ("pipeline_file_sha256", .string(run.pipelineFileSHA256)),
                ("stance_weighting", weighting(run.stanceWeighting)),
            ])),
            ("counts", counts(run.counts)),
            ("problems", .array(run.problems.map(problem))),
            ("stance", stanceSummary(m.input.stanceOverall)),
            ("threads", .array(m.threads.indices.map { thread(m, $0) })),
            ("topics", .array(m.topics.map { topic(m, $0) })),
            ("topic_changes", .object([
                ("previous_run_date", .text(m.input.previousRunDate)),
                ("changes", .array(sortedChanges(m.input.topicChanges).map(change))),
            ])),
            ("history", .array(m.history.map(history))),
            ("comments", .array(m.comments.map { comment($0, excerptLength: excerptLength) })),
        ])
    }

    static func weighting(_ w: StanceWeighting) -> JSONValue {
        .object([
            ("kind", .string(w.kind.rawValue)), ("offset", .double(w.offset)), ("minimum", .double(w.minimum)),
            ("missing", .double(w.missing)), ("formula", .string(w.formula)),
        ])
    }

    static func counts(_ c: RunCounts) -> JSONValue {
        .object([
            ("input_files", .int(c.inputFiles)), ("threads", .int(c.threads)), ("comments", .int(c.comments)),
            ("skipped_records", .int(c.skippedRecords)), ("repaired_records", .int(c.repairedRecords)),
        ])
    }

    static func problem(_ p: InputProblem) -> JSONValue {
        .object([
            ("file", .string(p.location.file)), ("line", .int(p.location.line)), ("field", .text(p.location.field)),
            ("severity", .string(p.severity.rawValue)), ("code", .string(p.code)), ("message", .string(p.message)),
        ])
    }

    static func interval(_ i: Interval) -> JSONValue {
        .object([("lower", .double(i.lower)), ("upper", .double(i.upper))])
    }

    static func key(_ k: CommentKey) -> JSONValue {
        .object([("thread_id", .string(k.threadID)), ("comment_id", .string(k.commentID))])
    }

    static func stanceSummary(_ s: StanceSummary?) -> JSONValue {
        guard let s else { return .null }
        let brief = { (c: CommentStance) -> JSONValue in
            .object([("thread_id", .string(c.key.threadID)), ("comment_id", .string(c.key.commentID)),
                     ("score", .double(c.score)), ("confidence", .double(c.confidence))])
        }
        return .object([
            ("total", .int(s.total)),
            ("shares", .array(s.shares.map { l in
                .object([
                    ("label", .string(l.label.rawValue)), ("count", .int(l.count)), ("share", .double(l.share)),
                    ("interval", interval(l.interval)), ("weighted_count", .double(l.weightedCount)),
                    ("weighted_share", .double(l.weightedShare)), ("weighted_interval", interval(l.weightedInterval)),
                ])
            })),
            ("most_pro", .array(s.mostPro.map(brief))),
            ("most_anti", .array(s.mostAnti.map(brief))),
        ])
    }

    static func thread(_ m: ReportModel, _ i: Int) -> JSONValue {
        let t = m.threads[i]
        let rows = m.rows(ofThread: i)
        let topic = m.dominantTopic(rows)
        return .object([
            ("source", .string(t.source.rawValue)), ("thread_id", .string(t.id)), ("title", .text(t.title)),
            ("url", .text(t.url)), ("file", .string(t.file)), ("posted_at", .text(t.postedAt.flatMap(Format.isoTimestamp))),
            ("comments", .int(rows.count)), ("authors", .int(Set(rows.compactMap { $0.comment.author }).count)),
            ("max_depth", .int(rows.map(\.comment.depth).max() ?? 0)),
            ("mean_sentiment", .double(ReportModel.meanSentiment(rows))),
            ("dominant_topic_id", .int(topic)), ("dominant_topic_label", .text(topic.flatMap { m.topicLabels[$0] })),
            ("stance", stanceSummary(m.input.stanceByThread[t.id])),
        ])
    }

    static func topic(_ m: ReportModel, _ t: Topic) -> JSONValue {
        let total = m.topics.reduce(0) { $0 + $1.size }
        return .object([
            ("topic_id", .int(t.id)), ("label", .string(t.label)), ("terms", .array(t.terms.map { .string($0) })),
            ("size", .int(t.size)), ("share", .double(total > 0 ? Double(t.size) / Double(total) : nil)),
            ("mean_sentiment", .double(ReportModel.meanSentiment(m.rows(inTopic: t.id)))),
            ("stance", stanceSummary(m.input.stanceByTopic[t.id])),
            ("representative_ids", .array(t.representatives.map { .string($0) })),
        ])
    }

    /// Changes in a fixed order: by kind (new, vanished, merged, split), then by the topics named.
    static func sortedChanges(_ changes: [TopicChange]) -> [TopicChange] {
        let order = Dictionary(uniqueKeysWithValues: TopicChange.Kind.allCases.enumerated().map { ($1, $0) })
        return changes.map { TopicChange(kind: $0.kind, from: $0.from.sorted(), to: $0.to.sorted()) }.sorted { a, b in
            if a.kind != b.kind { return (order[a.kind] ?? 0) < (order[b.kind] ?? 0) }
            if a.from != b.from { return a.from.lexicographicallyPrecedes(b.from) }
            return a.to.lexicographicallyPrecedes(b.to)
        }
    }

    static func change(_ c: TopicChange) -> JSONValue {
        let ref = { (r: TopicRef) -> JSONValue in .object([("id", .int(r.id)), ("label", .string(r.label))]) }
        return .object([("kind", .string(c.kind.rawValue)), ("from", .array(c.from.map(ref))), ("to", .array(c.to.map(ref)))])
    }

    static func history(_ h: HistoryRow) -> JSONValue {
        .object([
            ("date", .string(h.date)), ("source", .string(h.source)), ("thread_id", .string(h.threadID)),
            ("topic_id", .int(h.topicID)), ("topic_label", .string(h.topicLabel)), ("stance", .string(h.stance.rawValue)),
            ("count", .int(h.count)), ("weighted_count", .double(h.weightedCount)), ("share", .double(h.share)),
            ("interval", interval(h.interval)),
        ])
    }

    static func comment(_ r: CommentRow, excerptLength: Int) -> JSONValue {
        let c = r.comment
        let sentiment: JSONValue = r.sentiment.map { s in
            .object([("compound", .double(s.scores.compound)), ("pos", .double(s.scores.pos)),
                     ("neu", .double(s.scores.neu)), ("neg", .double(s.scores.neg))])
        } ?? .null
        let stance: JSONValue = r.stance.map { s in
            .object([
                ("label", .string(s.label.rawValue)), ("score", .double(s.score)), ("confidence", .double(s.confidence)),
                ("source", .string(s.source.rawValue)),
                ("evidence", .array(s.evidence.map { e in
                    .object([
                        ("rule", .string(e.rule)), ("matched", .string(e.matched)),
                        ("span", e.span.map { .object([("start", .int($0.start)), ("end", .int($0.end))]) } ?? .null),
                        ("text", .text(e.span.map { c.text.slice($0) })), ("contribution", .double(e.contribution)),
                    ])
                })),
            ])
        } ?? .null
        let topic: JSONValue = r.assignment.map { a in
            .object([("id", .int(a.topic)), ("label", .text(r.topicLabel)), ("similarity", .double(a.similarity)),
                     ("outlier", .bool(a.isOutlier))])
        } ?? .null
        return .object([
            ("source", .string(r.source.rawValue)), ("thread_id", .string(c.threadID)), ("comment_id", .string(c.id)),
            ("parent_id", .text(c.parentID)), ("depth", .int(c.depth)), ("author", .text(c.author)),
            ("posted_at", .text(c.postedAt.flatMap(Format.isoTimestamp))), ("score", .int(c.score)),
            ("moderation", .text(c.moderation)), ("flags", .array(c.flags.sorted().map { .string($0.rawValue) })),
            ("weight", .double(r.weight)), ("sentiment", sentiment), ("stance", stance), ("topic", topic),
            ("excerpt", .string(TextCell.excerpt(c.ownText, limit: excerptLength))),
        ])
    }

    // MARK: manifest.json

    /// Everything but `execution` depends only on the input and the pipeline file.
    static func manifest(_ m: ReportModel, files: [String]) -> JSONValue {
        let run = m.input.run
        var byCode: [String: (severity: String, count: Int)] = [:]
        for p in run.problems {
            byCode["\(p.severity.rawValue)\u{0}\(p.code)", default: (p.severity.rawValue, 0)].count += 1
        }
        let problemCounts = byCode.keys.sorted().compactMap { k -> JSONValue? in
            guard let v = byCode[k] else { return nil }
            let code = String(k.split(separator: "\u{0}", maxSplits: 1).last ?? "")
            return .object([("severity", .string(v.severity)), ("code", .string(code)), ("count", .int(v.count))])
        }
        return .object([
            ("schema_version", .int(schemaVersion)),
            ("run_id", .string(run.runID)), ("run_date", .string(run.runDate)), ("pipeline", .string(run.pipeline)),
            ("profile", .string(run.profile)), ("tool_version", .string(run.toolVersion)),
            ("blas_library", .string(run.blasLibrary)), ("pipeline_file_sha256", .string(run.pipelineFileSHA256)),
            ("seed", .uint(run.seed)), ("stance_weighting", weighting(run.stanceWeighting)),
            ("inputs", .array(run.inputs.sorted { ($0.path, $0.sha256) < ($1.path, $1.sha256) }.map { i in
                .object([("path", .string(i.path)), ("sha256", .string(i.sha256)), ("size", .int(i.size)),
                         ("format", .string(i.format))])
            })),
            ("counts", counts(run.counts)),
            ("problem_counts", .array(problemCounts)),
            ("skipped_records", .array(run.problems.filter { $0.severity == .error }.map(problem))),
            ("files", .array(files.map { .string($0) })),
            ("execution", .object([
                ("started_at", .text(Format.isoTimestamp(run.startedAt))),
                ("finished_at", .text(Format.isoTimestamp(run.finishedAt))),
                ("elapsed_seconds", .double(run.finishedAt - run.startedAt, decimals: 3)),
                ("processed_threads", .int(run.processedThreads)), ("reused_threads", .int(run.reusedThreads)),
                ("stage_timings", .array(run.stageTimings.map { s in
                    .object([("stage", .string(s.stage)), ("seconds", .double(s.seconds, decimals: 3)),
                             ("items", .int(s.items))])
                })),
            ])),
        ])
    }
}
