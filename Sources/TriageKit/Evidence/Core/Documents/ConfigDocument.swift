import Foundation

/// A JSON or YAML document read whole: its tree, and its lines for quoting evidence.
struct ConfigDocument {
    enum Format: Equatable { case json, yaml }

    var path: String
    var format: Format
    var root: DocumentNode
    /// The file's lines without their line endings, for quoting.
    var lines: [Substring]
    /// The document's size in bytes.
    var byteCount: Int
    /// The command line pasted above the output, and what else was around it (nil when the file
    /// is the output alone).
    var pasted: PastedOutput? = nil

    /// The AWS CLI command that printed this output, when the paste shows it.
    var command: AWSCommandLine? { pasted?.command }

    /// The outcome of reading a file that should hold one document.
    enum Reading {
        case document(ConfigDocument)
        /// The file was read but is not a usable document; the text says why, in our words.
        case unusable(problem: String, lines: Int)
        /// The AWS CLI printed an error instead of output (`An error occurred (...)`).
        case cliError(AWSCLIError, pasted: PastedOutput, lines: Int)
    }

    /// Reads and parses `file`. Throws only when the file cannot be read at all or is too large.
    /// `format` forces a reading (a proxy response must be JSON even when it looks like YAML).
    static func read(
        _ file: EvidenceFile, as format: Format? = nil, limit: Int = EvidenceFile.documentLimit
    ) throws -> Reading {
        let data = try file.contents(limit: limit)
        if data.contains(0) {
            return .unusable(problem: "the file holds binary data (NUL bytes), not JSON or YAML text", lines: 0)
        }
        let text = String(decoding: data, as: UTF8.self)
        return parse(text, path: file.path, as: format)
    }

    /// Parses `text`: JSON when it starts like JSON (`{`, `[` or `"`), YAML otherwise (unless
    /// `format` says which).
    static func parse(_ text: String, path: String, as format: Format? = nil) -> Reading {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        // A final line ending does not start another line.
        let count = text.hasSuffix("\n") ? lines.count - 1 : lines.count
        // A pasted command line, prompts and timings are blanked, so line numbers stay the file's.
        let pasted = PastedOutput.strip(lines)
        var text = text
        if pasted.changed || pasted.error != nil {
            let output = pasted.lines.joined(separator: "\n")
            // An error printed instead of a document is the whole answer.
            if let error = pasted.error, !looksLikeJSON(output) { return .cliError(error, pasted: pasted, lines: count) }
            text = output
        }
        let format = format ?? (looksLikeJSON(text) ? Format.json : .yaml)
        do {
            let root: DocumentNode
            switch format {
            case .json:
                root = try JSONDocumentParser.parse(text)
            case .yaml:
                if text.allSatisfy(\.isWhitespace) {
                    return .unusable(problem: "the file is empty", lines: count)
                }
                root = try YAMLDocumentParser.parse(text)
            }
            let hasPaste = pasted.command != nil || pasted.changed
            return .document(
                ConfigDocument(
                    path: path, format: format, root: root, lines: lines, byteCount: text.utf8.count,
                    pasted: hasPaste ? pasted : nil))
        } catch let error as JSONDocumentError {
            return .unusable(problem: error.description, lines: count)
        } catch let error as YAMLDocumentError {
            return .unusable(problem: error.description, lines: count)
        } catch {
            return .unusable(problem: "\(error)", lines: count)
        }
    }

    /// Whether the first non-blank character opens a JSON value we accept as a document.
    static func looksLikeJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first == "{" || first == "[" || first == "\""
    }

    /// How many lines the file has (a final line ending does not start another line).
    var lineCount: Int {
        lines.last?.isEmpty == true ? lines.count - 1 : lines.count
    }

    /// The line `number` (1-based) quoted as evidence: trimmed, and cut when very long. On a long
    /// line (minified JSON) the quote is a window around `focus`, the key the finding is about.
    func evidence(line number: Int, focus: String? = nil) -> EvidenceLine {
        let text = lines.indices.contains(number - 1) ? String(lines[number - 1]) : ""
        return EvidenceLine(file: path, line: number, text: Self.quote(text, focus: focus))
    }

    /// Long lines (a policy string, a minified template) are cut so reports stay readable.
    static let quoteLimit = 240

    static func quote(_ text: String, focus: String? = nil) -> String {
        let trimmed = text.trimmedOfWhitespace()
        guard trimmed.count > quoteLimit else { return trimmed }
        var start = trimmed.startIndex
        if let focus, let found = trimmed.range(of: focus) {
            // Some context before the key, the rest after it.
            start = trimmed.index(found.lowerBound, offsetBy: -60, limitedBy: trimmed.startIndex) ?? trimmed.startIndex
        }
        let window = trimmed[start...].prefix(quoteLimit - 2)
        let lead = start == trimmed.startIndex ? "" : "…"
        let tail = window.endIndex == trimmed.endIndex ? "" : "…"
        return lead + window + tail
    }
}
