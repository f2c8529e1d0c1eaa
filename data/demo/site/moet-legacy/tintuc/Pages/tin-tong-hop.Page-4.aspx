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
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7846">Bộ GDĐT ban hành kế hoạch thực hiện chính sách phát triển đội ngũ nhà giáo mầm non năm 2022</a></h3>
      <span class="news-date">15/03/2022 | 14:00</span>
      <p class="news-des">Kế hoạch nêu rõ các nhiệm vụ trọng tâm về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý giáo dục mầm non trong năm 2022.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7844"><img src="/PublishingImages/7844.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7844">Trường Tiểu học Trưng Vương đẩy mạnh chuyển đổi số trong quản lý, dạy học</a></h3>
      <span class="news-date">13/03/2022 | 15:00</span>
      <p class="news-des">Từ năm học 2021-2022, Trường Tiểu học Trưng Vương triển khai sổ điểm điện tử, học bạ số và thu học phí không dùng tiền mặt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7841"><img src="/PublishingImages/7841.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7841">Trao 49 suất học bổng cho học sinh nghèo vượt khó ở huyện Tiên Yên</a></h3>
      <span class="news-date">10/02/2022 | 17:00</span>
      <p class="news-des">Quỹ khuyến học huyện Tiên Yên vừa trao học bổng cho học sinh có hoàn cảnh khó khăn, vươn lên học tốt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7837"><img src="/PublishingImages/7837.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7837">Cổng trường an toàn giao thông: Mô hình cần nhân rộng</a></h3>
      <span class="news-date">08/01/2022 | 12:00</span>
      <p class="news-des">Ban An toàn giao thông tỉnh Thanh Hóa phối hợp với ngành giáo dục tổ chức tuyên truyền luật giao thông cho học sinh đầu năm học.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7835"><img src="/PublishingImages/7835.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7835">Sổ điểm điện tử giúp phụ huynh theo dõi việc học của con</a></h3>
      <span class="news-date">20/12/2021 | 16:20</span>
      <p class="news-des">Từ năm học 2021-2022, Trường THPT Nguyễn Thái Học triển khai sổ điểm điện tử, học bạ số và thu học phí không dùng tiền mặt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7832"><img src="/PublishingImages/7832.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7832">Trường THPT Trần Phú đón nhận bằng công nhận trường đạt chuẩn quốc gia</a></h3>
      <span class="news-date">03/12/2021 | 07:40</span>
      <p class="news-des">Trường THPT Trần Phú vừa được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1, sau nhiều năm nỗ lực đầu tư cơ sở vật chất.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828"><img src="/PublishingImages/7828.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828">Khai giảng năm học 2021-2022 tại Trường THCS Lê Quý Đôn</a></h3>
      <span class="news-date">21/09/2021 | 09:30</span>
      <p class="news-des">Sáng 5/9, các trường học trên địa bàn huyện Tiên Yên đồng loạt tổ chức lễ khai giảng năm học 2021-2022 trong không khí vui tươi, phấn khởi.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826"><img src="/PublishingImages/7826.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826">Khai giảng năm học 2021-2022 tại Trường Tiểu học Trưng Vương</a></h3>
      <span class="news-date">20/09/2021 | 18:40</span>
      <p class="news-des">Sáng 5/9, các trường học trên địa bàn huyện Krông Pắc đồng loạt tổ chức lễ khai giảng năm học 2021-2022 trong không khí vui tươi, phấn khởi.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823"><img src="/PublishingImages/7823.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823">Đại học Thái Nguyên công bố điểm chuẩn năm 2021</a></h3>
      <span class="news-date">20/09/2021 | 13:30</span>
      <p class="news-des">Đại học Thái Nguyên vừa công bố điểm chuẩn trúng tuyển theo phương thức xét kết quả thi tốt nghiệp THPT năm 2021, nhiều ngành tăng so với năm trước.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819"><img src="/PublishingImages/7819.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819">Tiết học ngoài trời ở huyện Hiệp Hòa</a></h3>
      <span class="news-date">31/08/2021 | 12:20</span>
      <p class="news-des">Thay vì học trên lớp, học sinh được đi thực tế tại làng nghề, di tích lịch sử của địa phương.</p>
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
