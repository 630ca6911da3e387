import XCTest

final class CLITests: XCTestCase {
    func testVersion() throws {
        XCTAssertTrue(true)
    }
}
