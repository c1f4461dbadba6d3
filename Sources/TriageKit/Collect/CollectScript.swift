/// Writes the read-only bash script that gathers a diagnosis's evidence for one API, stage and time
/// window into a folder that `apigw-triage scan` reads whole.
///
/// - The script is a preamble of shell variables, every value single-quoted (`ShellQuote`), then the
///   fixed `CollectScriptBody`, which only reads those variables: nothing the user typed is ever
///   spliced into code, so a stage such as `$default` or a name with quotes stays intact.
/// - Every AWS call is read-only (`ReadOnlyOperations` lists what the body may call); the one call
///   that runs a backend is written only with `--allow-invoke`.
/// - The tool writes the script; it never runs it. The engineer reads it and runs it where their
///   credentials are.
public enum CollectScript {
    /// The script, ready to save or pipe to `bash`. `generator` names the tool and its version.
    public static func render(_ request: CollectRequest, generator: String) -> String {
        var lines = [
            "#!/usr/bin/env bash",
            "# shellcheck disable=SC2016  # the values below are literal: nothing in them expands",
            "# Read-only evidence for an API Gateway 5xx, written by \(generator).",
            "# It only reads (get, list, describe, filter, lookup, export)\(request.invoke == nil ? "" : ", plus ONE test-invoke-method that runs the backend (--allow-invoke)"),",
            "# saves one file per call in the folder below with a MANIFEST of the commands and their exit",
            "# statuses, and goes on when a call is denied: that is a gap, listed in the MANIFEST.",
            "# Then: apigw-triage scan FOLDER",
            "set -u",
            "",
            assignment("API_ID", request.apiID),
            assignment("STAGE", request.stage),
            assignment("REGION", request.region ?? "") + "  # empty: the AWS CLI's configured Region",
            assignment("API_TYPE", request.apiType?.rawValue ?? "") + "  # rest, http, websocket; empty: looked up",
            assignment("REQUEST_ID", request.requestID ?? ""),
            "FUNCTIONS=(" + request.functions.map(ShellQuote.quote).joined(separator: " ") + ")  # empty: from the integrations",
            assignment("OUT", request.outputFolder ?? request.defaultFolder),
            assignment("PROFILE", request.profile ?? ""),
            assignment("MAX_ITEMS", String(request.maxItems)),
            assignment("SINCE_ISO", request.window.sinceISO),
            assignment("UNTIL_ISO", request.window.untilISO),
            assignment("START_MS", String(request.window.sinceMilliseconds)),
            assignment("END_MS", String(request.window.untilMilliseconds)),
            assignment("PERIOD", String(request.window.metricPeriodSeconds)),
        ]
        if let invoke = request.invoke {
            lines += [
                assignment("INVOKE_RESOURCE_ID", invoke.resourceID),
                assignment("INVOKE_METHOD", invoke.httpMethod),
                assignment("INVOKE_PATH", invoke.path),
            ]
        }
        lines.append("")
        lines.append(CollectScriptBody.text.replacingOccurrences(
            of: "#@INVOKE@\n", with: request.invoke == nil ? "" : CollectScriptBody.invoke + "\n"))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func assignment(_ name: String, _ value: String) -> String {
        "\(name)=\(ShellQuote.quote(value))"
    }
}
