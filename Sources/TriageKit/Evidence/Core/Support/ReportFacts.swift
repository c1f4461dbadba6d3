/// The facts of a report: what the file states for all its requests, under the facts of its most
/// significant finding.
///
/// Only one finding lends its facts: request ids, the method and the path belong together, and
/// mixing them from two failed requests would send the user after a request that never happened.
enum ReportFacts {
    static func merge(fileLevel: [String: String], findings: [Finding]) -> [String: String] {
        var facts = fileLevel
        if let top = findings.first { facts.merge(top.facts) { _, fromFinding in fromFinding } }
        return facts
    }
}
