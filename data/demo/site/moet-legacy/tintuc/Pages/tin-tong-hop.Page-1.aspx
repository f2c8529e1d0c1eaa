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
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7936">Hơn 13.600 học sinh Thanh Hóa đăng ký dự tuyển vào lớp 10 công lập</a></h3>
      <span class="news-date">12/06/2023 | 15:15</span>
      <p class="news-des">Sở GDĐT Thanh Hóa vừa ban hành kế hoạch tuyển sinh vào lớp 10 THPT năm học 2022-2023, trong đó tỷ lệ học sinh vào trường công lập đạt khoảng 65 phần trăm.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7934"><img src="/PublishingImages/7934.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7934">Tập trung hoàn thành các mục tiêu đào tạo, bồi dưỡng đội ngũ giáo dục mầm non đến năm 2025</a></h3>
      <span class="news-date">17/05/2023 | 16:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục đề nghị các địa phương rà soát các mục tiêu, nhiệm vụ còn chậm của Đề án 33.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7931"><img src="/PublishingImages/7931.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7931">Xây dựng trường chuẩn quốc gia gắn với xây dựng nông thôn mới</a></h3>
      <span class="news-date">21/04/2023 | 11:20</span>
      <p class="news-des">Trường THCS Chu Văn An vừa được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1, sau nhiều năm nỗ lực đầu tư cơ sở vật chất.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927"><img src="/PublishingImages/7927.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7927">Năm 2023: Bồi dưỡng 2.000 giáo viên mầm non cốt cán</a></h3>
      <span class="news-date">13/04/2023 | 10:00</span>
      <p class="news-des">Cục Nhà giáo và Cán bộ quản lý giáo dục triển khai kế hoạch bồi dưỡng giáo viên, cán bộ quản lý mầm non cốt cán năm 2023.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925"><img src="/PublishingImages/7925.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7925">Học sinh huyện Krông Pắc được trang bị kiến thức an toàn giao thông</a></h3>
      <span class="news-date">05/04/2023 | 18:45</span>
      <p class="news-des">Ban An toàn giao thông tỉnh Hải Dương phối hợp với ngành giáo dục tổ chức tuyên truyền luật giao thông cho học sinh đầu năm học.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922"><img src="/PublishingImages/7922.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7922">Tết sẻ chia đến với học sinh vùng cao Cần Thơ</a></h3>
      <span class="news-date">24/01/2023 | 07:05</span>
      <p class="news-des">Nhân dịp Tết Nguyên đán, nhiều đoàn thiện nguyện đã mang quà, áo ấm đến với học sinh vùng cao.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918"><img src="/PublishingImages/7918.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7918">Phóng sự: Giáo viên cốt cán – người truyền lửa cho đồng nghiệp</a></h3>
      <span class="news-date">05/12/2022 | 20:00</span>
      <p class="news-des">Phóng sự chuyên đề về đội ngũ giáo viên mầm non cốt cán, những người sau khi được bồi dưỡng đã trở thành chỗ dựa chuyên môn cho đồng nghiệp ở cơ sở.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916"><img src="/PublishingImages/7916.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7916">Thư viện thân thiện lan tỏa văn hóa đọc trong học sinh</a></h3>
      <span class="news-date">07/11/2022 | 15:20</span>
      <p class="news-des">Mô hình thư viện thân thiện được triển khai tại nhiều trường tiểu học ở huyện Tiên Yên, thu hút học sinh đến đọc sách mỗi giờ ra chơi.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913"><img src="/PublishingImages/7913.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7913">Khắc phục thiệt hại do bão số 3, sớm đón học sinh trở lại trường</a></h3>
      <span class="news-date">30/10/2022 | 07:45</span>
      <p class="news-des">Do ảnh hưởng của bão số 3, nhiều trường học tại Thái Nguyên cho học sinh nghỉ học để bảo đảm an toàn.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909"><img src="/PublishingImages/7909.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7909">Sơ kết thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non</a></h3>
      <span class="news-date">05/10/2022 | 16:30</span>
      <p class="news-des">Bộ GDĐT tổ chức hội nghị sơ kết việc thực hiện Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” và triển khai nhiệm vụ thời gian tới.</p>
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
