import Testing
@testable import TriageTUI

@Suite struct TextFieldTests {
    private func field(_ text: String, cursor: Int? = nil) -> TextField {
        var field = TextField(text)
        if let cursor {
            for _ in 0..<(text.count - cursor) { _ = field.edit(.left) }
        }
        return field
    }

    @Test func typingInsertsAtTheCursor() {
        var field = field("ac", cursor: 1)
        _ = field.edit(.character("b"))
        #expect(field.text == "abc")
        #expect(field.cursor == 2)
    }

    @Test func arrowsStopAtTheEnds() {
        var field = field("ab")
        _ = field.edit(.right)
        #expect(field.cursor == 2)
        _ = field.edit(.left); _ = field.edit(.left); _ = field.edit(.left)
        #expect(field.cursor == 0)
    }

    @Test func controlAAndEJumpToStartAndEnd() {
        var field = field("hello", cursor: 2)
        _ = field.edit(.control("a"))
        #expect(field.cursor == 0)
        _ = field.edit(.control("e"))
        #expect(field.cursor == 5)
        _ = field.edit(.home)
        #expect(field.cursor == 0)
        _ = field.edit(.end)
        #expect(field.cursor == 5)
    }

    @Test func backspaceAndDeleteRemoveAroundTheCursor() {
        var field = field("abcd", cursor: 2)
        _ = field.edit(.backspace)
        #expect(field.text == "acd")
        _ = field.edit(.delete)
        #expect(field.text == "ad")
        #expect(field.cursor == 1)
        var start = self.field("x", cursor: 0)
        _ = start.edit(.backspace)
        #expect(start.text == "x")
    }

    @Test func controlUDeletesToTheStartKeepingTheRest() {
        var field = field("region eu-west-1", cursor: 7)
        _ = field.edit(.control("u"))
        #expect(field.text == "eu-west-1")
        #expect(field.cursor == 0)
    }

    @Test func controlKDeletesToTheEnd() {
        var field = field("abc def", cursor: 3)
        _ = field.edit(.control("k"))
        #expect(field.text == "abc")
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var field = field("aws lambda  ")
        _ = field.edit(.control("w"))
        #expect(field.text == "aws ")
        _ = field.edit(.control("w"))
        #expect(field.text == "")
    }

    @Test func controlWInAPathRemovesOneFolder() {
        var field = field("/work/logs/exec.log")
        _ = field.edit(.control("w"))
        #expect(field.text == "/work/logs/")
        _ = field.edit(.control("w"))
        #expect(field.text == "/work/")
    }

    @Test func nonEditingKeysAreRefused() {
        var field = field("a")
        #expect(field.edit(.up) == false)
        #expect(field.edit(.enter) == false)
        #expect(field.text == "a")
    }

    @Test func replacingBeforeTheCursorKeepsWhatFollows() {
        var field = field("lo/tail", cursor: 2)
        field.replaceBeforeCursor(with: "logs")
        #expect(field.text == "logs/tail")
        #expect(field.cursor == 4)
    }
}
