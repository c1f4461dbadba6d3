/// Helpers shared by the inspectors of AWS CLI outputs: the list a `get-*s` command prints, and
/// how a pasted command line or a printed error decides whose file it is.
enum CLIListing {
    /// The elements of the first of `keys` that holds an array (`items`, `item`, `Items`).
    static func items(_ root: DocumentNode, _ keys: [String]) -> [DocumentNode]? {
        for key in keys {
            if let list = root[key], list.isArray { return list.elements }
        }
        return nil
    }

    /// Whether every element is an object that `test` accepts, and there is at least one; an empty
    /// list is accepted only when the key itself is specific (`TargetHealthDescriptions: []`).
    ///
    /// The 64 KiB sample of a long listing stops inside its last element, so that one may fail
    /// when the others pass.
    static func all(_ elements: [DocumentNode], allowEmpty: Bool = false, _ test: (DocumentNode) -> Bool) -> Bool {
        guard let last = elements.last else { return allowEmpty }
        guard elements.dropLast().allSatisfy({ $0.isObject && test($0) }) else { return false }
        return elements.count > 1 || (last.isObject && test(last))
    }

    /// How a pasted command line bears on detection: true when it is one of `operations` of
    /// `service`, false when it is another AWS command (whose output this is not), nil when the
    /// paste shows no command.
    static func commandIsOurs(_ sample: EvidenceSample, _ service: String, _ operations: Set<String>) -> Bool? {
        guard let command = DocumentSniffer.command(sample) else { return nil }
        return command.isOperation(service, operations)
    }

    /// The detection score for a sample: `certain` when the document has our shape, unless a
    /// pasted command says it came from another command; `certain` also for an error the CLI
    /// printed for one of our API operations (`GetRole`), which the inspector explains.
    static func score(
        _ sample: EvidenceSample, service: String, operations: Set<String>, apiOperations: Set<String>,
        shape: (DocumentNode) -> Bool
    ) -> Int? {
        let pasted = DocumentSniffer.pasted(sample)
        if let error = pasted.error, apiOperations.contains(error.operation) {
            return ConfigDetectionScore.certain
        }
        if let command = pasted.command, command.service.hasPrefix("apigateway") || command.service == service,
            !command.isOperation(service, operations)
        {
            // The command line names another output of the same service: not ours.
            if let root = DocumentSniffer.json(sample), shape(root) { return ConfigDetectionScore.possible }
            return nil
        }
        guard let root = DocumentSniffer.json(sample), shape(root) else { return nil }
        return ConfigDetectionScore.certain
    }
}
