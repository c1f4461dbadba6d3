import Testing
@testable import TriageKit

@Suite("Prose wrapping")
struct TextWrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(TextWrap.wrap("one two three four", width: 9) == "one two\nthree\nfour")
    }

    @Test func joinsSourceLinesAndKeepsParagraphs() {
        let text = "first line\ncontinues here\n\nsecond paragraph\n\n\n"
        #expect(TextWrap.wrap(text, width: 80) == "first line continues here\n\nsecond paragraph")
    }

    @Test func listItemsStartNewLines() {
        let text = "Check:\n- the policy\n- the role\n1. then deploy\nand wait"
        #expect(TextWrap.wrap(text, width: 80) == "Check:\n- the policy\n- the role\n1. then deploy and wait")
    }

    @Test func aWordLongerThanTheWidthStandsAlone() {
        #expect(TextWrap.wrap("a arn:aws:lambda:eu-west-1:123456789012:function:x b", width: 10)
            == "a\narn:aws:lambda:eu-west-1:123456789012:function:x\nb")
    }
}
