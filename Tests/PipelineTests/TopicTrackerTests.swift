import Foundation
@testable import Pipeline
import Reports
import Testing
import Topics

/// Stable topic ids across nights: continued, new, vanished, merged and split topics.
@Suite struct TopicTrackerTests {
    func topic(_ id: Int, _ terms: [String], label: String? = nil) -> Topic {
        Topic(id: id, label: label ?? terms.prefix(2).joined(separator: " "), terms: terms, size: 10, representatives: [])
    }

    let yesterday = [
        StoredTopic(id: 7, label: "rust drivers", terms: ["rust", "driver", "nvme", "bindings", "review"], size: 10),
        StoredTopic(id: 9, label: "toolchain", terms: ["rustc", "llvm", "gcc", "version", "build"], size: 5),
        StoredTopic(id: 12, label: "editors", terms: ["editor", "emacs", "vim", "keyboard", "config"], size: 3),
    ]

    @Test func firstRunNumbersFromNextIDAndListsNoChanges() {
        let out = TopicTracker().track([topic(0, ["a", "b"]), topic(1, ["c", "d"])], previous: [], nextID: 1)
        #expect(out.stableID == [0: 1, 1: 2])
        #expect(out.changes.isEmpty)
    }

    @Test func continuedTopicsKeepIdAndLabel() {
        let today = [topic(0, ["gcc", "rustc", "llvm", "build", "version"], label: "gcc rustc"),
                     topic(1, ["rust", "driver", "nvme", "review", "bindings"], label: "rust driver"),
                     topic(2, ["editor", "emacs", "vim", "config", "keyboard"])]
        let out = TopicTracker().track(today, previous: yesterday, nextID: 13)
        #expect(out.stableID == [0: 9, 1: 7, 2: 12])
        #expect(out.topics.map(\.label) == ["rust drivers", "toolchain", "editors"])
        #expect(out.changes.isEmpty)
    }

    @Test func newVanishedMergedAndSplit() {
        let today = [
            // the drivers topic split in two
            topic(0, ["rust", "driver", "nvme", "bindings", "review"]),
            topic(1, ["driver", "rust", "review", "maintainer", "patch"]),
            // toolchain and editors merged (an odd night)
            topic(2, ["rustc", "llvm", "editor", "emacs", "gcc"]),
            // something new
            topic(3, ["cve", "memory", "safety", "bug", "study"]),
        ]
        let out = TopicTracker(threshold: 0.3).track(today, previous: yesterday, nextID: 13)
        #expect(out.stableID[0] == 7)
        #expect(out.stableID[3] == 14 || out.stableID[3] == 13)
        let kinds = out.changes.map(\.kind)
        #expect(kinds.contains(.split))
        #expect(kinds.contains(.merged))
        #expect(kinds.contains(.new))
        #expect(!kinds.contains(.vanished))
        let split = out.changes.first { $0.kind == .split }
        #expect(split?.from.map(\.id) == [7])
        #expect(split?.to.count == 2)
        let merged = out.changes.first { $0.kind == .merged }
        #expect(Set(merged?.from.map(\.id) ?? []) == [9, 12])
        let new = out.changes.first { $0.kind == .new }
        #expect(new?.to.first?.label == "cve memory")
    }

    @Test func aTopicWithNoSuccessorVanishes() {
        let out = TopicTracker().track([topic(0, ["rust", "driver", "nvme", "bindings", "review"])],
                                       previous: yesterday, nextID: 13)
        #expect(out.changes.filter { $0.kind == .vanished }.flatMap(\.from).map(\.id) == [9, 12])
    }

    @Test func centroidsDecideWhenBothSidesHaveThem() {
        // Same top terms, but tonight's centroid weighs quite different words: no match.
        var tonight = topic(0, ["rust", "driver", "nvme", "bindings", "review"])
        tonight.centroidTerms = [TopicTerm(term: "emacs", weight: 0.9), TopicTerm(term: "vim", weight: 0.4)]
        var before = yesterday[0]
        before.centroid = [TopicTerm(term: "rust", weight: 0.8), TopicTerm(term: "driver", weight: 0.5)]
        let out = TopicTracker().track([tonight], previous: [before], nextID: 13)
        #expect(out.stableID[0] == 13)
        #expect(out.topics.first?.centroid.map(\.term) == ["emacs", "vim"])
        // Weighted cosine: (0.8*0.6 + 0.5*0.8) / (|a| |b|).
        let a = [TopicTerm(term: "rust", weight: 0.8), TopicTerm(term: "driver", weight: 0.5)]
        let b = [TopicTerm(term: "rust", weight: 0.6), TopicTerm(term: "driver", weight: 0.8)]
        let expected = (0.8 * 0.6 + 0.5 * 0.8) / ((0.64 + 0.25).squareRoot() * (0.36 + 0.64).squareRoot())
        #expect(abs(TopicTracker.cosine(a, b) - expected) < 1e-12)
    }

    @Test func similarityIsACosine() {
        let same = TopicTracker.similarity(["a", "b", "c"], ["a", "b", "c"])
        #expect(abs(same - 1) < 1e-12)
        #expect(TopicTracker.similarity(["a"], ["b"]) == 0)
        // weights (1, 1/2) vs (1/2, 1): cosine 0.8
        #expect(abs(TopicTracker.similarity(["a", "b"], ["b", "a"]) - 0.8) < 1e-12)
    }
}
