<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>Đề án 33: Mục tiêu, nhiệm vụ đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2021-2025</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/moet/css/style.css" />
<script type="text/javascript">
var _spPageContextInfo = {webServerRelativeUrl: "\u002ftintuc", webLanguage: 1066, currentLanguage: 1066, pageListId: "{7d2c1b8e-5b0a-4f43-9a51-2d3b8e0c9a11}", siteServerRelativeUrl: "\u002f"};
</script>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form method="post" action="./tin-tong-hop.aspx?ItemID=7850" id="aspnetForm">
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
  <h1 id="news-title">Đề án 33: Mục tiêu, nhiệm vụ đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2021-2025</h1>
  <div class="news-info"><span class="news-date">12/04/2022 | 16:20</span> <span class="news-view">Lượt xem: 750</span></div>
  <div id="news-des">Giai đoạn 2021-2025, Đề án “Đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025” tập trung nâng chuẩn trình độ đào tạo và bồi dưỡng năng lực nghề nghiệp cho toàn bộ đội ngũ.</div>
  <div id="news-detail">
    
    <p style="text-align: justify;">Theo Cục Nhà giáo và Cán bộ quản lý giáo dục, mục tiêu của Đề án 33 là xây dựng đội ngũ nhà giáo và cán bộ quản lý giáo dục mầm non đủ về số lượng, đạt chuẩn về trình độ đào tạo, có phẩm chất đạo đức và năng lực nghề nghiệp đáp ứng yêu cầu đổi mới giáo dục mầm non.</p>
    <p style="text-align: justify;">Đến năm 2025, phấn đấu giáo viên mầm non đạt trình độ chuẩn được đào tạo theo quy định; cán bộ quản lý được bồi dưỡng năng lực quản trị cơ sở giáo dục mầm non; các cơ sở đào tạo giáo viên mầm non được nâng cao năng lực.</p>
    <p style="text-align: justify;">Các nhiệm vụ trọng tâm gồm: rà soát, đánh giá thực trạng đội ngũ; đổi mới chương trình đào tạo giáo viên mầm non tại các trường sư phạm; bồi dưỡng giáo viên cốt cán; phát triển hệ thống học liệu bồi dưỡng trực tuyến; hoàn thiện chính sách đối với giáo viên.</p>
    <p style="text-align: justify;">Để thực hiện, Bộ GDĐT đề nghị các địa phương bố trí kinh phí, đưa chỉ tiêu đào tạo, bồi dưỡng vào kế hoạch phát triển kinh tế - xã hội hằng năm.</p>
    
    <p style="text-align: right;"><strong>Cục Nhà giáo và Cán bộ quản lý giáo dục</strong></p>
  </div>
  
  <div class="other-news"><h3>Các tin khác</h3><ul>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7846">Bộ GDĐT ban hành kế hoạch thực hiện chính sách phát triển đội ngũ nhà giáo mầm non năm 2022</a> <span class="date">(15/03/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7844">Trường Tiểu học Trưng Vương đẩy mạnh chuyển đổi số trong quản lý, dạy học</a> <span class="date">(13/03/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7841">Trao 49 suất học bổng cho học sinh nghèo vượt khó ở huyện Tiên Yên</a> <span class="date">(10/02/2022)</span></li>
    <li><a href="/tintuc/Pages/tin-tong-hop.aspx?ItemID=7837">Cổng trường an toàn giao thông: Mô hình cần nhân rộng</a> <span class="date">(08/01/2022)</span></li>
    
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
