-- Sources that are not healthy (view source_health, health <> 'ok'), worst first.
SELECT source_id, name, kind, health, last_run_at, last_success_at, silent_runs, errors, last_error,
       problem_vi, next_step_vi
FROM source_health
WHERE health <> 'ok'
ORDER BY CASE WHEN problem_vi IS NOT NULL THEN 0 WHEN health = 'failing' THEN 1 WHEN health = 'silent' THEN 2
              WHEN health = 'layout_changed' THEN 3 WHEN health = 'warning' THEN 5 ELSE 4 END,
         source_id;
