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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7936"><img src="/PublishingImages/7936.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7936">Tập trung hoàn thành các mục tiêu đào tạo, bồi dưỡng đội ngũ giáo dục mầm non đến năm 2025</a></h3>
      <span class="news-date">17/05/2023 | 16:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục đề nghị các địa phương rà soát các mục tiêu, nhiệm vụ còn chậm của Đề án 33.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7934"><img src="/PublishingImages/7934.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7934">Phòng chống đuối nước cho học sinh: Cần sự chung tay của gia đình</a></h3>
      <span class="news-date">15/05/2023 | 12:05</span>
      <p class="news-des">Dịp hè 2023, Đoàn Thanh niên phối hợp với ngành giáo dục huyện Quỳnh Lưu mở các lớp dạy bơi an toàn cho học sinh tiểu học và THCS.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7931"><img src="/PublishingImages/7931.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7931">Năm 2023: Bồi dưỡng 2.000 giáo viên mầm non cốt cán</a></h3>
      <span class="news-date">13/04/2023 | 10:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục triển khai kế hoạch bồi dưỡng giáo viên, cán bộ quản lý mầm non cốt cán năm 2023.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927"><img src="/PublishingImages/7927.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927">Trao tặng mũ bảo hiểm cho học sinh lớp 1</a></h3>
      <span class="news-date">23/03/2023 | 10:40</span>
      <p class="news-des">Nhiều trường học tại huyện Quỳnh Lưu triển khai mô hình cổng trường an toàn giao thông với sự tham gia của phụ huynh và lực lượng công an.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925"><img src="/PublishingImages/7925.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925">Trường THPT Chuyên Hùng Vương phát động ngày hội đọc sách</a></h3>
      <span class="news-date">08/03/2023 | 12:45</span>
      <p class="news-des">Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam, Trường THPT Chuyên Hùng Vương tổ chức nhiều hoạt động giới thiệu sách, thi kể chuyện theo sách.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922"><img src="/PublishingImages/7922.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922">huyện Như Xuân có thêm 13 trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">21/02/2023 | 14:05</span>
      <p class="news-des">Đến nay, tỷ lệ trường phổ thông đạt chuẩn quốc gia tại Quảng Nam đạt gần 13 phần trăm, góp phần hoàn thành tiêu chí giáo dục nông thôn mới.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918"><img src="/PublishingImages/7918.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918">Học sinh Trường THPT Chuyên Hùng Vương được tư vấn hướng nghiệp</a></h3>
      <span class="news-date">26/01/2023 | 08:05</span>
      <p class="news-des">Ngày càng nhiều học sinh tốt nghiệp THCS tại Hải Dương lựa chọn học nghề kết hợp học văn hóa thay vì thi vào lớp 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916"><img src="/PublishingImages/7916.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916">Trao 20 suất học bổng cho học sinh nghèo vượt khó ở huyện Hiệp Hòa</a></h3>
      <span class="news-date">24/01/2023 | 07:05</span>
      <p class="news-des">Quỹ khuyến học huyện Hiệp Hòa vừa trao học bổng cho học sinh có hoàn cảnh khó khăn, vươn lên học tốt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913"><img src="/PublishingImages/7913.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913">Xây dựng trường chuẩn quốc gia gắn với xây dựng nông thôn mới</a></h3>
      <span class="news-date">08/12/2022 | 12:20</span>
      <p class="news-des">Trường Tiểu học Kim Đồng vừa được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1, sau nhiều năm nỗ lực đầu tư cơ sở vật chất.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909"><img src="/PublishingImages/7909.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909">Phóng sự: Giáo viên cốt cán – người truyền lửa cho đồng nghiệp</a></h3>
      <span class="news-date">05/12/2022 | 20:00</span>
      <p class="news-des">Phóng sự chuyên đề về đội ngũ giáo viên mầm non cốt cán, những người sau khi được bồi dưỡng đã trở thành chỗ dựa chuyên môn cho đồng nghiệp ở cơ sở.</p>
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
