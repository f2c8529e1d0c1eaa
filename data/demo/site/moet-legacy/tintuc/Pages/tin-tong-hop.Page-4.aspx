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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7846"><img src="/PublishingImages/7846.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7846">Quảng Nam công bố chỉ tiêu tuyển sinh lớp 10 năm học 2021-2022</a></h3>
      <span class="news-date">08/04/2022 | 15:05</span>
      <p class="news-des">Sở GDĐT Quảng Nam vừa ban hành kế hoạch tuyển sinh vào lớp 10 THPT năm học 2021-2022, trong đó tỷ lệ học sinh vào trường công lập đạt khoảng 20 phần trăm.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7844"><img src="/PublishingImages/7844.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7844">Bộ GDĐT ban hành kế hoạch thực hiện chính sách phát triển đội ngũ nhà giáo mầm non năm 2022</a></h3>
      <span class="news-date">15/03/2022 | 14:00</span>
      <p class="news-des">Kế hoạch nêu rõ các nhiệm vụ trọng tâm về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý giáo dục mầm non trong năm 2022.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7841"><img src="/PublishingImages/7841.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7841">Học sinh Trường Tiểu học Kim Đồng giành huy chương Olympic Tiếng Anh</a></h3>
      <span class="news-date">04/03/2022 | 08:20</span>
      <p class="news-des">Em học sinh lớp 11 của Trường Tiểu học Kim Đồng đã xuất sắc giành huy chương trong kỳ thi Olympic Tiếng Anh khu vực.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7837"><img src="/PublishingImages/7837.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7837">Phân luồng học sinh sau THCS: Học nghề là lựa chọn sớm</a></h3>
      <span class="news-date">14/02/2022 | 18:20</span>
      <p class="news-des">Ngày càng nhiều học sinh tốt nghiệp THCS tại Nghệ An lựa chọn học nghề kết hợp học văn hóa thay vì thi vào lớp 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7835"><img src="/PublishingImages/7835.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7835">Dạy học trực tuyến: Giáo viên vất vả, học sinh thiếu thiết bị</a></h3>
      <span class="news-date">14/02/2022 | 07:20</span>
      <p class="news-des">Ngành y tế phối hợp với ngành giáo dục Thanh Hóa tổ chức tiêm vắc xin phòng COVID-19 cho học sinh ngay tại trường học.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7832"><img src="/PublishingImages/7832.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7832">Tết sẻ chia đến với học sinh vùng cao Nghệ An</a></h3>
      <span class="news-date">17/01/2022 | 08:00</span>
      <p class="news-des">Nhân dịp Tết Nguyên đán, nhiều đoàn thiện nguyện đã mang quà, áo ấm đến với học sinh vùng cao.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828"><img src="/PublishingImages/7828.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828">Lựa chọn sách giáo khoa lớp 3, lớp 7 và lớp 10: Nhà trường được quyền quyết định</a></h3>
      <span class="news-date">04/01/2022 | 10:20</span>
      <p class="news-des">Năm học 2021-2022, các trường phổ thông tại Thanh Hóa hoàn thành việc lựa chọn sách giáo khoa theo chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826"><img src="/PublishingImages/7826.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826">Sổ điểm điện tử giúp phụ huynh theo dõi việc học của con</a></h3>
      <span class="news-date">29/10/2021 | 11:15</span>
      <p class="news-des">Từ năm học 2021-2022, Trường Tiểu học Kim Đồng triển khai sổ điểm điện tử, học bạ số và thu học phí không dùng tiền mặt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823"><img src="/PublishingImages/7823.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823">Giá sách giáo khoa mới tăng, phụ huynh lo lắng</a></h3>
      <span class="news-date">16/10/2021 | 18:40</span>
      <p class="news-des">Năm học 2021-2022, các trường phổ thông tại Quảng Ninh hoàn thành việc lựa chọn sách giáo khoa theo chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819"><img src="/PublishingImages/7819.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819">Học viện Nông nghiệp Việt Nam công bố điểm chuẩn năm 2021</a></h3>
      <span class="news-date">01/10/2021 | 07:30</span>
      <p class="news-des">Học viện Nông nghiệp Việt Nam vừa công bố điểm chuẩn trúng tuyển theo phương thức xét kết quả thi tốt nghiệp THPT năm 2021, nhiều ngành tăng so với năm trước.</p>
    </div>
  </div>
  
  <div class="paging">
    <a class="prev" href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">&lt; Trước</a>
    <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">1</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">2</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <span class="current">4</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=5">5</a> 
    <a class="next" href="/tintuc/Pages/tin-tong-hop.aspx?Page=5">Sau &gt;</a>
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
