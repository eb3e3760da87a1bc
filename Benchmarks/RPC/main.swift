// Benchmark for issue 3 (skm rpc throughput and latency). To be written.
print("skm-bench-rpc: belum diisi")
