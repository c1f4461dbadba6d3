import Foundation

@testable import TriageKit

/// The fixtures the detection matrix runs, and how each file scores with every inspector.
///
/// - `Tests/Fixtures/<kind>/` for every key of `EvidenceKind.all`: each file (any depth) must be
///   read as that kind. Folders whose name is not a kind (golden, content-*, reports, secrets, ...)
///   are skipped, unless they hold expectations (below).
/// - Expectations override the folder's kind per file, for wrapper formats that report the kind
///   they contain (a Logs Insights export of execution-log lines is an `execution-log`):
///   an `EXPECTED-KINDS` file (`<path relative to the folder> <kind>` per line, `#` comments), or
///   lines of the folder's `README.md` written as `` - `file` → kind `` (or `:` instead of `→`).
///   The kind `none` means nothing may claim the file.
/// - `Tests/Fixtures/near-miss/<kind>--<what>.<ext>`: must not be read as `<kind>`.
/// - `Tests/Fixtures/bad-input/`: nothing may claim the file.
enum DetectionMatrix {
    /// What a fixture must be read as.
    enum Expectation: Equatable, CustomStringConvertible {
        case kind(String)
        case notKind(String)
        case unclaimed

        var description: String {
            switch self {
            case .kind(let kind): "read as \(kind)"
            case .notKind(let kind): "not read as \(kind)"
            case .unclaimed: "claimed by nothing"
            }
        }
    }

    struct Case: CustomStringConvertible {
        var url: URL
        var expectation: Expectation
        /// Where the expectation comes from, for the failure message.
        var source: String

        var description: String { "\(relativePath) (\(expectation), from \(source))" }
        var relativePath: String { String(url.path.dropFirst(EvidenceTestSupport.fixtures.path.count + 1)) }
    }

    /// One file's scores: every inspector's `detect`, the scanner's winner, and the kind it reported.
    struct Row {
        var file: String
        var scores: [String: Int]
        var winner: String?
        var reported: String?
    }

    static let expectationFile = "EXPECTED-KINDS"
    static let nearMissFolder = "near-miss"
    static let badInputFolder = "bad-input"
    static let none = "none"

    /// Every case, in a stable order.
    static func cases() -> [Case] {
        let fixtures = EvidenceTestSupport.fixtures
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
        var cases: [Case] = []
        for folder in folders {
            let url = fixtures.appendingPathComponent(folder)
            guard isDirectory(url) else { continue }
            let files = self.files(in: url)
            switch folder {
            case nearMissFolder:
                for file in files {
                    let name = file.lastPathComponent
                    guard let range = name.range(of: "--") else { continue }
                    cases.append(Case(url: file, expectation: .notKind(String(name[..<range.lowerBound])), source: "near-miss name"))
                }
            case badInputFolder:
                cases += files.map { Case(url: $0, expectation: .unclaimed, source: "bad-input folder") }
            default:
                let listed = expectations(in: url)
                let isKind = EvidenceKind.all[folder] != nil
                for file in files {
                    let relative = String(file.path.dropFirst(url.path.count + 1))
                    if let kind = listed[relative] {
                        cases.append(Case(url: file, expectation: kind == none ? .unclaimed : .kind(kind), source: "expectations"))
                    } else if isKind {
                        cases.append(Case(url: file, expectation: .kind(folder), source: "folder name"))
                    }
                }
            }
        }
        return cases
    }

