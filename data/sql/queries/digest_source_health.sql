-- Sources that are not healthy (view source_health, health <> 'ok'), worst first.
SELECT source_id, name, kind, health, last_run_at, last_success_at, silent_runs, errors, last_error
FROM source_health
WHERE health <> 'ok'
ORDER BY CASE health WHEN 'failing' THEN 0 WHEN 'silent' THEN 1 WHEN 'layout_changed' THEN 2 WHEN 'warning' THEN 4 ELSE 3 END,
         source_id;
