/// Cuts the elements of a HAR document's `log.entries` (and its `log.creator`) out of the bytes as
/// they stream past, one at a time, so a HAR of tens of megabytes is read in bounded memory.
///
/// - A byte-level tokenizer tracks objects, arrays, keys and strings; only an element of
///   `log.entries` (or `log.creator`) is copied, and only while it is being read.
/// - String values inside an element are kept up to `maxStringBytes` and then closed with `…`
///   (response bodies and base64 images can be megabytes; API Gateway's own bodies are tiny), so
///   the copy stays valid JSON with the same line breaks as the file.
/// - An element larger than `maxElementBytes` even so is passed on flagged `isTooLarge`, empty.
struct HAREntryStream {
    struct Element {
        enum Place { case entry, creator }
        var place: Place
        var bytes: [UInt8]
        /// The file line (1-based) where the element starts.
        var firstLine: Int
        var isTooLarge: Bool
    }

    static let maxStringBytes = 4 * 1024
    static let maxElementBytes = 4 * 1024 * 1024
    static let maxDepth = 64

    private(set) var line = 1
    private(set) var sawDocument = false
    /// The document nested deeper than `maxDepth`, or held a byte no JSON allows between values.
    private(set) var isMalformed = false
    private(set) var sawEntries = false

    private enum Key { case log, entries, creator, other }
    private struct Container {
        var isObject: Bool
        var key: Key
    }

    private var stack: [Container] = []
    private var expectingKey = false
    private var pendingKey = Key.other
    private var inString = false
    private var stringIsKey = false
    private var escape = false
    private var hexLeft = 0
    private var keyBytes: [UInt8] = []

    /// Where the element being copied sits, nil when nothing is being copied.
    private var capture: Element.Place?
    private var captureBytes: [UInt8] = []
    private var captureLine = 0
    private var captureTooLarge = false
    private var captureDepth = 0
    private var stringLength = 0
    private var stringCut = false

    /// Whether every object and array opened has been closed.
    var isComplete: Bool { sawDocument && stack.isEmpty && !inString }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (Element) -> Void) {
        var index = 0
        while index < bytes.count {
            if isMalformed { return }
            let byte = bytes[index]
            index += 1
            if byte == 0x0A { line += 1 }
            if inString {
                string(byte)
                // Most of a large HAR is bodies of entries nobody copies: skip to the string's end.
                if inString, capture == nil, !stringIsKey, !escape, hexLeft == 0 {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
                        bytes[index] != 0x0A
                    {
                        index += 1
                    }
                }
                continue
            }
            structure(byte, emit: emit)
        }
    }

    // MARK: - Strings

    private mutating func string(_ byte: UInt8) {
        if escape {
            escape = false
            if byte == UInt8(ascii: "u") { hexLeft = 4 }
            keep(byte, canCut: false)
            return
        }
        if hexLeft > 0 {
            hexLeft -= 1
            keep(byte, canCut: false)
            return
        }
        if byte == UInt8(ascii: "\"") {
            inString = false
            if stringIsKey {
                pendingKey = Self.key(keyBytes)
                expectingKey = false
            }
            if stringCut { for ellipsis in "…".utf8 { append(ellipsis) } }
            stringCut = false
            append(byte)
            return
        }
        if stringIsKey, keyBytes.count < 16 { keyBytes.append(byte) }
        keep(byte, canCut: (byte & 0xC0) != 0x80)
        if byte == UInt8(ascii: "\\") { escape = true }
    }

    /// Copies a byte of a string unless the string is past its limit; the cut falls between
    /// characters, never inside an escape or a UTF-8 sequence.
    /// `canCut` is false for the bytes that finish an escape or a UTF-8 sequence already begun.
    private mutating func keep(_ byte: UInt8, canCut: Bool) {
        guard capture != nil, !stringCut else { return }
        if stringLength >= Self.maxStringBytes, canCut {
            stringCut = true
            return
        }
        stringLength += 1
        append(byte)
    }

    // MARK: - Structure

    private mutating func structure(_ byte: UInt8, emit: (Element) -> Void) {
        switch byte {
        case UInt8(ascii: "\""):
            startCapture(byte)
            inString = true
            stringIsKey = expectingKey && stack.last?.isObject == true
            keyBytes.removeAll(keepingCapacity: true)
            stringLength = 0
            stringCut = false
            append(byte)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            startCapture(byte)
            append(byte)
            guard stack.count < Self.maxDepth else {
                isMalformed = true
                return
            }
            let key = stack.last?.isObject == true ? pendingKey : .other
            stack.append(Container(isObject: byte == UInt8(ascii: "{"), key: key))
            sawDocument = true
            if key == .entries, stack.count == 3, stack[1].key == .log { sawEntries = true }
            expectingKey = byte == UInt8(ascii: "{")
            pendingKey = .other
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            append(byte)
            guard !stack.isEmpty else {
                isMalformed = true
                return
            }
            stack.removeLast()
            expectingKey = false
            if let place = capture, stack.count == captureDepth {
                emit(Element(place: place, bytes: captureTooLarge ? [] : captureBytes, firstLine: captureLine, isTooLarge: captureTooLarge))
                capture = nil
                captureBytes.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: ","):
            append(byte)
            expectingKey = stack.last?.isObject == true
        case UInt8(ascii: " "), 0x09, 0x0A, 0x0D:
            append(byte)
        default:
            startCapture(byte)
            append(byte)
        }
    }

    /// Starts copying when a value begins where an entry (or the creator) sits.
    private mutating func startCapture(_ byte: UInt8) {
        guard capture == nil, byte == UInt8(ascii: "{") else { return }
        let depth = stack.count
        if depth == 3, stack[0].isObject, stack[1].key == .log, stack[2].key == .entries, !stack[2].isObject {
            capture = .entry
        } else if depth == 2, stack[1].key == .log, stack[1].isObject, pendingKey == .creator {
            capture = .creator
        } else {
            return
        }
        captureLine = line
        captureTooLarge = false
        captureDepth = depth
    }

    private mutating func append(_ byte: UInt8) {
        guard capture != nil, !captureTooLarge else { return }
        captureBytes.append(byte)
        if captureBytes.count > Self.maxElementBytes {
            captureTooLarge = true
            captureBytes = []
        }
    }

    private static func key(_ bytes: [UInt8]) -> Key {
        switch bytes {
        case Array("log".utf8): .log
        case Array("entries".utf8): .entries
        case Array("creator".utf8): .creator
        default: .other
        }
    }
}
