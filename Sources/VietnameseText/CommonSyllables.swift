// VietnameseText: syllables. The syllables most used in union review reports, to rank spelling suggestions.

/// Syllables of union review reports, most frequent first, counted over the directives in
/// /work/shared/directives (the union's own wording). Used only to rank suggestions.
enum CommonSyllables {
    static let text = """
        đoàn công động của thực hiện các và kết viên chức tác nghị hội nhiệm tổng quả đại tổ lao quyết
        trong về triển cấp dựng vụ xây việc trình số ban liên kỳ hoạt pháp cơ những chủ chính hình chỉ phát
        đề thành kế hoạch cao với chương nhân huyện mạnh bộ khai đạo giá tỉnh hợp sở lượng nâng quyền cho
        báo quan tham thuộc vị nghiệp đơn hành theo gia đánh nữ lập được dung cáo lợi nội hiệu nước tình
        làm tiêu mới thời truyền nam chất thể trực việt năm tập hóa ngày đảng tuyên có phương bảo sát từ
        luật ngành chế giải nhà mục tra kiểm cán phong tiếp ở tại vào cần là cụ xã sơ để định đẩy hướng
        kinh mình ra trị vững thức thường học một đến tiến rõ phần trên thông nửa toàn yêu nhất đổi trào
        trung vận gian năng sự ủy chăm người cầu dụng tâm nguyên như yếu vệ xuất nghiệm ích tháng đạt văn
        quản đối hạn trọng bài giữa kiến độ tích sau lại lý giáo kiện ứng nghề qua thu cực giai lực tịch
        sách biểu diện quy thi điều đất tạo giám giới bản chấp dục điểm lo phối nêu đội tốt còn khảo tin
        phố tục đua ngũ mưu lĩnh tài quá vấn thiết phòng chuyên doanh đảm phí cứ kỷ hỗ cùng mà ty thứ thuận
        trợ an minh trở góp kỹ gửi bồi căn sử mang thị cương đình cố dưỡng đích mô dự đoạn rút tế triệu
        cuộc đáp thưởng xác chống liệu hoặc kèm sống vĩnh tồn khen huy lên chưa địa i trước khách trương đã
        bình đời củng biến phù nay kém hiểm phân hoàn nghiên đức tiễn đủ tư cứu phụ sinh phản phải đẳng
        trạng riêng trách phúc phục nhận nơi ưu chung dân hết chú lần quốc sáng đó hút thắng này ấm thiện
        giao chi tinh tìm nguồn vực đồng sản sạch cải cả mạng thiệu quát kiệm thác nạn lãnh đào nghiêm vi
        kiếm tương tựu giỏi khuyết môi bền tăng biệt trì vì kê tiết trường lương ký không tưởng nắm phạm
        tiền sóc thần so thúc máy đầu dịch bổ tranh sức cá khăn no tú đúng luận lưu hạnh khó từng chiếu kịp
        thống sung bằng cường lãng hưởng cách túc mềm đăng điển con bám bàn ý đặc đang bước tai án bác dòng
        hồ chọn bạch đáng gắng biên tính mại tới tông lệ quần nhiên hộ địch dạng sắp thuật kiên dài kể khóa
        bệnh hai cung xếp trò lối thao hiệp cấu quán đi đính dẫn lựa họa dưới xoá xuyên gọn hơn cập phá thù
        đường đột chốt tiên chúng ảnh trái khái a vinh giang vay phủ khâu lành khác mái hệ ngừng ghép nghèo
        sánh đói hàng sum cốt nhằm sai khắc nhiều thảo chào thăm chia tuệ mẽ triệt vầy dâm ánh chậm ăn tôn
        ngoài tỏa phan cẩm lấy kính nghệ dư trí khỏe môn nhập bếp nạp khu nhật ngắn biện sâu xem sa gồm
        khoá nhu lan giảm vốn ma nòng cuối xi suốt bắt lục sẻ đây đầy ơn tải giúp rộng quận trưởng tụng
        tránh huyết cũng áp khoa mở tòa uỷ khích sắc chỉnh hỏi thừa diễn bật đấu ngừa quỹ mừng niệm đền dịp
        do giản cái lồng chuyển tệ lể đa nếu tết xúc túy y vai gương xét ghi hiểu mức nghĩa tố dương phổ
        đông thất đảo phẩm bức đặt chí tuy
        """

    /// Each syllable (lower case, as written) with its rank, 0 the most frequent.
    static let rank: [String: Int] = {
        var ranks: [String: Int] = [:]
        for (index, word) in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).enumerated() where ranks[String(word)] == nil {
            ranks[String(word)] = index
        }
        return ranks
    }()
}
