/// Groups the failures a file shows without a cause into `UndeterminedFailure`s: one per status,
/// API type and set of candidates, with a count.
///
/// The first failure of a group is its example: its lines, ids and clues are kept (so the
/// request join can follow it into other files); later ones only count.
struct UndeterminedTally {
    private struct Key: Hashable {
        var status: Int
        var apiType: String?
        var candidates: [String]
    }

    private var order: [Key] = []
    private var groups: [Key: UndeterminedFailure] = [:]

    var isEmpty: Bool { order.isEmpty }

    /// Whether a failure of this status, API type and candidates would be its group's example
    /// (so its lines and ids are worth working out).
    func wantsExample(status: Int, apiType: String?, candidates: [String] = []) -> Bool {
        groups[Key(status: status, apiType: apiType, candidates: candidates)] == nil
    }

    mutating func add(_ failure: UndeterminedFailure) {
        let key = Key(status: failure.status, apiType: failure.apiType, candidates: failure.candidates)
        if var group = groups[key] {
            group.count += failure.count
            groups[key] = group
        } else {
            order.append(key)
            groups[key] = failure
        }
    }

    /// Adds the groups of `later`, a tally of the failures that came after this one's (a later
    /// part of the same file, its line numbers shifted by `lineOffset`): the same as adding them
    /// one by one, since a group's example is its first failure.
    mutating func merge(_ later: UndeterminedTally, lineOffset: Int) {
        for key in later.order {
            guard var failure = later.groups[key] else { continue }
            failure.evidence = failure.evidence.map { $0.shifted(by: lineOffset) }
            add(failure)
        }
    }

    /// The groups, the most frequent first (then in the order first seen).
    var failures: [UndeterminedFailure] {
        let all = order.compactMap { groups[$0] }
        return all.enumerated().sorted { left, right in
            left.element.count != right.element.count ? left.element.count > right.element.count : left.offset < right.offset
        }.map(\.element)
    }
}
