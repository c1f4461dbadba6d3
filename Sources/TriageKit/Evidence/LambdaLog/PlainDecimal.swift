/// A plain decimal as Lambda writes its figures (`281.59`, `3000`, `256`), read from bytes to the
/// very `Double` that `Double(String)` gives, without making a `String` or calling `strtod`.
///
/// Only the common shape is read: digits, optionally a dot and more digits, at most 15 digits in
/// all. Then the digits form an integer below 2^53 (exact as a `Double`) and the divisor is a power
/// of ten up to 10^15 (exact too), so the one division is correctly rounded: the same result as a
/// correctly rounding parser (Clinger's fast path). Anything else gives nil, and the caller reads
/// the text the general way.
enum PlainDecimal {
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The run of digits and dots at `cursor`, read in the same pass that finds its end: the
    /// cursor is left after the run. Nil (the cursor then anywhere in it) when the run is not in
    /// the shape above (`3.`, `1.2.3`, sixteen digits).
    @inline(__always)
    static func read(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Double? {
        let start = cursor
        var mantissa: UInt64 = 0
        var digits = 0
        var dot = -1
        while cursor < text.count {
            let byte = text[cursor]
            if byte.isASCIIDigit {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                guard dot < 0, cursor > start else { return nil }
                dot = cursor
            } else {
                break
            }
            cursor += 1
        }
        let fractionDigits = dot < 0 ? 0 : cursor - dot - 1
        guard digits > 0, digits <= 15, dot < 0 || fractionDigits > 0 else { return nil }
        return Double(mantissa) / powers[fractionDigits]
    }

    /// The whole of `text` read as one plain decimal; nil when anything else stands in it.
    static func value(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var cursor = 0
        guard let value = read(text, &cursor), cursor == text.count else { return nil }
        return value
    }
}
