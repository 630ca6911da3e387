// VietnameseTextTests: comparison phrases. Results set against baselines and targets in report text.
import XCTest
@testable import VietnameseText

final class ComparisonTests: XCTestCase {
    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    /// The comparisons of `text` as "kind:phrase[figure text][->reference]".
    private func phrases(_ text: String) -> [String] {
        ComparisonScanner.scan(text).map { comparison in
            var line = "\(comparison.kind.rawValue):\(slice(text, comparison.range))"
            if let figure = comparison.figure { line += "[\(slice(text, figure.range))]" }
            if let reference = comparison.reference { line += "->\(slice(text, reference))" }
            return line
        }
    }

    func testIncreaseAgainstTheSamePeriod() {
        XCTAssertEqual(phrases("Số đoàn viên tăng 12,5% so với cùng kỳ năm 2019."), [
            "increase:tăng 12,5%[12,5%]", "samePeriod:so với cùng kỳ->cùng kỳ năm 2019",
        ])
        XCTAssertEqual(phrases("Thu kinh phí công đoàn tăng 150 triệu đồng so cùng kỳ."), [
            "increase:tăng 150 triệu đồng[150 triệu đồng]", "samePeriod:so cùng kỳ->cùng kỳ",
        ])
        XCTAssertEqual(phrases("phát triển mới tăng hơn 320 đoàn viên so với đầu nhiệm kỳ, vượt chỉ tiêu đề ra"), [
            "increase:tăng hơn 320 đoàn viên[320 đoàn viên]", "comparedWith:so với->đầu nhiệm kỳ",
            "exceeded:vượt chỉ tiêu->chỉ tiêu đề ra",
        ])
    }

    func testDecrease() {
        XCTAssertEqual(phrases("Số vụ tranh chấp lao động giảm 3 vụ; tỷ lệ nghỉ việc giảm xuống 2,1%."), [
            "decrease:giảm 3 vụ[3 vụ]", "decrease:giảm xuống 2,1%[2,1%]",
        ])
    }

    func testTargets() {
        XCTAssertEqual(phrases("Thu đoàn phí đạt 98,7% kế hoạch năm."), ["achieved:đạt 98,7% kế hoạch[98,7%]->kế hoạch năm"])
        XCTAssertEqual(phrases("đạt 105% chỉ tiêu Nghị quyết Đại hội đề ra"),
                       ["achieved:đạt 105% chỉ tiêu[105% chỉ tiêu]->chỉ tiêu Nghị quyết Đại hội đề ra"])
        XCTAssertEqual(phrases("phát triển đoàn viên vượt 15% chỉ tiêu"), ["exceeded:vượt 15% chỉ tiêu[15% chỉ tiêu]->chỉ tiêu"])
        XCTAssertEqual(phrases("đạt tỷ lệ 120% so với kế hoạch"),
                       ["achieved:đạt tỷ lệ 120% so với kế hoạch[120%]->kế hoạch"])
    }

    func testProportionMultipleAndCompletion() {
        XCTAssertEqual(phrases("Số CĐCS vững mạnh bằng 95% so với năm 2018"),
                       ["proportion:bằng 95% so với[95%]->năm 2018"])
        XCTAssertEqual(phrases("số sáng kiến gấp 2,5 lần nhiệm kỳ trước"), ["multiple:gấp 2,5 lần[2,5 lần]"])
        XCTAssertEqual(phrases("Đến nay đã hoàn thành 12/15 chỉ tiêu Nghị quyết"),
                       ["completed:hoàn thành 12/15 chỉ tiêu[12/15 chỉ tiêu]->chỉ tiêu Nghị quyết"])
        XCTAssertEqual(phrases("hoàn thành vượt mức 3/12 chỉ tiêu"),
                       ["completed:hoàn thành vượt mức 3/12 chỉ tiêu[3/12 chỉ tiêu]->chỉ tiêu"])
        XCTAssertEqual(phrases("hoàn thành 100% nhiệm vụ được giao"),
                       ["completed:hoàn thành 100% nhiệm vụ[100% nhiệm vụ]->nhiệm vụ được giao"])
    }

    func testFiguresCarryTheirValues() {
        let comparison = ComparisonScanner.scan("tăng 2,3 tỷ đồng so với nhiệm kỳ trước").first
        XCTAssertEqual(comparison?.kind, .increase)
        XCTAssertEqual(comparison?.figure?.kind, .money)
        XCTAssertEqual(comparison?.figure?.value, 2_300_000_000)
    }

    func testWordsThatOnlyLookLikeComparisons() {
        XCTAssertEqual(phrases("tăng cường công tác tuyên truyền, giảm nghèo bền vững"), [])
        XCTAssertEqual(phrases("Nghị quyết tăng 20-NQ/TW"), [])
        XCTAssertEqual(phrases("đạt danh hiệu CĐCS vững mạnh xuất sắc"), [])
        XCTAssertEqual(phrases("Đoàn viên đạt 100% tham gia"), [])
        XCTAssertEqual(phrases("giảm ngày 14/9/2020"), [])
    }
}
