/// Which Postman document a JSON file is:
/// - a Newman JSON report (`newman run -r json`): `run.executions[]` with `response.code`,
///   `response.header[]`, `response.stream` and `response.responseTime`;
/// - a Postman app run export (Collection Runner, "Export Results"): `results[]` with
///   `responseCode.code`, `time`, `url`, `tests`, `allTests`, beside `collection_id`/`totalPass`;
/// - a Postman collection (`info.schema` on `schema.getpostman.com`, `item[]`): request
///   definitions and saved examples, no run.
enum PostmanRunShape: Equatable {
    case newman
    case appRun
    case collection

    init?(_ root: DocumentNode) {
        guard root.isObject else { return nil }
        if let run = root["run"], run.isObject, let executions = run["executions"], executions.isArray {
            self = .newman
        } else if let results = root["results"], results.isArray,
            results.elements.first.map({ $0["responseCode"] != nil || $0["allTests"] != nil }) ?? false
                || (root["collection_id"] != nil && root["totalPass"] != nil)
        {
            self = .appRun
        } else if let info = root["info"], info.isObject, root["item"]?.isArray == true,
            info["schema"]?.string?.contains("schema.getpostman.com") == true || info["_postman_id"] != nil
        {
            self = .collection
        } else {
            return nil
        }
    }
}
