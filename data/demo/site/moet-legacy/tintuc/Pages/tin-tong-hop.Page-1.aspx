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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927"><img src="/PublishingImages/7927.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927">Quảng Ninh: Cảnh báo tai nạn đuối nước trẻ em mùa hè</a></h3>
      <span class="news-date">27/05/2023 | 15:15</span>
      <p class="news-des">Mùa hè là thời điểm xảy ra nhiều vụ đuối nước thương tâm ở trẻ em, đặc biệt tại các ao, hồ, sông suối.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925"><img src="/PublishingImages/7925.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925">huyện Hiệp Hòa có thêm 36 trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">20/05/2023 | 15:30</span>
      <p class="news-des">Đến nay, tỷ lệ trường phổ thông đạt chuẩn quốc gia tại Hà Giang đạt gần 36 phần trăm, góp phần hoàn thành tiêu chí giáo dục nông thôn mới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922"><img src="/PublishingImages/7922.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922">Quảng Nam: Triển khai học bạ số cho học sinh tiểu học</a></h3>
      <span class="news-date">18/05/2023 | 11:40</span>
      <p class="news-des">Ngành giáo dục Quảng Nam đang từng bước số hóa hồ sơ, dữ liệu học sinh và kết nối với cơ sở dữ liệu của Bộ GDĐT.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918"><img src="/PublishingImages/7918.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918">Trường cao đẳng nghề Thái Nguyên tuyển sinh gần 16.400 học viên</a></h3>
      <span class="news-date">17/05/2023 | 10:00</span>
      <p class="news-des">Chương trình tư vấn hướng nghiệp giúp học sinh lớp 12 hiểu rõ yêu cầu của các ngành nghề và nhu cầu thị trường lao động.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916"><img src="/PublishingImages/7916.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916">Học sinh Trường THPT Lương Ngọc Quyến hào hứng với ngày hội trải nghiệm</a></h3>
      <span class="news-date">24/04/2023 | 07:40</span>
      <p class="news-des">Thay vì học trên lớp, học sinh được đi thực tế tại làng nghề, di tích lịch sử của địa phương.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913"><img src="/PublishingImages/7913.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913">Năm 2023: Bồi dưỡng 2.000 giáo viên mầm non cốt cán</a></h3>
      <span class="news-date">13/04/2023 | 10:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục triển khai kế hoạch bồi dưỡng giáo viên, cán bộ quản lý mầm non cốt cán năm 2023.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909"><img src="/PublishingImages/7909.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909">huyện Tiên Yên có thêm 69 trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">25/10/2022 | 14:30</span>
      <p class="news-des">Đến nay, tỷ lệ trường phổ thông đạt chuẩn quốc gia tại Bắc Giang đạt gần 69 phần trăm, góp phần hoàn thành tiêu chí giáo dục nông thôn mới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907"><img src="/PublishingImages/7907.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907">Giá sách giáo khoa mới tăng, phụ huynh lo lắng</a></h3>
      <span class="news-date">13/10/2022 | 08:05</span>
      <p class="news-des">Năm học 2022-2023, các trường phổ thông tại Bắc Giang hoàn thành việc lựa chọn sách giáo khoa theo chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7904"><img src="/PublishingImages/7904.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7904">Sơ kết thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non</a></h3>
      <span class="news-date">05/10/2022 | 16:30</span>
      <p class="news-des">Bộ GDĐT tổ chức hội nghị sơ kết việc thực hiện Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” và triển khai nhiệm vụ thời gian tới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900"><img src="/PublishingImages/7900.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900">Lào Cai: Triển khai học bạ số cho học sinh tiểu học</a></h3>
      <span class="news-date">23/09/2022 | 12:45</span>
      <p class="news-des">Ngành giáo dục Lào Cai đang từng bước số hóa hồ sơ, dữ liệu học sinh và kết nối với cơ sở dữ liệu của Bộ GDĐT.</p>
    </div>
  </div>
  
  <div class="paging">
    
    <span class="current">1</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">2</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">4</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=5">5</a> 
    <a class="next" href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">Sau &gt;</a>
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
