import Foundation
import Testing

@testable import TriageKit

@Suite struct ServerlessInspectorTests {
    let inspector = ServerlessInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("serverless", name))
    }

    @Test(arguments: ["serverless.yml", "http-api.yml", "queue-worker.yml"])
    func everyFixtureIsScannedAsServerless(_ name: String) {
        let report = EvidenceTestSupport.scan("serverless/\(name)")
        #expect(report.kind == "serverless")
        #expect(report.problems.isEmpty)
        #expect(report.findings.allSatisfy { $0.status == nil })
    }

    @Test func aFunctionAllowedLongerThanRestWaitsRisksA504() throws {
        let report = try report("serverless.yml")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.confidence == .medium)
        #expect(finding.summary.hasPrefix("export POST /exports:"))
        #expect(finding.evidence.first?.line == ConfigFixture.line(of: "timeout: 60", in: "serverless", "serverless.yml"))
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["api_type"] == "rest")
        #expect(report.description.contains("1 non-proxy (integration: lambda)"))
    }

    @Test func integrationLambdaIsANonProxyRiskAndA20sTimeoutShowsAs502() throws {
        let report = try report("serverless.yml")
        let mapping = try #require(report.findings.first { $0.cause == "status-code-mapping" })
        #expect(mapping.confidence == .low)
        #expect(mapping.summary.hasPrefix("report GET /reports/{id}: integration: lambda is a non-proxy integration"))
        #expect(mapping.evidence.first?.text == "integration: lambda")
        #expect(mapping.facts["function_name"] == "reports-prod-report")
        let timeout = try #require(report.findings.first { $0.cause == "lambda-timeout" })
        #expect(timeout.confidence == .low)
        #expect(timeout.summary.contains("20 s timeout"))
    }

    @Test func httpApiAndWebSocketEvents() throws {
        let report = try report("http-api.yml")
        #expect(report.facts["payload_format_version"] == "1.0")
        #expect(report.description.contains("1 httpApi event, 1 websocket event"))
        let timeout = try #require(report.findings.first { $0.cause == "lambda-timeout" })
        #expect(timeout.summary.contains("30000 ms"))
        #expect(report.findings.allSatisfy { $0.confidence == .low })
    }

    @Test func aServiceWithoutApiEventsProvesNothing() throws {
        let report = try report("queue-worker.yml")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("no API Gateway events"))
    }

    @Test(arguments: ["serverless--github-workflow.yml", "serverless--k8s-deployment.yaml", "serverless--docker-compose.yml"])
    func otherYamlIsNotServerless(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("near-miss", name))) == nil)
        #expect(EvidenceTestSupport.scan("near-miss/\(name)").kind != "serverless")
    }

    @Test func brokenYamlIsAProblem() throws {
        let file = try ConfigFixture.temporary("service: x\nprovider:\n  name: aws\nfunctions:\n  f: [unclosed\n", name: "serverless.yml")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: file.path).deletingLastPathComponent().path) }
        let report = try inspector.inspect(file)
        #expect(report.kind == "serverless")
        #expect(report.findings.isEmpty)
        #expect(!report.problems.isEmpty)
    }
}

@Suite struct FrameworkConfigInspectorTests {
    let inspector = FrameworkConfigInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("framework-config", name))
    }

    @Test(arguments: ["chalice-config.json", "zappa_settings.json", "up.json"])
    func everyFixtureIsScannedAsFrameworkConfig(_ name: String) {
        let report = EvidenceTestSupport.scan("framework-config/\(name)")
        #expect(report.kind == "framework-config")
        #expect(report.findings.allSatisfy { $0.status == nil && $0.confidence <= .medium })
    }

    @Test func chaliceTimeoutAboveWhatRestWaitsIsARisk() throws {
        let report = try report("chalice-config.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.summary.hasPrefix("Chalice stage dev:"))
        #expect(finding.summary.hasSuffix("(a risk this setting creates, not proof of a failure)."))
        #expect(finding.evidence.first?.text == "\"lambda_timeout\": 120,")
        #expect(report.description.contains("memory 1024 MB"))
        #expect(report.facts["function_timeout_s"] == "120")
    }

    @Test func zappaWithAShortTimeoutProvesNothing() throws {
        let report = try report("zappa_settings.json")
        #expect(report.findings.isEmpty)
        #expect(report.description == "Zappa configuration, stage production timeout 25 s, memory 1024 MB")
        #expect(report.facts["stage"] == "production")
    }

    @Test func upLambdaTimeout() throws {
        let report = try report("up.json")
        #expect(report.findings.first?.cause == "integration-timeout")
        #expect(report.description.contains("lambda timeout 60 s, memory 1536 MB"))
    }

    @Test func packageJsonIsNotAFrameworkConfig() {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("near-miss", "framework-config--package.json"))) == nil)
        #expect(EvidenceTestSupport.scan("near-miss/framework-config--package.json").kind != "framework-config")
    }
}

@Suite struct SourceCodeInspectorTests {
    @Test(arguments: [
        ("cdk-stack.ts", "TypeScript/JavaScript CDK app", "cdk synth"),
        ("cdk_app.py", "Python CDK app", "cdk synth"),
        ("lambda_function.py", "Python source code (handler lambda_handler)", "aws logs tail"),
        ("index.mjs", "JavaScript/TypeScript source code (handler handler)", "aws logs tail"),
        ("main.go", "Go source code", "aws logs tail"),
        ("Handler.java", "Java source code", "aws logs tail"),
        ("Function.cs", "C# source code", "aws logs tail"),
        ("fix-timeout.diff", "a diff of source code (src/orders/app.py)", "when it was deployed"),
    ])
    func sourceIsRecognisedAndAnsweredWithWhatToAttach(_ name: String, _ what: String, _ instead: String) {
        let report = EvidenceTestSupport.scan("source-code/\(name)")
        #expect(report.kind == "source-code")
        #expect(report.findings.isEmpty)
        #expect(report.description.hasPrefix(what))
        #expect(report.description.contains(instead))
        #expect(report.lines > 0)
    }

    @Test func textThatIsNotSourceGetsAProblemAndAHugeLineIsStreamed() throws {
        let plain = try ConfigFixture.temporary("Internal server error\n", name: "notes.txt")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: plain.path).deletingLastPathComponent().path) }
        let report = try SourceCodeInspector().inspect(plain)
        #expect(report.problems == ["It does not look like source code."])
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "import json\ndef handler(event, context):\n    x = '", repeating: UInt8(ascii: "a"),
                size: 8 * 1024 * 1024, named: "app.py", in: folder)
            let scanned = EvidenceScanner().scan(path)
            #expect(scanned.kind == "source-code")
            #expect(scanned.lines == 3)
        }
    }

    @Test func aTracebackIsNotSourceCode() {
        #expect(EvidenceTestSupport.scan("near-miss/source-code--python-traceback.txt").kind != "source-code")
    }

    @Test func otherKindsFixturesAreNotStolen() {
        for folder in ["terraform", "serverless", "framework-config", "execution-log", "access-log", "http-response", "template"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: EvidenceTestSupport.fixture(folder))) ?? []
            for name in names {
                let report = EvidenceTestSupport.scan("\(folder)/\(name)")
                #expect(report.kind != "source-code", "\(folder)/\(name)")
                if folder != "terraform" { #expect(report.kind != "terraform", "\(folder)/\(name)") }
            }
        }
    }
}
