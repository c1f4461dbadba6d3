import Foundation

extension CollectRequest {
    /// The request a wizard session's facts describe (API, stage, Region, API type, the failing
    /// request, the function), over the hour before `now` (the day, when a request id is known), or
    /// the facts it still needs.
    public static func fromFacts(_ facts: [String: String], now: Date) -> Result<CollectRequest, MissingFacts> {
        let missing = ["api_id", "stage"].filter { (facts[$0] ?? "").isEmpty }
        guard missing.isEmpty, let api = facts["api_id"], let stage = facts["stage"] else { return .failure(MissingFacts(keys: missing)) }
        let requestID = facts["request_id"].flatMap { $0.isEmpty ? nil : $0 }
        let span: TimeInterval = requestID == nil ? 3_600 : 86_400
        let function = facts["function_name"].flatMap { $0.isEmpty ? nil : $0 }
        return .success(CollectRequest(
            apiID: api, stage: stage, region: facts["region"].flatMap { $0.isEmpty ? nil : $0 },
            apiType: facts["api_type"].flatMap(APIType.init(rawValue:)),
            window: CollectWindow(since: now.addingTimeInterval(-span), until: now), requestID: requestID,
            functions: function.map { [$0] } ?? []))
    }

    /// Facts a collect script cannot do without.
    public struct MissingFacts: Error, Equatable {
        public var keys: [String]
    }
}
