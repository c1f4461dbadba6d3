import Foundation

extension CollectManifest {
    /// The kind of the report a MANIFEST gives. The scanner skips the file (it is not the output of
    /// any inspector's format); `scan` reads it beside the files it lists.
    public static let reportKind = "collect-manifest"

    /// The fact carrying the header line (`<line>\t<text>`), so a cross-file rule
    /// (`PolicySourceApiRefinement`) can quote where the MANIFEST names the API.
    public static let headerLineFact = "collect_manifest_header"

    /// The collect MANIFESTs among `paths` (files named MANIFEST, read up to 1 MiB) as evidence.
    public static func reports(inManifests paths: [String]) -> [EvidenceReport] {
        paths.filter { ($0 as NSString).lastPathComponent == EvidencePaths.manifestName }.compactMap { path in
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            let text = String(decoding: handle.readData(ofLength: 1 << 20), as: UTF8.self)
            guard isManifest(text) else { return nil }
            return CollectManifest(text: text).report(path: path, text: text)
        }
    }

    /// What the MANIFEST proves: the API, stage and region the files were collected for (facts,
    /// which place every other file), and, for a function whose `get-policy` answered
    /// ResourceNotFoundException, `lambda-invoke-permission`: it has no resource policy at all, so
    /// nothing lets API Gateway invoke it (medium: an integration calling with a role needs none).
    public func report(path: String, text: String) -> EvidenceReport {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func quoted(_ number: Int) -> EvidenceLine {
            let line = lines.indices.contains(number - 1) ? String(lines[number - 1]) : ""
            return EvidenceLine(file: path, line: number, text: ConfigDocument.quote(line.replacingOccurrences(of: "\t", with: " ")))
        }
        var facts: [String: String] = [:]
        for key in ["api_id", "stage", "region", "api_type"] {
            if let value = header[key], !value.isEmpty { facts[key] = value }
        }
        if let number = Self.headerLine(text), facts["api_id"] != nil {
            facts[Self.headerLineFact] = "\(number)\t" + quoted(number).text
        }
        let findings = noPolicyEntries.map { entry in
            let function = Self.functionName(entry.command)
            return Finding(
                cause: "lambda-invoke-permission", status: 500, confidence: .medium, evidence: [quoted(entry.line)],
                facts: function.map { ["function_name": $0] } ?? [:],
                summary: "get-policy found no resource policy on \(function ?? "the function") (ResourceNotFoundException), "
                    + "so no statement lets apigateway.amazonaws.com invoke it: API Gateway gets Invalid permissions on "
                    + "Lambda function (500) unless the integration calls with a role.")
        }
        let gapCount = gaps.count
        var description = "collect script MANIFEST"
        if let api = facts["api_id"] { description += " for API \(api)" + (facts["stage"].map { " stage \($0)" } ?? "") }
        description += ", \(entries.count) call\(entries.count == 1 ? "" : "s"), \(gapCount) gap\(gapCount == 1 ? "" : "s")"
        return EvidenceReport(
            path: path, kind: Self.reportKind, description: description, lines: lines.count, findings: findings, facts: facts)
    }

    /// The line of the header (`# api_id=... stage=...`), 1-based; nil when the MANIFEST has none.
    public static func headerLine(_ text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("# api_id=") }.map { $0 + 1 }
    }

    /// `--function-name NAME` of a recorded command (values are written unquoted in the MANIFEST).
    static func functionName(_ command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        guard let flag = words.firstIndex(of: "--function-name"), words.indices.contains(flag + 1) else { return nil }
        return words[flag + 1]
    }
}
