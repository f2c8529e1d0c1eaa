"""The small shared core every layer may import: Vietnam time (`vntime`), publication-date strings
(`dates`) and diacritic folding (`text`).

It imports nothing from the project and nothing outside the standard library, so the crawler subprocess,
the classifiers and the pipeline can all use it without pulling each other in (docs/architecture.md)."""
