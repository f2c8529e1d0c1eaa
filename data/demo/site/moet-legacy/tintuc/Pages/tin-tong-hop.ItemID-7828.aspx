<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Khai giảng năm học 2021-2022 tại Trường THCS Lê Quý Đôn</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx?ItemID=7828" id="aspnetForm">
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

<div class="news-detail-wrap">
  <h1 id="news-title">Khai giảng năm học 2021-2022 tại Trường THCS Lê Quý Đôn</h1>
  <div class="news-info"><span class="news-date">21/09/2021 | 09:30</span> <span class="news-view">Lượt xem: 836</span></div>
  <div id="news-des">Sáng 5/9, các trường học trên địa bàn huyện Tiên Yên đồng loạt tổ chức lễ khai giảng năm học 2021-2022 trong không khí vui tươi, phấn khởi.</div>
  <div id="news-detail">
    
    <p style="text-align: justify;">Dự lễ khai giảng, ông Vũ Đình Khoa, Trưởng phòng Giáo dục trung học, đã trao tặng quà, học bổng cho học sinh có hoàn cảnh khó khăn vượt khó học giỏi.</p>
    <p style="text-align: justify;">Ngành giáo dục địa phương xác định nhiệm vụ trọng tâm là nâng cao chất lượng dạy học, đẩy mạnh chuyển đổi số và giáo dục kỹ năng sống cho học sinh.</p>
    <p style="text-align: justify;">Phụ huynh học sinh bày tỏ mong muốn nhà trường quan tâm hơn nữa đến an toàn học đường và hoạt động thể thao cho học sinh.</p>
    
    <p style="text-align: right;"><strong>Quang Huy</strong></p>
  </div>
  
  <div class="other-news"><h3>Các tin khác</h3><ul>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7826">Khai giảng năm học 2021-2022 tại Trường Tiểu học Trưng Vương</a> <span class="date">(20/09/2021)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7823">Đại học Thái Nguyên công bố điểm chuẩn năm 2021</a> <span class="date">(20/09/2021)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7819">Tiết học ngoài trời ở huyện Hiệp Hòa</a> <span class="date">(31/08/2021)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7817">Khắc phục thiệt hại do mưa lớn kéo dài, sớm đón học sinh trở lại trường</a> <span class="date">(29/08/2021)</span></li>
    
  </ul></div>
  
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
