/// The response format a Lambda proxy integration expects from the function.
///
/// REST APIs and HTTP API payload format 1.0 share one strict shape; payload format 2.0 adds
/// `cookies` and reads any other JSON without `statusCode` as the body of a 200.
public enum ProxyResponseFormat: String, Sendable, CaseIterable, Codable {
    case rest
    case httpPayload1 = "http-1.0"
    case httpPayload2 = "http-2.0"

    /// The format for an API type (`rest`/`http`) and an HTTP API payload format version, when known.
    public init?(apiType: String?, payloadFormatVersion: String?) {
        switch (apiType, payloadFormatVersion) {
        case ("rest", _): self = .rest
        case (_, "1.0"): self = .httpPayload1
        case (_, "2.0"): self = .httpPayload2
        default: return nil
        }
    }

    /// How the format is named in findings.
    var label: String {
        switch self {
        case .rest: "REST"
        case .httpPayload1: "HTTP API payload 1.0"
        case .httpPayload2: "HTTP API payload 2.0"
        }
    }

    /// What the client gets when the function's output is unusable: REST 502, HTTP APIs 500.
    var failureStatus: Int { self == .rest ? 502 : 500 }
}
