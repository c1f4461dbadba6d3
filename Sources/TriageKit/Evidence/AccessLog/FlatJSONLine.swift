/// One JSON object on one line (an access-log entry), read as key paths and raw values without
/// building a `String` per field.
///
/// - Keys are normalised so that any spelling of a `$context` variable meets one name: lower case,
///   and `-` or `_` become `.`; nested objects join their keys with `.` (`{"integration":
///   {"status":…}}`, `"integration-status"` and `"integration.status"` are all `integration.status`,
///   while `"integrationStatus"` stays `integrationstatus`, a different variable).
/// - Values stay ranges of the line until asked for; `-` (API Gateway's "empty") reads as nil.
/// - Reusable: `parse` keeps its buffers' capacity from line to line.
struct FlatJSONLine {
    struct Field {
        /// The normalised key path, a range of `keys`.
        var key: Range<Int>
        /// The key as written (its last component), a range of the line.
        var name: Range<Int>
        /// The value's bytes in the line, without quotes for a string.
        var value: Range<Int>
        var isString: Bool
    }

    private(set) var keys: [UInt8] = []
    private(set) var fields: [Field] = []
    private var path: [Int] = []  // lengths of `prefix` at each nesting level
    private var prefix: [UInt8] = []

    /// Reads `line`; false when it is not a single JSON object.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        path.removeAll(keepingCapacity: true)
        prefix.removeAll(keepingCapacity: true)
        var reader = Reader(line: line)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return false }
        var depth = 1
        while depth > 0 {
            reader.skipSpace()
            if reader.take(UInt8(ascii: "}")) {
                depth -= 1
                if let length = path.popLast() { prefix.removeSubrange(length...) }
                reader.skipSpace()
                _ = reader.take(UInt8(ascii: ","))
                continue
            }
            guard let key = reader.string() else { return false }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return false }
            reader.skipSpace()
            let keyStart = keys.count
            keys += prefix
            appendNormalised(UnsafeBufferPointer(rebasing: line[key]))
            if reader.take(UInt8(ascii: "{")) {
                path.append(prefix.count)
                prefix = Array(keys[keyStart...]) + [UInt8(ascii: ".")]
                keys.removeSubrange(keyStart...)
                depth += 1
                continue
            }
            if let value = reader.string() {
                fields.append(Field(key: keyStart..<keys.count, name: key, value: value, isString: true))
            } else if let value = reader.scalarOrArray() {
                fields.append(Field(key: keyStart..<keys.count, name: key, value: value, isString: false))
            } else {
                return false
            }
            reader.skipSpace()
            if !reader.take(UInt8(ascii: ",")), reader.peek != UInt8(ascii: "}") { return false }
        }
        reader.skipSpace()
        return reader.isAtEnd
    }

    /// The first field whose normalised key is one of `names`.
    func field(_ names: [StaticString]) -> Field? {
        keys.withUnsafeBufferPointer { keyBytes in
            for name in names {
                if let found = fields.first(where: { field in
                    field.key.count == name.utf8CodeUnitCount
                        && UnsafeBufferPointer(rebasing: keyBytes[field.key]).hasPrefix(name)
                }) {
                    return found
                }
            }
            return nil
        }
    }

    /// Whether the field's normalised key is one of `names`.
    func field(_ field: Field, isOneOf names: [StaticString]) -> Bool {
        keys.withUnsafeBufferPointer { keyBytes in
            let key = UnsafeBufferPointer(rebasing: keyBytes[field.key])
            return names.contains { key.count == $0.utf8CodeUnitCount && key.hasPrefix($0) }
        }
    }

    /// The text of a field's value: escapes decoded; nil for `null`, `""` and API Gateway's `-`.
    static func text(of field: Field, in line: UnsafeBufferPointer<UInt8>) -> String? {
        let raw = UnsafeBufferPointer(rebasing: line[field.value])
        let text = field.isString ? JSONStringText.decode(raw) : raw.text(0..<raw.count)
        if text.isEmpty || text == "-" || (!field.isString && text == "null") { return nil }
        return text
    }

    private mutating func appendNormalised(_ key: UnsafeBufferPointer<UInt8>) {
        for byte in key {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"): keys.append(UInt8(ascii: "."))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): keys.append(byte | 0x20)
            default: keys.append(byte)
            }
        }
    }

    /// A cursor over the line's bytes.
    private struct Reader {
        let line: UnsafeBufferPointer<UInt8>
        var position = 0

        var isAtEnd: Bool { position >= line.count }
        var peek: UInt8? { position < line.count ? line[position] : nil }

        mutating func skipSpace() {
            while position < line.count, line[position] == 0x20 || line[position] == 0x09 || line[position] == 0x0D {
                position += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            position += 1
            return true
        }

        /// A string's contents (between the quotes, escapes left as they are).
        mutating func string() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")), let base = line.baseAddress else { return nil }
            let start = position
            while position < line.count {
                // Ordinary bytes are skipped eight at a time up to the next quote or backslash.
                position = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\""), in: base, from: position, to: line.count)
                guard position < line.count else { return nil }
                if line[position] == UInt8(ascii: "\\") {
                    position += 2
                } else {
                    position += 1
                    return start..<position - 1
                }
            }
            return nil
        }

        /// A number, `true`, `false`, `null`, or a whole array (kept raw).
        mutating func scalarOrArray() -> Range<Int>? {
            let start = position
            if take(UInt8(ascii: "[")) {
                var depth = 1
                while position < line.count, depth > 0 {
                    switch line[position] {
                    case UInt8(ascii: "\""): _ = string()
                        continue
                    case UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    position += 1
                }
                return depth == 0 ? start..<position : nil
            }
            while position < line.count {
                let byte = line[position]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == 0x20 || byte == 0x09 { break }
                position += 1
            }
            return position > start ? start..<position : nil
        }
    }
}

/// Decodes the inside of a JSON string (`\"`, `\\`, `\/`, `\n`, `\t`, `\r`, `\uXXXX`).
enum JSONStringText {
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        guard raw.firstOffset(of: UInt8(ascii: "\\"), in: 0..<raw.count) != nil else { return raw.text(0..<raw.count) }
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            bytes.removeAll()
        }
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escaped = raw[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"), UInt8(ascii: "f"): break
            case UInt8(ascii: "u") where index + 4 <= raw.count:
                let hex = raw.text(index..<index + 4)
                index += 4
                flush()
                scalars.append(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
            default: bytes.append(escaped)
            }
        }
        flush()
        return String(scalars)
    }
}
