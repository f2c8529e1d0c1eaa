-- The coverage page's source health: every source, the ones needing attention first.
SELECT source_id, name, kind, health, last_run_at, last_success_at, items_found, pages_fetched, errors, last_error
FROM source_health
ORDER BY CASE health WHEN 'failing' THEN 0 WHEN 'silent' THEN 1 WHEN 'layout_changed' THEN 2
                     WHEN 'warning' THEN 3 WHEN 'never_crawled' THEN 5 ELSE 4 END,
         source_id;
