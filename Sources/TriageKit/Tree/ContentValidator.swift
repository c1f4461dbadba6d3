import Foundation

/// The checks that run whenever content loads, and that `apigw-triage lint` prints.
///
/// - ids unique and well formed; the manifest's start and branches exist
/// - every question has title, text, why, a default, and routes that name existing nodes
/// - choice and yes/no routes and auto answers use values the question can give
/// - facts, findings and `{{placeholders}}` name entries of the vocabulary and the catalogue
/// - every fix names a catalogue cause, has a command and a verify step; command variants are well formed
/// - every documentation reference of a fix or end has an https URL
/// - every node reachable from the start, no cycles, every cause with exactly one reachable fix
public enum ContentValidator {
    public static func validate(_ tree: DecisionTree) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        issues += catalogueIssues(tree)
        issues += identityIssues(tree)
        for node in tree.nodes {
            var report = NodeReport(node: node)
            if node.kind.isQuestion {
                checkQuestion(node, in: tree, &report)
            } else {
                checkOutcome(node, in: tree, &report)
                checkDocs(node, &report)
            }
            checkPlaceholders(node, in: tree, &report)
            issues += report.issues
        }
        issues += graphIssues(tree)
        return issues
    }

    /// Collects issues about one node, each located at its file and id.
    private struct NodeReport {
        let node: Node
        var issues: [ContentIssue] = []
        mutating func add(_ message: String) {
            issues.append(ContentIssue(file: node.file, node: node.id, message: message))
        }
    }

    private static let maxTitleLength = 28

    // MARK: - Catalogue and identity

    private static func catalogueIssues(_ tree: DecisionTree) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        for id in duplicates(tree.causes.map(\.id)) {
            issues.append(ContentIssue(file: "causes.yaml", message: "cause id '\(id)' is listed more than once"))
        }
        for key in duplicates(tree.facts.map(\.key)) {
            issues.append(ContentIssue(file: "facts.yaml", message: "fact '\(key)' is listed more than once"))
        }
        for fact in tree.facts {
            if let pattern = fact.pattern, !isValidPattern(pattern) {
                issues.append(ContentIssue(file: "facts.yaml", message: "fact '\(fact.key)' has an invalid pattern: \(pattern)"))
            }
        }
        if tree.node(tree.startID) == nil {
            issues.append(ContentIssue(file: "manifest.yaml", message: "start node '\(tree.startID)' does not exist"))
        }
        for (branch, target) in tree.manifest.branches.sorted(by: { $0.key < $1.key }) where tree.node(target) == nil {
            issues.append(ContentIssue(file: "manifest.yaml", message: "branch '\(branch)' names a missing node '\(target)'"))
        }
        return issues
    }

    private static func identityIssues(_ tree: DecisionTree) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        var firstFile: [String: String] = [:]
        for node in tree.nodes {
            if let earlier = firstFile[node.id] {
                issues.append(ContentIssue(file: node.file, node: node.id, message: "duplicate id (first defined in \(earlier))"))
            } else {
                firstFile[node.id] = node.file
            }
            let wellFormed = !node.id.isEmpty && node.id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
            if !wellFormed {
                issues.append(ContentIssue(file: node.file, node: node.id, message: "id must use lowercase letters, digits and hyphens"))
            }
        }
        return issues
    }

    // MARK: - Questions

    private static func checkQuestion(_ node: Node, in tree: DecisionTree, _ report: inout NodeReport) {
        if (node.title ?? "").isEmpty { report.add("a question needs a title (for the breadcrumbs)") }
        if let title = node.title, title.count > maxTitleLength {
            report.add("title is \(title.count) characters; keep it to \(maxTitleLength)")
        }
        if (node.text ?? "").isEmpty { report.add("a question needs text") }
        if (node.why ?? "").isEmpty { report.add("a question needs a why text") }
        if node.default == nil { report.add("a question needs a default route") }
        for target in node.targets where tree.node(target) == nil {
            report.add("routes to '\(target)', which does not exist")
        }
        if let key = node.fact, tree.fact(key) == nil { report.add("fact '\(key)' is not in facts.yaml") }
        if node.cause != nil || node.steps != nil { report.add("a question cannot carry fix keys (cause, steps)") }
        checkCommandVariants(node.command, in: tree, &report)

        let allowed = allowedAnswers(node)
        switch node.kind {
        case .choice:
            let values = (node.choices ?? []).map(\.value)
            if values.count < 2 { report.add("a choice question needs at least two choices") }
            for value in duplicates(values) { report.add("choice value '\(value)' appears twice") }
        case .input:
            for pattern in [node.pattern, node.fact.flatMap { tree.fact($0)?.pattern }].compactMap({ $0 })
            where !isValidPattern(pattern) {
                report.add("invalid pattern: \(pattern)")
            }
        case .file:
            for kind in node.evidence ?? [] where EvidenceKind.all[kind] == nil {
                report.add("unknown evidence kind '\(kind)'")
            }
            if (node.evidence ?? []).isEmpty { report.add("a file question names the evidence kinds it wants") }
        default:
            break
        }
        if node.kind != .choice, node.choices != nil { report.add("only choice questions have choices") }

        for route in node.routes ?? [] {
            checkCondition(route.when, allowed: allowed, in: tree, &report)
        }
        for rule in node.auto ?? [] {
            checkCondition(rule.when, allowed: nil, in: tree, &report)
            if let allowed, !allowed.contains(rule.answer) {
                report.add("auto answer '\(rule.answer)' is not one of: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// The answers a question can give, when they form a closed set.
    private static func allowedAnswers(_ node: Node) -> Set<String>? {
        switch node.kind {
        case .yesno: ["yes", "no"]
        case .choice: Set((node.choices ?? []).map(\.value))
        default: nil
        }
    }

    private static func checkCondition(
        _ condition: Condition, allowed: Set<String>?, in tree: DecisionTree, _ report: inout NodeReport
    ) {
        for part in condition.flattened {
            switch part {
            case .answer(let value):
                if let allowed, !allowed.contains(value) { report.add("route on answer '\(value)', which the question cannot give") }
            case .answerIn(let values):
                for value in values where allowed.map({ !$0.contains(value) }) ?? false {
                    report.add("route on answer '\(value)', which the question cannot give")
                }
            case .factIs(let key, _), .factIn(let key, _), .factKnown(let key, _):
                if tree.fact(key) == nil { report.add("condition on fact '\(key)', which is not in facts.yaml") }
            case .finding(let cause):
                if tree.cause(cause) == nil { report.add("condition on finding '\(cause)', which is not a catalogue cause") }
            case .all, .any, .not:
                break
            }
        }
    }

    // MARK: - Fixes and ends

    private static func checkOutcome(_ node: Node, in tree: DecisionTree, _ report: inout NodeReport) {
        if (node.title ?? "").isEmpty { report.add("needs a title") }
        if (node.explanation ?? "").isEmpty { report.add("needs an explanation") }
        if node.command != nil { report.add("'command' belongs to questions; a \(node.kind.rawValue) has steps") }
        if !node.targets.isEmpty { report.add("a \(node.kind.rawValue) node ends the session and cannot route") }
        guard node.kind == .fix else {
            if node.cause != nil { report.add("an end node has no cause; make it a fix") }
            return
        }
        if let cause = node.cause {
            if tree.cause(cause) == nil { report.add("cause '\(cause)' is not in causes.yaml") }
        } else {
            report.add("a fix needs a cause id")
        }
        if !(node.steps ?? []).contains(where: { !($0.command?.all ?? []).allSatisfy(\.isEmpty) }) {
            report.add("a fix needs at least one step with a command")
        }
        if (node.verify?.text ?? "").isEmpty { report.add("a fix needs a verify step") }
        if node.query == nil { report.add("a fix needs a query that finds other occurrences") }
        for step in node.steps ?? [] {
            if let condition = step.when { checkCondition(condition, allowed: nil, in: tree, &report) }
            checkCommandVariants(step.command, in: tree, &report)
        }
        checkCommandVariants(node.verify?.command, in: tree, &report)
    }

    /// Every documentation reference carries an https address (the wizard shows it; reports link it).
    private static func checkDocs(_ node: Node, _ report: inout NodeReport) {
        for doc in node.docs ?? [] {
            if let problem = doc.urlProblem { report.add("doc '\(doc.title)' \(problem)") }
        }
    }

    /// Variant conditions name known facts, and only the last variant may go without a condition
    /// (one after it could never be chosen).
    private static func checkCommandVariants(_ command: CommandText?, in tree: DecisionTree, _ report: inout NodeReport) {
        guard let command else { return }
        for (index, variant) in command.variants.enumerated() {
            if variant.command.trimmedOfWhitespaceAndNewlines().isEmpty { report.add("a command variant is empty") }
            if let condition = variant.when {
                checkCondition(condition, allowed: nil, in: tree, &report)
            } else if index < command.variants.count - 1 {
                report.add("command variant \(index + 1) has no 'when' but is not the last; the ones after it are never shown")
            }
        }
    }

    private static func checkPlaceholders(_ node: Node, in tree: DecisionTree, _ report: inout NodeReport) {
        let texts: [String?] = [node.text, node.why, node.hint, node.explanation]
            + (node.command?.all ?? []) + (node.steps ?? []).flatMap { [$0.text] + ($0.command?.all ?? []) }
            + (node.verify?.command?.all ?? []) + (node.docs ?? []).map(\.title)
            + [node.verify?.text, node.query?.text, node.query?.log_group, node.query?.insights, node.query?.command]
        var reported: Set<String> = []
        for key in texts.compactMap({ $0 }).flatMap(Template.placeholders) where tree.fact(key) == nil {
            if reported.insert(key).inserted { report.add("placeholder {{\(key)}} is not a fact in facts.yaml") }
        }
    }

    // MARK: - Graph

    private static func graphIssues(_ tree: DecisionTree) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        let reachable = reachableIDs(tree)
        for node in tree.nodes where !reachable.contains(node.id) {
            issues.append(ContentIssue(file: node.file, node: node.id, message: "not reachable from '\(tree.startID)'"))
        }
        for cycle in cycles(tree) {
            let node = tree.node(cycle[0])
            issues.append(ContentIssue(file: node?.file ?? "?", node: cycle[0], message: "cycle: \(cycle.joined(separator: " -> "))"))
        }
        for cause in tree.causes {
            let fixes = tree.nodes.filter { $0.kind == .fix && $0.cause == cause.id }
            if fixes.isEmpty {
                issues.append(ContentIssue(file: "causes.yaml", message: "cause '\(cause.id)' has no fix node"))
            } else if fixes.count > 1 {
                let ids = fixes.map(\.id).joined(separator: ", ")
                issues.append(ContentIssue(file: "causes.yaml", message: "cause '\(cause.id)' has \(fixes.count) fix nodes (\(ids)); keep one"))
            }
        }
        return issues
    }

    /// Ids reachable from the start by routes and defaults.
    public static func reachableIDs(_ tree: DecisionTree) -> Set<String> {
        var seen: Set<String> = []
        var stack = [tree.startID]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let node = tree.node(id) else { continue }
            stack += node.targets
        }
        return seen.filter { tree.node($0) != nil }
    }

    /// Each cycle once, as the list of ids around it (iterative DFS with colouring).
    private static func cycles(_ tree: DecisionTree) -> [[String]] {
        enum Colour { case grey, black }
        var colour: [String: Colour] = [:]
        var found: [[String]] = []
        for root in tree.nodes.map(\.id) where colour[root] == nil {
            var path: [String] = []
            var stack: [(id: String, next: Int)] = [(root, 0)]
            colour[root] = .grey
            path.append(root)
            while let top = stack.last {
                let targets = tree.node(top.id)?.targets ?? []
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let target = targets[top.next]
                    guard tree.node(target) != nil else { continue }
                    switch colour[target] {
                    case nil:
                        colour[target] = .grey
                        stack.append((target, 0))
                        path.append(target)
                    case .grey:
                        if let start = path.firstIndex(of: target) { found.append(Array(path[start...]) + [target]) }
                    case .black:
                        break
                    }
                } else {
                    colour[top.id] = .black
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return found
    }

    // MARK: - Helpers

    private static func duplicates(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var repeated: [String] = []
        for value in values where !seen.insert(value).inserted && !repeated.contains(value) { repeated.append(value) }
        return repeated
    }

    static func isValidPattern(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }
}
