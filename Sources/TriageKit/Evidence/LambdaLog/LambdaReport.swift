/// The figures of one invocation's `REPORT` line (text format) or `platform.report` record (JSON
/// format): how long it ran, its memory, and how it ended when Lambda says.
struct LambdaReport: Equatable {
    var durationMs: Double?
    var memorySizeMB: Int?
    var maxMemoryUsedMB: Int?
    var initDurationMs: Double?
    /// `timeout`, `error`, `success`, or nil when the line does not say (older logs never do).
    var status: String?
    /// `Runtime.OutOfMemory`, `Runtime.ExitError`, … when the line names one.
    var errorType: String?

    init(durationMs: Double? = nil, memorySizeMB: Int? = nil, maxMemoryUsedMB: Int? = nil, status: String? = nil, errorType: String? = nil) {
        self.durationMs = durationMs
        self.memorySizeMB = memorySizeMB
        self.maxMemoryUsedMB = maxMemoryUsedMB
        self.status = status
        self.errorType = errorType
    }

    /// Reads a `REPORT RequestId: …` line (fields separated by tabs, or by spaces once copied).
    init(_ text: UnsafeBufferPointer<UInt8>) {
        durationMs = Self.field(text, "\tDuration: ").flatMap(Self.number) ?? Self.field(text, " Duration: ").flatMap(Self.number)
        memorySizeMB = Self.megabytes(Self.field(text, "Memory Size: ").flatMap(Self.number))
        maxMemoryUsedMB = Self.megabytes(Self.field(text, "Max Memory Used: ").flatMap(Self.number))
        initDurationMs = Self.field(text, "Init Duration: ").flatMap(Self.number)
        status = Self.field(text, "Status: ")
        errorType = Self.field(text, "Error Type: ")
    }

    /// The function used all its memory: a sign of running out of it when the invocation failed.
    var usedAllMemory: Bool {
        guard let size = memorySizeMB, let used = maxMemoryUsedMB, size > 0 else { return false }
        return used >= size
    }

    /// The token after `label`, up to the next blank (`Duration: 3003.12 ms` → `3003.12`).
    static func field(_ text: UnsafeBufferPointer<UInt8>, _ label: StaticString) -> String? {
        guard let start = text.firstOffset(of: label) else { return nil }
        let from = start + label.utf8CodeUnitCount
        var end = from
        while end < text.count, !text[end].isASCIISpaceOrTab, end - from < 64 { end += 1 }
        return end > from ? text.text(from..<end) : nil
    }

    /// A duration or size as a number, when it is one a log could hold (a cut or hostile line may
    /// carry 64 KiB of digits).
    static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0, value < 1e12 else { return nil }
        return value
    }

    /// A whole number of MB, bounded like `number`.
    static func megabytes(_ value: Double?) -> Int? {
        value.flatMap { $0.isFinite && $0 >= 0 && $0 < 1e9 ? Int($0) : nil }
    }
}
