/// Facts that carry a quoted line from one report to a cross-file rule (the line of a policy
/// naming its one API, the line of a MANIFEST naming the API collected). They are for
/// `EvidenceRefinement`, not for the user: `scan` leaves them out of the facts it lists.
enum AnchorFacts {
    static func isAnchor(_ key: String) -> Bool {
        key.hasPrefix(LambdaPolicyInspector.soleApiLinePrefix) || key == CollectManifest.headerLineFact
    }
}
