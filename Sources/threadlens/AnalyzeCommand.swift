import ArgumentParser
import Foundation
import Pipeline
import ThreadModel

/// `threadlens analyze <inputs...>`: a one-off run with default settings, no pipeline file, no store.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse files once with default settings and write reports to a folder.",
        discussion: """
            Reads the inputs (files, folders or globs), runs every stage with the defaults a pipeline \
            file would have, and replaces --out DIR with the reports. Keeps no run store.

            EXAMPLE:
              threadlens analyze thread.txt comments.jsonl --profile data/stance/rust-in-linux.yml --out /tmp/r
            """)

    @Argument(help: "Input files, folders or globs.")
    var inputs: [String]

    @Option(name: .long, help: "Read every input as this format (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))); default: detect.")
    var format: String?

    @Option(name: .long, help: "A stance profile (YAML); default: the built-in Rust-in-the-kernel profile.")
    var profile: String?

    @Option(name: .long, help: "The report folder (replaced as a whole).")
    var out: String = "threadlens-report"

    @Flag(name: .long, help: "Stop at the first malformed record instead of skipping it.")
    var strict = false

    @Option(name: .long, help: "A fixed number of topics (default: chosen in 2...8).")
    var k: Int?

    @Option(name: .long, help: "Seed for topic modelling.")
    var seed: UInt64 = 42

    @OptionGroup var flags: RunFlags

    func validate() throws {
        if let format, SourceFormat(rawValue: format) == nil, format != "auto" {
            throw ValidationError("--format: expected one of auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")); found '\(format)'")
        }
        if let k, !(1...100).contains(k) { throw ValidationError("--k: expected 1...100, found \(k)") }
        for input in inputs where (try? InputFiles.expand(absolute(input)).isEmpty) ?? true {
            throw ValidationError("\(input): no such file (or the glob matches nothing)")
        }
        if let profile, !FileManager.default.fileExists(atPath: profile) {
            throw ValidationError("--profile: cannot read '\(profile)'")
        }
    }

    func run() throws {
        flags.setUp()
        let sourceFormat = format.flatMap(SourceFormat.init(rawValue:))
        var pipeline = PipelineFile(name: "analyze", inputs: inputs.map { PipelineInput(path: absolute($0), format: sourceFormat) })
        pipeline.ingest.strict = strict
        pipeline.stance.profile = profile.map(absolute)
        pipeline.topics.k = k
        pipeline.topics.seed = seed
        pipeline.store.enabled = false
        var options = flags.runOptions(full: true)
        options.publish = .directory(URL(fileURLWithPath: absolute(out)))
        try execute(pipeline, options: options)
    }

    func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }
}
