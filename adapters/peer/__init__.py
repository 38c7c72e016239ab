"""A simulated Member State: a second ECRIS endpoint with its own store, for tests, the demo and benchmarks."""
