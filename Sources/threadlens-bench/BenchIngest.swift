import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Ingest
import ThreadModel

/// Benchmark of the ingest stage; prints result lines for scripts/bench.
///
/// `threadlens-bench ingest generate-jsonl PATH MB` and `generate-mbox PATH MB` write seeded synthetic
/// inputs (own vocabulary, quotes, replies, some non-ASCII and escapes); `threadlens-bench ingest read
/// PATH...` reads them with `Ingestor` and prints one tab-separated row per file:
/// `ingest  <format>  <MB>  <seconds>  <MB/s>  <peak RSS MB>  <peak/file>  cpu=... cpuMB/s=... counts`. Run one `read` per process
/// so that the peak RSS (VmHWM) belongs to that file alone.
func benchIngest(_ args: [String]) {
    let out = FileHandle.standardOutput
    func say(_ s: String) { out.write(Data((s + "\n").utf8)) }
    guard let command = args.first else {
        say("usage: threadlens-bench ingest generate-jsonl|generate-mbox PATH MB | read PATH...")
        return
    }
    switch command {
    case "generate-jsonl", "generate-mbox":
        guard args.count == 3, let mb = Int(args[2]) else { say("usage: ingest \(command) PATH MB"); return }
        let bytes = command == "generate-jsonl" ? IngestSynthetic.jsonl(megabytes: mb) : IngestSynthetic.mbox(megabytes: mb)
        FileManager.default.createFile(atPath: args[1], contents: Data(bytes))
        say("generated \(args[1]): \(bytes.count) bytes")
    case "read":
        for path in args.dropFirst() {
            let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            let start = Date()
            let cpuStart = ingestCPUSeconds()
            do {
                let result = try Ingestor().read(paths: [path])
                let seconds = Date().timeIntervalSince(start)
                let cpu = ingestCPUSeconds() - cpuStart
                let peak = ingestResidentBytes()
                if ProcessInfo.processInfo.environment["INGEST_BENCH_RSS"] != nil {
                    var raw = 0, text = 0, own = 0, sentences = 0, shared = 0
                    for t in result.threads {
                        for c in t.comments {
                            raw += c.rawText.utf8.count
                            text += c.text.utf8.count
                            own += c.ownText.utf8.count
                            sentences += c.sentences.count
                            if c.text == c.rawText { shared += 1 }
                        }
                    }
                    say("bytes raw \(raw) text \(text) own \(own); sentences \(sentences); text == raw in \(shared) comments")
                    say("rss after read: \(ingestResidentBytes("VmRSS:") / 1_048_576) MB (anonymous \(ingestResidentBytes("RssAnon:") / 1_048_576) MB, files \(ingestResidentBytes("RssFile:") / 1_048_576) MB), comment stride \(MemoryLayout<ThreadModel.Comment>.stride) B, sentence stride \(MemoryLayout<Sentence>.stride) B")
                }
                let mb = size / 1_048_576
                say(String(format: "ingest\t%@\t%.1f\t%.3f\t%.1f\t%.1f\t%.2f\tcpu=%.3fs cpuMB/s=%.1f threads=%d comments=%d skipped=%d",
                           result.formats.first?.rawValue ?? "?", mb, seconds, mb / seconds, peak / 1_048_576,
                           peak / max(size, 1), cpu, mb / max(cpu, 1e-9), result.threads.count, result.commentCount,
                           result.skippedRecords))
            } catch {
                say("ingest\terror\t\(error)")
            }
        }
    default:
        say("unknown ingest command \(command)")
    }
}

/// User plus system CPU time of this process: on a busy machine, wall time overstates the cost.
private func ingestCPUSeconds() -> Double {
    #if canImport(Glibc)
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
    #else
    return 0
    #endif
}

/// Peak resident set size of this process (VmHWM), in bytes; 0 where /proc is absent.
private func ingestResidentBytes(_ key: String = "VmHWM:") -> Double {
    guard let h = FileHandle(forReadingAtPath: "/proc/self/status"), let data = try? h.readToEnd() else { return 0 }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key) {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb * 1024
    }
    return 0
}

