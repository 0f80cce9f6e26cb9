// Benchmarks for `make bench`.
print("threadlens-bench: no benchmarks yet")
