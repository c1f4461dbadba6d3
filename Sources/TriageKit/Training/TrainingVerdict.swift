/// What one offered file would have told the trainee.
public struct FileCoverage: Sendable, Equatable {
    /// A question the file answers by itself, and the answer it gives.
    public struct AnsweredQuestion: Sendable, Equatable {
        public var nodeID: String
        public var title: String
        public var answer: String
        /// True when the trainee answered this question by hand.
        public var askedOfTrainee: Bool
    }

    /// A cause the file's findings name, and how many requests or items show it.
    public struct CauseCount: Sendable, Equatable {
        public var cause: String
        public var count: Int
    }

    public var file: OfferedFile
    public var loaded: Bool
    /// What the inspector made of it (`API Gateway execution log, 212 lines, ...`).
    public var description: String
    /// Most frequent first.
    public var findings: [CauseCount]
    public var answers: [AnsweredQuestion]
}

/// The end of a training run: did the trainee reach the scenario's cause, how directly, what the
/// files would have answered, and why the cause is what it is.
public struct TrainingVerdict: Sendable, Equatable {
    public var expectedCause: String
    public var expectedTitle: String?
    /// The cause of the fix reached; nil when the session ended on an `end` node.
    public var reachedCause: String?
    public var reachedNode: String
    public var reachedTitle: String
    public var isCorrect: Bool { reachedCause == expectedCause }
    /// Questions the trainee answered on the final path (automatic answers not counted).
    public var questionsAnswered: Int
    /// Every answer given, counting the ones taken back.
    public var answersGiven: Int
    /// Titles of the questions on the shortest way from the start to the expected fix; nil when
    /// the tree has no way there (a scenario written for other content).
    public var shortestPath: [String]?
    public var coverage: [FileCoverage]
    /// False when this build could not inspect files, so coverage says nothing.
    public var inspectionAvailable: Bool
    public var misleads: String?
    public var keyEvidence: [KeyEvidence]
    /// The scenario's own explanation: why the evidence points where it does.
    public var explanation: String
    /// The fix node's explanation of the expected cause, with the session's facts filled in.
    public var causeExplanation: String?
}

extension TrainingSession {
    /// The verdict for a finished session; nil while a question is still open.
    public mutating func verdict(for state: SessionState, engine: Engine) -> TrainingVerdict? {
        guard engine.isFinished(state) else { return nil }
        let tree = engine.tree
        let here = engine.currentNodeID(of: state)
        let reached = tree.node(here)
        let facts = engine.facts(in: state).mapValues(\.value)
        func fill(_ text: String) -> String {
            Template.fill(text, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text
        }

        let askedIDs = state.path.compactMap { step -> String? in
            guard step.source.isUser, case .node(let id) = step.position else { return nil }
            return id
        }
        let answersGiven = state.transcript.filter { entry in
            entry.event == .answered && !(entry.position?.hasPrefix("fact:") ?? false)
        }.count
        let shortest = ShortestRoute.questions(in: tree, toCause: scenario.expected_cause)
        let questions = askedIDs + (shortest ?? []).filter { !askedIDs.contains($0) }

        let coverage = files.map { file in
            coverageOf(file, questions: questions, asked: Set(askedIDs), state: state, engine: engine)
        }
        return TrainingVerdict(
            expectedCause: scenario.expected_cause, expectedTitle: tree.cause(scenario.expected_cause)?.title,
            reachedCause: reached?.cause, reachedNode: here, reachedTitle: reached.map { fill($0.shortTitle) } ?? here,
            questionsAnswered: askedIDs.count, answersGiven: max(answersGiven, askedIDs.count),
            shortestPath: shortest.map { $0.map { tree.node($0)?.shortTitle ?? $0 } },
            coverage: coverage, inspectionAvailable: inspection.isAvailable, misleads: scenario.misleads,
            keyEvidence: scenario.key_evidence, explanation: scenario.explanation,
            causeExplanation: tree.fixNode(forCause: scenario.expected_cause)?.explanation.map(fill))
    }

    /// Which of `questions` the file answers on its own: each question is put to the engine with
    /// only this file as evidence, and counts when the file settles it and nothing else would.
    private mutating func coverageOf(
        _ file: OfferedFile, questions: [String], asked: Set<String>, state: SessionState, engine: Engine
    ) -> FileCoverage {
        let report = report(for: file)
        var answers: [FileCoverage.AnsweredQuestion] = []
        for id in questions {
            guard let node = engine.tree.node(id), node.kind.isQuestion else { continue }
            let bare = SessionState(contentVersion: engine.tree.version, current: .node(id))
            var probe = bare
            probe.evidence = [report]
            guard engine.automaticAnswer(for: node, in: bare) == nil,
                let (answer, _) = engine.automaticAnswer(for: node, in: probe)
            else { continue }
            answers.append(.init(nodeID: id, title: node.shortTitle, answer: answer == file.path ? file.name : answer, askedOfTrainee: asked.contains(id)))
        }
        var counts: [String: Int] = [:]
        for finding in report.findings { counts[finding.cause, default: 0] += finding.count }
        let findings = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { FileCoverage.CauseCount(cause: $0.key, count: $0.value) }
        return FileCoverage(
            file: file, loaded: isLoaded(file, in: state), description: report.description, findings: findings,
            answers: answers)
    }
}
