/// What `apigw-triage collect` gathers evidence for: the API, stage, Region and time window, with the
/// optional narrowing (a request id, functions) and the few switches that change what the script does.
///
/// Values are kept as the user typed them; `CollectScript` quotes every one of them for the shell, so a
/// stage such as `$default` or a profile with spaces stays intact.
public struct CollectRequest: Sendable, Equatable {
    /// API types the script knows how to read; nil means "look it up" (the script asks API Gateway).
    public enum APIType: String, Sendable, CaseIterable {
        case rest, http, websocket
    }

    public var apiID: String
    public var stage: String
    /// Nil: the script takes the Region of the AWS CLI's configuration (`AWS_REGION`, the profile).
    public var region: String?
    public var apiType: APIType?
    public var window: CollectWindow
    /// A failing request's id: log calls filter on it.
    public var requestID: String?
    /// Functions to read; empty means "every function the API's integrations and authorizers name".
    public var functions: [String]
    /// The folder the script writes; `apigw-evidence-<api>-<time>` when nil.
    public var outputFolder: String?
    public var profile: String?
    /// Bound for every log and CloudTrail call (`--max-items`).
    public var maxItems: Int
    /// `--allow-invoke`: the script may call `test-invoke-method` (which runs the backend) for this route.
    public var invoke: InvokeTarget?

    /// The one call that runs the backend, allowed only when asked for.
    public struct InvokeTarget: Sendable, Equatable {
        public var resourceID: String
        public var httpMethod: String
        public var path: String

        public init(resourceID: String, httpMethod: String, path: String) {
            self.resourceID = resourceID
            self.httpMethod = httpMethod
            self.path = path
        }
    }

    public init(
        apiID: String, stage: String, region: String? = nil, apiType: APIType? = nil, window: CollectWindow,
        requestID: String? = nil, functions: [String] = [], outputFolder: String? = nil, profile: String? = nil,
        maxItems: Int = 5000, invoke: InvokeTarget? = nil
    ) {
        self.apiID = apiID
        self.stage = stage
        self.region = region
        self.apiType = apiType
        self.window = window
        self.requestID = requestID
        self.functions = functions
        self.outputFolder = outputFolder
        self.profile = profile
        self.maxItems = maxItems
        self.invoke = invoke
    }

    /// The default folder name: the API id and the end of the window, safe in any shell and file system.
    public var defaultFolder: String {
        let stamp = window.untilISO.filter { $0.isNumber || $0 == "T" }.prefix(13)
        let api = apiID.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "apigw-evidence-\(api.isEmpty ? "api" : api)-\(stamp)"
    }
}
