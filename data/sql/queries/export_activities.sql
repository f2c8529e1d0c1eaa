-- Export sheet "activities": each activity line of every plan with its planned articles and reports.
SELECT a.plan_id, a.activity_id, a.line, a.content, a.form, a.timing, a.window_start, a.window_end,
       COALESCE(max(p.planned) FILTER (WHERE p.format = 'article'), 0) AS planned_articles,
       COALESCE(max(p.planned) FILTER (WHERE p.format = 'report'), 0) AS planned_reports,
       a.lead_unit, a.coordinating_units
FROM activities a
LEFT JOIN planned_counts p ON p.plan_id = a.plan_id AND p.activity_id = a.activity_id
GROUP BY ALL
ORDER BY a.plan_id, a.activity_id;
