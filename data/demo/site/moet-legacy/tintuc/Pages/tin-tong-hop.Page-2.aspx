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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907"><img src="/PublishingImages/7907.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907">Lựa chọn sách giáo khoa lớp 3, lớp 7 và lớp 10: Nhà trường được quyền quyết định</a></h3>
      <span class="news-date">25/08/2022 | 10:30</span>
      <p class="news-des">Năm học 2022-2023, các trường phổ thông tại Quảng Nam hoàn thành việc lựa chọn sách giáo khoa theo chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/noi-bo.aspx?ItemID=7904"><img src="/PublishingImages/7904.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/noi-bo.aspx?ItemID=7904">Dự thảo báo cáo kết quả bồi dưỡng giáo viên mầm non cốt cán 6 tháng đầu năm 2022</a></h3>
      <span class="news-date">11/08/2022 | 09:00</span>
      <p class="news-des">Dự thảo báo cáo (lưu hành nội bộ) về kết quả bồi dưỡng giáo viên, cán bộ quản lý mầm non cốt cán.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900"><img src="/PublishingImages/7900.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900">Kỳ thi tốt nghiệp THPT năm 2022: Hải Dương bố trí 34 điểm thi</a></h3>
      <span class="news-date">31/07/2022 | 11:05</span>
      <p class="news-des">Ban chỉ đạo thi tỉnh Hải Dương đã hoàn tất công tác chuẩn bị cho kỳ thi tốt nghiệp THPT năm 2022, bảo đảm an toàn, nghiêm túc, đúng quy chế.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7898"><img src="/PublishingImages/7898.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7898">Điểm chuẩn Đại học Thái Nguyên năm 2022: Ngành cao nhất lấy 28,6 điểm</a></h3>
      <span class="news-date">06/07/2022 | 18:00</span>
      <p class="news-des">Sau khi có kết quả xét tuyển, thí sinh trúng tuyển phải xác nhận nhập học trực tuyến trên hệ thống của Bộ GDĐT trước thời hạn quy định.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7895"><img src="/PublishingImages/7895.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7895">Thông báo lịch tiếp công dân tháng 7/2022</a></h3>
      <span class="news-date">04/07/2022 | 10:00</span>
      <p class="news-des">Bộ GDĐT thông báo lịch tiếp công dân định kỳ tháng 7/2022.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7891"><img src="/PublishingImages/7891.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7891">Phóng sự chuyên đề: Chính sách đồng hành cùng giáo viên mầm non</a></h3>
      <span class="news-date">30/06/2022 | 19:30</span>
      <p class="news-des">Phóng sự chuyên đề phản ánh việc triển khai các chủ trương, chính sách của Đảng và Nhà nước về đào tạo, bồi dưỡng đội ngũ giáo viên mầm non tại tỉnh Thái Nguyên.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7889"><img src="/PublishingImages/7889.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7889">Tủ sách lớp học giúp học sinh huyện Núi Thành yêu sách hơn</a></h3>
      <span class="news-date">29/06/2022 | 09:00</span>
      <p class="news-des">Mô hình thư viện thân thiện được triển khai tại nhiều trường tiểu học ở huyện Núi Thành, thu hút học sinh đến đọc sách mỗi giờ ra chơi.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7886"><img src="/PublishingImages/7886.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7886">Bồi dưỡng giáo viên, cán bộ quản lý cơ sở giáo dục phổ thông cốt cán năm 2022</a></h3>
      <span class="news-date">27/06/2022 | 14:30</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục phối hợp với các trường sư phạm tổ chức bồi dưỡng giáo viên, cán bộ quản lý phổ thông cốt cán thực hiện chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7882"><img src="/PublishingImages/7882.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7882">Quảng Nam: Bảo đảm đủ sách giáo khoa cho năm học 2021-2022</a></h3>
      <span class="news-date">23/06/2022 | 12:00</span>
      <p class="news-des">Trước thềm năm học mới, nhiều phụ huynh phản ánh giá bộ sách giáo khoa mới cao hơn nhiều so với sách cũ.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7880"><img src="/PublishingImages/7880.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7880">Bộ GDĐT hướng dẫn chính sách đối với giáo viên mầm non được cử đi đào tạo, bồi dưỡng</a></h3>
      <span class="news-date">22/06/2022 | 15:10</span>
      <p class="news-des">Bộ GDĐT vừa có văn bản hướng dẫn các sở GDĐT thực hiện chính sách đối với giáo viên, cán bộ quản lý cơ sở giáo dục mầm non được cử tham gia đào tạo nâng chuẩn và bồi dưỡng chuyên môn, nghiệp vụ.</p>
    </div>
  </div>
  
  <div class="paging">
    <a class="prev" href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">&lt; Trước</a>
    <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">1</a> <span class="current">2</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">4</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=5">5</a> 
    <a class="next" href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">Sau &gt;</a>
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
