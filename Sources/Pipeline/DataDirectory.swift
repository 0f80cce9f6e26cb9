import Foundation

/// Finds the bundled `data/` folder (lexicons, stance profiles, stop words, schemas).
///
/// In order: `$THREADLENS_DATA`; `./data` when it holds `lexicons/`; then a `data/` folder beside
/// the executable or in any of its parent folders (so `.build/release/threadlens` finds the
/// checkout's `data/` from any working directory, as cron needs). Falls back to `data`.
public enum DataDirectory {
    public static func locate() -> String {
        let fm = FileManager.default
        func holdsData(_ dir: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: URL(fileURLWithPath: dir).appendingPathComponent("lexicons").path, isDirectory: &isDir)
                && isDir.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["THREADLENS_DATA"], !env.isEmpty { return env }
        if holdsData("data") { return URL(fileURLWithPath: "data").standardizedFileURL.path }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("data").path
            if holdsData(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return "data"
    }
}
