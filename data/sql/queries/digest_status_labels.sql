-- Vietnamese status and format labels, in the order the digest's legend lists them.
SELECT 'status' AS kind, status AS code, label_vi FROM status_labels
UNION ALL
SELECT 'format', format, label_vi FROM format_labels;
