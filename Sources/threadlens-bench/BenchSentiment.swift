/// Benchmark of the sentiment stage; prints result lines for scripts/bench.
func benchSentiment(_ args: [String]) {
    print("sentiment: no benchmark yet")
}
