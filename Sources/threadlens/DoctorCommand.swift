import ArgumentParser
import Foundation
import LinearAlgebra
import Pipeline

/// `threadlens doctor`: what this installation will use: BLAS/LAPACK library and threads, SQLite,
/// and every bundled data file with its size and SHA-256 (the "versions" of lexicons and profiles).
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the BLAS/LAPACK library loaded, its threads, and the data files in use.")

    @Option(name: .long, help: "The data folder to inspect (default: the one ThreadLens finds).")
    var data: String?

    func run() throws {
        let blas = BLASInfo.current()
        let dataDir = data ?? DataDirectory.locate()
        Console.out("threadlens \(ThreadLensVersion.current)")
        Console.out("blas:      \(blas.implementation), \(blas.threads) thread\(blas.threads == 1 ? "" : "s")")
        for lib in blas.libraries { Console.out("  library  \(lib)") }
        if blas.libraries.isEmpty { Console.out("  library  (none found in /proc/self/maps)") }
        let env = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "(unset)"
        Console.out("  OPENBLAS_NUM_THREADS=\(env)")
        Console.out("sqlite:    \((try? RunStore.sqliteVersion()) ?? "unavailable")")
        Console.out("data:      \(dataDir)")
        let files = DataInventory.files(in: dataDir)
        if files.isEmpty {
            Console.out("  (no data files found: set THREADLENS_DATA or run from the checkout)")
            throw ExitCode(ExitStatus.runFailed)
        }
        for f in files {
            Console.out("  \(f.path.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(f.size).leftPadded(9)) bytes  sha256 \(f.sha256.prefix(16))")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
