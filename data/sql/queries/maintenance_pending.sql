-- Is the data task $1 waiting (requested by a migration)?
SELECT count(*) FROM maintenance_tasks WHERE task = $1;
