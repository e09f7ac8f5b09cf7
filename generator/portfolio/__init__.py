"""Portfolio builds: every customer of an integrator built incrementally, each in its own process,
then one dashboard across them (see docs/portfolio.md). Shards let a CI matrix share the work."""
