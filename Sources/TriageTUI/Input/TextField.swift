/// A one-line text editor: the text, the cursor, and the editing keys of a shell prompt.
///
/// Works on `Character`s so the cursor never lands inside a grapheme. Keys: ←/→, Home/End,
/// Ctrl-A/Ctrl-E, Backspace, Delete, Ctrl-U (delete to the start), Ctrl-K (delete to the end),
/// Ctrl-W (delete the word before the cursor).
struct TextField: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Index in `characters` where the next character goes (0...count).
    private(set) var cursor: Int

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    /// The text before the cursor (what Tab completes).
    var textBeforeCursor: String { String(characters[..<cursor]) }

    mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Replaces the text before the cursor, keeping what follows it (after a completion).
    mutating func replaceBeforeCursor(with text: String) {
        let after = characters[cursor...]
        characters = Array(text) + after
        cursor = text.count
    }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func insert(_ text: String) {
        for character in text { insert(character) }
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            deleteWordBeforeCursor()
        case .character(let character):
            insert(character)
        default:
            return false
        }
        return true
    }

    /// Like a shell's Ctrl-W: spaces before the cursor, then the word before them; a `/` also ends
    /// a word, so Ctrl-W in a path removes one folder at a time.
    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        if start > 0, characters[start - 1] == "/" { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "/" { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
