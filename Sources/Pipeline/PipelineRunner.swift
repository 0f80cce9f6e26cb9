import Foundation
import LinearAlgebra
import Logging
import Reports
import Sentiment
import Stance
import ThreadModel
import Topics

/// Runs a validated pipeline: ingest -> sentiment -> topics -> stance -> reports, then stores the run.
///
/// Order of effects, chosen so that a run killed at any point leaves the previous reports and the
/// store intact: (1) take the pipeline's lock and clean up after any killed run; (2) analyse in
/// memory, reusing unchanged threads' results from the store unless `full`; (3) write every report
/// into a staging folder; (4) commit the run to the store in one transaction; (5) rename the staging
/// folder to `<run date>/` and repoint `latest`; (6) prune old report folders. A kill between (4)
/// and (5) leaves yesterday's reports in place and a store that already knows today's run; the next
/// run rewrites today's reports from it.
public struct PipelineRunner: Sendable {
    public var pipeline: PipelineFile
    public var options: RunOptions
    public var logger: Logger
    public var progress: ProgressHandler?

    public init(pipeline: PipelineFile, options: RunOptions = RunOptions(), logger: Logger = Logger(label: "threadlens.pipeline"),
                progress: ProgressHandler? = nil) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
        self.progress = progress
    }

    public func run() throws -> RunSummary {
        let started = Date()
        let runDate = options.runDate ?? RunDate.string(from: started)
        guard RunDate.isValid(runDate) else { throw RunError(stage: "run", "'\(runDate)' is not a YYYY-MM-DD date") }
        let (root, reportName): (URL, String) = {
            switch options.publish {
            case .dated: return (pipeline.pipelineDirectory, runDate)
            case let .directory(url): return (url.deletingLastPathComponent(), url.lastPathComponent)
            }
        }()
        let lockPath = options.publish == .dated
            ? root.appendingPathComponent(".lock").path
            : root.appendingPathComponent(".\(reportName).lock").path
        let lock = try RunLock.acquire(path: lockPath, wait: options.lockWait)
        defer { lock.release() }
        let publisher = ReportPublisher(root: root)
        publisher.recover()
        var timings: [StageTiming] = []
        let stages = RunStages(pipeline: pipeline, progress: progress)

        func timed<T>(_ stage: String, items: (T) -> Int, _ body: () throws -> T) throws -> T {
            let t0 = Date()
            let cpu0 = ProcessClock.cpuSeconds()
            logger.info("stage started", metadata: ["stage": "\(stage)"])
            let value = try body()
            let seconds = Date().timeIntervalSince(t0)
            let cpu = ProcessClock.cpuSeconds() - cpu0
            timings.append(StageTiming(stage: stage, seconds: seconds, items: items(value)))
            progress?(StageProgress(stage: stage, done: items(value), total: items(value), elapsed: seconds, finished: true))
            logger.info("stage finished", metadata: [
                "stage": "\(stage)", "items": "\(items(value))", "seconds": "\(String(format: "%.3f", seconds))",
                "cpu_seconds": "\(String(format: "%.3f", cpu))",
            ])
            return value
        }

        // Ingest.
        let ingested = try timed("ingest", items: { $0.threads.reduce(0) { $0 + $1.comments.count } }) { try stages.ingest() }
        let threads = ingested.threads
        let comments = threads.reduce(0) { $0 + $1.comments.count }
        guard comments > 0 else {
            throw RunError(stage: "ingest", "the inputs hold no comments (\(ingested.files.count) files read, "
                + "\(ingested.problems.count) problems)")
        }
        for p in ingested.problems.prefix(20) { logger.warning("\(p.description)", metadata: ["stage": "ingest", "code": "\(p.code)"]) }

        // Topics over everything need only the comments' own words, so they start now and run beside
        // the store read, sentiment and stance, and the store's first writes: topics are the longest
        // chain, and their single-threaded stretches (k-means, LSA) leave a core to the rest.
        // Both sides are deterministic; neither reads the other.
        let topicsRun = BackgroundStage(stage: "topics", logger: logger, progress: progress,
                                        items: { $0.1.count }) {
            do { return try stages.topics(threads) } catch let e as RunError { throw e } catch {
                throw RunError(stage: "topics", "\(error)")
            }
        }

        // Settings and what can be reused.
        let lexiconDir = pipeline.sentiment.lexicons ?? Self.lexiconDirectory(data: options.dataDirectory)
        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(directory: lexiconDir) } catch { throw RunError(stage: "sentiment", "\(error)") }
        let analyzer = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: pipeline.sentiment.mode))
        let (profile, profileText) = try RunStages.profile(
            pipeline.stance, dataDirectory: options.dataDirectory ?? DataDirectory.locate())
        let classifier = StanceClassifier(profile: profile, options: StanceOptions(threshold: pipeline.stance.threshold))
        let store = pipeline.store.enabled && options.publish == .dated ? try RunStore(path: pipeline.storePath) : nil
        let settingsHash = store == nil ? "" : RunSettingsHash.make(
            toolVersion: options.toolVersion, pipeline: pipeline, lexiconDirectory: lexiconDir, profileText: profileText)
        let (hashes, commentHashes, unchanged, reused) = try timed("store-read", items: { $0.2.count }) {
            // Content hashes on every core, in thread order.
            let computed = Parallel.mapChunks(count: threads.count, chunkSize: 64) { range in
                range.map { ContentHash.hashes(threads[$0]) }
            }.flatMap { $0 }
            var hashes: [String: String] = [:]
            var commentHashes: [String: [String]] = [:]
            for (t, h) in zip(threads, computed) {
                hashes[t.id] = h.thread
                commentHashes[t.id] = h.comments
            }
            let cached = options.full ? [:] : try store?.cachedThreads() ?? [:]
            let unchanged = Set(threads.filter {
                cached[$0.id] == CachedThread(contentHash: hashes[$0.id] ?? "", settingsHash: settingsHash)
            }.map(\.id))
            return (hashes, commentHashes, unchanged, try store?.cachedResults(threads: unchanged) ?? ([:], [:]))
        }
        // Everything else the run reads from the store, read now: once the run's write transaction is
        // open, the store takes no reads until it ends.
        let previous = try store?.previousTopics(before: runDate)
        let nextID = (try store?.maxTopicID(before: runDate) ?? 0) + 1
        var history = try store?.history(before: runDate) ?? []
        let (reusedSentiments, reusedStances) = reused
        let fresh = threads.indices.filter { i in
            !unchanged.contains(threads[i].id)
                || threads[i].comments.contains { reusedSentiments[$0.key] == nil || reusedStances[$0.key] == nil }
        }
        let freshThreads = fresh.map { threads[$0] }
        logger.info("incremental", metadata: ["analyse": "\(fresh.count)", "unchanged": "\(threads.count - fresh.count)"])

        // Sentiment and stance on new or changed threads only; every comment's results then by position.
        var columns = CommentColumns(threads: threads)
        do {
            var analysed = try timed("sentiment+stance", items: { _ in freshThreads.reduce(0) { $0 + $1.comments.count } }) {
                stages.analyse(freshThreads, analyzer: analyzer, classifier: classifier)
            }
            if fresh.count == threads.count {
                // A full run: the results are already in thread order.
                swap(&columns.sentiments, &analysed.sentiments)
                swap(&columns.stances, &analysed.stances)
            } else {
                var next = 0
                for i in fresh {
                    for p in columns.range(ofThread: i) {
                        (columns.sentiments[p], columns.stances[p]) = (analysed.sentiments[next], analysed.stances[next])
                        next += 1
                    }
                }
                let freshSet = Set(fresh)
                for i in threads.indices where !freshSet.contains(i) {
                    let base = columns.offsets[i]
                    for (j, c) in threads[i].comments.enumerated() {
                        (columns.sentiments[base + j], columns.stances[base + j]) = (reusedSentiments[c.key], reusedStances[c.key])
                    }
                }
            }
        }
        // The stances by key, for the stance summaries (`StanceAggregator` looks them up so).
        var stances: [CommentKey: CommentStance] = [:]
        stances.reserveCapacity(columns.count)
        for s in columns.stances { if let s { stances[s.key] = s } }
        // The summaries per thread need no topic: they are made while topics run, on a low-priority
        // thread that only takes the CPU time topics leave (see `SpareWork`).
        let aggregator = StanceAggregator(weighting: pipeline.stance.weighting)
        let summaryJobs = ThreadSummaryJobs(threads: threads, stances: stances, aggregator: aggregator)
        let earlySummaries = SpareWork(count: summaryJobs.count) { summaryJobs.run($0) }

        // The store is written beside topics and the reports, in one transaction committed only after
        // the reports are staged; any error below rolls it back.
        let transaction = store.map { StoreTransaction(store: $0, logger: logger) }
        defer { if let transaction, !transaction.isFinished { transaction.rollback() } }
        let threadsRecord = ThreadsRecord(
            runDate: runDate, threads: threads, contentHashes: hashes, commentHashes: commentHashes,
            unchanged: unchanged.subtracting(freshThreads.map(\.id)), settingsHash: settingsHash,
            columns: columns)
        transaction?.add("threads") { db in try RunStore.write(threadsRecord, db) }

        // Topics, with stable ids.
        let topicsOutcome = topicsRun.wait()
        timings.append(topicsOutcome.timing)
        let (rawTopics, rawAssignments) = try topicsOutcome.result.get()
        let tracked = TopicTracker(threshold: pipeline.topics.matchThreshold)
            .track(rawTopics.topics, previous: previous?.topics ?? [], nextID: nextID)
        let labels = Dictionary(uniqueKeysWithValues: tracked.topics.map { ($0.id, $0.label) })
        let topics = rawTopics.renumbered(tracked.stableID, labels: labels)
        let aggregationStart = Date()
        let aggregationCPU = ProcessClock.cpuSeconds()
        columns.topics = rawAssignments.map { a in
            guard var a else { return nil }
            a.topic = tracked.stableID[a.topic] ?? a.topic
            return a
        }

        // The day's history first: with the topics it is all the store still needs, so the store's
        // writes go on while the stance summaries and the reports are made.
        let today = Aggregation.history(date: runDate, threads: threads, columns: columns, labels: labels,
                                        weighting: pipeline.stance.weighting)
        let historyCutoff = pipeline.retention.historyDays > 0 ? RunDate.adding(-pipeline.retention.historyDays, to: runDate) : nil
        if let transaction {
            let stored = tracked.topics
            let centroids = try RunStore.centroids(stored)
            let dayRecord = DayRecord(runDate: runDate, threads: threads, columns: columns,
                                      topics: stored, history: today, historyCutoff: historyCutoff)
            transaction.add("day") { db in try RunStore.write(dayRecord, centroids: centroids, db) }
        }
        if let cutoff = historyCutoff { history.removeAll { $0.date < cutoff } }
        history += today

        // Re-aggregate.
        let early = earlySummaries.completedInBackground
        let byThread = summaryJobs.assemble(earlySummaries.finish())
        let (overall, byTopic) = Aggregation.overallAndTopicSummaries(
            threads: threads, columns: columns, stances: stances, aggregator: aggregator)
        let summaries = (overall: overall, byThread: byThread, byTopic: byTopic)
        logger.info("aggregated", metadata: [
            "seconds": "\(String(format: "%.3f", Date().timeIntervalSince(aggregationStart)))",
            "cpu_seconds": "\(String(format: "%.3f", ProcessClock.cpuSeconds() - aggregationCPU))",
            "summary_jobs_done_beside_topics": "\(early) of \(summaryJobs.count)",
        ])

        // Reports into a staging folder.
        // The pipeline file's hash; for one-off runs, the hash of the settings they were given.
        let pipelineHash = options.pipelineFilePath.flatMap { SHA256.hex(file: $0) }
            ?? SHA256.hex(Array(Self.json(pipeline).utf8))
        var info = RunInfo(
            runID: RunInfo.makeRunID(pipeline: pipeline.name, runDate: runDate, pipelineFileSHA256: pipelineHash),
            runDate: runDate, pipeline: pipeline.name, startedAt: started.timeIntervalSince1970,
            toolVersion: options.toolVersion, blasLibrary: options.blasLibrary, inputs: ingested.files,
            pipelineFileSHA256: pipelineHash,
            counts: RunCounts(inputFiles: ingested.files.count, threads: threads.count, comments: comments,
                              skippedRecords: ingested.problems.filter { $0.severity == .error }.count,
                              repairedRecords: ingested.problems.filter { $0.severity == .warning }.count),
            problems: ingested.problems, processedThreads: fresh.count, reusedThreads: threads.count - fresh.count,
            seed: pipeline.topics.seed, stanceWeighting: pipeline.stance.weighting, profile: profile.name)
        let staging = try publisher.makeStaging(runID: info.runID)
        let input = ReportInput(
            run: info, threads: threads, sentiments: [:], stances: [:], topics: topics,
            topicAssignments: [:], stanceOverall: summaries.overall, stanceByThread: summaries.byThread,
            stanceByTopic: summaries.byTopic, history: history, topicChanges: tracked.changes,
            previousRunDate: previous?.date, columns: columns)
        let files = try timed("reports", items: { $0.count }) {
            info.stageTimings = timings
            info.finishedAt = Date().timeIntervalSince1970
            var input = input
            input.run = info
            return try ReportWriter().write(input, to: staging)
        }
        info.stageTimings = timings
        info.finishedAt = Date().timeIntervalSince1970

        // Store, then publish.
        if options.pauseBeforePublish > 0 { Thread.sleep(forTimeInterval: options.pauseBeforePublish) }
        if let transaction {
            let manifest = (try? String(contentsOf: staging.appendingPathComponent("manifest.json"), encoding: .utf8))
                ?? Self.json(info)
            let execution = ExecutionRecord(run: info, full: options.full, manifestJSON: manifest)
            // What is left of the store's writes, then the commit itself.
            try timed("store-commit", items: { _ in threads.count }) {
                transaction.add("execution") { db in try RunStore.write(execution, db) }
                try transaction.commit()
            }
            info.stageTimings = timings
        }
        let published = try publisher.publish(staging: staging, as: reportName)
        var pruned: [String] = []
        if options.publish == .dated {
            // A backfill of an earlier date does not move `latest` back in time.
            if publisher.latestTarget().map({ $0 <= reportName }) ?? true { try publisher.pointLatest(to: reportName) }
            pruned = publisher.prune(keepingDays: pipeline.retention.reportsDays, today: runDate)
        }
        logger.info("run finished", metadata: ["run_id": "\(info.runID)", "reports": "\(published.path)"])
        return RunSummary(run: info, reportDirectory: published, files: files, topics: topics.topics.count,
                          topicChanges: tracked.changes, overall: summaries.overall, prunedReports: pruned)
    }

    /// `<data>/lexicons`, with `data` located by `DataDirectory` when not given.
    static func lexiconDirectory(data: String?) -> String {
        URL(fileURLWithPath: data ?? DataDirectory.locate()).appendingPathComponent("lexicons").path
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// A stage run on a background thread while the caller does other work; `wait()` returns its
/// result and timing (wall seconds from its own start, as for the stages run in line).
final class BackgroundStage<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var outcome: (result: Result<Value, Error>, timing: StageTiming)?

    init(stage: String, logger: Logger, progress: ProgressHandler?, items: @escaping @Sendable (Value) -> Int = { _ in 0 },
         _ body: @escaping @Sendable () throws -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let t0 = Date()
            logger.info("stage started", metadata: ["stage": "\(stage)"])
            let result = Result { try body() }
            let seconds = Date().timeIntervalSince(t0)
            let count = (try? result.get()).map(items) ?? 0
            if case .success = result {
                progress?(StageProgress(stage: stage, done: count, total: count, elapsed: seconds, finished: true))
                logger.info("stage finished", metadata: [
                    "stage": "\(stage)", "items": "\(count)", "seconds": "\(String(format: "%.3f", seconds))",
                ])
            }
            // The group's wait orders this write before the reader's.
            outcome = (result, StageTiming(stage: stage, seconds: seconds, items: count))
            group.leave()
        }
    }

    func wait() -> (result: Result<Value, Error>, timing: StageTiming) {
        group.wait()
        guard let outcome else { preconditionFailure("BackgroundStage finished without an outcome") }
        return outcome
    }
}
