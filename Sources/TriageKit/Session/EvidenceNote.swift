/// Something the screen must say because evidence and the user's answers disagree.
///
/// - `contradicted`: the failure the evidence shows has another status than the one the user
///   gave; the user's answer is kept, and `acceptEvidence` takes the evidence's instead.
/// - `replaced`: a file added later answered an earlier question otherwise; the note keeps the
///   user's answer, and Back restores it.
public struct EvidenceNote: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case contradicted, replaced
    }

    public var kind: Kind
    /// The note in the content's words (`evidence_prompts` in the manifest).
    public var text: String
    /// True when `SessionEvent.acceptEvidence` applies; the front end names its own key for it.
    public var canAccept: Bool

    public init(kind: Kind, text: String, canAccept: Bool) {
        self.kind = kind
        self.text = text
        self.canAccept = canAccept
    }
}

extension Engine {
    /// The notes for the screen: each answer evidence replaced on the path, then a status the
    /// evidence contradicts.
    func evidenceNotes(in state: SessionState) -> [EvidenceNote] {
        let prompts = evidencePrompts
        func fill(_ text: String, _ words: [String: String]) -> String { Template.fill(text, facts: words) { "<\($0)>" }.text }
        var notes = state.path.compactMap { step -> EvidenceNote? in
            guard let old = step.replaced else { return nil }
            let words = [
                "question": questionTitle(step.position), "old": old, "new": step.answer, "file": fileName(sourceFile(of: step, in: state)),
            ]
            return EvidenceNote(kind: .replaced, text: fill(prompts.replaced, words), canAccept: false)
        }
        if let (group, given) = contradiction(in: state) {
            let words = ["found": String(group.status), "given": given, "file": fileName(group.file)]
            notes.append(EvidenceNote(kind: .contradicted, text: fill(prompts.contradicted, words), canAccept: true))
        }
        return notes
    }

    /// A file's name without its folder: a note must fit a line or two, and the evidence list
    /// beside it has the full path.
    private func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file behind an automatic answer, as the user gave its path.
    private func sourceFile(of step: Step, in state: SessionState) -> String {
        switch step.source {
        case .evidence(let path): return path
        case .fact(let key):
            if case .evidence(let path) = facts(in: state)[key]?.origin { return path }
        case .finding(let cause):
            if let report = scopedEvidence(in: state).last(where: { $0.findings.contains { $0.cause == cause } }) { return report.path }
        default: break
        }
        return state.evidence.last?.path ?? ""
    }
}
