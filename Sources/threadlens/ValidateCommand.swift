import ArgumentParser
import Foundation
import Pipeline

/// `threadlens validate <pipeline.yml>`: every check `run` makes before its first stage, and nothing else.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file without running it.",
        discussion: """
            Checks unknown keys, types, ranges, inputs that match no file, the lexicon folder and the \
            stance profile. Problems print as file:line: error: 'key': message. Exit 0 when valid, 2 \
            otherwise.
            """)

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    func run() throws {
        let file = try loadPipeline(pipeline)
        let files = try InputFiles.expandAll(file.inputs.map(\.path))
        Console.out("\(pipeline): ok: pipeline '\(file.name)', \(files.count) input files, reports in "
            + "\(file.pipelineDirectory.path)")
    }
}
