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
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828"><img src="/PublishingImages/7828.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7828">Bộ GDĐT ban hành kế hoạch thực hiện chính sách phát triển đội ngũ nhà giáo mầm non năm 2022</a></h3>
      <span class="news-date">15/03/2022 | 14:00</span>
      <p class="news-des">Kế hoạch nêu rõ các nhiệm vụ trọng tâm về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý giáo dục mầm non trong năm 2022.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826"><img src="/PublishingImages/7826.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826">Học sinh Trường Tiểu học Kim Đồng giành huy chương Olympic Ngữ văn</a></h3>
      <span class="news-date">04/03/2022 | 08:20</span>
      <p class="news-des">Em học sinh lớp 11 của Trường Tiểu học Kim Đồng đã xuất sắc giành huy chương trong kỳ thi Olympic Ngữ văn khu vực.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823"><img src="/PublishingImages/7823.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823">Áo ấm mùa đông cho học sinh điểm trường bản xa</a></h3>
      <span class="news-date">17/12/2021 | 14:20</span>
      <p class="news-des">Quỹ khuyến học huyện Võ Nhai vừa trao học bổng cho học sinh có hoàn cảnh khó khăn, vươn lên học tốt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819"><img src="/PublishingImages/7819.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819">Khai giảng năm học 2021-2022 tại Trường Tiểu học Trưng Vương</a></h3>
      <span class="news-date">24/09/2021 | 14:00</span>
      <p class="news-des">Năm học 2021-2022, ngành giáo dục Nghệ An tiếp tục thực hiện chương trình giáo dục phổ thông mới đối với các lớp 3, 7 và 10.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7817"><img src="/PublishingImages/7817.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7817">Tiết học ngoài trời ở huyện Lập Thạch</a></h3>
      <span class="news-date">08/09/2021 | 14:05</span>
      <p class="news-des">Thay vì học trên lớp, học sinh được đi thực tế tại làng nghề, di tích lịch sử của địa phương.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7814"><img src="/PublishingImages/7814.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7814">Sổ điểm điện tử giúp phụ huynh theo dõi việc học của con</a></h3>
      <span class="news-date">13/08/2021 | 17:30</span>
      <p class="news-des">Từ năm học 2021-2022, Trường THCS Lê Quý Đôn triển khai sổ điểm điện tử, học bạ số và thu học phí không dùng tiền mặt.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7810"><img src="/PublishingImages/7810.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7810">Thí sinh xác nhận nhập học trực tuyến: Những mốc thời gian cần nhớ</a></h3>
      <span class="news-date">26/07/2021 | 11:00</span>
      <p class="news-des">Sau khi có kết quả xét tuyển, thí sinh trúng tuyển phải xác nhận nhập học trực tuyến trên hệ thống của Bộ GDĐT trước thời hạn quy định.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7808"><img src="/PublishingImages/7808.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7808">Thí sinh xác nhận nhập học trực tuyến: Những mốc thời gian cần nhớ</a></h3>
      <span class="news-date">16/07/2021 | 09:00</span>
      <p class="news-des">Sau khi có kết quả xét tuyển, thí sinh trúng tuyển phải xác nhận nhập học trực tuyến trên hệ thống của Bộ GDĐT trước thời hạn quy định.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7805"><img src="/PublishingImages/7805.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7805">Hải Dương: Hơn 21.900 thí sinh sẵn sàng bước vào kỳ thi tốt nghiệp THPT năm 2021</a></h3>
      <span class="news-date">04/07/2021 | 11:00</span>
      <p class="news-des">Kỳ thi tốt nghiệp THPT năm 2021 tại Hải Dương có hơn 21.900 thí sinh đăng ký dự thi, được bố trí tại 71 điểm thi trên toàn tỉnh.</p>
    </div>
  </div>
  
  <div class="item-news">
    <div class="img"><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7801"><img src="/PublishingImages/7801.jpg" alt="" /></a></div>
    <div class="info">
      <h3><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7801">Những nội dung chính của Đề án đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2018-2025</a></h3>
      <span class="news-date">10/06/2021 | 15:00</span>
      <p class="news-des">Đề án được Thủ tướng Chính phủ phê duyệt tại Quyết định 33/QĐ-TTg với mục tiêu phát triển đội ngũ nhà giáo, cán bộ quản lý giáo dục mầm non đáp ứng yêu cầu đổi mới.</p>
    </div>
  </div>
  
  <div class="paging">
    <a class="prev" href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">&lt; Trước</a>
    <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=1">1</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=2">2</a> <a href="/tintuc/Pages/tin-tong-hop.aspx?Page=3">3</a> <span class="current">4</span> 
    
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
