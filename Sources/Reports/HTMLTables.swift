import Stance
import ThreadModel

/// The tables of `report.html`: topics, topic changes, threads and input problems.
enum HTMLTables {
    static func cell(_ s: String, numeric: Bool = false) -> String {
        numeric ? "<td class=\"num\">\(HTML.escape(s))</td>" : "<td>\(HTML.escape(s))</td>"
    }

    static func head(_ names: [String]) -> String {
        "<table>\n<tr>" + names.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
    }

    static func share(_ s: StanceSummary?, _ label: StanceLabel) -> String {
        guard let l = s?.shares.first(where: { $0.label == label }) else { return "" }
        return "\(Charts.percent(l.share)) (\(Charts.percent(l.interval.lower))-\(Charts.percent(l.interval.upper)))"
    }

    static func topics(_ m: ReportModel) -> String {
        var out = "<h2>Topics</h2>\n"
        guard !m.topics.isEmpty else { return out + "<p class=\"note\">No topics.</p>\n" }
        let model = m.input.topics
        var facts = "k = \(model.k)"
        if let best = model.kScores.first(where: { $0.k == model.k }), model.kScores.count > 1 {
            facts += " of \(model.kScores.map(\.k).sorted().map(String.init).joined(separator: ", ")) tried (silhouette \(Format.fixed(best.silhouette, decimals: 3) ?? ""))"
        }
        facts += " · vocabulary \(model.vocabularySize) terms"
        if !model.notes.isEmpty { facts += " · " + model.notes.joined(separator: "; ") }
        out += "<p class=\"note\">\(HTML.escape(facts))</p>\n"
        out += head(["id", "label", "top terms", "size", "cohesion", "mean sentiment", "pro (95% CI)", "anti (95% CI)"])
        for t in m.topics {
            let s = m.input.stanceByTopic[t.id]
            out += "<tr>" + cell(String(t.id), numeric: true) + cell(t.label) + cell(t.terms.prefix(8).joined(separator: ", "))
                + cell(String(t.size), numeric: true) + cell(Format.fixed(t.meanSimilarity, decimals: 2) ?? "", numeric: true)
                + cell(ReportModel.meanSentiment(m.rows(inTopic: t.id)).flatMap { Format.fixed($0) } ?? "", numeric: true)
                + cell(share(s, .pro), numeric: true) + cell(share(s, .anti), numeric: true) + "</tr>\n"
        }
        return out + "</table>\n"
    }

    static func changes(_ m: ReportModel) -> String {
        let changes = JSONDocuments.sortedChanges(m.input.topicChanges)
        var out = "<h2>Topic changes</h2>\n"
        guard let previous = m.input.previousRunDate else { return out + "<p class=\"note\">First run: nothing to compare with.</p>\n" }
        guard !changes.isEmpty else { return out + "<p class=\"note\">\(HTML.escape("No change since \(previous)."))</p>\n" }
        out += "<p class=\"note\">\(HTML.escape("Since \(previous)."))</p>\n" + head(["change", "before", "now"])
        let refs = { (r: [TopicRef]) in r.map { "#\($0.id) \($0.label)" }.joined(separator: "; ") }
        for c in changes {
            out += "<tr>" + cell(c.kind.rawValue) + cell(refs(c.from)) + cell(refs(c.to)) + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The `limit` threads with most comments (then by source and id); all of them are in threads.csv.
    static func threads(_ m: ReportModel, limit: Int = 100) -> String {
        var out = "<h2>Threads</h2>\n"
        guard !m.threads.isEmpty else { return out + "<p class=\"note\">No threads.</p>\n" }
        let shown = m.threads.indices.sorted { m.threadRows[$0].count > m.threadRows[$1].count || (m.threadRows[$0].count == m.threadRows[$1].count && $0 < $1) }.prefix(limit)
        if m.threads.count > limit {
            out += "<p class=\"note\">\(HTML.escape("The \(limit) threads with most comments of \(m.threads.count); all are in threads.csv."))</p>\n"
        }
        out += head(["source", "thread", "title", "comments", "mean sentiment", "pro (95% CI)", "anti (95% CI)"])
        for i in shown {
            let t = m.threads[i]
            let rows = m.rows(ofThread: i)
            let s = m.input.stanceByThread[t.id]
            out += "<tr>" + cell(t.source.rawValue) + cell(t.id) + cell(Charts.clip(t.title ?? "", 90))
                + cell(String(rows.count), numeric: true)
                + cell(ReportModel.meanSentiment(rows).flatMap { Format.fixed($0) } ?? "", numeric: true)
                + cell(share(s, .pro), numeric: true) + cell(share(s, .anti), numeric: true) + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The first 50 input problems, in input order.
    static func problems(_ m: ReportModel) -> String {
        let problems = m.input.run.problems
        var out = "<h2>Input problems</h2>\n"
        guard !problems.isEmpty else { return out + "<p class=\"note\">None.</p>\n" }
        out += "<p class=\"note\">\(HTML.escape("\(problems.count) problem(s); skipped records are left out of every figure above."))</p>\n"
        out += head(["where", "severity", "code", "message"])
        for p in problems.prefix(50) {
            let loc = p.location.field.map { "\(p.location) (field '\($0)')" } ?? p.location.description
            out += "<tr>" + cell(loc) + cell(p.severity.rawValue) + cell(p.code) + cell(p.message) + "</tr>\n"
        }
        if problems.count > 50 { out += "<tr><td colspan=\"4\">\(HTML.escape("… and \(problems.count - 50) more in summary.json"))</td></tr>\n" }
        return out + "</table>\n"
    }
}
