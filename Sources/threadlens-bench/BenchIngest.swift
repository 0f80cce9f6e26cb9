/// Benchmark of the ingest stage; prints result lines for scripts/bench.
func benchIngest(_ args: [String]) {
    print("ingest: no benchmark yet")
}
