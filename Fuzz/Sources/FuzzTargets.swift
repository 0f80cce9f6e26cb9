import Foundation
import Ingest
import Pipeline
import Stance
import ThreadModel

/// The fuzz targets, one per reader plus the pipeline-file validator and the stance-profile loader.
///
/// One binary serves them all: `THREADLENS_FUZZ_TARGET` picks the target when the process starts
/// (scripts/fuzz.sh sets it). Each input is treated as the whole content of one file: readers get it
/// through a real file (they read paths and stream), the YAML loaders get it as a string. A thrown
/// error is the expected answer to bad input; a trap, a sanitizer report, a hang (libFuzzer's
/// `-timeout`) or a broken invariant below is a finding.
enum FuzzTarget: String, CaseIterable {
    case slashdot, hackernews, reddit, lemmy, mbox, jsonl, csv, article, detect, pipeline, profile

    /// The reader format forced for the target; `detect` lets content detection choose.
    var format: SourceFormat? {
        switch self {
        case .slashdot: .slashdot
        case .hackernews: .hackernews
        case .reddit: .reddit
        case .lemmy: .lemmy
        case .mbox: .mbox
        case .jsonl: .jsonl
        case .csv: .csv
        case .article: .article
        case .detect, .pipeline, .profile: nil
        }
    }

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["THREADLENS_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("THREADLENS_FUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()
}

/// A per-process scratch file in memory-backed storage when there is one.
let scratchPath: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(base)/threadlens-fuzz-\(getpid())-input"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func threadLensFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let target = FuzzTarget.selected
    switch target {
    case .pipeline:
        _ = try? PipelineLoader(checkFiles: false).load(yaml: String(decoding: bytes, as: UTF8.self), path: "fuzz.yml")
    case .profile:
        if let profile = try? StanceProfile.parse(yaml: String(decoding: bytes, as: UTF8.self), path: "fuzz.yml") {
            // A profile that loads must also be usable.
            _ = StanceClassifier(profile: profile)
        }
    default:
        guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else { return 0 }
        // A small record limit keeps the "record too large" path reachable with fuzz-sized inputs.
        let options = IngestOptions(format: target.format, strict: false, maxRecordBytes: 4096)
        if let result = try? Ingestor(options: options).read(path: scratchPath) {
            checkInvariants(result)
        }
    }
    return 0
}

/// What every reader promises, whatever the input: spans inside their text, sentences and quotes in
/// order, depths consistent with parents, parents that exist in the thread, and no parent cycles.
func checkInvariants(_ result: IngestResult) {
    for thread in result.threads {
        var byID: [String: Comment] = [:]
        for comment in thread.comments {
            if byID[comment.id] != nil { fail("duplicate comment id \(comment.id) in thread \(thread.id)") }
            byID[comment.id] = comment
        }
        for comment in thread.comments {
            let length = comment.text.utf8.count
            for sentence in comment.sentences where sentence.span.start < 0 || sentence.span.end > length
                || sentence.span.start > sentence.span.end {
                fail("sentence span \(sentence.span) outside text of \(length) bytes in \(comment.key)")
            }
            for quote in comment.quotes where quote.span.start < 0 || quote.span.end > length
                || quote.span.start > quote.span.end {
                fail("quote span \(quote.span) outside text of \(length) bytes in \(comment.key)")
            }
            if comment.depth < 0 { fail("negative depth in \(comment.key)") }
            // Walk up the parent chain with a step limit: a cycle never reaches a root.
            var steps = 0
            var cursor = comment
            while let parent = cursor.parentID {
                guard let next = byID[parent] else {
                    fail("parent \(parent) of \(cursor.key) is not in thread \(thread.id)")
                }
                cursor = next
                steps += 1
                if steps > thread.comments.count { fail("parent cycle through \(comment.key)") }
            }
            if steps != comment.depth { fail("depth \(comment.depth) but \(steps) ancestors for \(comment.key)") }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("invariant broken: \(message)\n".utf8))
    abort()
}
