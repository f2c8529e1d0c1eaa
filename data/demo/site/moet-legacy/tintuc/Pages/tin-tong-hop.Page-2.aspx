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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7889"><img src="/PublishingImages/7889.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7889">Khắc phục thiệt hại do bão số 4, sớm đón học sinh trở lại trường</a></h3>
      <span class="news-date">08/10/2022 | 08:00</span>
      <p class="news-des">Sau bão số 4, giáo viên và phụ huynh ở huyện Lập Thạch đã khẩn trương dọn dẹp bùn đất, lau rửa bàn ghế để học sinh sớm trở lại lớp.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7886"><img src="/PublishingImages/7886.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7886">Sơ kết thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non</a></h3>
      <span class="news-date">05/10/2022 | 16:30</span>
      <p class="news-des">Bộ GDĐT tổ chức hội nghị sơ kết việc thực hiện Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” và triển khai nhiệm vụ thời gian tới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7882"><img src="/PublishingImages/7882.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7882">Trường Tiểu học Trưng Vương đẩy mạnh chuyển đổi số trong quản lý, dạy học</a></h3>
      <span class="news-date">23/09/2022 | 12:45</span>
      <p class="news-des">Ngành giáo dục Thanh Hóa đang từng bước số hóa hồ sơ, dữ liệu học sinh và kết nối với cơ sở dữ liệu của Bộ GDĐT.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7880"><img src="/PublishingImages/7880.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7880">Trường THCS Lê Quý Đôn phát động ngày hội đọc sách</a></h3>
      <span class="news-date">19/09/2022 | 16:20</span>
      <p class="news-des">Mô hình thư viện thân thiện được triển khai tại nhiều trường tiểu học ở huyện Lập Thạch, thu hút học sinh đến đọc sách mỗi giờ ra chơi.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7877"><img src="/PublishingImages/7877.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7877">Thí sinh xác nhận nhập học trực tuyến: Những mốc thời gian cần nhớ</a></h3>
      <span class="news-date">14/09/2022 | 18:00</span>
      <p class="news-des">Sau khi có kết quả xét tuyển, thí sinh trúng tuyển phải xác nhận nhập học trực tuyến trên hệ thống của Bộ GDĐT trước thời hạn quy định.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7873"><img src="/PublishingImages/7873.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7873">Khai giảng năm học 2022-2023 tại Trường Tiểu học Trưng Vương</a></h3>
      <span class="news-date">12/09/2022 | 07:00</span>
      <p class="news-des">Năm học 2022-2023, ngành giáo dục Đắk Lắk tiếp tục thực hiện chương trình giáo dục phổ thông mới đối với các lớp 3, 7 và 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7871"><img src="/PublishingImages/7871.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7871">Trường cao đẳng nghề Quảng Nam tuyển sinh gần 18.600 học viên</a></h3>
      <span class="news-date">15/08/2022 | 09:20</span>
      <p class="news-des">Chương trình tư vấn hướng nghiệp giúp học sinh lớp 12 hiểu rõ yêu cầu của các ngành nghề và nhu cầu thị trường lao động.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7868"><img src="/PublishingImages/7868.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7868">Cổng trường an toàn giao thông: Mô hình cần nhân rộng</a></h3>
      <span class="news-date">11/08/2022 | 18:15</span>
      <p class="news-des">Nhiều trường học tại huyện Lập Thạch triển khai mô hình cổng trường an toàn giao thông với sự tham gia của phụ huynh và lực lượng công an.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7864"><img src="/PublishingImages/7864.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7864">Bắc Giang: Học sinh nghỉ học tránh mưa lớn kéo dài</a></h3>
      <span class="news-date">06/08/2022 | 16:00</span>
      <p class="news-des">Sau mưa lớn kéo dài, giáo viên và phụ huynh ở huyện Sông Lô đã khẩn trương dọn dẹp bùn đất, lau rửa bàn ghế để học sinh sớm trở lại lớp.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7862"><img src="/PublishingImages/7862.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7862">Thi tốt nghiệp THPT 2022: Lưu ý quan trọng với thí sinh trước giờ làm thủ tục dự thi</a></h3>
      <span class="news-date">31/07/2022 | 11:05</span>
      <p class="news-des">Ban chỉ đạo thi tỉnh Cần Thơ đã hoàn tất công tác chuẩn bị cho kỳ thi tốt nghiệp THPT năm 2022, bảo đảm an toàn, nghiêm túc, đúng quy chế.</p>
    </div>
  </div>
  
  <div class="paging">
    <a class="prev" href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">&lt; Trước</a>
    <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">1</a> <span class="current">2</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">4</a> 
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
