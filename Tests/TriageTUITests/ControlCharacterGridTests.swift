import Testing

@testable import TriageKit
@testable import TriageTUI

/// The full-screen grid never holds a raw control character from a file: an ESC, a C1 control or
/// a bidi override becomes its visible escape, and a file name's newline cannot break a row.
@Suite struct ControlCharacterGridTests {
    static let hostileName = "logs/evil\u{1B}]0;title\u{07}\nFAKE\u{202E}.log"

    static func hasRawControl(_ grid: CellGrid) -> Bool {
        grid.cells.contains { cell in cell.character.unicodeScalars.contains(where: VisibleText.isUnsafe) }
    }

    @Test func putShowsEscapes() {
        var grid = CellGrid(width: 40, height: 1)
        grid.put("a\u{1B}[2Jb\u{202E}c\u{9B}", row: 0, column: 0)
        #expect(!Self.hasRawControl(grid))
        #expect(grid.text(ofRow: 0).hasPrefix("a\\x1b[2Jb\\u202ec\\x9b"))
    }

    @Test func escapesAreClippedLikeAnyText() {
        var grid = CellGrid(width: 4, height: 1)
        let end = grid.put("\u{1B}\u{1B}", row: 0, column: 0)
        #expect(grid.text(ofRow: 0) == "\\x1b")
        #expect(end >= 4)
    }

    @Test func evidenceFromAHostileFileIsShownEscaped() throws {
        var report = Harness.executionLog(at: Self.hostileName)
        report.description = "API Gateway execution log \u{1B}]52;c;aGk=\u{07}"
        report.findings[0].evidence[0].text = "Execution failed \u{1B}[31mred\u{202E} OSC \u{1B}]52;c;aGk=\u{07}"
        var harness = try Harness(size: TerminalSize(columns: 120, rows: 40), evidence: [report])
        let frame = harness.render()
        #expect(!Self.hasRawControl(frame.grid))
        harness.press(.character("e"))
        #expect(!Self.hasRawControl(harness.render().grid))
    }
}
