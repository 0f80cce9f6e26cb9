import Foundation
import Yams

/// A debate: the target, its aliases, and the cues for and against it.
public struct StanceProfile: Sendable, Codable, Hashable {
    public var name: String
    public var target: String
    public var aliases: [String]

    public init(name: String, target: String, aliases: [String]) {
        self.name = name
        self.target = target
        self.aliases = aliases
    }

    /// Parses a profile from YAML text; `path` is used in error messages.
    public static func parse(yaml: String, path: String) throws -> StanceProfile {
        do {
            return try YAMLDecoder().decode(StanceProfile.self, from: yaml)
        } catch {
            throw ProfileError(path: path, message: "\(error)")
        }
    }
}

public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
