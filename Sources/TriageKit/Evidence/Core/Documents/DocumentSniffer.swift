import Foundation

/// Looks at the start of a file (the 64 KiB sample) to say what document it holds, cheaply.
///
/// JSON samples are parsed as far as they go, so a cut-off export still shows its top-level keys.
/// YAML samples are not parsed (a cut-off YAML document rarely parses); their top-level keys are
/// read off the lines that start at column 0.
enum DocumentSniffer {
    /// The JSON value a sample starts with, or nil when it is not JSON, or holds several values
    /// (JSON lines, such as an access log, are not one document).
    /// A command line pasted above the output is skipped (see `PastedOutput`).
    static func json(_ sample: EvidenceSample) -> DocumentNode? {
        SniffCache.shared.json(for: sample.head) {
            let head = output(sample)
            guard ConfigDocument.looksLikeJSON(head),
                let prefix = JSONDocumentParser.parsePrefix(head), !prefix.hasMore
            else { return nil }
            return prefix.root
        }
    }

    /// The sample's text with any pasted command line, prompts and timings blanked.
    static func output(_ sample: EvidenceSample) -> String {
        let pasted = pasted(sample)
        return pasted.changed ? pasted.lines.joined(separator: "\n") : sample.head
    }

    /// The sample read as pasted CLI output: its command line and error, when it shows them.
    static func pasted(_ sample: EvidenceSample) -> PastedOutput {
        SniffCache.shared.pasted(for: sample.head) {
            // `SampleBytes.lines` is this split done with memchr (every file's detection pays it).
            let lines = SampleBytes.lines(sample.head, omittingEmptySubsequences: false).map { line in
                line.last == "\r" ? line.dropLast() : line
            }
            return PastedOutput.strip(lines)
        }
    }

    /// The AWS CLI command pasted above the sample's output, if any.
    static func command(_ sample: EvidenceSample) -> AWSCommandLine? {
        pasted(sample).command
    }

    /// Whether the sample looks like YAML (not JSON) — the caller still checks the keys.
    static func isYAML(_ sample: EvidenceSample) -> Bool {
        !ConfigDocument.looksLikeJSON(sample.head) && !sample.head.contains("\u{0}")
    }

    /// The keys written at column 0 of a YAML sample (`Resources:`, `openapi: 3.0.1`).
    /// Read once per sample: three inspectors (template, export, Serverless) ask in turn.
    static func yamlTopLevelKeys(_ sample: EvidenceSample) -> Set<String> {
        SniffCache.shared.yamlKeys(for: sample.head) { readYAMLTopLevelKeys(sample.head) }
    }

    private static func readYAMLTopLevelKeys(_ head: String) -> Set<String> {
        var keys: Set<String> = []
        for line in head.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let first = line.first, first != " ", first != "\t", first != "#", first != "-" else { continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            var key = line[..<colon].trimmedOfWhitespace()
            if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
                key = String(key.dropFirst().dropLast())
            }
            if !key.isEmpty, !key.contains(" ") { keys.insert(key) }
        }
        return keys
    }
}

/// The last sample sniffed and what it held. Every document inspector asks the sniffer about the
/// same sample in turn during detection; without this, each of them stripped and parsed the same
/// 64 KiB again (a hostile 200 KB line of brackets took seconds). One entry is enough: detection
/// looks at one sample at a time.
private final class SniffCache: @unchecked Sendable {
    static let shared = SniffCache()

    private let lock = NSLock()
    private var head: String?
    private var pastedValue: PastedOutput?
    private var jsonValue: DocumentNode??
    private var yamlKeysValue: Set<String>?

    func pasted(for head: String, compute: () -> PastedOutput) -> PastedOutput {
        if let cached = lock.withLock({ self.head == head ? pastedValue : nil }) { return cached }
        let value = compute()
        lock.withLock {
            if self.head != head { reset(head) }
            pastedValue = value
        }
        return value
    }

    func json(for head: String, compute: () -> DocumentNode?) -> DocumentNode? {
        if let cached = lock.withLock({ self.head == head ? jsonValue : nil }) { return cached }
        let value = compute()
        lock.withLock {
            if self.head != head { reset(head) }
            jsonValue = .some(value)
        }
        return value
    }

    func yamlKeys(for head: String, compute: () -> Set<String>) -> Set<String> {
        if let cached = lock.withLock({ self.head == head ? yamlKeysValue : nil }) { return cached }
        let value = compute()
        lock.withLock {
            if self.head != head { reset(head) }
            yamlKeysValue = value
        }
        return value
    }

    private func reset(_ head: String) {
        self.head = head
        pastedValue = nil
        jsonValue = nil
        yamlKeysValue = nil
    }
}
