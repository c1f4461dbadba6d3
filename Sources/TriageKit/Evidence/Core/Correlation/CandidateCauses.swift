/// The causes a failure could have when the evidence shows only its status: derived from the
/// catalogue (`Content/causes.yaml` lists the statuses and API types of every cause), not kept
/// in code, so a cause added to the catalogue becomes a candidate by itself.
///
/// - A cause is a candidate when the catalogue lists the status for it and, when the API type is
///   known, that API type.
/// - Causes whose *first* status is this one come first (a REST 500 is a permission or
///   configuration problem before it is a function that answered 500), then catalogue order.
///   Not on HTTP APIs: there a failing function answers 500 too (the catalogue's later statuses
///   of the Lambda causes are the HTTP API's), so catalogue order stands, function causes first.
/// - A file that narrows the causes (`UndeterminedFailure.candidates`) is believed, within the
///   catalogue.
public enum CandidateCauses {
    public static func candidates(for failure: UndeterminedFailure, catalogue: [Cause]) -> [String] {
        let known = Set(catalogue.map(\.id))
        if !failure.candidates.isEmpty {
            return catalogue.isEmpty ? failure.candidates : failure.candidates.filter(known.contains)
        }
        let fitting = catalogue.enumerated().compactMap { index, cause -> (rank: Int, index: Int, id: String)? in
            guard let position = cause.statuses.firstIndex(of: failure.status) else { return nil }
            let rank = failure.apiType == "http" ? 0 : position
            if let type = failure.apiType, !cause.api_types.isEmpty, !cause.api_types.contains(type) { return nil }
            return (rank, index, cause.id)
        }
        return fitting.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.id)
    }
}
