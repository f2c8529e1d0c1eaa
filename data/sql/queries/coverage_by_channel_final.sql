-- coverage_by_channel.sql from the coverage file's pre-aggregated rows ($1 = plan_id; see
-- coverage_report_final.sql for when they apply).
SELECT activity, format, channel_id, tier, channel_name, actual
FROM report_final_channel
WHERE plan_id = $1
ORDER BY 1, 2, 3;
