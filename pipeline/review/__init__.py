"""Manual review: the queue, decisions (journal first, then the warehouse), CSV batch mode, the web page.

Modules: queue (read the snapshot + overlay), overlay (journal decisions not yet published), decisions
(validate, record, sync), evidence (highlighted excerpts), csvio (Excel round trip), web (Starlette app).
"""
