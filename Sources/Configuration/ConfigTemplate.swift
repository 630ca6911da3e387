// Configuration: the template. The commented `.soatxet.yml` that `soatxet init` writes; every key explained.

/// The commented `.soatxet.yml` written by `soatxet init`. It decodes to a configuration that names
/// `pack` and changes nothing else; every other key is shown, commented out, with what it does.
public enum ConfigTemplate {
    /// The template text for a project whose reports answer `pack`.
    public static func text(pack: String = ProjectConfig.defaultPack) -> String {
        """
        # Cấu hình soatxet cho các báo cáo trong thư mục này và các thư mục con.
        # soatxet configuration for the reports in this folder and its subfolders.
        #
        # soatxet dùng tệp .soatxet.yml gần báo cáo nhất (tìm ngược lên từ thư mục của báo cáo);
        # --config TỆP dùng một tệp cho mọi báo cáo. Đường dẫn và mẫu (glob) tính từ thư mục này:
        # * trong một cấp thư mục, ** qua nhiều cấp, mẫu không có "/" khớp tên tệp ở mọi cấp.
        # The nearest .soatxet.yml wins; --config FILE replaces discovery. Paths and globs are relative
        # to this folder. Unknown keys are errors (file:line:col).

        # Bộ quy tắc mặc định (xem 'soatxet rules list'), hoặc một tệp .yaml.
        # Default rule pack (see 'soatxet rules list'), or a pack .yaml file.
        pack: \(pack)

        # Bộ quy tắc theo thư mục: mục đầu tiên khớp được dùng. --pack trên dòng lệnh thắng tất cả.
        # Packs by path: the first matching entry wins. --pack on the command line wins over all.
        # packs:
        #   - path: "bao-cao/huyen/**"
        #     pack: ldld-huyen-so-ket-giua-nhiem-ky

        # Bộ quy tắc bổ sung: yêu cầu và quy tắc của chúng được thêm vào bộ của mỗi báo cáo.
        # Extra packs whose requirements and rules are added to every report's pack.
        # extends: [quy-tac/rieng.yaml]

        # Tắt (off) hoặc đổi mức (info, warning, error) của quy tắc hay yêu cầu, theo mã.
        # Một yêu cầu bị tắt thì không được chấm (không tính điểm, không thành lỗi).
        # Turn rules or requirements off, or give them another severity, by ID. A requirement turned
        # off is not judged at all (no score, no finding).
        # rules:
        #   van-phong-cau-dai: off
        #   the-thuc-so-ky-hieu: error
        #   soatxet-suppression-unused: error

        # Báo cáo không soát xét. / Reports not checked.
        # ignore:
        #   - "nhap/**"
        #   - "*.ban-cu.md"

        # Bảng mã của báo cáo văn bản cũ (mặc định: tự nhận biết): utf-8, utf-16le, utf-16be,
        # windows-1258, tcvn3, vni-windows, viscii. --encoding trên dòng lệnh thắng.
        # Encodings of legacy text reports (default: detected); --encoding wins.
        # encodings:
        #   - path: "luu-tru/**"
        #     encoding: tcvn3

        # Ngôn ngữ thông báo: vi hoặc en (--lang thắng).
        # Language of messages: vi or en (--lang wins).
        # lang: vi

        # Tắt kiểm tra ngay trong báo cáo (.txt, .md), luôn kèm lý do sau " -- ":
        # Suppressions inside a report (.txt, .md), always with a reason after " -- ":
        #   <!-- soatxet-disable van-phong-cau-dai -- trích nguyên văn nghị quyết -->
        #   ...
        #   <!-- soatxet-enable -->
        #   <!-- soatxet-disable-next-line the-thuc-so-ky-hieu -- số do văn thư cấp sau -->
        # Trong .docx: một chú thích (comment) Word bắt đầu bằng "soatxet-disable MÃ -- lý do".
        # In .docx: a Word comment starting with "soatxet-disable ID -- reason".

        """
    }
}
