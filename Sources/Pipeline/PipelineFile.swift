import Foundation

/// A declarative pipeline file (YAML). Filled in by the pipeline work.
public struct PipelineFile: Sendable, Codable, Hashable {
    public var name: String
    public var inputs: [String]
    public init(name: String, inputs: [String]) {
        self.name = name
        self.inputs = inputs
    }
}
