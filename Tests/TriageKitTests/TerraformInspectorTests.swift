import Foundation
import Testing

@testable import TriageKit

@Suite struct TerraformInspectorTests {
    let inspector = TerraformInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("terraform", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "terraform", name)
    }

    @Test func dump() throws {
        for name in ["main.tf", "permission-other-api.tf", "method-not-covered.tf", "integration-role.tf", "http-api.tf", "network-only.tf", "plan.json"] {
            let r = try report(name)
            print("== \(name): \(r.description) facts=\(r.facts) problems=\(r.problems)")
            for f in r.findings { print("  \(f.cause) \(f.confidence) x\(f.count) status=\(String(describing: f.status)): \(f.summary) @ \(f.evidence.map { "\($0.line): \($0.text)" })") }
        }
    }
}
