-- The CSV export's formula guard (pipeline.cellguard.as_text) as a macro DuckDB runs on each text cell, so a
-- million-row export never calls Python per cell: text starting with '=', '+', '-', '@', a tab or a carriage
-- return gets a leading apostrophe; anything else (NULL included) is unchanged. The six starts are ASCII, so a
-- byte prefix test is the same as Python's str.startswith. A temp macro: the snapshot stays read-only.
CREATE OR REPLACE TEMP MACRO pw_text_cell(v) AS
    CASE WHEN prefix(v, '=') OR prefix(v, '+') OR prefix(v, '-') OR prefix(v, '@')
              OR prefix(v, chr(9)) OR prefix(v, chr(13))
         THEN '''' || v ELSE v END;
