import Foundation
import Pipeline

/// A progress line on a terminal: `topics      1,204/1,204  3,410/s  0:00 left`, redrawn in place on
/// stderr and at most ten times a second. Off when stderr is not a terminal (logs say it instead).
final class Progress: @unchecked Sendable {
    static let shared = Progress()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    var enabled = false

    /// The handler to give the runner, or nil when progress is off.
    var handler: ProgressHandler? {
        guard enabled else { return nil }
        return { [self] event in self.update(event) }
    }

    func update(_ p: StageProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard p.finished || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = p.stage.padding(toLength: 17, withPad: " ", startingAt: 0)
        line += " \(p.done)/\(p.total)"
        if p.rate > 0 { line += String(format: "  %.0f/s", p.rate) }
        if p.finished {
            line += String(format: "  done in %.2f s", p.elapsed)
        } else if let left = p.remaining {
            line += String(format: "  %d:%02d left", Int(left) / 60, Int(left) % 60)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (p.finished ? "\n" : "")).utf8))
        drawn = !p.finished
    }

    /// Erases a half-drawn line before other output.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            drawn = false
        }
    }
}
