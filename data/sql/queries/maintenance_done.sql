-- The data task $1 has run.
DELETE FROM maintenance_tasks WHERE task = $1;
