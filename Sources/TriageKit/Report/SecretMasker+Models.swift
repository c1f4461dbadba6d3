/// Masking the models that carry text from evidence files.
///
/// Only quoted text is masked (evidence lines, descriptions, problems, transcript notes): facts,
/// answers and cause ids drive the engine and must stay exactly as they are.
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
        return finding
    }

    /// An evidence report as it may be shown, printed (`scan`) or saved.
    public func mask(_ report: EvidenceReport) -> EvidenceReport {
        guard isEnabled else { return report }
        var report = report
        report.description = mask(report.description)
        report.findings = report.findings.map(mask)
        report.problems = report.problems.map(mask)
        report.timeline = report.timeline.map { event in
            var event = event
            event.text = mask(event.text)
            event.source = mask(event.source)
            return event
        }
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
}
