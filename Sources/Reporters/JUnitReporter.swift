// Reporters: JUnit XML. One test suite per report: a test case per requirement, one per rule with errors.
import ComplianceEngine

/// JUnit XML, as CI servers (GitLab, Jenkins, Azure) show test results.
///
/// `<testsuites>` holds one `<testsuite>` per report, named by its path, with the pack, verdict and score
/// as properties. Each requirement is a `<testcase>` (classname: the pack; name: title and ID) that fails
/// when the requirement is partial or missing, the failure carrying the finding's message and the clause.
/// Each rule with error-level findings is one more failing test case whose failure lists them by
/// line and column. An input that could not be read is a suite with one `<error>` test case, counted
/// in `errors`.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0)
        for document in run.documents {
            var cases: [String] = []
            var failures = 0
            let classname = XML.escape(document.pack)
            for requirement in document.requirements {
                let name = XML.escape("\(requirement.title) [\(requirement.id)]")
                guard requirement.status != .met else {
                    cases.append("    <testcase classname=\"\(classname)\" name=\"\(name)\"/>")
                    continue
                }
                failures += 1
                let finding = document.findings.first { $0.rule == requirement.id }
                let message = finding?.message ?? (requirement.detail.isEmpty ? requirement.title : requirement.detail)
                var body = [context.pick("Trạng thái", "Status") + ": " + status(requirement.status, context)]
                if !requirement.detail.isEmpty { body.append(requirement.detail) }
                if !requirement.clause.isEmpty { body.append("«\(requirement.clause)»") }
                if let finding { body.append("\(document.path):\(finding.line):\(finding.column)") }
                cases.append("""
                        <testcase classname="\(classname)" name="\(name)">
                          <failure message="\(XML.escape(message))" type="\(requirement.status.rawValue)">\(XML.escape(body.joined(separator: "\n"), attribute: false))</failure>
                        </testcase>
                    """)
            }
            let requirementIDs = Set(document.requirements.map(\.id))
            var ruleOrder: [String] = []
            var byRule: [String: [Finding]] = [:]
            for finding in document.findings where finding.severity == .error && !requirementIDs.contains(finding.rule) {
                if byRule[finding.rule] == nil { ruleOrder.append(finding.rule) }
                byRule[finding.rule, default: []].append(finding)
            }
            for rule in ruleOrder {
                let findings = byRule[rule]!
                failures += 1
                let title = context.rule(rule)?.title ?? rule
                let lines = findings.map { "\(document.path):\($0.line):\($0.column): \($0.message)" }
                let summary = findings.count == 1 ? findings[0].message
                    : context.pick("\(findings.count) lỗi: ", "\(findings.count) errors: ") + findings[0].message
                cases.append("""
                        <testcase classname="\(classname)" name="\(XML.escape("\(title) [\(rule)]"))">
                          <failure message="\(XML.escape(summary))" type="error">\(XML.escape(lines.joined(separator: "\n"), attribute: false))</failure>
                        </testcase>
                    """)
            }
            let tests = document.requirements.count + ruleOrder.count
            totals.tests += tests
            totals.failures += failures
            suites.append("""
                  <testsuite name="\(XML.escape(document.path))" tests="\(tests)" failures="\(failures)" errors="0" skipped="0">
                    <properties>
                      <property name="pack" value="\(classname)"/>
                      <property name="verdict" value="\(document.verdict.rawValue)"/>
                      <property name="score" value="\(Score.text(document.score))"/>
                    </properties>
                \(cases.joined(separator: "\n"))
                  </testsuite>
                """)
        }
        for error in run.errors {
            totals.tests += 1
            totals.errors += 1
            let path = XML.escape(error.path)
            suites.append("""
                  <testsuite name="\(path)" tests="1" failures="0" errors="1" skipped="0">
                    <testcase classname="soatxet" name="\(XML.escape(context.pick("Đọc tệp", "Read the file")))">
                      <error message="\(XML.escape(error.message))" type="input">\(XML.escape(error.located, attribute: false))</error>
                    </testcase>
                  </testsuite>
                """)
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(XML.escape(context.tool.name))" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    private static func status(_ status: RequirementStatus, _ context: ReportContext) -> String {
        switch status {
        case .met: return context.pick("đạt", "met")
        case .partial: return context.pick("đạt một phần", "partial")
        case .missing: return context.pick("thiếu", "missing")
        }
    }
}
