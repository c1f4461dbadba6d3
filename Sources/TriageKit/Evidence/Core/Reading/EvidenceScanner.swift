import Foundation

/// Opens any path the user gives and returns a report for it, never crashing or hanging.
///
/// - Non-regular files (directory, FIFO, device such as `/dev/zero`, socket) are refused before
///   anything is read; unreadable and missing files are reported with the reason.
/// - Reads a sample (the first 64 KiB), asks every inspector of `InspectorRegistry.all` how sure
///   it is that the file is its kind, and lets the highest scorer read the whole file.
/// - A file nothing recognises gets `kind: nil` and a message naming what was tried, plus what the
///   sample shows (empty, binary data, invalid UTF-8, JSON that does not parse).
/// - This is where evidence enters the program, so secrets are masked here, once, for every
///   channel (scan text and JSON, both front ends, reports, saved sessions): values and facts
///   alike, with the lines only the whole file shows to be secret (`SensitiveLines`).
/// - Each file has a time budget (`ParserLimits.fileSeconds`); past it the read stops with a message.
public struct EvidenceScanner: Sendable {
    /// A report, and whether the file could be read at all (the `scan` command exits 3 when no
    /// file could).
    public struct Result: Sendable {
        public var report: EvidenceReport
        public var wasRead: Bool
    }

    public var inspectors: [any EvidenceInspector]
    public var sampleSize: Int
    /// Applied to every report before it leaves the scanner (`.disabled` only for `--no-mask`).
    public var masker: SecretMasker
    /// The most time one file may take, in seconds.
    public var timeBudget: Double

    public init(
        inspectors: [any EvidenceInspector] = InspectorRegistry.all, sampleSize: Int = 64 * 1024,
        masker: SecretMasker = .standard, timeBudget: Double = Double(ParserLimits.fileSeconds)
    ) {
        self.inspectors = inspectors
        self.sampleSize = sampleSize
        self.masker = masker
        self.timeBudget = timeBudget
    }

    public func scan(_ path: String) -> EvidenceReport {
        scanFile(path).report
    }