/// Seeded synthetic threads for the ingest benchmark: the project's own vocabulary, no third-party text.
private enum IngestSynthetic {
    /// xorshift64*: small, fast and reproducible.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2685821657736338717
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let words = ("rust kernel driver memory safety borrow checker maintainer patch review toolchain compiler "
        + "unsafe binding abstraction allocator module subsystem bug release merge window regression test build "
        + "architecture port gcc llvm clang stable api abi lifetime ownership pointer buffer overflow crash fix "
        + "code naïve café design — decision summit experiment support vendor network storage graphics firmware")
        .split(separator: " ").map { Array($0.utf8) }

    static func sentence(_ rng: inout Rng, into out: inout [UInt8]) {
        let n = 6 + rng.int(14)
        for k in 0..<n {
            var w = words[rng.int(words.count)]
            if k == 0, let f = w.first, f >= 0x61, f <= 0x7A { w[0] = f - 32 }
            out += w
            out.append(k == n - 1 ? [0x2E, 0x3F, 0x21][rng.int(3)] : 0x20)
        }
    }

    /// A comment body: 1-12 sentences, sometimes opening with a quote line.
    static func body(_ rng: inout Rng, quoteMarker: [UInt8], lineBreak: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        if rng.int(4) == 0 {
            out += quoteMarker
            sentence(&rng, into: &out)
            out += lineBreak
        }
        let n = 1 + rng.int(12)
        for k in 0..<n {
            sentence(&rng, into: &out)
            if k < n - 1 { out += rng.int(5) == 0 ? lineBreak : [0x20] }
        }
        return out
    }

    static func jsonl(megabytes: Int) -> [UInt8] {
        var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
        let target = megabytes * 1_048_576
        var out: [UInt8] = []
        out.reserveCapacity(target + 4096)
        var id = 0
        while out.count < target {
            let thread = id / 500
            var line = Array("{\"id\": \(id), \"thread\": \"t\(thread)\", ".utf8)
            if id % 500 != 0 { line += Array("\"parent\": \(id - 1 - rng.int(min(id % 500, 20))), ".utf8) }
            line += Array("\"author\": \"user\(rng.int(5000))\", \"time\": \(1_765_000_000 + id), \"score\": \(rng.int(50)), \"text\": \"".utf8)
            var text = body(&rng, quoteMarker: Array("> ".utf8), lineBreak: Array("\\n".utf8))
            if rng.int(10) == 0 { text += Array(" He said \\\"fine\\\".".utf8) }
            line += text
            line += Array("\"}\n".utf8)
            out += line
            id += 1
        }
        return out
    }

    static func mbox(megabytes: Int) -> [UInt8] {
        var rng = Rng(state: 0x2545_F491_4F6C_DD1D)
        let target = megabytes * 1_048_576
        var out: [UInt8] = []
        out.reserveCapacity(target + 4096)
        var id = 0
        while out.count < target {
            let thread = id / 50
            var msg = "From user\(rng.int(900))@example.org Thu Dec 11 08:00:00 2025\n"
            msg += "From: User \(rng.int(900)) <user\(rng.int(900))@example.org>\n"
            msg += "Subject: \(id % 50 == 0 ? "" : "Re: ")[PATCH \(thread)] rust: sample change\n"
            msg += "Date: Thu, 11 Dec 2025 \(10 + id % 10):\(10 + id % 50):00 +0100\n"
            msg += "Message-ID: <m\(id)@example.org>\n"
            if id % 50 != 0 {
                let parent = id - 1 - rng.int(min(id % 50, 5))
                msg += "In-Reply-To: <m\(parent)@example.org>\nReferences: <m\(thread * 50)@example.org> <m\(parent)@example.org>\n"
            }
            let qp = rng.int(8) == 0
            if qp { msg += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n" }
            msg += "\n"
            out += Array(msg.utf8)
            if id % 50 != 0 { out += Array("On Thu, 11 Dec 2025, someone wrote:\n".utf8) }
            var text = body(&rng, quoteMarker: Array("> ".utf8), lineBreak: [0x0A])
            if qp { text = text.map { $0 == 0x3D ? 0x2D : $0 } }
            // Wrap at about 72 columns, as mailers do.
            var col = 0
            for b in text {
                if b == 0x0A { col = 0 } else { col += 1 }
                if b == 0x20, col > 72 { out.append(0x0A); col = 0 } else { out.append(b) }
            }
            out += Array("\n\n-- \nUser signature\n\n".utf8)
            id += 1
        }
        return out
    }
}
