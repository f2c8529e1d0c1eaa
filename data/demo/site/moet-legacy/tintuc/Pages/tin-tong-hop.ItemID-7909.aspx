<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Sơ kết thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx?ItemID=7909" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAgIBD2QWAgIBDxYCHgdWaXNpYmxlaGRkGAEFHl9fQ29udHJvbHNSZXF1aXJlUG9zdEJhY2tLZXlfXxYBBSFjdGwwMCRQbGFjZUhvbGRlck1haW4kU2VhcmNoQm94" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAOq7m4b9Q4o0pG2xQ2o2s7l" />
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header">
  <div class="logo"><a href="/"><img src="/Style%20Library/moet/images/logo.png" alt="Bộ Giáo dục và Đào tạo" /></a></div>
  <div class="top-link"><a href="/">Trang chủ</a> | <a href="/tintuc/Pages/tin-tong-hop.aspx">Tin tức</a> | <a href="/van-ban/Pages/default.aspx">Văn bản</a> | <a href="/thong-tin-tuyen-sinh/Pages/default.aspx">Tuyển sinh</a></div>
</div>
<div class="menu-top"><ul>
  <li><a href="/gioi-thieu/Pages/default.aspx">Giới thiệu</a></li>
  <li><a href="/tintuc/Pages/tin-tong-hop.aspx?date=&amp;EventID=0&amp;Page=1">Tin tổng hợp</a></li>
  <li><a href="/tintuc/Pages/tin-hoat-dong-cua-bo.aspx">Hoạt động của Bộ</a></li>
  <li><a href="/tintuc/Pages/thong-cao-bao-chi.aspx">Thông cáo báo chí</a></li>
</ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tintuc/Pages/tin-tong-hop.aspx?date=&amp;EventID=0&amp;Page=1">Tin tức</a> &gt; <span>Tin tổng hợp</span></div>
<div class="container">
<div class="col-main" id="ctl00_PlaceHolderMain_g_6f1c">

<div class="news-detail-wrap">
  <h1 id="news-title">Sơ kết thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non</h1>
  <div class="news-info"><span class="news-date">05/10/2022 | 16:30</span> <span class="news-view">Lượt xem: 233</span></div>
  <div id="news-des">Bộ GDĐT tổ chức hội nghị sơ kết việc thực hiện Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” và triển khai nhiệm vụ thời gian tới.</div>
  <div id="news-detail">
    
    <p style="text-align: justify;">Báo cáo tại hội nghị cho biết, sau 4 năm thực hiện, hơn 45.000 giáo viên mầm non đã được đào tạo nâng chuẩn; gần 100% giáo viên, cán bộ quản lý được bồi dưỡng thường xuyên; hơn 5.000 giáo viên và cán bộ quản lý cốt cán được bồi dưỡng để hỗ trợ đồng nghiệp.</p>
    <p style="text-align: justify;">Các cơ sở đào tạo giáo viên mầm non đã đổi mới chương trình theo hướng tiếp cận năng lực. Hệ thống học liệu bồi dưỡng trực tuyến được xây dựng và sử dụng rộng rãi.</p>
    <p style="text-align: justify;">Tuy nhiên, hội nghị cũng chỉ ra những hạn chế: tình trạng thiếu giáo viên mầm non chưa được khắc phục, một số địa phương chưa bố trí đủ kinh phí, chất lượng bồi dưỡng ở một số nơi còn hình thức.</p>
    <p style="text-align: justify;">Thứ trưởng Bộ GDĐT đề nghị các địa phương quyết liệt hơn để hoàn thành các mục tiêu của Đề án vào năm 2025.</p>
    
    <p style="text-align: right;"><strong>Trung tâm Truyền thông giáo dục</strong></p>
  </div>
  
  <div class="other-news"><h3>Các tin khác</h3><ul>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907">Lựa chọn sách giáo khoa lớp 3, lớp 7 và lớp 10: Nhà trường được quyền quyết định</a> <span class="date">(25/08/2022)</span></li>
    <li><a href="/tintuc/Pages/noi-bo.aspx?ItemID=7904">Dự thảo báo cáo kết quả bồi dưỡng giáo viên mầm non cốt cán 6 tháng đầu năm 2022</a> <span class="date">(11/08/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900">Kỳ thi tốt nghiệp THPT năm 2022: Hải Dương bố trí 34 điểm thi</a> <span class="date">(31/07/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7898">Điểm chuẩn Đại học Thái Nguyên năm 2022: Ngành cao nhất lấy 28,6 điểm</a> <span class="date">(06/07/2022)</span></li>
    
  </ul></div>
  
</div>

</div>
<div class="col-right">
  <div class="box-link"><h3>Liên kết</h3><ul><li><a href="/van-ban/Pages/default.aspx">Hệ thống văn bản</a></li><li><a href="/thu-tuc-hanh-chinh/Pages/default.aspx">Thủ tục hành chính</a></li><li><a href="/gop-y/Pages/default.aspx">Góp ý dự thảo</a></li></ul></div>
</div>
</div>
<div class="footer">
  <p><strong>CỔNG THÔNG TIN ĐIỆN TỬ BỘ GIÁO DỤC VÀ ĐÀO TẠO</strong></p>
  <p>Địa chỉ: 35 Đại Cồ Việt, Hai Bà Trưng, Hà Nội. Ghi rõ nguồn "Cổng thông tin điện tử Bộ Giáo dục và Đào tạo" khi phát hành lại thông tin từ website này.</p>
</div>
</div></div>
</form>
</body>
</html>
