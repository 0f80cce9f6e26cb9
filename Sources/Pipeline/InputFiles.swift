import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an input entry (file, folder or glob) into a sorted list of files.
///
/// - A file is itself.
/// - A folder is every regular, non-hidden file directly inside it.
/// - A glob may use `*`, `?` and `[...]` in its last path component only (matched with `fnmatch`);
///   hidden files match only when the pattern starts with `.`.
///
/// Results are sorted by path so runs are deterministic. Design note: recursive `**` globs were left
/// out: the nightly job reads a few flat folders, and a recursive walk could pick up reports.
public enum InputFiles {
    public struct GlobError: Error, Sendable, CustomStringConvertible {
        public var pattern: String
        public var description: String {
            "'\(pattern)': wildcards are allowed in the last path component only"
        }
    }

    public static func expand(_ path: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !hasWildcard(path) {
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
            guard isDir.boolValue else { return [path] }
            return regularFiles(in: path, matching: nil)
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        if hasWildcard(dir) { throw GlobError(pattern: path) }
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { return [] }
        return regularFiles(in: dir, matching: url.lastPathComponent)
    }

    /// Expands every entry, keeping the first occurrence of a file named twice.
    public static func expandAll(_ paths: [String]) throws -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for p in paths {
            for f in try expand(p) where seen.insert(f).inserted { out.append(f) }
        }
        return out
    }

    static func hasWildcard(_ s: String) -> Bool {
        s.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func regularFiles(in dir: String, matching pattern: String?) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
        let base = URL(fileURLWithPath: dir, isDirectory: true)
        return names.filter { name in
            if let pattern {
                if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
                guard fnmatch(pattern, name, 0) == 0 else { return false }
            } else if name.hasPrefix(".") {
                return false
            }
            var isDir: ObjCBool = false
            let full = base.appendingPathComponent(name).path
            return fm.fileExists(atPath: full, isDirectory: &isDir) && !isDir.boolValue
        }
        .sorted()
        .map { base.appendingPathComponent($0).path }
    }
}
