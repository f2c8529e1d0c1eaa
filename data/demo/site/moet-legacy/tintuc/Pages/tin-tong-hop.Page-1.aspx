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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918"><img src="/PublishingImages/7918.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918">Cổng trường an toàn giao thông: Mô hình cần nhân rộng</a></h3>
      <span class="news-date">31/05/2023 | 08:00</span>
      <p class="news-des">Nhiều trường học tại huyện Phú Lương triển khai mô hình cổng trường an toàn giao thông với sự tham gia của phụ huynh và lực lượng công an.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916"><img src="/PublishingImages/7916.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916">Phân luồng học sinh sau THCS: Học nghề là lựa chọn sớm</a></h3>
      <span class="news-date">26/05/2023 | 10:00</span>
      <p class="news-des">Ngày càng nhiều học sinh tốt nghiệp THCS tại Thái Nguyên lựa chọn học nghề kết hợp học văn hóa thay vì thi vào lớp 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913"><img src="/PublishingImages/7913.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913">huyện Phú Lương có thêm 15 trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">14/05/2023 | 09:05</span>
      <p class="news-des">Đến nay, tỷ lệ trường phổ thông đạt chuẩn quốc gia tại Thanh Hóa đạt gần 15 phần trăm, góp phần hoàn thành tiêu chí giáo dục nông thôn mới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909"><img src="/PublishingImages/7909.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909">Dạy bơi miễn phí cho học sinh huyện Tam Đảo dịp hè</a></h3>
      <span class="news-date">07/05/2023 | 13:00</span>
      <p class="news-des">Dịp hè 2023, Đoàn Thanh niên phối hợp với ngành giáo dục huyện Tam Đảo mở các lớp dạy bơi an toàn cho học sinh tiểu học và THCS.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907"><img src="/PublishingImages/7907.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7907">Cần Thơ công bố chỉ tiêu tuyển sinh lớp 10 năm học 2022-2023</a></h3>
      <span class="news-date">03/05/2023 | 11:05</span>
      <p class="news-des">Kỳ thi tuyển sinh vào lớp 10 tại Cần Thơ năm nay được tổ chức với ba bài thi, lịch thi diễn ra trong hai ngày.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7904"><img src="/PublishingImages/7904.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7904">Năm 2023: Bồi dưỡng 2.000 giáo viên mầm non cốt cán</a></h3>
      <span class="news-date">13/04/2023 | 10:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục triển khai kế hoạch bồi dưỡng giáo viên, cán bộ quản lý mầm non cốt cán năm 2023.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900"><img src="/PublishingImages/7900.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7900">Thư viện thân thiện lan tỏa văn hóa đọc trong học sinh</a></h3>
      <span class="news-date">08/04/2023 | 15:40</span>
      <p class="news-des">Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam, Trường THCS Tân Lập tổ chức nhiều hoạt động giới thiệu sách, thi kể chuyện theo sách.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7898"><img src="/PublishingImages/7898.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7898">Tết sẻ chia đến với học sinh vùng cao Quảng Ninh</a></h3>
      <span class="news-date">02/01/2023 | 18:00</span>
      <p class="news-des">Quỹ khuyến học huyện Định Hóa vừa trao học bổng cho học sinh có hoàn cảnh khó khăn, vươn lên học tốt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7895"><img src="/PublishingImages/7895.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7895">huyện Định Hóa có thêm 13 trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">23/11/2022 | 13:45</span>
      <p class="news-des">Trường THCS Lê Quý Đôn vừa được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1, sau nhiều năm nỗ lực đầu tư cơ sở vật chất.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7891"><img src="/PublishingImages/7891.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7891">Giá sách giáo khoa mới tăng, phụ huynh lo lắng</a></h3>
      <span class="news-date">26/10/2022 | 11:45</span>
      <p class="news-des">Năm học 2022-2023, các trường phổ thông tại Đắk Lắk hoàn thành việc lựa chọn sách giáo khoa theo chương trình giáo dục phổ thông 2018.</p>
    </div>
  </div>
  
  <div class="paging">
    
    <span class="current">1</span> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">2</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=4">4</a> 
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
