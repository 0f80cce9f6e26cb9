import Foundation
import Testing

/// The `threadlens sentiment` front door, run as a process when the debug binary has been built.
@Suite struct CommandTests {
    static let binary = Support.root.appendingPathComponent(".build/debug/threadlens").path

    static func run(_ args: [String], input: String) throws -> (status: Int32, out: String, err: String)? {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("skipped: \(binary) is not built (run `swift build` first)")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["sentiment", "--lexicons", Support.lexiconDirectory] + args
        let i = Pipe(), o = Pipe(), e = Pipe()
        p.standardInput = i; p.standardOutput = o; p.standardError = e
        try p.run()
        i.fileHandleForWriting.write(Data(input.utf8))
        try i.fileHandleForWriting.close()
        let out = o.fileHandleForReading.readDataToEndOfFile(), err = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func scoresIdTabTextAndBareLines() throws {
        guard let r = try Self.run(["--mode", "vader"], input: "a1\tThe build is good.\r\n\nThe build is bad.\n") else { return }
        #expect(r.status == 0)
        #expect(r.out == "id\tcompound\tpos\tneu\tneg\na1\t0.4404\t0.4920\t0.5080\t0.0000\n3\t-0.5423\t0.0000\t0.4620\t0.5380\n")
    }

    @Test func badInputNamesTheLine() throws {
        let bytes = Data([0x6F, 0x6B, 0x0A, 0xFF, 0x0A])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tl-bad-\(UUID().uuidString).txt")
        try bytes.write(to: file)
        guard let b = try Self.run([file.path], input: "") else { return }
        #expect(b.status != 0)
        #expect(b.err.contains("\(file.path):2: error: line is not valid UTF-8"))
    }
}
