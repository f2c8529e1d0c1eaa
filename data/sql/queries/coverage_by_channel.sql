-- Counted stories per activity, format and plan channel ($1 = as_of DATE, $2 = plan_id).
-- A story carried by a main channel and another outlet counts once per channel that carried it.
SELECT m.activity, m.format, ch.channel_id, ch.tier, ch.name AS channel_name,
       COUNT(DISTINCT m.story_id) AS actual
FROM counted_copies_as_of($1::DATE) m
JOIN sources s ON s.source_id = m.source_id
JOIN plan_channels ch ON ch.plan_id = m.plan_id
     AND (list_contains(ch.source_ids, s.source_id)
          OR (len(ch.source_ids) = 0 AND list_contains(ch.kinds, s.kind)
              AND NOT EXISTS (SELECT 1 FROM plan_channels x
                              WHERE x.plan_id = m.plan_id AND list_contains(x.source_ids, s.source_id))))
WHERE m.plan_id = $2
GROUP BY ALL
ORDER BY 1, 2, 3;
