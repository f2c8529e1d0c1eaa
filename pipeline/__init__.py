"""The pipeline: extract, normalize, dates, dedupe, store, publish, coverage, digest, review."""
