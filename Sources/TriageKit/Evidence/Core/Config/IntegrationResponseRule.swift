/// One integration response: the status it maps to and the pattern that selects it.
struct IntegrationResponseRule: Equatable {
    var statusCode: String
    /// Empty or absent means the default response (and an export names it `default`).
    var isDefault: Bool
    var line: Int
    var key: String
}
