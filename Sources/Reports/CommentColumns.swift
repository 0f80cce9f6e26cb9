import Sentiment
import Stance
import ThreadModel
import Topics

/// Every comment's results by position rather than by key: comment `j` of `threads[i]` is at
/// `offsets[i] + j`, for the threads in the order they were given.
///
/// Design notes: at a million comments, keying results by `CommentKey` (two strings hashed per look-up)
/// cost seconds in every pass over the comments; a position costs an addition. Dictionaries stay the
/// way to hand over a few results (tests, partial runs); columns are how a whole run hands them over.
public struct CommentColumns: Sendable {
    /// `threads.count + 1` ascending positions: thread `i`'s comments are `offsets[i]..<offsets[i + 1]`.
    public var offsets: [Int]
    public var sentiments: [CommentSentiment?]
    public var stances: [CommentStance?]
    /// The topic assignment, nil for a comment with none.
    public var topics: [TopicAssignment?]

    /// Empty columns laid out for `threads` (every result nil).
    public init(threads: [DiscussionThread]) {
        var offsets = [0]
        offsets.reserveCapacity(threads.count + 1)
        for t in threads { offsets.append(offsets[offsets.count - 1] + t.comments.count) }
        self.offsets = offsets
        let count = offsets[offsets.count - 1]
        sentiments = Array(repeating: nil, count: count)
        stances = Array(repeating: nil, count: count)
        topics = Array(repeating: nil, count: count)
    }

    /// The number of comments.
    public var count: Int { offsets[offsets.count - 1] }

    /// The topic the comment at `position` counts under in summaries, history and the store: its
    /// assignment's topic, nil when it has no assignment or fits no topic well (an outlier).
    public func topicID(at position: Int) -> Int? {
        topics[position].flatMap { $0.isOutlier ? nil : $0.topic }
    }

    /// The positions of thread `i`'s comments.
    public func range(ofThread i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// Whether these columns are laid out for `threads` (same thread count and comment counts).
    public func fits(_ threads: [DiscussionThread]) -> Bool {
        guard offsets.count == threads.count + 1 else { return false }
        for (i, t) in threads.enumerated() where offsets[i + 1] - offsets[i] != t.comments.count { return false }
        return sentiments.count == count && stances.count == count && topics.count == count
    }
}
