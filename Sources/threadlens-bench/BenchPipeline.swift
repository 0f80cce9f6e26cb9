/// Benchmark of the pipeline stage; prints result lines for scripts/bench.
func benchPipeline(_ args: [String]) {
    print("pipeline: no benchmark yet")
}
