import Stance
import ThreadModel

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, no external resources; a
/// Content-Security-Policy forbids loading any). All text from the input goes through `HTML.escape`.
enum HTMLReport {
    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0 auto;max-width:1100px;padding:16px 24px}
        h1{font-size:22px;margin:8px 0 2px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .meta{color:#555;margin:0 0 8px}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
        .card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:20px}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f6f6f6}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .comment{border:1px solid #ddd;border-left:5px solid #999;border-radius:4px;padding:8px 12px;margin:10px 0}
        .comment.pro{border-left-color:#1f78b4}.comment.anti{border-left-color:#e66101}
        .comment .head{color:#555;font-size:12px;margin-bottom:4px}
        .comment .body{white-space:pre-wrap;overflow-wrap:anywhere;max-height:14em;overflow:auto}
        mark{background:#fff1a8;padding:0 1px}svg{max-width:100%;height:auto}.note{color:#666;font-size:12px}
        """

    static func page(_ m: ReportModel, options: ReportOptions) -> String {
        let run = m.input.run
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape("ThreadLens: \(run.pipeline) \(run.runDate)"))</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>\(HTML.escape("Stance report: \(run.pipeline)"))</h1>
            <p class="meta">\(HTML.escape("Run \(run.runDate) · profile \(run.profile) · ThreadLens \(run.toolVersion) · run id \(run.runID)"))</p>

            """
        out += cards(m)
        out += "<h2>Stance by topic</h2>\n" + stanceByTopic(m) + "\n"
        out += "<p class=\"note\">\(HTML.escape("Raw shares; hover a bar for its 95% Wilson interval. Weighted shares (\(run.stanceWeighting.formula)) are in topics.csv and summary.json."))</p>\n"
        out += "<h2>Sentiment distribution</h2>\n"
        out += Charts.sentimentHistogram(m.comments.compactMap { $0.sentiment?.compound },
                                         title: "Distribution of comment sentiment") + "\n"
        out += "<h2>Stance over time</h2>\n" + Charts.stanceOverTime(days(m), title: "Share of each stance per day") + "\n"
        out += "<h2>Most pro comments</h2>\n" + strongest(m, m.input.stanceOverall.mostPro, options: options)
        out += "<h2>Most anti comments</h2>\n" + strongest(m, m.input.stanceOverall.mostAnti, options: options)
        out += HTMLTables.topics(m) + HTMLTables.changes(m) + HTMLTables.threads(m) + HTMLTables.problems(m)
        out += "</body>\n</html>\n"
        return out
    }

    /// Two rows of figures: what was read, then each stance's share (raw, with the weighted share below).
    static func cards(_ m: ReportModel) -> String {
        let s = m.input.stanceOverall
        let counts: [(String, String)] = [
            ("threads", String(m.threads.count)), ("comments", String(m.comments.count)), ("topics", String(m.topics.count)),
            ("skipped records", String(m.input.run.counts.skippedRecords)),
            ("repaired records", String(m.input.run.counts.repairedRecords)),
        ]
        let stances = s.shares.map { share in
            ("\(share.label.rawValue.replacingOccurrences(of: "_", with: "-")) · weighted \(Charts.percent(share.weightedShare))",
             "\(Charts.percent(share.share)) (\(share.count))")
        }
        let row = { (items: [(String, String)]) in
            "<div class=\"cards\">"
                + items.map { "<div class=\"card\"><b>\(HTML.escape($0.1))</b>\(HTML.escape($0.0))</div>" }.joined()
                + "</div>\n"
        }
        return row(counts) + row(stances)
    }

    static func stanceByTopic(_ m: ReportModel) -> String {
        var rows: [(label: String, summary: StanceSummary)] = [("All comments", m.input.stanceOverall)]
        for t in m.topics {
            if let s = m.input.stanceByTopic[t.id] { rows.append(("#\(t.id) \(t.label)", s)) }
        }
        return Charts.stanceBars(rows, title: "Stance share by topic")
    }

    /// History summed per day over sources, threads and topics, days in order.
    static func days(_ m: ReportModel) -> [(date: String, counts: [StanceLabel: Int])] {
        var out: [(date: String, counts: [StanceLabel: Int])] = []
        for h in m.history {   // already sorted by date
            if out.last?.date != h.date { out.append((h.date, [:])) }
            out[out.count - 1].counts[h.stance, default: 0] += h.count
        }
        return out
    }

    /// The given comments, each with its evidence spans highlighted.
    static func strongest(_ m: ReportModel, _ stances: [CommentStance], options: ReportOptions) -> String {
        let chosen = Array(stances.prefix(max(0, options.topComments)))
        guard !chosen.isEmpty else { return "<p class=\"note\">None.</p>\n" }
        // One pass over the comments finds the few chosen ones.
        var index: [CommentKey: Int] = [:]
        let wanted = Set(chosen.map(\.key))
        for (i, r) in m.comments.enumerated() {
            let key = m.comment(r).key
            if wanted.contains(key), index[key] == nil { index[key] = i }
        }
        var out = ""
        for s in chosen {
            guard let i = index[s.key] else { continue }
            let r = m.comments[i]
            let c = m.comment(r)
            let highlights = s.evidence.compactMap { e -> HTML.Highlight? in
                e.span.map { HTML.Highlight(span: $0, note: "\(e.rule) \"\(e.matched)\" \(Format.fixed(e.contribution) ?? "")") }
            }
            var head = "\(s.label.rawValue) \(Format.fixed(s.score) ?? "") (confidence \(Format.fixed(s.confidence, decimals: 2) ?? ""), \(s.source.rawValue))"
            head += " · \(r.source.rawValue) thread \(c.threadID) · comment \(c.id)"
            if let a = c.author { head += " · \(a)" }
            if let score = c.score { head += " · score \(score)" }
            if let mod = c.moderation { head += " \(mod)" }
            if let t = r.topic { head += " · topic #\(t) \(m.topicLabel(r) ?? "")" }
            out += "<div class=\"comment \(s.label == .pro ? "pro" : s.label == .anti ? "anti" : "")\">"
            out += "<div class=\"head\">\(HTML.escape(head))</div>"
            out += "<div class=\"body\">\(HTML.highlighted(c.text, highlights))</div>"
            let rules = s.evidence.map { CSVTables.evidenceSummary($0) }
            if !rules.isEmpty { out += "<div class=\"note\">Evidence: \(HTML.escape(rules.joined(separator: " · ")))</div>" }
            out += "</div>\n"
        }
        return out
    }
}
