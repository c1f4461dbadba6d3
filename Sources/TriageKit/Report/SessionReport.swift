import Foundation

/// Everything a ticket needs from one session: when, with which tool and content, the path
/// taken, the facts, what each evidence file showed, and the fix.
///
/// Built from the engine and a state; the date is passed in (the engine never reads the clock).
/// `MarkdownReport` renders it for people; its JSON encoding is the machine form.
public struct SessionReport: Codable, Sendable, Equatable {
    public var date: Date
    public var toolVersion: String
    public var contentVersion: String
    /// Whether secrets were masked (false only with `--no-mask`).
    public var secretsMasked: Bool
    /// True when the session reached a fix or an end; false when it stopped at a question.
    public var finished: Bool
    public var path: [ReportStep]
    /// The question the session stopped at, when it did not reach an outcome.
    public var stoppedAt: ReportQuestion?
    public var facts: [KnownFact]
    public var evidence: [EvidenceSummary]
    /// The fix (or end) reached, with every template filled from the facts.
    public var outcome: RenderedFix?
}

/// One answered question on the path, and who or what answered it.
public struct ReportStep: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var question: String
    /// The answer as the user would say it: a choice's label, `yes`/`no`, a value, a path;
    /// empty when the user gave no value (an input left empty, a file question skipped).
    public var answer: String
    /// `you`, or what answered it automatically (`known fact api_id (from exec.log)`).
    public var answeredBy: String
    public var automatic: Bool
}

/// The question an unfinished session waits at.
public struct ReportQuestion: Codable, Sendable, Equatable {
    public var step: Int
    public var title: String
    public var question: String
}

/// What one evidence file showed: counts per cause, a few example lines, the facts it gave.
public struct EvidenceSummary: Codable, Sendable, Equatable {
    public var path: String
    public var kind: String?
    public var description: String
    public var lines: Int
    public var requests: Int?
    public var failed: Int?
    public var causes: [CauseSummary]
    public var facts: [String: String]
    public var problems: [String]
}

/// The findings of one cause in one file, added up.
public struct CauseSummary: Codable, Sendable, Equatable {
    public var cause: String
    public var title: String?
    public var status: Int?
    public var count: Int
    public var confidence: Confidence
    public var summary: String
    public var examples: [EvidenceLine]
}

extension SessionReport {
    /// How many example lines a cause shows per file.
    public static let examplesPerCause = 3

    public init(engine: Engine, state: SessionState, date: Date, toolVersion: String = TriageKitVersion.tool) {
        let screen = engine.screen(for: state)
        let facts = engine.facts(in: state)
        self.date = date
        self.toolVersion = toolVersion
        self.contentVersion = engine.tree.version
        self.secretsMasked = false
        self.finished = engine.isFinished(state)
        self.path = state.path.enumerated().map { offset, step in
            Self.step(step, number: offset + 1, engine: engine, facts: facts)
        }
        switch screen.body {
        case .question(let question):
            stoppedAt = ReportQuestion(step: screen.stepNumber, title: question.title, question: question.text)
            outcome = nil
        case .outcome(let fix):
            stoppedAt = nil
            outcome = fix
        }
        self.facts = screen.facts
        // The failure the session is about, not every failure the files show.
        self.evidence = engine.scopedEvidence(in: state).map { Self.summary($0, tree: engine.tree) }
    }

    /// The report with every text that came from the user or an evidence file masked.
    public func masked(by masker: SecretMasker) -> SessionReport {
        guard masker.isEnabled else { return self }
        var report = self
        report.secretsMasked = true
        report.path = path.map { step in
            var step = step
            step.answer = masker.mask(step.answer)
            return step
        }
        report.facts = facts.map { fact in
            var fact = fact
            fact.value = masker.mask(fact.value)
            return fact
        }
        report.evidence = evidence.map { summary in
            var summary = summary
            summary.description = masker.mask(summary.description)
            summary.problems = summary.problems.map(masker.mask)
            summary.facts = summary.facts.mapValues(masker.mask)
            summary.causes = summary.causes.map { cause in
                var cause = cause
                cause.summary = masker.mask(cause.summary)
                cause.examples = cause.examples.map(masker.mask)
                return cause
            }
            return summary
        }
        report.outcome = outcome.map(masker.mask)
        return report
    }

    private static func step(_ step: Step, number: Int, engine: Engine, facts: [String: FactValue]) -> ReportStep {
        var answeredBy = step.source == .user ? "you" : engine.describe(step.source)
        if case .fact(let key) = step.source, let origin = facts[key]?.origin {
            answeredBy += " (\(engine.describe(origin)))"
        }
        return ReportStep(
            number: number, title: engine.questionTitle(step.position), question: engine.questionText(step.position),
            answer: displayAnswer(step, tree: engine.tree), answeredBy: answeredBy, automatic: !step.source.isUser)
    }

    /// A choice's label for its value; empty for an input left empty or a file question skipped.
    private static func displayAnswer(_ step: Step, tree: DecisionTree) -> String {
        guard case .node(let id) = step.position, let node = tree.node(id) else { return step.answer }
        if node.kind == .file, step.answer == "skip" { return "" }
        return node.choices?.first { $0.value == step.answer }?.label ?? step.answer
    }

    private static func summary(_ report: EvidenceReport, tree: DecisionTree) -> EvidenceSummary {
        var order: [String] = []
        var byCause: [String: CauseSummary] = [:]
        for finding in report.findings {
            guard var total = byCause[finding.cause] else {
                order.append(finding.cause)
                byCause[finding.cause] = CauseSummary(
                    cause: finding.cause, title: tree.cause(finding.cause)?.title, status: finding.status,
                    count: finding.count, confidence: finding.confidence, summary: finding.summary,
                    examples: Array(finding.evidence.prefix(examplesPerCause)))
                continue
            }
            total.count += finding.count
            total.confidence = max(total.confidence, finding.confidence)
            total.status = total.status ?? finding.status
            total.examples = Array((total.examples + finding.evidence).prefix(examplesPerCause))
            byCause[finding.cause] = total
        }
        return EvidenceSummary(
            path: report.path, kind: report.kind, description: report.description, lines: report.lines,
            requests: report.requests, failed: report.failed, causes: order.compactMap { byCause[$0] },
            facts: report.facts, problems: report.problems)
    }
}
