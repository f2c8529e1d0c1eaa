"""Draft a plan TOML from a plan's signed text (`planwatch plan import`). See docs/plans.md.

reader: file -> numbered lines · timing: timing phrases -> windows · counts: planned counts ·
parse: lines -> a draft with provenance per field · render: draft -> TOML text · catalog: data/plan-import.toml
"""
