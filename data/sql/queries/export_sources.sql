-- Export sheet "sources": the source registry with each outlet's latest crawl state (source_health).
SELECT s.source_id, s.name, s.kind, s.scope, s.province_historical, s.province_current, s.homepage,
       h.health, h.last_run_at, h.last_success_at, h.items_found, h.pages_fetched, h.errors, h.last_error
FROM sources s
LEFT JOIN source_health h ON h.source_id = s.source_id
ORDER BY s.source_id;
