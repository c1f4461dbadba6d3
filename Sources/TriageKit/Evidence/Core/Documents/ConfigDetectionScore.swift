/// The scores document inspectors give in `detect`, on the protocol's 0...100 scale.
///
/// A document whose keys only one AWS CLI command prints is `certain`; a shape shared with other
/// JSON (a proxy response is just an object with `statusCode`) scores lower, so the specific
/// reading wins whenever two inspectors both recognise a file.
enum ConfigDetectionScore {
    /// Keys that only this output has (`methodIntegration` + `authorizationType`, `Policy` + `RevisionId`).
    static let certain = 95
    /// A template or export marker (`AWSTemplateFormatVersion`, `openapi` + `x-amazon-apigateway-*`).
    static let strong = 90
    /// The shape fits well but other JSON could share it (a proxy response with `statusCode` and `body`).
    static let likely = 75
    /// Some of the shape (a proxy response without `statusCode`).
    static let possible = 40
    /// Barely anything to go on (a bare JSON string as a proxy response).
    static let weak = 15
}
