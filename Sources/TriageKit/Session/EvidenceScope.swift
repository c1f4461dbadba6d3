/// What the failure groups make of a session's evidence at one moment.
struct EvidenceScope {
    /// The group the session is about: the one chosen, or the only one.
    var chosen: FailureGroup?
    /// The chosen group and the status the user gave, when they differ.
    var contradiction: (group: FailureGroup, given: String)?
    /// Once groups exist, failures outside the applied group are left out (all of them while none
    /// is chosen or the chosen one contradicts the user), and a file that shows failures keeps only
    /// its file-level facts (less the integration facts its findings state per request), the applied
    /// group's example supplying the request's own (see
    /// `Engine.facts(in:)`). Findings of configuration files always count.
    var evidence: [EvidenceReport]

    /// The chosen group unless it contradicts the user.
    var applied: FailureGroup? { contradiction == nil ? chosen : nil }
}
