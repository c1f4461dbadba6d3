/// The ids that name one request as it crosses files, so `Core/` can join what several files say
/// about the same request (an access-log 502 and the Lambda log's `Task timed out` for it).
///
/// Every field is optional: a curl capture knows the API Gateway request id, a Lambda log only the
/// Lambda request id, an execution log both. Ids are stored as they appear (UUIDs lower-cased).
public struct RequestKeys: Codable, Sendable, Equatable, Hashable {
    /// API Gateway's request id: `$context.requestId`, `x-amzn-RequestId`, `apigw-requestid`.
    public var apiGatewayRequestId: String?
    /// API Gateway's extended request id: `$context.extendedRequestId`, `x-amz-apigw-id`.
    public var extendedRequestId: String?
    /// The backend's (Lambda's) request id: `$context.integration.requestId`, `Lambda request id:`,
    /// `RequestId:` in the function's own log.
    public var lambdaRequestId: String?
    /// The X-Ray trace id (`Root=1-…` or `1-5c755b5d-…`).
    public var traceId: String?
    /// When the request happened, as ISO 8601 UTC when the file says (for joins by time).
    public var time: String?
    /// The route: `GET /orders/{id}` (REST resource path or HTTP API route key), when known.
    public var route: String?

    public init(
        apiGatewayRequestId: String? = nil, extendedRequestId: String? = nil, lambdaRequestId: String? = nil,
        traceId: String? = nil, time: String? = nil, route: String? = nil
    ) {
        self.apiGatewayRequestId = apiGatewayRequestId
        self.extendedRequestId = extendedRequestId
        self.lambdaRequestId = lambdaRequestId
        self.traceId = traceId
        self.time = time
        self.route = route
    }

    /// True when no id, time or route is known.
    public var isEmpty: Bool {
        apiGatewayRequestId == nil && extendedRequestId == nil && lambdaRequestId == nil && traceId == nil
            && time == nil && route == nil
    }
}
