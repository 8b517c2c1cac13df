"""Benchmarks for kg: `python -m bench` runs them all (see bench/README.md)."""
