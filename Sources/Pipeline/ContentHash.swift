import Foundation
import ThreadModel

/// Content hashes that decide whether a thread must be analysed again.
///
/// A comment's hash covers what it says and where it hangs (id, parent, author, time, score,
/// moderation, title, raw text), not where it was read from: a thread that moves to another line or
/// file is not "changed". A thread's hash covers its own fields and its comments' hashes in order.
/// Fields are joined with unit separators (0x1F) and absent values written as 0x1E, so no two
/// different comments share a pre-image.
public enum ContentHash {
    public static func comment(_ c: Comment) -> String {
        SHA256.hex(Array(canonical(c).utf8))
    }

    public static func thread(_ t: DiscussionThread) -> String {
        hashes(t).thread
    }

    /// The thread's hash and every comment's (in comment order), building each comment's canonical
    /// text once for both.
    public static func hashes(_ t: DiscussionThread) -> (thread: String, comments: [String]) {
        var hasher = SHA256()
        let head = fields([t.id, t.source.rawValue, t.title, t.url, t.body, t.postedAt.map(number)])
        hasher.update(Array(head.utf8))
        let separator: [UInt8] = [0x1D]
        var comments: [String] = []
        comments.reserveCapacity(t.comments.count)
        for c in t.comments {
            let bytes = Array(canonical(c).utf8)
            hasher.update(separator)
            hasher.update(bytes)
            comments.append(SHA256.hex(bytes))
        }
        return (hasher.finalizeHex(), comments)
    }

    static func canonical(_ c: Comment) -> String {
        fields([c.id, c.threadID, c.parentID, c.author, c.postedAt.map(number), c.score.map(String.init),
                c.moderation, c.title, c.rawText])
    }

    static func fields(_ values: [String?]) -> String {
        values.map { $0 ?? "\u{1E}" }.joined(separator: "\u{1F}")
    }

    /// Shortest round-trip text of a double (locale-free).
    static func number(_ x: Double) -> String { "\(x)" }
}

/// Hash of everything besides a thread's content that its per-comment results depend on: the tool
/// version, sentiment mode, lexicon files, stance profile and options. A change re-analyses every thread.
public enum RunSettingsHash {
    public static func make(toolVersion: String, pipeline: PipelineFile, lexiconDirectory: String,
                            profileText: String) -> String {
        var parts = [toolVersion, buildFingerprint(), pipeline.sentiment.mode.rawValue, profileText,
                     "\(pipeline.stance.threshold)", "\(pipeline.ingest.strict)"]
        let lexicons = (try? FileManager.default.contentsOfDirectory(atPath: lexiconDirectory))?.sorted() ?? []
        for name in lexicons {
            let path = URL(fileURLWithPath: lexiconDirectory).appendingPathComponent(name).path
            parts.append(name + "=" + (SHA256.hex(file: path) ?? "unreadable"))
        }
        return SHA256.hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    /// Size and modification time of the running executable: a rebuilt binary (new rules, same
    /// version number) re-analyses everything once instead of reusing results of the old one.
    static func buildFingerprint() -> String {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: exe) else { return "unknown-build" }
        let size = (attrs[.size] as? Int) ?? 0
        let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(mtime)"
    }
}