    /// The kinds the folder's expectation file or README names, by path relative to the folder.
    static func expectations(in folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        if let text = try? String(contentsOf: folder.appendingPathComponent(expectationFile), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let words = content.split(whereSeparator: \.isWhitespace)
                if words.count == 2 { found[String(words[0])] = String(words[1]) }
            }
        }
        if let text = try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) {
            for (file, kind) in readmeExpectations(text) where found[file] == nil { found[file] = kind }
        }
        return found
    }

    /// Expectations in a README: bullet lines `` - `file` → kind ``, and rows of a Markdown table
    /// whose first column is the file and one header names the kind (`| File | … | Detected kind |`).
    /// Only known kinds (and `none`) count, so prose that happens to match is ignored.
    static func readmeExpectations(_ text: String) -> [(String, String)] {
        func known(_ kind: String) -> Bool { EvidenceKind.all[kind] != nil || kind == none }
        func cells(_ line: Substring) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
        var found: [(String, String)] = []
        var kindColumn: Int?
        for line in text.split(separator: "\n") {
            if let match = line.firstMatch(of: /^\s*[-*]\s*`([^`]+)`\s*(?:→|->|:)\s*`?([a-z0-9-]+)`?\s*$/) {
                if known(String(match.2)) { found.append((String(match.1), String(match.2))) }
                continue
            }
            guard line.hasPrefix("|") else {
                kindColumn = nil
                continue
            }
            let row = cells(line)
            if let column = kindColumn {
                if column < row.count, let file = row.first, known(row[column]) { found.append((file, row[column])) }
            } else if let column = row.firstIndex(where: { $0.lowercased().contains("kind") }), column > 0 {
                kindColumn = column  // the header; the separator row below it names no known kind
            }
        }
        return found
    }

    /// The fixture files under `folder` at any depth, without expectation files, READMEs and hidden files.
    static func files(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            guard !name.hasPrefix("."), name != expectationFile, !name.hasSuffix(".md"),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Scores `url` with every registered inspector, as the scanner would, and scans it.
    static func row(_ testCase: Case) -> Row {
        let sample = ConfigFixture.sample(at: testCase.url)
        var scores: [String: Int] = [:]
        var winner: (kind: String, score: Int)?
        for inspector in InspectorRegistry.all {
            guard let score = inspector.detect(sample) else { continue }
            scores[inspector.kind] = max(scores[inspector.kind] ?? Int.min, score)
            if score > winner?.score ?? Int.min { winner = (inspector.kind, score) }
        }
        let report = EvidenceScanner().scan(testCase.url.path)
        return Row(file: testCase.relativePath, scores: scores, winner: winner?.kind, reported: report.kind)
    }

    /// Whether a row meets its case's expectation.
    static func holds(_ row: Row, _ expectation: Expectation) -> Bool {
        switch expectation {
        case .kind(let kind): row.reported == kind
        case .notKind(let kind): row.reported != kind && row.winner != kind
        case .unclaimed: row.reported == nil
        }
    }

    /// The matrix as text: one line per file, one column per inspector kind; `*` marks the winner,
    /// `!` a row that fails its expectation.
    static func table(_ rows: [(Row, Case)]) -> String {
        let kinds = InspectorRegistry.all.map(\.kind).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let width = min(max(rows.map(\.0.file.count).max() ?? 10, 10), 70)
        var lines = ["  " + "file".padding(toLength: width, withPad: " ", startingAt: 0) + " | "
            + kinds.map { String($0.prefix(8)).padding(toLength: 8, withPad: " ", startingAt: 0) }.joined(separator: " ")
            + " | reported as / expected"]
        for (row, testCase) in rows {
            let cells = kinds.map { kind -> String in
                let score = row.scores[kind].map { "\($0)\(row.winner == kind ? "*" : "")" } ?? "·"
                return score.padding(toLength: 8, withPad: " ", startingAt: 0)
            }
            let mark = holds(row, testCase.expectation) ? "  " : "! "
            let file = row.file.count > width ? "…" + row.file.suffix(width - 1) : row.file
            lines.append(
                mark + file.padding(toLength: width, withPad: " ", startingAt: 0) + " | " + cells.joined(separator: " ")
                    + " | \(row.reported ?? "nothing") / \(testCase.expectation)")
        }
        return lines.joined(separator: "\n")
    }

    private static func isDirectory(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
    }
}
