import Sentiment
import Stance
import ThreadModel
import Topics

/// `summary.json` and `manifest.json`, member by member in the order of `data/schemas/*.schema.json`.
enum JSONDocuments {
    /// Bumped only when a member is removed or changes meaning; added members keep the version.
    static let schemaVersion = 1

    // MARK: summary.json

    /// A top-level member: a value, or a long array written record by record, one record per line.
    enum Member {
        case value(JSONValue)
        case records(Int, (Int) -> JSONValue)
        /// Records written straight into bytes by the closure, which may be called from several
        /// threads at once (for different records).
        case lines(Int, @Sendable (Int, inout JSONLineWriter) -> Void)
    }

    /// Streams `summary.json` into `sink`: nothing larger than one record is held as JSON text.
    static func summary(_ m: ReportModel, excerptLength: Int, to sink: ByteSink) {
        let run = m.input.run
        writeObject([
            ("schema_version", .value(.int(schemaVersion))),
            ("run", .value(.object([
                ("run_id", .string(run.runID)), ("run_date", .string(run.runDate)),
                ("pipeline", .string(run.pipeline)), ("profile", .string(run.profile)),
                ("tool_version", .string(run.toolVersion)), ("seed", .uint(run.seed)),
                ("pipeline_file_sha256", .string(run.pipelineFileSHA256)),
                ("stance_weighting", weighting(run.stanceWeighting)),
            ]))),
            ("counts", .value(counts(run.counts))),
            ("problems", .records(run.problems.count) { problem(run.problems[$0]) }),
            ("stance", .value(stanceSummary(m.input.stanceOverall))),
            ("threads", .records(m.threads.count) { thread(m, $0) }),
            ("topics", .records(m.topics.count) { topic(m, m.topics[$0]) }),
            ("topic_model", .value(topicModel(m.input.topics))),
            ("topic_changes", .value(.object([
                ("previous_run_date", .text(m.input.previousRunDate)),
                ("changes", .array(sortedChanges(m.input.topicChanges).map { .line(change($0)) })),
            ]))),
            ("history", .records(m.history.count) { history(m.history[$0]) }),
            ("comments", .lines(m.comments.count) { k, line in
                // Passed straight from the arrays so neither the row nor the comment is copied.
                comment(m, m.comments[k], m.threads[Int(m.comments[k].threadIndex)].comments[Int(m.comments[k].commentIndex)],
                        excerptLength: excerptLength, into: &line)
            }),
        ], to: sink)
    }

