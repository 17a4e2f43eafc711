"""Benchmarks: `make bench` runs each module here and writes docs/benchmarks.md."""
