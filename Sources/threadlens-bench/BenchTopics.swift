/// Benchmark of the topics stage; prints result lines for scripts/bench.
func benchTopics(_ args: [String]) {
    print("topics: no benchmark yet")
}
