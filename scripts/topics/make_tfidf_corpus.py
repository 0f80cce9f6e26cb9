#!/usr/bin/env python3
"""Writes the TF-IDF fixture corpus: a few hundred short comments written for this project.

Seeded, so re-running gives the same file. The sentences are our own, on the Rust-in-the-kernel
debate and a few off-topic subjects, with the Unicode and punctuation cases the tokenizer must get
right (final sigma, dotted capital I, combining accents, superscripts, CJK, emoji, C++/C#/.NET,
x86_64, apostrophes, hyphens, URLs, repeated words).

Usage: python3 scripts/topics/make_tfidf_corpus.py > Tests/TopicsTests/Fixtures/tfidf-corpus.jsonl
"""
import json
import random

SUBJECTS = [
    "the Rust driver", "this kernel patch", "the borrow checker", "our maintainer", "the C code",
    "unsafe blocks", "the build system", "memory safety", "the GPU driver", "a NVMe driver",
    "Linus", "the mailing list", "the filesystem layer", "x86_64 support", "the toolchain",
    "GCC and LLVM", "the bindings", "an old maintainer", "new contributors", "the scheduler",
]
VERBS = [
    "breaks", "improves", "slows down", "complicates", "fixes", "rewrites", "simplifies",
    "duplicates", "replaces", "protects", "ignores", "reviews", "delays", "helps",
]
OBJECTS = [
    "the review process", "every release", "use-after-free bugs", "the ABI", "memory leaks",
    "the documentation", "long-term maintenance", "our e-mail workflow", "data races",
    "C++ templates", "C# tooling", ".NET runtimes", "rust-lang/rust issues", "the 6.1 kernel",
    "the merge window", "null pointers", "code review", "the stable tree",
]
TAILS = [
    "", "!", "?!", "...", " -- honestly.", " (again)", " :)", " IMHO.", ", don't you think?",
    " I can't see why.", " See https://example.org/lkml/2024/rust_v3.html for details.",
    " That's the point.", " #rustlang", " 100%.", " -- 2nd time this week",
]
OFF_TOPIC = [
    "My café serves the best espresso in town.",
    "Cafe\u0301 au lait, s'il vous plaît, with crème brûlée.",
    "ΟΔΟΣ is a Greek word; so is ΣΟΦΙΑ and the phrase ΤΕΛΟΣ ΚΑΙ ΑΡΧΗ.",
    "İstanbul and İzmir are lovely in spring, said Ayşe.",
    "Straße und Fußgänger: the German ß stays lower-case.",
    "Москва и Санкт-Петербург: две столицы.",
    "東京 と 大阪 は 大きい 都市 です。",
    "Fractions like ½ and powers like x² or 10³ look odd; ²³ too.",
    "Emoji time 🦀🐧 — crabs and penguins 🦀!",
    "Full-width digits １２３ and Arabic-Indic ٤٥٦ are digits too.",
    "snake_case_names and __dunder__ methods stay whole.",
    "Tabs\tand\nnew lines\r\nand   spaces.",
    "The weather was rainy; the football match was cancelled.",
    "Gardening tips: water the tomatoes, prune the roses.",
    "Σίσυφος pushed the stone; ΣΊΣΥΦΟΣ in capitals.",
    "ǅemal and ǈubica use title-case digraphs.",
    "Ǆ, ǆ, and ﬁ ligatures: ﬁle ﬂow.",
    "Numbers: 3.14159, 2,718, 1e-9, 0x1F, v6.8-rc1.",
]


def comment(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"
        if rng.random() < 0.3:
            s = s.upper() if rng.random() < 0.3 else s.capitalize()
        parts.append(s)
    if rng.random() < 0.25:
        parts.append(rng.choice(OFF_TOPIC))
    if rng.random() < 0.1:
        parts.append(rng.choice(SUBJECTS) + " " + rng.choice(SUBJECTS))
    return " ".join(parts)


def main() -> None:
    rng = random.Random(20261122)
    docs = [comment(rng) for _ in range(360)]
    docs += OFF_TOPIC  # every edge case at least once, alone
    docs += ["", "the and of", "!!! ??? ...", "a b c d e f g", "C C++ C#"]  # empty after analysis
    for i, text in enumerate(docs):
        print(json.dumps({"id": f"c{i:03d}", "text": text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
