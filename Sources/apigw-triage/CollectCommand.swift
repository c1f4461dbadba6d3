import ArgumentParser
import Foundation
import TriageKit

/// `apigw-triage collect`: prints the read-only bash script that gathers the evidence for one API,
/// stage and time window into a folder, for `apigw-triage scan` to read. The tool never runs it.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Print a read-only script that gathers an API's evidence into a folder for 'scan'.",
        discussion: """
            The script runs only get/list/describe/filter/lookup AWS CLI calls (v1 or v2, no jq), saves one \
            file per call and a MANIFEST of commands, exit statuses and gaps. Read it, run it where your \
            credentials are, then scan the folder:
              apigw-triage collect --api-id a1b2c3d4e5 --stage prod --region eu-west-1 > collect.sh
              bash collect.sh
              apigw-triage scan apigw-evidence-a1b2c3d4e5-*
            """
    )

    @Option(name: .customLong("api-id"), help: "The API's id (REST, HTTP or WebSocket).") var apiID: String
    @Option(help: "The stage ($default for an HTTP API's default stage).") var stage: String
    @Option(help: "The Region; the script uses the AWS CLI's configured Region when omitted.") var region: String?
    @Option(name: .customLong("api-type"), help: "rest, http or websocket; looked up by the script when omitted.")
    var apiType: CollectRequest.APIType?
    @Option(help: "Start of the window: a duration back from now (30m, 2h, 1d) or an ISO 8601 time. Default: 1h (1d with --request-id).")
    var since: String?
    @Option(help: "End of the window (default: now).") var until: String?
    @Option(name: .customLong("request-id"), help: "A failing request's id: the log calls fetch only its lines.")
    var requestID: String?
    @Option(name: .customLong("function"), help: "A Lambda function to read (repeatable); default: every function the integrations name.")
    var functions: [String] = []
    @Option(help: "The folder the script writes (default: apigw-evidence-<api>-<time>).") var out: String?
    @Option(help: "The AWS CLI profile the script uses.") var profile: String?
    @Option(name: .customLong("max-items"), help: "At most this many log events or CloudTrail events per call.")
    var maxItems: Int = 5000
    @Flag(name: .customLong("allow-invoke"), help: "Also run test-invoke-method once for --resource-id and --http-method (runs the backend).")
    var allowInvoke = false
    @Option(name: .customLong("resource-id"), help: "With --allow-invoke: the REST resource to test.") var resourceID: String?
    @Option(name: .customLong("http-method"), help: "With --allow-invoke: the method to test.") var httpMethod: String?
    @Option(help: "With --allow-invoke: the path and query string to test (default: /).") var path: String = "/"
    @Option(help: "Write the script to this file (made executable) instead of printing it.") var script: String?

    func validate() throws {
        if apiID.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--api-id is empty") }
        if stage.isEmpty { throw ValidationError("--stage is empty") }
        if maxItems < 1 { throw ValidationError("--max-items must be at least 1") }
        if allowInvoke, resourceID == nil || httpMethod == nil {
            throw ValidationError("--allow-invoke needs --resource-id and --http-method (the route to test)")
        }
        if !allowInvoke, resourceID != nil || httpMethod != nil {
            throw ValidationError("--resource-id and --http-method are only used with --allow-invoke")
        }
    }

    func run() throws {
        let window: CollectWindow
        do {
            window = try CollectWindow.parse(since: since, until: until, now: Date(), hasRequestID: requestID != nil)
        } catch {
            throw ValidationError(error.description)
        }
        let request = CollectRequest(
            apiID: apiID, stage: stage, region: region, apiType: apiType, window: window, requestID: requestID,
            functions: functions, outputFolder: out, profile: profile, maxItems: maxItems,
            invoke: allowInvoke ? CollectRequest.InvokeTarget(resourceID: resourceID ?? "", httpMethod: (httpMethod ?? "").uppercased(), path: path) : nil)
        let text = CollectScript.render(request, generator: "apigw-triage \(TriageKitVersion.tool)")
        guard let script else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: script))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        } catch {
            FileHandle.standardError.write(Data("apigw-triage: cannot write \(script): \(error.localizedDescription)\n".utf8))
            throw ExitStatus.unreadable.exitCode
        }
        FileHandle.standardError.write(Data("Wrote \(script). Read it, run it (bash \(script)), then: apigw-triage scan \(request.outputFolder ?? request.defaultFolder)\n".utf8))
    }
}

extension CollectRequest.APIType: ExpressibleByArgument {}
