<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Bộ GDĐT hướng dẫn chính sách đối với giáo viên mầm non được cử đi đào tạo, bồi dưỡng</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx?ItemID=7880" id="aspnetForm">
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
  <h1 id="news-title">Bộ GDĐT hướng dẫn chính sách đối với giáo viên mầm non được cử đi đào tạo, bồi dưỡng</h1>
  <div class="news-info"><span class="news-date">22/06/2022 | 15:10</span> <span class="news-view">Lượt xem: 960</span></div>
  <div id="news-des">Bộ GDĐT vừa có văn bản hướng dẫn các sở GDĐT thực hiện chính sách đối với giáo viên, cán bộ quản lý cơ sở giáo dục mầm non được cử tham gia đào tạo nâng chuẩn và bồi dưỡng chuyên môn, nghiệp vụ.</div>
  <div id="news-detail">
    
    <p style="text-align: justify;">Theo hướng dẫn, giáo viên mầm non được cử đi đào tạo nâng trình độ chuẩn được giữ nguyên vị trí việc làm, được hưởng lương và các khoản phụ cấp theo quy định. Kinh phí đào tạo được bố trí từ ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.</p>
    <p style="text-align: justify;">Đối với cán bộ quản lý cơ sở giáo dục mầm non, các địa phương cần ưu tiên bồi dưỡng năng lực quản trị nhà trường, quản lý chất lượng và ứng dụng công nghệ thông tin trong quản lý. Việc bồi dưỡng được thực hiện theo chuẩn hiệu trưởng cơ sở giáo dục mầm non ban hành kèm theo Thông tư 25/2018/TT-BGDĐT.</p>
    <p style="text-align: justify;">Cục Nhà giáo và Cán bộ quản lý giáo dục đề nghị các sở GDĐT báo cáo kết quả thực hiện trước ngày 15/11 hằng năm để tổng hợp, báo cáo Bộ trưởng.</p>
    
    <p style="text-align: right;"><strong>Trung tâm Truyền thông giáo dục</strong></p>
  </div>
  
  <div class="other-news"><h3>Các tin khác</h3><ul>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7877">Cô giáo mầm non vùng cao đi học nâng chuẩn (Phóng sự THTN)</a> <span class="date">(20/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7873">Bắc Giang công bố chỉ tiêu tuyển sinh lớp 10 năm học 2021-2022</a> <span class="date">(20/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7871">Tập huấn bồi dưỡng giáo viên, cán bộ quản lý mầm non khu vực miền núi phía Bắc</a> <span class="date">(08/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7868">Trường cao đẳng nghề Thanh Hóa tuyển sinh gần 15.900 học viên</a> <span class="date">(05/06/2022)</span></li>
    
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