    /// Reads, classifies and masks one file.
    public func scanFile(_ path: String) -> Result {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeBudget * 1000))
        return ScanBudget.$budgetSeconds.withValue(timeBudget) {
            ScanBudget.$deadline.withValue(deadline) {
                var result = scanUnmasked(path)
                result.report = masked(result.report, path: path)
                return result
            }
        }
    }

    /// The report masked, with the lines the file's neighbours reveal (private key blocks,
    /// environment variables, API key values) found in one more pass over the lines it quotes.
    private func masked(_ report: EvidenceReport, path: String) -> EvidenceReport {
        guard masker.isEnabled else { return report }
        let quoted = (report.findings.flatMap(\.evidence) + report.undetermined.flatMap(\.evidence)).filter { $0.file == path }
        guard Self.needsSensitivePass(quoted, path: path) else { return masker.mask(report) }
        let sensitive = SensitiveLines.find(in: path, through: quoted.map(\.line).max() ?? 0)
        return masker.mask(report, sensitive: sensitive)
    }

    /// Whether the pass over the file is worth making. Documents (up to the document limit) always
    /// get it: their quoted lines may sit under `Environment.Variables` or in an API key item. A
    /// larger file (a log) gets it only when a quoted line could be the inside of a private key
    /// (nothing but base64), so a multi-gigabyte log is not read twice for nothing.
    static func needsSensitivePass(_ quoted: [EvidenceLine], path: String) -> Bool {
        guard !quoted.isEmpty else { return false }
        if let size = try? RegularFile(path: path).size, size <= ParserLimits.documentBytes { return true }
        return quoted.contains { line in
            let text = line.text.trimmedOfWhitespace()
            return !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
        }
    }

    private func scanUnmasked(_ path: String) -> Result {
        let head: [UInt8]
        let size: Int
        do {
            let file = try RegularFile(path: path)
            size = file.size
            head = try file.readHead(limit: sampleSize, path: path)
        } catch {
            return Result(report: unreadable(path, error), wasRead: false)
        }
        if head.isEmpty {
            return Result(
                report: EvidenceReport(path: path, kind: nil, description: Messages.empty, problems: ["\(path): \(Messages.empty)."]),
                wasRead: true)
        }
        if ParquetFile.isParquet(head: head, path: path, size: size) {
            return Result(report: ParquetFile.report(path), wasRead: true)
        }
        let isComplete = head.count < sampleSize || size <= head.count
        let traits = SampleTraits(head, isComplete: isComplete)
        let sample = EvidenceSample(path: path, head: String(decoding: head, as: UTF8.self), isComplete: isComplete, size: size)
        var notes: [String] = []
        if !traits.isBinary, traits.invalidUTF8 > 0 { notes.append(Messages.invalidUTF8(traits.invalidUTF8, sampleSize)) }

        guard !traits.isBinary, let inspector = bestInspector(for: sample) else {
            return Result(report: unrecognised(path, head: head, traits: traits, isComplete: isComplete, notes: notes), wasRead: true)
        }
        do {
            var report = try inspector.inspect(EvidenceFile(path: path, sample: sample))
            report.problems = notes + report.problems
            // A Logs Insights result is read by the inspector of the lines inside it; say it was wrapped.
            let source = LogMessageSource.of(sample.head)
            if source.isInsights, let name = source.exportName { report.description += " (\(name))" }
            return Result(report: report, wasRead: true)
        } catch {
            let message = (error as? EvidenceReadError)?.description ?? "\(path): \(error)"
            let name = EvidenceKind.all[inspector.kind] ?? inspector.kind
            return Result(
                report: EvidenceReport(
                    path: path, kind: inspector.kind, description: "\(name), could not be read to the end",
                    problems: notes + [message]),
                wasRead: false)
        }
    }

    /// The inspector with the highest score; on a tie, the first in the registry.
    private func bestInspector(for sample: EvidenceSample) -> (any EvidenceInspector)? {
        var best: (inspector: any EvidenceInspector, score: Int)?
        for inspector in inspectors {
            guard let score = inspector.detect(sample) else { continue }
            if score > best?.score ?? Int.min { best = (inspector, score) }
        }
        return best?.inspector
    }

    private func unreadable(_ path: String, _ error: EvidenceReadError) -> EvidenceReport {
        EvidenceReport(path: path, kind: nil, description: Messages.unreadable, problems: [error.description])
    }

    private func unrecognised(_ path: String, head: [UInt8], traits: SampleTraits, isComplete: Bool, notes: [String]) -> EvidenceReport {
        var problems = notes
        if traits.isBinary {
            problems.append("\(path): \(Messages.binary)")
        } else if traits.looksLikeJSON, let jsonProblem = Self.jsonProblem(head, isComplete: isComplete) {
            problems.append("\(path): \(jsonProblem)")
        }
        let source = LogMessageSource.of(String(decoding: head, as: UTF8.self))
        if !traits.isBinary, source.isInsights, let name = source.exportName {
            problems.append("\(path): a \(name), but its @message lines are none of the logs the wizard reads.")
        }
        let tried = inspectors.map { EvidenceKind.all[$0.kind] ?? $0.kind }
        problems.append("\(path): \(Messages.notRecognised(tried: tried))")
        return EvidenceReport(path: path, kind: nil, description: traits.isBinary ? Messages.binaryShort : Messages.unknown, problems: problems)
    }

    /// Why a JSON-looking sample does not parse, when the whole file is in the sample.
    private static func jsonProblem(_ head: [UInt8], isComplete: Bool) -> String? {
        guard isComplete else { return nil }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(head), options: [.fragmentsAllowed])
            return nil
        } catch {
            return Messages.badJSON
        }
    }

    private enum Messages {
        static let empty = "the file is empty"
        static let unreadable = "cannot be read"
        static let unknown = "not recognised"
        static let binaryShort = "binary data, not recognised"
        static let binary = "looks like binary data, not text (NUL or control bytes in the first 64 KiB)."
        static let badJSON =
            "looks like JSON but does not parse: it may be cut off (truncated download or copy) or not JSON after all."

        static func invalidUTF8(_ count: Int, _ sampleSize: Int) -> String {
            "Not valid UTF-8 text: \(CountText.counted(count, "invalid byte sequence")) in the first \(sampleSize / 1024) KiB, "
                + "shown as \u{FFFD}."
        }

        static func notRecognised(tried: [String]) -> String {
            "not recognised as evidence the wizard reads. Tried: \(tried.joined(separator: "; "))."
        }
    }
}
