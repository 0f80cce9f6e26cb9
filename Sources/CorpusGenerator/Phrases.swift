/// The phrase bank of the generated corpus: sentence templates per stance flavour and the words that
/// fill their slots, all written for this generator.
///
/// Templates hold slots in braces: `{A}` a name for Rust (the stance profile's aliases), `{C}` the other
/// side (C, gcc, C++), `{N}` a noun of the thread's subject, `{X}` an identifier from a long-tailed
/// vocabulary (so TF-IDF sees a realistic Zipf-like tail), `{V}` a kernel version, `{B}` a booster word,
/// `{E}` an ending (punctuation, emoticon or emoji). Sentiment words come from the VADER lexicon and the
/// software overlay (good, awful, burden, crash...), stance cues from data/stance/rust-in-linux.yml.
enum Phrases {
    static let pro = [
        "{A} makes {N} {B}safer{E}",
        "The borrow checker caught a real bug in {X} before it shipped{E}",
        "I was sceptical, but {A} in {N} has been a great improvement{E}",
        "Honestly {A} is the best thing to happen to {N} in years{E}",
        "We ported {X} to {A} and the crashes stopped{E}",
        "Memory safety bugs in {N} are exactly what {A} prevents{E}",
        "New drivers should be written in {A}, it is {B}worth it{E}",
        "The {A} version of {X} is cleaner and easier to review{E}",
        "Support {A} for {N}, the results speak for themselves{E}",
        "I love how {A} handles lifetimes in {X}{E}",
    ]
    static let anti = [
        "{A} adds a {B}heavy maintenance burden to {N}{E}",
        "Rewriting {N} in {A} is a terrible idea{E}",
        "{C} has worked fine for {N} for thirty years{E}",
        "I do not trust the {A} hype, {X} was never broken{E}",
        "The {A} bindings for {X} are ugly and nobody can review them{E}",
        "Forcing {A} on maintainers of {N} is arrogant and wrong{E}",
        "{A} zealots keep breaking the build for {N}{E}",
        "Unsafe blocks everywhere in {X}, so much for {A} safety{E}",
        "Another toolchain dependency for {N} is the last thing we need{E}",
        "I will not maintain {A} code in {X}, it is a waste of time{E}",
    ]
    static let neutral = [
        "Has anyone benchmarked {X} on arm64 with {V}{E}",
        "The patch for {N} landed in {V}{E}",
        "See the thread about {X} on the mailing list for details{E}",
        "Which compiler version does {X} need now{E}",
        "The maintainers of {N} meet at the summit next month{E}",
        "There is a documentation page on {X} somewhere{E}",
        "It depends on the hardware and on how {N} is configured{E}",
        "The changelog for {V} lists {X} under {N}{E}",
        "Both {A} and {C} versions of {X} exist for testing{E}",
        "Someone should measure {N} before and after{E}",
    ]
    static let offTopic = [
        "My cat walked across the keyboard again{E}",
        "Anyone else watching the game tonight{E}",
        "The coffee at the conference was {B}awful{E}",
        "This site keeps logging me out{E}",
        "First post, long time reader{E}",
        "Happy new year to everyone here{E}",
        "The weather here has been lovely all week{E}",
        "Off topic, but does anyone have a good pizza recipe{E}",
        "I miss the old layout of this forum{E}",
        "Thanks for the laugh, made my day{E}",
    ]

    static let aliases = ["Rust", "Rust", "Rust", "Rust", "rustc", "the borrow checker", "Rust for Linux", "cargo",
                          "R4L", "gccrs"]
    static let otherSide = ["C", "C", "gcc", "C++", "plain C", "C99"]
    static let boosters = ["", "", "", "", "very ", "really ", "extremely ", "somewhat ", "incredibly ", "a bit "]
    /// Endings: mostly a full stop; some questions, exclamations, emoticons and emoji (non-ASCII on purpose).
    static let endings = [".", ".", ".", ".", ".", ".", "!", "!!", "?", "...", " :)", " :(", " 😀", " 💔",
                          " — really."]

    /// Subjects of threads: each has its own nouns, so the topics stage has structure to find.
    static let subjects: [(title: String, nouns: [String])] = [
        ("Rust drivers in the kernel", ["the NVMe driver", "the GPU driver", "driver probing", "the driver core",
                                         "device bindings", "the PCI layer"]),
        ("Memory safety and CVEs", ["use-after-free bugs", "buffer overflows", "the CVE list", "fuzzing results",
                                     "memory safety", "pointer arithmetic"]),
        ("The toolchain question", ["the minimum rustc", "LLVM support", "gcc support", "the build system",
                                     "bindgen", "cross compiling"]),
        ("Filesystems", ["ext4", "the page cache", "the VFS layer", "btrfs", "journaling", "inode handling"]),
        ("Networking stack", ["the network stack", "socket buffers", "the PHY drivers", "packet filtering",
                               "netdev", "TCP offload"]),
        ("Graphics and DRM", ["the DRM subsystem", "GEM objects", "the Nova driver", "display timing",
                               "shader compilers", "firmware loading"]),
        ("Embedded boards", ["embedded boards", "the device tree", "interrupt handling", "power management",
                              "the clock framework", "GPIO lines"]),
        ("Distribution kernels", ["distribution kernels", "package builds", "long term support",
                                   "reproducible builds", "Debian packaging", "stable backports"]),
        ("Core utilities rewrite", ["coreutils", "sudo", "the APT resolver", "shell scripts", "the sort command",
                                     "locale handling"]),
        ("Maintainer governance", ["the maintainers", "code review", "the mailing list", "patch acceptance",
                                    "the merge window", "subsystem ownership"]),
        ("Async and concurrency", ["workqueues", "spinlocks", "RCU", "async executors", "lock ordering",
                                    "atomic operations"]),
        ("Conference hallway", ["the keynote", "the hallway track", "the slides", "the venue", "the schedule",
                                 "the recordings"]),
    ]

    /// Syllables for the identifier vocabulary.
    static let syllables = ["ka", "lo", "mi", "dra", "net", "fs", "io", "pci", "usb", "blk", "irq", "clk", "dev",
                            "mem", "buf", "gem", "vm", "sched", "rcu", "tty", "phy", "dma", "reg", "map", "fw",
                            "hw", "ops", "ctx", "req", "xfer", "poll", "init", "probe", "pm", "nv", "ata"]
    static let suffixes = ["", "_init", "_probe", "_alloc", "_free", "_lock", "_get", "_put", "_ops", "_ctx",
                           "()", "_t", "_irq", "_map"]
    static let givenNames = ["Ada", "Bram", "Chen", "Dana", "Emil", "Fatou", "Greta", "Hiro", "Ines", "Jon",
                             "Kaia", "Luis", "Mira", "Noor", "Olek", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
                             "Uma", "Vera", "Wen", "Xavi", "Yara", "Zoltan"]
    static let familyNames = ["Almeida", "Berg", "Costa", "Dubois", "Eklund", "Fischer", "Garcia", "Haddad",
                              "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor",
                              "Petrov", "Quist", "Rossi", "Sato", "Tanaka", "Ueda", "Varga", "Weber", "Young"]
}
