/// Something wrong with the input: located, explained, and either skipped or fatal.
public struct InputProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The record was kept, with a repair (replaced bytes, a broken cycle...).
        case warning
        /// The record was skipped and counted.
        case error
    }

    public var location: SourceLocation
    public var severity: Severity
    /// A short stable code for counting ("truncated-json", "csv-columns", "invalid-utf8"...).
    public var code: String
    public var message: String

    public init(_ location: SourceLocation, _ severity: Severity, code: String, _ message: String) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// `file:line: error: field 'text' is missing`
    public var description: String {
        var s = "\(location): \(severity.rawValue): "
        if let field = location.field { s += "field '\(field)': " }
        return s + message
    }
}

/// An error that stops a run, carrying the located problem.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var problem: InputProblem
    public init(_ problem: InputProblem) { self.problem = problem }
    public init(_ location: SourceLocation, code: String, _ message: String) {
        self.problem = InputProblem(location, .error, code: code, message)
    }
    public var description: String { problem.description }
}
