print("skm-bench-report")
