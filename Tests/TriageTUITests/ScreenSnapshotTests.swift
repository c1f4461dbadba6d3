import Testing
import TriageKit
@testable import TriageTUI

/// Every kind of screen drawn into a grid and compared with its stored picture
/// (`__Snapshots__/`; `RECORD_SNAPSHOTS=1` rewrites them).
@Suite struct ScreenSnapshotTests {
    static let small = TerminalSize(columns: 80, rows: 24)
    static let large = TerminalSize(columns: 120, rows: 40)
    static let minimum = TerminalSize(columns: 60, rows: 16)

    private func snapshot(_ harness: inout Harness, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Snapshot.assert(harness.render(), named: name, sourceLocation: sourceLocation)
    }

    @Test(arguments: [small, large])
    func choiceQuestion(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.down)
        snapshot(&harness, "choice-\(size)")
    }

    @Test(arguments: [small, large])
    func yesNoQuestionWithThePathSoFar(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("2"), .enter)
        snapshot(&harness, "yesno-\(size)")
    }

    @Test(arguments: [small, minimum])
    func longChoiceListScrolls(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("2"), .enter, .character("n"))
        for _ in 0..<8 { harness.press(.down) }
        snapshot(&harness, "choice-scrolled-\(size)")
    }

    @Test(arguments: [small, large])
    func inputWithARefusedAnswer(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("not a name!")
        harness.press(.enter, .left, .left)
        snapshot(&harness, "input-refused-\(size)")
    }

    @Test func inputPrefilledAfterBack() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("orders-fn")
        harness.press(.enter, .escape)
        snapshot(&harness, "input-prefilled-80x24")
    }

    @Test func fileQuestionWithCompletions() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"))
        harness.type("logs/")
        harness.press(.tab)
        snapshot(&harness, "file-completions-80x24")
    }

    @Test(arguments: [small, large])
    func fileQuestionShowingWhatWasDetected(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("2"), .enter, .character("y"))
        harness.type("logs/access.json")
        harness.press(.enter)
        snapshot(&harness, "file-detected-\(size)")
    }

    @Test(arguments: [small, large])
    func factQuestionAfterEvidenceAnsweredTheFileQuestion(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("2"), .enter, .character("y"))
        harness.type("logs/execution-502.log")
        harness.press(.enter)
        snapshot(&harness, "fact-after-evidence-\(size)")
    }

    @Test func questionsSkippedByAGivenFact() throws {
        var harness = try Harness(givenFacts: ["api_type": "rest"])
        harness.press(.character("2"))
        snapshot(&harness, "skipped-by-fact-80x24")
    }

    @Test(arguments: [small, large])
    func fixScreen(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.walkToFix()
        snapshot(&harness, "fix-\(size)")
    }

    @Test func fixScrolledWithACommandCopied() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.pageDown, .character("3"))
        snapshot(&harness, "fix-scrolled-copied-80x24")
    }

    @Test func fixAtTheMinimumSize() throws {
        var harness = try Harness(size: Self.minimum)
        harness.walkToFix()
        snapshot(&harness, "fix-60x16")
    }

    @Test func endOutcome() throws {
        var harness = try Harness()
        harness.press(.character("3"))
        snapshot(&harness, "end-80x24")
    }

    @Test(arguments: [small, large])
    func helpOverlay(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        harness.press(.character("?"))
        snapshot(&harness, "help-\(size)")
    }

    @Test func mapOverlay() throws {
        var harness = try Harness()
        harness.press(.character("2"), .character("m"))
        snapshot(&harness, "map-80x24")
    }

    /// The dialog names the saved session, so the resume command can be copied from it.
    @Test func quitConfirmation() throws {
        var harness = try Harness(sessionID: "20261203-141502-4f2a")
        harness.press(.character("2"), .character("q"))
        snapshot(&harness, "quit-confirm-80x24")
    }

    @Test func savePrompt() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.character("s"))
        snapshot(&harness, "save-prompt-80x24")
    }

    @Test func addFilePromptWithCompletions() throws {
        var harness = try Harness()
        harness.press(.character("a"))
        harness.type("logs/ex")
        harness.press(.tab)
        snapshot(&harness, "add-file-prompt-80x24")
    }

    @Test(arguments: [TerminalSize(columns: 59, rows: 24), TerminalSize(columns: 80, rows: 15), TerminalSize(columns: 40, rows: 10)])
    func tooSmall(size: TerminalSize) throws {
        var harness = try Harness(size: size)
        snapshot(&harness, "too-small-\(size)")
    }

    @Test func asciiQuestion() throws {
        var harness = try Harness(theme: .ascii)
        harness.press(.character("2"), .enter, .character("n"), .down)
        let picture = TextPicture.text(of: harness.render().grid)
        #expect(picture.unicodeScalars.allSatisfy { $0.isASCII }, "--ascii draws only ASCII")
        snapshot(&harness, "ascii-choice-80x24")
    }

    @Test func asciiFix() throws {
        var harness = try Harness(theme: .ascii)
        harness.walkToFix()
        harness.press(.character("?"), .escape, .character("2"))
        let picture = TextPicture.text(of: harness.render().grid)
        #expect(picture.unicodeScalars.allSatisfy { $0.isASCII }, "--ascii draws only ASCII")
        snapshot(&harness, "ascii-fix-80x24")
    }

    @Test func asciiHelp() throws {
        var harness = try Harness(theme: .ascii)
        harness.press(.character("?"))
        #expect(TextPicture.text(of: harness.render().grid).unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Meaning never rests on colour: the selection has a pointer and reverse video in the grid,
    /// which is identical whether colour is on or off.
    @Test func selectionIsVisibleWithoutColour() throws {
        var colour = try Harness(theme: Theme(glyphs: .unicode, usesColor: true))
        var mono = try Harness(theme: Theme(glyphs: .unicode, usesColor: false))
        colour.press(.down)
        mono.press(.down)
        let grid = mono.render().grid
        #expect(TextPicture.text(of: grid) == TextPicture.text(of: colour.render().grid))
        let row = try #require((0..<grid.height).first { grid.text(ofRow: $0).contains("▶ 2. 502 Bad Gateway") })
        let label = grid.text(ofRow: row).range(of: "502 Bad")!.lowerBound.utf16Offset(in: grid.text(ofRow: row))
        #expect(grid[row, label].style.reverse)
    }
}
