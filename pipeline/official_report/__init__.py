"""The official report and its evidence (issue 21): a Báo cáo the office can sign (docx + pdf), the annex of
every counted story (xlsx), the archived copies (WARC) with a manifest, and their verification."""