    static func writeObject(_ members: [(String, Member)], to sink: ByteSink) {
        sink.write("{\n")
        for (i, (key, member)) in members.enumerated() {
            sink.write { out in
                out.append(contentsOf: [0x20, 0x20])
                JSONValue.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
            }
            switch member {
            case .value(let v):
                sink.write { v.write(into: &$0, indent: 1) }
            case .records(let count, let item):
                guard count > 0 else { sink.write("[]"); break }
                sink.write("[\n")
                for k in 0..<count {
                    let record = item(k)
                    sink.write { out in
                        out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                        record.write(into: &out, indent: 2, oneLine: true)
                        if k + 1 < count { out.append(UInt8(ascii: ",")) }
                        out.append(0x0A)
                    }
                }
                sink.write("  ]")
            case .lines(let count, let item):
                guard count > 0 else { sink.write("[]"); break }
                sink.write("[\n")
                LineBatches.write(count: count, to: sink, scratch: { JSONLineWriter() }) { k, out, line in
                    line.reset()
                    item(k, &line)
                    out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                    out.append(contentsOf: line.bytes)
                    if k + 1 < count { out.append(UInt8(ascii: ",")) }
                    out.append(0x0A)
                }
                sink.write("  ]")
            }
            sink.write(i + 1 < members.count ? ",\n" : "\n")
        }
        sink.write("}\n")
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
            ("comments", .int(rows.count)), ("authors", .int(m.authors(rows))), ("max_depth", .int(m.maxDepth(rows))),
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
            ("term_weights", .array(t.termWeights.map { .object([("term", .string($0.term)), ("weight", .double($0.weight))]) })),
            ("mean_similarity", .double(t.meanSimilarity)), ("outliers", .int(t.outliers)),
        ])
    }

    /// How the topics were found: k, the criterion for each k tried, the vocabulary, adjustments made.
    static func topicModel(_ r: TopicResult) -> JSONValue {
        .object([
            ("k", .int(r.k)), ("vocabulary_size", .int(r.vocabularySize)),
            ("k_scores", .array(r.kScores.map { s in
                .line(.object([("k", .int(s.k)), ("silhouette", .double(s.silhouette)), ("objective", .double(s.objective))]))
            })),
            ("notes", .array(r.notes.map { .string($0) })),
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

    static func comment(_ m: ReportModel, _ r: CommentRow, _ c: Comment, excerptLength: Int, into w: inout JSONLineWriter) {
        w.beginObject()
        w.string("source", r.source.rawValue); w.string("thread_id", c.threadID); w.string("comment_id", c.id)
        w.string("parent_id", c.parentID); w.int("depth", c.depth); w.string("author", c.author)
        w.timestamp("posted_at", c.postedAt); w.int("score", c.score)
        w.string("moderation", c.moderation)
        w.beginArray("flags")
        for f in c.flags.sorted() { w.element(f.rawValue) }
        w.endArray()
        w.number("weight", r.weight)
        if let s = r.sentiment {
            w.beginObject("sentiment")
            w.number("compound", s.compound); w.number("pos", s.pos); w.number("neu", s.neu); w.number("neg", s.neg)
            w.endObject()
        } else {
            w.null("sentiment")
        }
        if let s = r.stance {   // one copy of the stance per comment; its evidence is walked in place
            w.beginObject("stance")
            w.string("label", s.label.rawValue); w.number("score", s.score); w.number("confidence", s.confidence)
            w.string("source", s.source.rawValue)
            w.beginArray("evidence")
            for e in s.evidence {
                w.beginObject()
                w.string("rule", e.rule); w.string("matched", e.matched)
                if let span = e.span {
                    w.beginObject("span"); w.int("start", span.start); w.int("end", span.end); w.endObject()
                } else {
                    w.null("span")
                }
                w.string("text", e.span.map { c.text.slice($0) }); w.number("contribution", e.contribution)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        } else {
            w.null("stance")
        }
        if let t = r.topic {
            w.beginObject("topic")
            w.int("id", t); w.string("label", m.topicLabel(r)); w.number("similarity", r.topicSimilarity)
            w.bool("outlier", r.topicOutlier)
            w.endObject()
        } else {
            w.null("topic")
        }
        w.excerpt("excerpt", c.ownText, limit: excerptLength)
        w.endObject()
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
            return .line(.object([("severity", .string(v.severity)), ("code", .string(code)), ("count", .int(v.count))]))
        }
        return .object([
            ("schema_version", .int(schemaVersion)),
            ("run_id", .string(run.runID)), ("run_date", .string(run.runDate)), ("pipeline", .string(run.pipeline)),
            ("profile", .string(run.profile)), ("tool_version", .string(run.toolVersion)),
            ("blas_library", .string(run.blasLibrary)), ("pipeline_file_sha256", .string(run.pipelineFileSHA256)),
            ("seed", .uint(run.seed)), ("stance_weighting", weighting(run.stanceWeighting)),
            ("inputs", .array(run.inputs.sorted { ($0.path, $0.sha256) < ($1.path, $1.sha256) }.map { i in
                .line(.object([("path", .string(i.path)), ("sha256", .string(i.sha256)), ("size", .int(i.size)),
                         ("format", .string(i.format))]))
            })),
            ("counts", counts(run.counts)),
            ("problem_counts", .array(problemCounts)),
            ("skipped_records", .array(run.problems.filter { $0.severity == .error }.map { .line(problem($0)) })),
            ("files", .array(files.map { .string($0) })),
            ("execution", .object([
                ("started_at", .text(Format.isoTimestamp(run.startedAt))),
                ("finished_at", .text(Format.isoTimestamp(run.finishedAt))),
                ("elapsed_seconds", .double(run.finishedAt - run.startedAt, decimals: 3)),
                ("processed_threads", .int(run.processedThreads)), ("reused_threads", .int(run.reusedThreads)),
                ("stage_timings", .array(run.stageTimings.map { s in
                    .line(.object([("stage", .string(s.stage)), ("seconds", .double(s.seconds, decimals: 3)),
                                   ("items", .int(s.items))]))
                })),
            ])),
        ])
    }
}
