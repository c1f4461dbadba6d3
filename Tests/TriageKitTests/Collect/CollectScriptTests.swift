import Foundation
import Testing

@testable import TriageKit

/// The collect script: values stay intact in the shell, only read-only calls, valid bash that
/// shellcheck accepts, for every option combination the command offers.
@Suite struct CollectScriptTests {
    static let now = Date(timeIntervalSince1970: 1_796_290_000)

    static func request(
        stage: String = "prod", apiType: CollectRequest.APIType? = nil, requestID: String? = nil, functions: [String] = [],
        out: String? = nil, profile: String? = nil, region: String? = "eu-west-1", invoke: CollectRequest.InvokeTarget? = nil
    ) throws -> CollectRequest {
        CollectRequest(
            apiID: "a1b2c3d4e5", stage: stage, region: region, apiType: apiType,
            window: try CollectWindow.parse(since: "2h", until: nil, now: now, hasRequestID: requestID != nil),
            requestID: requestID, functions: functions, outputFolder: out, profile: profile, invoke: invoke)
    }

    /// Every option combination the tests run through bash and shellcheck.
    static func combinations() throws -> [CollectRequest] {
        [
            try request(),
            try request(stage: "$default", apiType: .http),
            try request(apiType: .websocket, requestID: "8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47"),
            try request(functions: ["orders", "orders:live"], out: "my evidence/it's here", profile: "team profile", region: nil),
            try request(apiType: .rest, invoke: .init(resourceID: "abc123", httpMethod: "GET", path: "/orders?id=$1")),
        ]
    }

    @Test func valuesWithSpacesQuotesAndDollarsReachTheShellIntact() throws {
        let request = try Self.request(stage: "$default", functions: ["fn with space", "it's"], out: "a \"b\" $HOME `x`", profile: "p'q")
        let script = CollectScript.render(request, generator: "apigw-triage test")
        let preamble = script.components(separatedBy: "\n\n")[0...1].joined(separator: "\n\n")
        let echoed = try Shell.run(
            ["/bin/bash", "-c", preamble + "\nprintf '%s|' \"$STAGE\" \"$OUT\" \"$PROFILE\" \"${FUNCTIONS[@]}\""])
        #expect(echoed.status == 0, "\(echoed.output)")
        #expect(echoed.output == "$default|a \"b\" $HOME `x`|p'q|fn with space|it's|")
    }

    @Test func theWindowIsWrittenAsLiteralTimes() throws {
        let script = CollectScript.render(try Self.request(), generator: "apigw-triage test")
        #expect(script.contains("SINCE_ISO='2026-12-03T07:26:40Z'"))
        #expect(script.contains("UNTIL_ISO='2026-12-03T09:26:40Z'"))
        #expect(script.contains("START_MS='1796282800000'"))
        #expect(script.contains("PERIOD='60'"))
        #expect(!script.contains("date -d"), "no GNU-only date arithmetic")
    }

    @Test func everyAWSCallIsReadOnlyAndInvokeOnlyWithAllowInvoke() throws {
        for request in try Self.combinations() {
            let script = CollectScript.render(request, generator: "apigw-triage test")
            let operations = Self.awsOperations(in: script)
            #expect(operations.count > 20)
            for operation in operations {
                if ReadOnlyOperations.invokes.contains(operation) {
                    #expect(request.invoke != nil, "\(operation) without --allow-invoke")
                    continue
                }
                #expect(ReadOnlyOperations.reads.contains(operation), "not on the read-only allow-list: \(operation)")
                #expect(ReadOnlyOperations.verbIsReadOnly(operation), "not a read by its verb: \(operation)")
            }
            let invokeLine = script.split(separator: "\n").first { $0.contains("test-invoke-method") }
            #expect((invokeLine != nil) == (request.invoke != nil), "test-invoke-method appears exactly with --allow-invoke")
            #expect(script.contains("INVOKES THE BACKEND") == (request.invoke != nil))
        }
    }

    @Test func noWriteVerbAppearsAnywhere() throws {
        let script = CollectScript.render(try Self.request(), generator: "apigw-triage test")
        for verb in ["create-", "update-", "delete-", "put-", "add-", "remove-", " invoke ", "tag-resource", "start-query"] {
            #expect(!Self.awsOperations(in: script).contains { $0.contains(verb) }, "\(verb)")
        }
    }

    @Test func theScriptIsValidBashForEveryCombination() throws {
        for request in try Self.combinations() {
            let file = try Self.write(CollectScript.render(request, generator: "apigw-triage test"))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let result = try Shell.run(["/bin/bash", "-n", file])
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func shellcheckFindsNothingForEveryCombination() throws {
        let shellcheck = try #require(Shell.which("shellcheck"), "shellcheck is not installed (apt-get install shellcheck; .ci/run does)")
        for request in try Self.combinations() {
            let file = try Self.write(CollectScript.render(request, generator: "apigw-triage test"))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let result = try Shell.run([shellcheck, "--shell=bash", file])
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func theDefaultFolderNamesTheAPIAndTheTime() throws {
        #expect(try Self.request().defaultFolder == "apigw-evidence-a1b2c3d4e5-20261203T0926")
    }

    @Test func badWindowsAreRefusedWithTheOption() throws {
        #expect(throws: CollectError.self) { try CollectWindow.parse(since: "yesterday", until: nil, now: Self.now, hasRequestID: false) }
        #expect(throws: CollectError.self) { try CollectWindow.parse(since: "1h", until: "2h", now: Self.now, hasRequestID: false) }
        let iso = try CollectWindow.parse(since: "2026-12-01T10:00", until: "2026-12-01T11:30:00Z", now: Self.now, hasRequestID: false)
        #expect(iso.sinceISO == "2026-12-01T10:00:00Z")
        #expect(iso.untilISO == "2026-12-01T11:30:00Z")
        let request = try CollectWindow.parse(since: nil, until: nil, now: Self.now, hasRequestID: true)
        #expect(request.until.timeIntervalSince(request.since) == 86_400)
    }

    /// `aws SERVICE OPERATION` pairs the script can run.
    static func awsOperations(in script: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\baws (configure|[a-z0-9]+) ([a-z][a-z0-9-]*)"#)
        let range = NSRange(script.startIndex..., in: script)
        return Set(pattern.matches(in: script, range: range).compactMap { match in
            guard let service = Range(match.range(at: 1), in: script), let operation = Range(match.range(at: 2), in: script) else { return nil }
            return "\(script[service]) \(script[operation])"
        }.filter { !$0.hasPrefix("aws ") })
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("collect-\(UUID().uuidString).sh").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// Runs a program and returns its exit status and combined output.
enum Shell {
    static func run(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let environment { process.environment = environment }
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

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
