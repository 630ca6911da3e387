// soatxet-bench: a deterministic generator of realistic union review reports for benchmarks.
import SeededRandom

/// Builds report texts from varied paragraphs in the style of real mid-term review reports.
struct CorpusGenerator {
    private var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    private static let units = [
        "LĐLĐ tỉnh An Giang", "LĐLĐ tỉnh Bình Thuận", "Công đoàn ngành Giáo dục tỉnh Nghệ An",
        "LĐLĐ thành phố Cần Thơ", "Công đoàn Xây dựng Việt Nam", "LĐLĐ huyện Vĩnh Thuận",
        "Công đoàn Tổng công ty Sông Đà", "CĐCS Trường THCS Vĩnh Bình Bắc", "LĐLĐ tỉnh Thái Nguyên",
        "Công đoàn Y tế Việt Nam", "LĐLĐ tỉnh Quảng Ninh", "CĐCS Công ty TNHH May Phú Hòa",
    ]
    private static let areas = [
        "công tác tuyên truyền, giáo dục chính trị, tư tưởng cho CNVCLĐ",
        "nhiệm vụ đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên",
        "phong trào thi đua yêu nước, lao động giỏi, lao động sáng tạo",
        "công tác phát triển đoàn viên, thành lập công đoàn cơ sở",
        "công tác nữ công và bình đẳng giới", "công tác kiểm tra, giám sát của Ủy ban Kiểm tra",
        "công tác tài chính công đoàn", "việc tham gia xây dựng Đảng, xây dựng chính quyền",
        "công tác chăm lo đời sống, việc làm, tiền lương cho người lao động",
        "việc ký kết và thực hiện thỏa ước lao động tập thể",
    ]
    private static let openers = [
        "Trong nửa nhiệm kỳ qua,", "Từ đầu nhiệm kỳ đến nay,", "Năm 2020,", "Qua 5 năm thực hiện Chương trình,",
        "So với đầu nhiệm kỳ,", "Thực hiện Nghị quyết Đại hội,", "Bên cạnh những kết quả đạt được,",
        "Tuy nhiên,", "Nhìn chung,", "Đáng chú ý,",
    ]
    private static let verbs = [
        "đã phối hợp với chuyên môn tổ chức", "đã chỉ đạo các CĐCS triển khai", "tiếp tục đẩy mạnh",
        "đã kiểm tra, giám sát việc thực hiện", "đã tham mưu cho cấp ủy ban hành kế hoạch về",
        "chưa thực hiện tốt", "còn lúng túng trong", "đã đổi mới nội dung, phương thức",
    ]
    private static let results = [
        "kết quả đạt được cơ bản hoàn thành các chỉ tiêu Nghị quyết đề ra",
        "tỷ lệ đoàn viên tham gia đạt %d,%d%%, tăng %d%% so với đầu nhiệm kỳ",
        "kết nạp mới %d đoàn viên, thành lập %d CĐCS, đạt %d%% chỉ tiêu",
        "tổ chức %d lớp tập huấn cho %d lượt cán bộ công đoàn cơ sở",
        "thăm hỏi, tặng quà cho %d đoàn viên có hoàn cảnh khó khăn với tổng số tiền %d.%d00.000 đồng",
        "số thỏa ước lao động tập thể được ký kết là %d bản, chiếm %d%% số doanh nghiệp có tổ chức công đoàn",
        "một số CĐCS hoạt động còn hình thức, chưa thu hút được đoàn viên",
        "nguyên nhân chủ quan là do năng lực của một bộ phận cán bộ công đoàn còn hạn chế",
        "nguyên nhân khách quan là do ảnh hưởng của dịch Covid-19 và tình hình sản xuất kinh doanh khó khăn",
    ]
    private static let dates = ["ngày 14/9/2020", "ngày 25 tháng 11 năm 2020", "tháng 3/2019", "quý II/2021", "năm 2018"]

    private mutating func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &rng)] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    private mutating func sentence() -> String {
        var result = pick(Self.results)
        while let range = result.range(of: "%d") {
            result.replaceSubrange(range, with: String(number(1...980)))
        }
        return "\(pick(Self.openers)) \(pick(Self.units)) \(pick(Self.verbs)) \(pick(Self.areas)), \(result)."
    }

    private mutating func paragraph() -> String {
        var sentences: [String] = []
        for _ in 0..<number(2...6) { sentences.append(sentence()) }
        if number(0...4) == 0 { sentences.append("Ngày \(pick(Self.dates).dropFirst(5)), tổ chức hội nghị tại TP. Rạch Giá (v.v.).") }
        return sentences.joined(separator: " ")
    }

    /// One report of about `pages` pages (about 450 words a page).
    mutating func report(pages: Int) -> String {
        let unit = pick(Self.units)
        var text = "\(unit.uppercased())\nBAN THƯỜNG VỤ\nSố: \(number(1...200))/BC-LĐLĐ\n"
        text += "Kiên Giang, ngày \(number(1...28)) tháng 11 năm 2020\n\nBÁO CÁO\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn\n\n"
        let romans = ["I", "II", "III", "IV", "V"]
        var words = 0
        var section = 0
        while words < pages * 450 {
            if section < romans.count {
                text += "\(romans[section]). \(pick(Self.areas).uppercased())\n"
            }
            for item in 1...number(2...4) {
                text += "\(item). Về \(pick(Self.areas))\n"
                for _ in 0..<number(1...3) {
                    let body = paragraph()
                    words += body.split(separator: " ").count
                    text += body + "\n"
                }
            }
            section += 1
        }
        text += "\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Văn An\n\nNơi nhận:\n- LĐLĐ tỉnh;\n- Lưu: VT.\n"
        return text
    }

    /// A report length in pages, 5 to 40, as the corpus has.
    mutating func pages() -> Int { number(5...40) }

    /// Reports concatenated until `bytes` UTF-8 bytes are reached.
    mutating func corpus(bytes: Int) -> String {
        var text = ""
        text.reserveCapacity(bytes + 100_000)
        while text.utf8.count < bytes { text += report(pages: pages()) + "\n" }
        return text
    }

    /// The batch corpus: `count` reports of 5–40 pages from a fixed seed, each with its file name.
    static func batch(count: Int, _ body: (_ name: String, _ text: String) throws -> Void) rethrows {
        var generator = CorpusGenerator(seed: 9)
        for index in 0..<count {
            try body(String(format: "bao-cao-%04d", index), generator.report(pages: generator.pages()))
        }
    }
}
