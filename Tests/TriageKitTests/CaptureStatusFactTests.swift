import Testing

@testable import TriageKit

/// The Misreading "a status shown by curl or httpie answered the status question for 504 but not
/// for 500, 502 or 200": with the real content, every capture's status answers the first question.
@Suite("Capture status fact")
struct CaptureStatusFactTests {
    @Test(arguments: [
        ("http-response/curl-i-http-500.txt", "500"), ("http-response/httpie-rest-502.txt", "502"),
        ("http-response/curl-i-http-503.txt", "503"), ("http-response/wget-S-rest-504.txt", "504"),
        ("har/chrome-http-500-status-only.har", "500"), ("postman-run/newman-rest-502.json", "502"),
    ])
    func theCapturedStatusAnswersTheStatusQuestion(fixture: String, status: String) throws {
        let tree = try ContentLoader.load(.directory(RealContentTests.contentDirectory))
        let engine = Engine(tree: tree)
        let state = engine.start(evidence: [EvidenceTestSupport.scan(fixture)])
        let first = try #require(state.path.first)
        #expect(first.position.id == tree.startID)
        #expect(first.answer == status)
        #expect(first.source == .fact("status"))
    }
}
