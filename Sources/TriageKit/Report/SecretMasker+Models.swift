/// Masking the models that carry text from evidence files.
///
/// Everything that came from a file is masked: evidence lines, summaries, descriptions, problems,
/// facts, undetermined failures and their clues. Fact values are masked with the same rules (a
/// masked value keeps its recognisable parts, and the ids the engine routes on are never a
/// secret's shape); request keys, cause ids and answers are kept as they are.
extension SecretMasker {
    public func mask(_ line: EvidenceLine) -> EvidenceLine {
        guard isEnabled else { return line }
        var line = line
        line.text = mask(line.text)
        return line
    }

    public func mask(_ finding: Finding) -> Finding {
        guard isEnabled else { return finding }
        var finding = finding
        finding.evidence = finding.evidence.map(mask)
        finding.summary = mask(finding.summary)
        finding.facts = maskFacts(finding.facts)
        finding.request = finding.request.map(mask)
        return finding
    }

    public func mask(_ failure: UndeterminedFailure) -> UndeterminedFailure {
        guard isEnabled else { return failure }
        var failure = failure
        failure.evidence = failure.evidence.map(mask)
        failure.clues = failure.clues.map(mask)
        failure.request = failure.request.map(mask)
        return failure
    }

    /// Request keys: the ids stay as they are (they are how files are joined); the route, taken
    /// from a request line, may carry a query string, so it is masked like text.
    public func mask(_ keys: RequestKeys) -> RequestKeys {
        guard isEnabled, let route = keys.route else { return keys }
        var keys = keys
        keys.route = mask(route)
        return keys
    }

    /// An evidence report as it may be shown, printed (`scan`) or saved.
    public func mask(_ report: EvidenceReport) -> EvidenceReport {
        mask(report, sensitive: .none)
    }

    /// An evidence report masked, with the lines `sensitive` names (found in a pass over the file,
    /// see `SensitiveLines`) hidden too. Consecutive quoted lines of a private key block are
    /// hidden even without that pass.
    public func mask(_ report: EvidenceReport, sensitive: SensitiveLines) -> EvidenceReport {
        guard isEnabled else { return report }
        let sensitive = sensitive.merging(PrivateKeyRanges.among(Self.quotedLines(of: report)))
        func line(_ evidence: EvidenceLine) -> EvidenceLine {
            mask(sensitive.mask(evidence))
        }
        var report = report
        report.description = mask(report.description)
        report.findings = report.findings.map { finding in
            var finding = mask(finding)
            finding.evidence = finding.evidence.map(line)
            return finding
        }
        report.undetermined = report.undetermined.map { failure in
            var failure = mask(failure)
            failure.evidence = failure.evidence.map(line)
            return failure
        }
        report.problems = report.problems.map(mask)
        report.timeline = report.timeline.map { event in
            var event = event
            event.text = mask(event.text)
            event.source = mask(event.source)
            return event
        }
        report.facts = maskFacts(report.facts)
        return report
    }

    /// A fix with its supporting evidence lines masked (its commands come from content and facts).
    public func mask(_ fix: RenderedFix) -> RenderedFix {
        guard isEnabled else { return fix }
        var fix = fix
        fix.evidence = fix.evidence.map(mask)
        return fix
    }

    /// A session as it may be written to disk: evidence and transcript notes masked, the path intact.
    public func mask(_ state: SessionState) -> SessionState {
        guard isEnabled else { return state }
        var state = state
        state.evidence = state.evidence.map(mask)
        state.transcript = state.transcript.map { entry in
            var entry = entry
            entry.note = entry.note.map(mask)
            return entry
        }
        return state
    }

    /// Facts with secret values masked. A key that names a secret (`db_password`) masks its whole
    /// value; a key under a Lambda environment (`environment.DB_URL`) shows the name only.
    public func maskFacts(_ facts: [String: String]) -> [String: String] {
        guard isEnabled else { return facts }
        var masked = facts
        for (key, value) in facts { masked[key] = maskFact(key: key, value: value) }
        return masked
    }

    public func maskFact(key: String, value: String) -> String {
        guard isEnabled, !value.isEmpty else { return value }
        let lowered = key.lowercased()
        if lowered.contains("environment") || lowered.hasPrefix("env.") || lowered.hasPrefix("env_var") {
            return MaskStyle.stars
        }
        let assignment = key + "=" + value
        let named = mask(assignment)
        if named != assignment, named.hasPrefix(key + "=") { return mask(String(named.dropFirst(key.count + 1))) }
        // A host taken from a URL may keep its user and password (`svc:pw@backend`): read it as a URL.
        if !value.contains("://"), let at = value.firstIndex(of: "@"), value[..<at].contains(":") {
            let asURL = mask("x://" + value)
            if asURL.hasPrefix("x://") { return mask(String(asURL.dropFirst(4))) }
        }
        return mask(value)
    }

    private static func quotedLines(of report: EvidenceReport) -> [EvidenceLine] {
        report.findings.flatMap(\.evidence) + report.undetermined.flatMap(\.evidence)
    }
}

/// Private key blocks seen among the lines a report quotes: a BEGIN line and a later END line of
/// the same file enclose lines to hide, even when the file itself is not read again.
enum PrivateKeyRanges {
    static func among(_ lines: [EvidenceLine]) -> [String: SensitiveLines] {
        var result: [String: SensitiveLines] = [:]
        for (file, quoted) in Dictionary(grouping: lines, by: \.file) {
            var reasons: [Int: SensitiveLines.Reason] = [:]
            var begin: Int?
            for line in quoted.sorted(by: { $0.line < $1.line }) {
                if line.text.contains("-----BEGIN"), line.text.contains("PRIVATE KEY-----"), !line.text.contains("-----END") {
                    begin = line.line
                } else if let start = begin, line.text.contains("-----END"), line.text.contains("PRIVATE KEY") {
                    for number in start...line.line { reasons[number] = .privateKey }
                    begin = nil
                }
            }
            // A BEGIN line with no END quoted: the lines after it are still key material.
            if let start = begin, let last = quoted.map(\.line).max(), last > start {
                for number in start...last { reasons[number] = .privateKey }
            }
            if !reasons.isEmpty { result[file] = SensitiveLines(reasons: reasons) }
        }
        return result
    }
}
