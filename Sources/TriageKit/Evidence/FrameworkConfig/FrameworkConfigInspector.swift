/// Reads the configuration files of three Lambda web frameworks that put a REST API in front of a
/// function, for their timeouts and memory:
/// - Chalice `.chalice/config.json`: `lambda_timeout` (default 60 s), `lambda_memory_size`, at the
///   top, per stage and per function (`stages.<stage>.lambda_functions.<name>`);
/// - Zappa `zappa_settings.json`: per stage, `timeout_seconds` (default 30 s), `memory_size`;
/// - up `up.json`: `lambda.timeout`, `lambda.memory`.
///
/// A timeout at or above the 29 s API Gateway waits is a risk (slow calls end in a 504 while the
/// function keeps running) → `integration-timeout`, medium, worded as a risk; shorter timeouts are
/// what AWS advises and yield no finding. Memory and timeouts are facts and notes. A configuration
/// is never a status: findings carry none.
public struct FrameworkConfigInspector: EvidenceInspector {
    public let kind = "framework-config"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), root.isObject else { return nil }
        return FrameworkSettings.framework(of: root) == nil ? nil : ConfigDetectionScore.strong
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard let framework = FrameworkSettings.framework(of: document.root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it is not a Chalice, Zappa or up configuration",
                lines: document.lineCount)
        }
        let settings = FrameworkSettings.read(document.root, framework: framework)
        var findings: [Finding] = []
        var facts = FactCollector()
        var notes: [String] = []
        for setting in settings {
            var note = setting.scope
            if let timeout = setting.timeout {
                note += " timeout \(timeout.value.integer ?? 0) s"
                facts.add(["function_timeout_s": String(timeout.value.integer ?? 0)])
            } else {
                note += " timeout \(framework.defaultTimeout) s (default)"
            }
            if let memory = setting.memory?.value.integer { note += ", memory \(memory) MB" }
            notes.append(note)
            if let stage = setting.stage { facts.add(["stage": stage]) }
            guard let timeout = setting.timeout, let seconds = timeout.value.integer,
                seconds * 1000 >= TemplateLambdaChecks.restDefaultTimeoutMs
            else { continue }
            var comparison = TimeoutComparison.compare(
                integrationTimeoutMs: TemplateLambdaChecks.restDefaultTimeoutMs, functionTimeoutSeconds: seconds,
                apiType: "rest", evidence: [document.evidence(line: timeout.line, focus: timeout.key)])
            comparison.status = nil
            comparison.summary = "\(framework.name) \(setting.scope): " + comparison.summary.prefix(1).lowercased()
                + comparison.summary.dropFirst().dropLast() + " (a risk this setting creates, not proof of a failure)."
            findings.append(comparison)
        }
        var collector = FindingCollector()
        collector.add(findings)
        let description = ["\(framework.name) configuration"] + (notes.isEmpty ? ["no timeout or memory settings"] : notes)
        return EvidenceReport(
            path: document.path, kind: kind, description: description.joined(separator: ", "), lines: document.lineCount,
            findings: collector.findings, facts: facts.facts)
    }
}
