"""Vietnamese column headers and sheet titles for the files people open (the xlsx export).

The machine names stay the truth (Parquet, CSV, SQL); the workbook shows these labels and lists both in its
"Giải thích cột" sheet, so a header seen in Excel can always be traced back to its column."""

from __future__ import annotations

LOCAL_TIME = "giờ Việt Nam, UTC+07:00"

SHEET_TITLES = {
    "coverage": "Kế hoạch và thực tế theo hoạt động × hình thức (tính đến hôm nay)",
    "activities": "Các hoạt động của kế hoạch, với số bài báo và phóng sự theo kế hoạch",
    "stories": "Mỗi tin một dòng (các bản đăng lại gộp chung): hoạt động, đã được đếm chưa, các báo/đài",
    "coverage_items": "Các tin được đếm cho từng con số của bảng coverage",
    "matches": "Gắn tin với hoạt động (đã xác nhận, chờ duyệt, đã loại)",
    "documents": "Mỗi trang báo một dòng (văn bản đã trích xuất)",
    "review_queue": "Hàng chờ duyệt",
    "sources": "Các nguồn (báo/đài) và tình trạng thu thập gần nhất",
    "source_health": "Tình trạng thu thập của từng nguồn",
    "fetch_log": "Nhật ký tải trang (mỗi lần tải một dòng)",
}

COLUMNS = {
    "plan_id": "Mã kế hoạch", "activity": "Hoạt động", "activity_id": "Hoạt động", "format": "Hình thức",
    "planned": "Kế hoạch", "actual": "Thực tế", "documents": "Số trang", "outlets": "Báo/đài",
    "pending_review": "Chờ duyệt", "window_start": "Bắt đầu", "window_end": "Kết thúc", "timing": "Thời gian",
    "as_of": "Tính đến ngày", "share_elapsed": "Tỷ lệ thời gian đã qua", "expected_by_now": "Kỳ vọng đến nay",
    "status": "Trạng thái", "status_vi": "Trạng thái (tiếng Việt)", "story_id": "Mã tin",
    "first_published": "Ngày đăng đầu tiên", "title": "Tiêu đề", "url": "Đường dẫn", "copies": "Số bản đăng",
    "doc_id": "Mã trang", "published_date": "Ngày đăng", "decided_by": "Người/bộ quyết định",
    "decided_at": "Thời điểm quyết định", "review_note": "Ghi chú duyệt", "suggested_activity": "Hoạt động gợi ý",
    "score": "Điểm", "classifier_decision": "Quyết định của bộ phân loại", "review_reasons": "Lý do cần duyệt",
    "classifier_version": "Phiên bản bộ phân loại", "classified_at": "Thời điểm phân loại",
    "source_id": "Mã nguồn", "published_at": "Thời điểm đăng", "date_source": "Nguồn của ngày đăng",
    "date_confidence": "Độ tin cậy của ngày", "in_window": "Trong thời gian hoạt động",
    "canonical_url": "Đường dẫn chuẩn", "lead": "Sapo", "text": "Toàn văn", "author": "Tác giả", "tags": "Thẻ",
    "language": "Ngôn ngữ", "format_evidence": "Căn cứ hình thức", "content_hash": "Mã băm nội dung",
    "raw_sha256": "Mã băm bản lưu", "extraction_quality": "Chất lượng trích xuất",
    "extraction_flags": "Cảnh báo trích xuất", "extractor_version": "Phiên bản trích xuất",
    "first_seen_at": "Lần đầu thấy", "extracted_at": "Thời điểm trích xuất", "run_id": "Mã lần chạy",
    "queue_rank": "Thứ tự", "id": "Mã mục", "source_name": "Báo/đài", "province_historical": "Tỉnh (2022)",
    "province_current": "Tỉnh (hiện nay)", "days_to_window_end": "Số ngày đến hạn cuối",
    "name": "Tên", "kind": "Loại", "scope": "Phạm vi", "last_run_at": "Lần chạy gần nhất",
    "items_found": "Số tin tìm thấy", "pages_fetched": "Số trang tải", "errors": "Số lỗi",
    "layout_misses": "Trang lệch giao diện", "last_error": "Lỗi gần nhất",
    "last_success_at": "Lần thành công gần nhất",
    "silent_runs": "Số lần liên tiếp không có tin", "health": "Tình trạng", "homepage": "Trang chủ",
    "fetch_id": "Mã lần tải", "final_url": "Đường dẫn cuối", "fetched_at": "Thời điểm tải",
    "bytes": "Dung lượng (byte)",
    "elapsed_ms": "Thời gian tải (ms)", "error": "Lỗi", "etag": "ETag", "last_modified": "Last-Modified",
    "line": "Dòng kế hoạch", "content": "Nội dung", "form": "Hình thức thể hiện",
    "planned_articles": "Bài báo (kế hoạch)",
    "planned_reports": "Phóng sự (kế hoạch)", "lead_unit": "Đơn vị chủ trì", "coordinating_units": "Đơn vị phối hợp",
    "counted": "Được đếm",
}


def header(column: str, is_time: bool = False) -> str:
    """The Vietnamese header of a column; a time column says which clock its values are on."""
    label = COLUMNS.get(column, column)
    return f"{label} ({LOCAL_TIME})" if is_time else label
