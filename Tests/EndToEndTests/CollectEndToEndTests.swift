import Foundation
import Testing

/// `collect` end to end against a real AWS API implementation: moto_server (started by Scripts/test
/// or .ci/run, address in MOTO_ENDPOINT) holds an API with a planted fault; the script the binary
/// writes runs unchanged with the AWS CLI pointed at it; then the folder is scanned.
@Suite("collect against moto_server", .serialized)
struct CollectEndToEndTests {
    struct Collected {
        var folder: String
        var manifest: String
        var files: [String]
        var scriptOutput: String
    }

    static func environment() throws -> [String: String] {
        let endpoint = try #require(
            ProcessInfo.processInfo.environment["MOTO_ENDPOINT"],
            "MOTO_ENDPOINT is not set: run the tests with Scripts/test (it starts moto_server) or .ci/run")
        var env = ProcessInfo.processInfo.environment
        env["AWS_ENDPOINT_URL"] = endpoint
        env["AWS_ACCESS_KEY_ID"] = "testing"
        env["AWS_SECRET_ACCESS_KEY"] = "testing"
        env["AWS_DEFAULT_REGION"] = "eu-west-1"
        env["AWS_MAX_ATTEMPTS"] = "1"
        env.removeValue(forKey: "AWS_PROFILE")
        return env
    }

    /// Plants an API with `setup-api.sh`, writes the collect script with the binary, runs it.
    static func collect(kind: String, stage: String, extra: [String] = []) throws -> (api: String, collected: Collected) {
        let env = try environment()
        let name = "\(kind)-\(UUID().uuidString.prefix(8).lowercased())"
        let setup = try run(["/bin/bash", BinaryRunner.fixture("collect/setup-api.sh"), kind, name], environment: env)
        try #require(setup.status == 0, "setup failed: \(setup.output)")
        let api = setup.output.split(separator: "\n").last.map(String.init) ?? ""
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("collect-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let folder = work + "/evidence"
        let script = try BinaryRunner.run(
            ["collect", "--api-id", api, "--stage", stage, "--region", "eu-west-1", "--out", folder] + extra)
        try #require(script.status == 0, "collect failed: \(script.stderr)")
        try script.stdout.write(toFile: work + "/collect.sh", atomically: true, encoding: .utf8)
        let ran = try run(["/bin/bash", work + "/collect.sh"], environment: env, directory: work)
        let manifest = (try? String(contentsOfFile: folder + "/MANIFEST", encoding: .utf8)) ?? ""
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return (api, Collected(folder: folder, manifest: manifest, files: files, scriptOutput: ran.output))
    }

    static func cleanUp(_ collected: Collected) {
        try? FileManager.default.removeItem(atPath: (collected.folder as NSString).deletingLastPathComponent)
    }

    @Test func aRestAPIsEvidenceIsCollectedWithItsGapsListed() throws {
        let (api, collected) = try Self.collect(kind: "rest", stage: "prod")
        defer { Self.cleanUp(collected) }
        #expect(collected.scriptOutput.contains("API type: rest"))
        for file in ["api.json", "stage.json", "resources.json", "export.json", "gateway-responses.json", "MANIFEST"] {
            #expect(collected.files.contains(file), "\(file) missing: \(collected.files)")
        }
        #expect(collected.files.contains { $0.hasSuffix("-policy.json") }, "the integration's function was discovered")
        #expect(collected.manifest.contains("# api_id=\(api) stage=prod region=eu-west-1"))
        #expect(collected.manifest.contains("\taws lambda get-policy --function-name rest-"))
        // moto has no execution log group for the stage: a gap, recorded, and the run went on.
        #expect(collected.manifest.contains("execution-log.json\t"))
        #expect(collected.manifest.contains("ResourceNotFoundException"))
        #expect(collected.manifest.contains("# done: "))

        // The folder is one argument: the planted GET integration is the diagnosis, with the gaps listed.
        let folderScan = try BinaryRunner.run(["scan", "--format", "json", collected.folder])
        #expect(folderScan.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(folderScan.stdout.utf8)) as? [String: Any])
        let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["cause"] as? String == "integration-method-not-post", "\(diagnoses)")
        let gaps = try #require(object["gaps"] as? [[String: Any]])
        #expect(gaps.contains { ($0["file"] as? String ?? "").hasSuffix("/execution-log.json") && ($0["reason"] as? String ?? "").hasPrefix("not found") })
        Self.expectEveryFileRecognised(object)

        // The planted policy names API zzzzzzzzzz: with the MANIFEST naming the API collected, the
        // cross-file rule proves the missing permission, quoting both lines.
        let permission = try #require(diagnoses.first { $0["cause"] as? String == "lambda-invoke-permission" }, "\(diagnoses)")
        #expect(permission["confidence"] as? String == "high")
        let quoted = try #require(permission["evidence"] as? [[String: Any]])
        #expect(quoted.contains { ($0["file"] as? String ?? "").hasSuffix("-policy.json") && ($0["text"] as? String ?? "").contains("zzzzzzzzzz") })
        #expect(quoted.contains { ($0["file"] as? String ?? "").hasSuffix("/MANIFEST") && ($0["text"] as? String ?? "").contains("api_id=\(api)") })

        let policy = try #require(collected.files.first { $0.hasSuffix("-policy.json") })
        let scan = try BinaryRunner.run(["scan", "--format", "json", collected.folder + "/" + policy, collected.folder + "/stage.json"])
        #expect(scan.status == 0)
        #expect(scan.stdout.contains("zzzzzzzzzz"), "the policy's source ARN is read: \(scan.stdout)")
    }

    @Test func anHTTPAPIsDefaultStageStaysQuotedAndItsEvidenceIsCollected() throws {
        let (_, collected) = try Self.collect(kind: "http", stage: "$default")
        defer { Self.cleanUp(collected) }
        #expect(collected.scriptOutput.contains("API type: http"))
        for file in ["api.json", "stage.json", "routes.json", "integrations.json", "MANIFEST"] {
            #expect(collected.files.contains(file), "\(file) missing: \(collected.files)")
        }
        #expect(collected.manifest.contains("stage=$default"))
        #expect(collected.manifest.contains("get-stage --api-id"))
        #expect(collected.files.contains { $0.hasPrefix("lambda-http-") && $0.hasSuffix("-configuration.json") })

        // The function has no policy at all (get-policy: ResourceNotFoundException): the MANIFEST
        // line is the evidence, not a gap; every file the script wrote is read.
        let folderScan = try BinaryRunner.run(["scan", "--format", "json", collected.folder])
        #expect(folderScan.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(folderScan.stdout.utf8)) as? [String: Any])
        Self.expectEveryFileRecognised(object)
        let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
        let permission = try #require(diagnoses.first { $0["cause"] as? String == "lambda-invoke-permission" }, "\(diagnoses)")
        let quoted = try #require((permission["evidence"] as? [[String: Any]])?.first)
        #expect((quoted["file"] as? String ?? "").hasSuffix("/MANIFEST"))
        #expect((quoted["text"] as? String ?? "").contains("aws lambda get-policy"))
        let gaps = try #require(object["gaps"] as? [[String: Any]])
        #expect(!gaps.contains { ($0["file"] as? String ?? "").hasSuffix("-policy.json") })
    }

    /// No file of the folder is left "not recognised" (issue 11 point 5).
    static func expectEveryFileRecognised(_ scan: [String: Any]) {
        let files = (scan["files"] as? [[String: Any]]) ?? []
        #expect(!files.isEmpty)
        for file in files {
            #expect(file["kind"] as? String != nil, "not recognised: \(file["path"] ?? "?")")
        }
    }

    static func run(_ arguments: [String], environment: [String: String], directory: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
