import Sentiment
import Stance
import ThreadModel
import Topics

/// One row of the long-form history: how many comments of one stance a thread had on one topic on one day.
///
/// `share` is `count` over all comments of the same (date, source, thread, topic); `interval` is its
/// 95% Wilson interval.
public struct HistoryRow: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// `SourceFormat.rawValue`.
    public var source: String
    public var threadID: String
    /// The stable topic id, or nil for comments without a topic.
    public var topicID: Int?
    public var topicLabel: String
    public var stance: StanceLabel
    public var count: Int
    public var weightedCount: Double
    public var share: Double
    public var interval: Interval

    public init(date: String, source: String, threadID: String, topicID: Int?, topicLabel: String = "",
                stance: StanceLabel, count: Int, weightedCount: Double, share: Double, interval: Interval) {
        self.date = date
        self.source = source
        self.threadID = threadID
        self.topicID = topicID
        self.topicLabel = topicLabel
        self.stance = stance
        self.count = count
        self.weightedCount = weightedCount
        self.share = share
        self.interval = interval
    }
}

/// A topic named in a change: its stable id and the label it had.
public struct TopicRef: Sendable, Hashable, Codable, Comparable {
    public var id: Int
    public var label: String

    public init(id: Int, label: String) {
        self.id = id
        self.label = label
    }

    public static func < (a: TopicRef, b: TopicRef) -> Bool { (a.id, a.label) < (b.id, b.label) }
}

/// How today's topics relate to the previous run's.
public struct TopicChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `to` holds one topic with no predecessor.
        case new
        /// `from` holds one topic with no successor.
        case vanished
        /// Several `from` topics became the one `to` topic.
        case merged
        /// The one `from` topic became several `to` topics.
        case split
    }

    public var kind: Kind
    /// Previous run's topics.
    public var from: [TopicRef]
    /// Today's topics.
    public var to: [TopicRef]

    public init(kind: Kind, from: [TopicRef] = [], to: [TopicRef] = []) {
        self.kind = kind
        self.from = from
        self.to = to
    }
}

/// Everything a report is written from. Plain values: the writer does no analysis beyond sorting and formatting.
public struct ReportInput: Sendable {
    public var run: RunInfo
    public var threads: [DiscussionThread]
    public var sentiments: [CommentKey: CommentSentiment]
    public var stances: [CommentKey: CommentStance]
    public var topics: TopicResult
    /// Each comment's topic; a comment missing here has no topic.
    public var topicAssignments: [CommentKey: TopicAssignment]
    /// The same results by position, for `threads` in the order given. When set (and laid out for
    /// `threads`), the writer reads every comment's results from here and not from the three dictionaries.
    public var columns: CommentColumns?
    public var stanceOverall: StanceSummary
    /// Keyed by thread id.
    public var stanceByThread: [String: StanceSummary]
    /// Keyed by topic id.
    public var stanceByTopic: [Int: StanceSummary]
    /// Every day kept in the run store, today's rows included.
    public var history: [HistoryRow]
    /// Since the previous run; empty on a first run.
    public var topicChanges: [TopicChange]
    /// The previous run's date when there was one.
    public var previousRunDate: String?

    public init(
        run: RunInfo, threads: [DiscussionThread], sentiments: [CommentKey: CommentSentiment],
        stances: [CommentKey: CommentStance], topics: TopicResult, topicAssignments: [CommentKey: TopicAssignment],
        stanceOverall: StanceSummary, stanceByThread: [String: StanceSummary], stanceByTopic: [Int: StanceSummary],
        history: [HistoryRow] = [], topicChanges: [TopicChange] = [], previousRunDate: String? = nil,
        columns: CommentColumns? = nil
    ) {
        self.run = run
        self.threads = threads
        self.sentiments = sentiments
        self.stances = stances
        self.topics = topics
        self.topicAssignments = topicAssignments
        self.stanceOverall = stanceOverall
        self.stanceByThread = stanceByThread
        self.stanceByTopic = stanceByTopic
        self.history = history
        self.topicChanges = topicChanges
        self.previousRunDate = previousRunDate
        self.columns = columns
    }
}
