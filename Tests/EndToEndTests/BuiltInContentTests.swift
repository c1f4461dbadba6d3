import Foundation
import Testing

/// The built-in content through the binary: lint is clean, and the graph has one reachable fix per cause.
@Suite("Built-in content end to end")
struct BuiltInContentTests {
    @Test func lintIsClean() throws {
        let result = try BinaryRunner.run(["lint"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("built-in content: clean"))
    }

    @Test func theGraphHasOneReachableFixPerCatalogueCause() throws {
        let causes = try BinaryRunner.run(["causes", "--format", "json"])
        let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(causes.stdout.utf8)) as? [[String: Any]])
        let ids = catalogue.compactMap { $0["id"] as? String }
        #expect(ids.count == 22)

        let graph = try BinaryRunner.run(["graph", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(graph.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let reachableFixes = nodes.filter { $0["kind"] as? String == "fix" && $0["reachable"] as? Bool == true }
        let fixCauses = reachableFixes.compactMap { $0["cause"] as? String }
        #expect(fixCauses.sorted() == ids.sorted())
        #expect(Set(fixCauses).count == fixCauses.count)
    }

    @Test func everyCauseHasAPrintableFix() throws {
        let causes = try BinaryRunner.run(["causes", "--format", "json"])
        let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(causes.stdout.utf8)) as? [[String: Any]])
        for id in catalogue.compactMap({ $0["id"] as? String }) {
            let fix = try BinaryRunner.run(["fix", id, "--fact", "api_type=rest"])
            #expect(fix.status == 0)
            #expect(fix.stdout.contains("Cause: \(id) ("))
            #expect(fix.stdout.contains("Verify the fix:"))
        }
    }
}
