/// How many terminal columns a character takes: 2 for East Asian wide characters and most emoji,
/// 0 for characters made only of combining marks, 1 otherwise.
///
/// Written out here instead of calling `wcwidth`, whose answer depends on the process locale
/// (tests run without one) and so would make screen pictures differ between machines.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let next = of(character)
            if used + next > width { break }
            used += next
            result.append(character)
        }
        return result
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when something was cut.
    static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = max(0, width - of(ellipsis))
        return prefix(text, fitting: room) + ellipsis
    }

    /// `text` cut from the front so its end fits `width` columns, starting with `ellipsis` when cut.
    static func truncateFront(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = max(0, width - of(ellipsis))
        var used = 0
        var kept: [Character] = []
        for character in text.reversed() {
            let next = of(character)
            if used + next > room { break }
            used += next
            kept.append(character)
        }
        return ellipsis + String(kept.reversed())
    }
}
