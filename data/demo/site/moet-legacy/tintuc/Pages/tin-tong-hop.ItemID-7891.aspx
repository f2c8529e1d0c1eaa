<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Phóng sự chuyên đề: Chính sách đồng hành cùng giáo viên mầm non</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx?ItemID=7891" id="aspnetForm">
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
  <h1 id="news-title">Phóng sự chuyên đề: Chính sách đồng hành cùng giáo viên mầm non</h1>
  <div class="news-info"><span class="news-date">30/06/2022 | 19:30</span> <span class="news-view">Lượt xem: 467</span></div>
  <div id="news-des">Phóng sự chuyên đề phản ánh việc triển khai các chủ trương, chính sách của Đảng và Nhà nước về đào tạo, bồi dưỡng đội ngũ giáo viên mầm non tại tỉnh Thái Nguyên.</div>
  <div id="news-detail">
    <div class="video-embed" style="text-align:center"><iframe width="640" height="360" src="/embed/player.html?v=tnrtv-7891" frameborder="0" allowfullscreen="allowfullscreen"></iframe></div>
    <p style="text-align: justify;">Phóng sự mở đầu bằng hình ảnh cô giáo Hoàng Thị Nga ở điểm trường Khuôn Tát, huyện Định Hóa, tranh thủ buổi tối để học lớp cao đẳng sư phạm mầm non hệ vừa làm vừa học. Cô là một trong hàng trăm giáo viên của tỉnh thuộc diện phải nâng chuẩn trình độ đào tạo theo Luật Giáo dục 2019.</p>
    <p style="text-align: justify;">Đại diện Sở GDĐT Thái Nguyên cho biết, thực hiện Nghị định 71/2020/NĐ-CP, tỉnh đã ban hành kế hoạch đào tạo nâng chuẩn giai đoạn 2021-2025, giao chỉ tiêu cho từng huyện và phối hợp với các trường sư phạm tổ chức lớp học ngay tại địa phương.</p>
    <p style="text-align: justify;">Phóng sự cũng ghi nhận những khó khăn: thiếu giáo viên dạy thay, giáo viên lớn tuổi ngại đi học, kinh phí hỗ trợ chưa đồng đều giữa các huyện. Các chuyên gia cho rằng chính sách cần được cụ thể hóa bằng cơ chế hỗ trợ học phí và thời gian cho giáo viên.</p>
    <p style="text-align: justify;">(Theo Đài PT-TH Thái Nguyên)</p>
    
    <p style="text-align: right;"><strong>Nhóm phóng viên chuyên đề</strong></p>
  </div>
  
  <div class="other-news"><h3>Các tin khác</h3><ul>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7889">Tủ sách lớp học giúp học sinh huyện Núi Thành yêu sách hơn</a> <span class="date">(29/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7886">Bồi dưỡng giáo viên, cán bộ quản lý cơ sở giáo dục phổ thông cốt cán năm 2022</a> <span class="date">(27/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7882">Quảng Nam: Bảo đảm đủ sách giáo khoa cho năm học 2021-2022</a> <span class="date">(23/06/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7880">Bộ GDĐT hướng dẫn chính sách đối với giáo viên mầm non được cử đi đào tạo, bồi dưỡng</a> <span class="date">(22/06/2022)</span></li>
    
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
