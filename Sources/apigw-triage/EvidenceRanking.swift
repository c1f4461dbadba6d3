import TriageKit

/// Which status the evidence given up front points at, to start the wizard on that branch.
enum EvidenceRanking {
    /// The status of the most significant diagnosis (as `scan` orders them) that is a 5xx the
    /// tree has a branch for (the finding's own status, else the cause's first catalogue status),
    /// with the file that showed it.
    /// Without such a diagnosis, the status of the most frequent undetermined failure: a curl 500
    /// proves no cause, but it does prove the status the client got.
    static func likeliestStatus(_ reports: [EvidenceReport], tree: DecisionTree) -> (status: Int, path: String)? {
        let branches = Set(tree.manifest.branches.keys)
        let summary = ScanSummary(reports: reports)
        for diagnosis in summary.diagnoses where diagnosis.confidence >= .medium {
            let candidates = [diagnosis.status].compactMap { $0 } + (tree.cause(diagnosis.cause)?.statuses ?? [])
            guard let status = candidates.first(where: { branches.contains(String($0)) }),
                let report = reports.first(where: { $0.findings.contains { $0.cause == diagnosis.cause } })
            else { continue }
            return (status, report.path)
        }
        for failure in summary.undetermined where branches.contains(String(failure.status)) {
            guard let report = reports.first(where: { $0.undetermined.contains { $0.status == failure.status } }) else { continue }
            return (failure.status, report.path)
        }
        return nil
    }

    /// The reports with the likeliest status stated by the file that showed it, so the first
    /// question is answered "from that file" rather than as a given fact.
    static func withLikeliestStatus(_ reports: [EvidenceReport], tree: DecisionTree) -> [EvidenceReport] {
        guard let (status, path) = likeliestStatus(reports, tree: tree) else { return reports }
        return reports.map { report in
            var report = report
            if report.path == path, report.facts["status"] == nil { report.facts["status"] = String(status) }
            return report
        }
    }
}
