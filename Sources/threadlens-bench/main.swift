// Benchmarks for `make bench`: `threadlens-bench <stage> [options]`, one file per stage.
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
let stage = args.first ?? "help"
let rest = Array(args.dropFirst())
switch stage {
case "ingest": benchIngest(rest)
case "sentiment": benchSentiment(rest)
case "topics": benchTopics(rest)
case "pipeline": benchPipeline(rest)
case "generate": benchGenerate(rest)
case "gemm": benchGemm(rest)
case "nightly": benchNightly(rest)
case "stance": benchStance(rest)
case "blas": benchBLAS(rest)
default:
    print("usage: threadlens-bench ingest|sentiment|topics|pipeline|generate|gemm|nightly|stance|blas [options]")
}
