<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Tin tổng hợp</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx" id="aspnetForm">
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

<div class="list-news">
  <h2 class="title-cate">Tin tổng hợp</h2>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7877"><img src="/PublishingImages/7877.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7877">Cô giáo mầm non vùng cao đi học nâng chuẩn (Phóng sự THTN)</a></h3>
      <span class="news-date">20/06/2022 | 19:45</span>
      <p class="news-des">Phóng sự ghi lại hành trình của những cô giáo mầm non vùng cao Thái Nguyên tham gia đào tạo nâng chuẩn trình độ theo Đề án 33.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7873"><img src="/PublishingImages/7873.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7873">Bắc Giang công bố chỉ tiêu tuyển sinh lớp 10 năm học 2021-2022</a></h3>
      <span class="news-date">20/06/2022 | 18:40</span>
      <p class="news-des">Sở GDĐT Bắc Giang vừa ban hành kế hoạch tuyển sinh vào lớp 10 THPT năm học 2021-2022, trong đó tỷ lệ học sinh vào trường công lập đạt khoảng 81 phần trăm.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7871"><img src="/PublishingImages/7871.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7871">Tập huấn bồi dưỡng giáo viên, cán bộ quản lý mầm non khu vực miền núi phía Bắc</a></h3>
      <span class="news-date">08/06/2022 | 17:00</span>
      <p class="news-des">Từ ngày 6 đến 8/6, tại Thái Nguyên, Cục Nhà giáo và Cán bộ quản lý giáo dục tổ chức lớp tập huấn cán bộ quản lý mầm non và giáo viên cốt cán của 14 tỉnh miền núi phía Bắc.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7868"><img src="/PublishingImages/7868.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7868">Trường cao đẳng nghề Thanh Hóa tuyển sinh gần 15.900 học viên</a></h3>
      <span class="news-date">05/06/2022 | 13:40</span>
      <p class="news-des">Chương trình tư vấn hướng nghiệp giúp học sinh lớp 12 hiểu rõ yêu cầu của các ngành nghề và nhu cầu thị trường lao động.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7864"><img src="/PublishingImages/7864.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7864">Trường cao đẳng nghề Thái Nguyên tuyển sinh gần 38.700 học viên</a></h3>
      <span class="news-date">28/05/2022 | 12:15</span>
      <p class="news-des">Chương trình tư vấn hướng nghiệp giúp học sinh lớp 12 hiểu rõ yêu cầu của các ngành nghề và nhu cầu thị trường lao động.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7862"><img src="/PublishingImages/7862.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7862">Sơ kết 4 năm thực hiện Đề án phát triển giáo dục mầm non giai đoạn 2018-2025</a></h3>
      <span class="news-date">26/05/2022 | 16:00</span>
      <p class="news-des">Bộ GDĐT tổ chức hội nghị sơ kết 4 năm thực hiện Đề án phát triển giáo dục mầm non giai đoạn 2018-2025 theo Quyết định 1677/QĐ-TTg.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7859"><img src="/PublishingImages/7859.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7859">Phòng chống đuối nước cho học sinh: Cần sự chung tay của gia đình</a></h3>
      <span class="news-date">25/05/2022 | 09:00</span>
      <p class="news-des">Dịp hè 2022, Đoàn Thanh niên phối hợp với ngành giáo dục huyện Thanh Hà mở các lớp dạy bơi an toàn cho học sinh tiểu học và THCS.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7855"><img src="/PublishingImages/7855.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7855">Phân luồng học sinh sau THCS: Học nghề là lựa chọn sớm</a></h3>
      <span class="news-date">10/05/2022 | 17:45</span>
      <p class="news-des">Ngày càng nhiều học sinh tốt nghiệp THCS tại Bắc Giang lựa chọn học nghề kết hợp học văn hóa thay vì thi vào lớp 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7853"><img src="/PublishingImages/7853.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7853">Phòng chống đuối nước cho học sinh: Cần sự chung tay của gia đình</a></h3>
      <span class="news-date">07/05/2022 | 10:05</span>
      <p class="news-des">Dịp hè 2022, Đoàn Thanh niên phối hợp với ngành giáo dục huyện Krông Pắc mở các lớp dạy bơi an toàn cho học sinh tiểu học và THCS.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7850"><img src="/PublishingImages/7850.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7850">Đề án 33: Mục tiêu, nhiệm vụ đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2021-2025</a></h3>
      <span class="news-date">12/04/2022 | 16:20</span>
      <p class="news-des">Giai đoạn 2021-2025, Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” tập trung nâng chuẩn trình độ đào tạo và bồi dưỡng năng lực nghề nghiệp cho toàn bộ đội ngũ.</p>
    </div>
  </div>
  
  <div class="paging">
    <a class="prev" href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">&lt; Trước</a>
    <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">1</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">2</a> <span class="current">3</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">4</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=5">5</a> 
    <a class="next" href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">Sau &gt;</a>
  </div>
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
