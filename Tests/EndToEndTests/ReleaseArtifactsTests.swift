import Foundation
import Testing

/// What ships beside the binary: the version line, the completion scripts and the man page.
@Suite("Release artifacts")
struct ReleaseArtifactsTests {
    static let resources = BinaryRunner.packageRoot.appendingPathComponent("Resources")

    @Test func versionNamesTheToolAndTheBuiltInContentVersion() throws {
        let manifest = try String(
            contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Content/manifest.yaml"), encoding: .utf8)
        let line = try #require(manifest.split(separator: "\n").first { $0.hasPrefix("version:") })
        let contentVersion = line.dropFirst("version:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
        let result = try BinaryRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^apigw-triage \d+\.\d+\.\d+ \(content "#, options: .regularExpression) != nil)
        #expect(result.stdout.hasSuffix("(content \(contentVersion))\n"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func theCommittedCompletionScriptIsTheGeneratedOne(shell: String) throws {
        let generated = try BinaryRunner.run(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        let committed = try String(
            contentsOf: Self.resources.appendingPathComponent("completions/apigw-triage.\(shell)"), encoding: .utf8)
        #expect(generated.stdout == committed, "run Scripts/completions and commit Resources/completions")
    }

    @Test func theManPageDocumentsEveryCommandAndOption() throws {
        let page = try String(contentsOf: Self.resources.appendingPathComponent("apigw-triage.1"), encoding: .utf8)
        let dump = try BinaryRunner.run(["--experimental-dump-help"])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(info["command"] as? [String: Any])
        var missing: [String] = []
        for command in [root] + (root["subcommands"] as? [[String: Any]] ?? []) {
            let name = command["commandName"] as? String ?? ""
            if command as NSDictionary != root as NSDictionary, !page.contains("Cm \(name)") { missing.append("command \(name)") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for entry in argument["names"] as? [[String: Any]] ?? [] where entry["kind"] as? String == "long" {
                    let option = entry["name"] as? String ?? ""
                    // ArgumentParser's own completion and help-dump options are not for users.
                    if option.hasPrefix("generate-completion") || option.hasPrefix("experimental") { continue }
                    if !page.contains("Fl -\(option)") { missing.append("\(name) --\(option)") }
                }
            }
        }
        #expect(missing == [], "document these in Resources/apigw-triage.1")
    }

    @Test func theManPageRendersWithoutWarnings() throws {
        let groff = URL(fileURLWithPath: "/usr/bin/groff")
        try #require(FileManager.default.isExecutableFile(atPath: groff.path), "groff is not installed")
        let process = Process()
        process.executableURL = groff
        process.arguments = ["-mandoc", "-T", "utf8", "-ww", "-z", Self.resources.appendingPathComponent("apigw-triage.1").path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(warnings == "")
    }
}

/// `graph --format outline` prints the same map as the library's golden file.
@Suite("Outline end to end")
struct OutlineCommandTests {
    @Test func graphOutlineOfTheMapFixture() throws {
        let result = try BinaryRunner.run(["graph", "--format", "outline", "--content", BinaryRunner.fixture("content-map")])
        #expect(result.status == 0)
        let golden = try String(contentsOfFile: BinaryRunner.fixture("golden/outline-tree.txt"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func theMapFixturePassesLint() throws {
        let result = try BinaryRunner.run(["lint", BinaryRunner.fixture("content-map")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("clean (8 nodes"))
    }
}
