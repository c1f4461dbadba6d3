import Testing
@testable import TriageTUI

@Suite struct KeyDecoderTests {
    let codes = KeyCodes.curses
    let ok: Int32 = 0

    private func function(_ value: UInt32) -> Key? {
        KeyDecoder.decode(status: codes.functionKeyStatus, value: value)
    }

    @Test func controlCodesBecomeNamedKeys() {
        #expect(KeyDecoder.decode(status: ok, value: 13) == .enter)
        #expect(KeyDecoder.decode(status: ok, value: 10) == .enter)
        #expect(KeyDecoder.decode(status: ok, value: 9) == .tab)
        #expect(KeyDecoder.decode(status: ok, value: 127) == .backspace)
        #expect(KeyDecoder.decode(status: ok, value: 8) == .backspace)
        #expect(KeyDecoder.decode(status: ok, value: 27) == .escape)
    }

    @Test func controlLettersKeepTheirLetter() {
        #expect(KeyDecoder.decode(status: ok, value: 3) == .control("c"))
        #expect(KeyDecoder.decode(status: ok, value: 1) == .control("a"))
        #expect(KeyDecoder.decode(status: ok, value: 21) == .control("u"))
        #expect(KeyDecoder.decode(status: ok, value: 23) == .control("w"))
        #expect(KeyDecoder.decode(status: ok, value: 12) == .control("l"))
    }

    @Test func printableCharactersIncludingNonASCII() {
        #expect(KeyDecoder.decode(status: ok, value: 0x71) == .character("q"))
        #expect(KeyDecoder.decode(status: ok, value: 0xE9) == .character("é"))
        #expect(KeyDecoder.decode(status: ok, value: 0x6F22) == .character("漢"))
        #expect(KeyDecoder.decode(status: ok, value: 0) == nil)
    }

    @Test func cursesFunctionKeys() {
        #expect(function(codes.up) == .up)
        #expect(function(codes.down) == .down)
        #expect(function(codes.left) == .left)
        #expect(function(codes.right) == .right)
        #expect(function(codes.home) == .home)
        #expect(function(codes.find) == .home)
        #expect(function(codes.end) == .end)
        #expect(function(codes.select) == .end)
        #expect(function(codes.pageUp) == .pageUp)
        #expect(function(codes.pageDown) == .pageDown)
        #expect(function(codes.delete) == .delete)
        #expect(function(codes.backspace) == .backspace)
        #expect(function(codes.enter) == .enter)
        #expect(function(codes.backTab) == .backTab)
        #expect(function(codes.function0 + 1) == .function(1))
        #expect(function(codes.function0 + 13) == nil)
    }

    @Test func mouseButtonsAndWheel() {
        let masks = MouseMasks.curses
        #expect(KeyDecoder.decodeMouse(buttons: masks.click, row: 5, column: 7) == .mouse(MouseEvent(action: .click, row: 5, column: 7)))
        #expect(KeyDecoder.decodeMouse(buttons: masks.doubleClick, row: 1, column: 1) == .mouse(MouseEvent(action: .doubleClick, row: 1, column: 1)))
        #expect(KeyDecoder.decodeMouse(buttons: masks.wheelUp, row: 0, column: 0) == .mouse(MouseEvent(action: .wheelUp, row: 0, column: 0)))
        #expect(KeyDecoder.decodeMouse(buttons: masks.wheelDown, row: 0, column: 0) == .mouse(MouseEvent(action: .wheelDown, row: 0, column: 0)))
        #expect(KeyDecoder.decodeMouse(buttons: 0, row: 0, column: 0) == nil)
    }
}
