import Foundation
import GRDB

/// The bundled data files and their fingerprints, for `threadlens doctor`.
public enum DataInventory {
    public struct File: Sendable, Hashable {
        /// Relative to the data folder.
        public var path: String
        public var size: Int
        public var sha256: String
    }

    /// Every regular, non-hidden file under `dir`, sorted by path.
    public static func files(in dir: String) -> [File] {
        let root = URL(fileURLWithPath: dir).standardizedFileURL
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [File] = []
        while let name = walker.nextObject() as? String {
            let url = root.appendingPathComponent(name)
            guard !url.lastPathComponent.hasPrefix("."),
                  let attrs = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attrs[.type] as? FileAttributeType == .typeRegular else { continue }
            out.append(File(path: name, size: (attrs[.size] as? Int) ?? 0, sha256: SHA256.hex(file: url.path) ?? ""))
        }
        return out.sorted { $0.path < $1.path }
    }
}

extension RunStore {
    /// The SQLite library's version.
    public static func sqliteVersion() throws -> String {
        try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" }
    }
}
