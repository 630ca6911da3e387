// Configuration: the `.soatxet.yml` model. Packs by path, extra packs, rule levels, ignores, encodings, language; decoded strictly.
import ComplianceEngine
import Foundation
import RuleModel
import VietnameseText

/// A project's `.soatxet.yml`, as written. Every key is optional; unknown keys are errors at
/// file:line:col. Paths and globs are relative to the folder holding the file.
///
/// ```yaml
/// pack: tld-so-ket-dh-ix
/// packs:
///   - path: "bao-cao/huyen/**"
///     pack: ldld-huyen-so-ket-giua-nhiem-ky
/// extends: [rules/them-quy-tac.yaml]
/// rules:
///   van-phong-cau-dai: off
///   the-thuc-so-ky-hieu: error
/// ignore: ["nhap/**"]
/// encodings:
///   - path: "luu-tru/**"
///     encoding: tcvn3
/// lang: vi
/// ```
public struct ProjectConfig: Decodable, Sendable, Equatable {
    /// The pack for reports no `packs` entry matches.
    public var pack: String?
    /// Packs by path glob; the first entry whose glob matches a report wins.
    public var packs: [PackMapping]
    /// Packs (IDs or `.yaml` files) whose requirements and rules are added to every report's pack.
    public var extends: [String]
    /// Rules and requirements turned off or given another severity, by ID.
    public var rules: [String: RuleSetting]
    /// Reports matching any of these globs are not checked.
    public var ignore: [String]
    /// Encodings of text reports by path glob; the first match wins (detection otherwise).
    public var encodings: [EncodingMapping]
    /// Language of messages: vi or en.
    public var lang: String?

    /// The pack used when neither the command line nor a configuration names one.
    public static let defaultPack = "tld-so-ket-dh-ix"
    /// The file names looked for, in order, in each folder.
    public static let fileNames = [".soatxet.yml", ".soatxet.yaml"]

    enum CodingKeys: String, CodingKey { case pack, packs, extends, rules, ignore, encodings, lang }

    public init(pack: String? = nil, packs: [PackMapping] = [], extends: [String] = [], rules: [String: RuleSetting] = [:],
                ignore: [String] = [], encodings: [EncodingMapping] = [], lang: String? = nil) {
        self.pack = pack
        self.packs = packs
        self.extends = extends
        self.rules = rules
        self.ignore = ignore
        self.encodings = encodings
        self.lang = lang
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pack = try container.decodeIfPresent(String.self, forKey: .pack)
        packs = try container.decodeIfPresent([PackMapping].self, forKey: .packs) ?? []
        extends = try container.decodeIfPresent([String].self, forKey: .extends) ?? []
        rules = try container.decodeIfPresent([String: RuleSetting].self, forKey: .rules) ?? [:]
        ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? []
        encodings = try container.decodeIfPresent([EncodingMapping].self, forKey: .encodings) ?? []
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        if let lang, lang != "vi", lang != "en" {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .lang, in: container, debugDescription: "unknown language '\(lang)'; expected vi or en")
        }
    }

    /// Decodes `yaml` (the text of `file`) strictly; mistakes are ``RuleError``s at file:line:col.
    public static func decode(yaml: String, file: String) throws -> ProjectConfig {
        try StrictYAMLDecoder(file: file, yaml: yaml).decode(ProjectConfig.self)
    }
}

/// `{path: GLOB, pack: PACK}`: reports under GLOB are checked against PACK.
public struct PackMapping: Decodable, Sendable, Equatable {
    public var path: String
    public var pack: String

    public init(path: String, pack: String) {
        self.path = path
        self.pack = pack
    }
}

/// `{path: GLOB, encoding: NAME}`: text reports under GLOB are decoded as NAME.
public struct EncodingMapping: Decodable, Sendable, Equatable {
    public var path: String
    public var encoding: TextEncoding

    enum CodingKeys: String, CodingKey { case path, encoding }

    public init(path: String, encoding: TextEncoding) {
        self.path = path
        self.encoding = encoding
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        let name = try container.decode(String.self, forKey: .encoding)
        guard let encoding = TextEncoding(name: name) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .encoding, in: container,
                debugDescription: "unknown encoding '\(name)'; expected one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.encoding = encoding
    }
}

/// What `rules:` says of one rule or requirement: `off`, or the severity its findings get.
public enum RuleSetting: Decodable, Sendable, Equatable {
    case off
    case severity(FindingSeverity)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text.lowercased() {
        case "off", "false", "no": self = .off
        case "info": self = .severity(.info)
        case "warning": self = .severity(.warning)
        case "error": self = .severity(.error)
        default:
            throw Swift.DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown setting '\(text)'; expected off, info, warning or error")
        }
    }
}
