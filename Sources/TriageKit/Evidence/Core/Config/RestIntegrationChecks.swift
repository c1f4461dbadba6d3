import Foundation

/// The checks every REST integration gets, wherever it was read from (get-integration, get-method,
/// an export, a template):
/// - a Lambda integration (`AWS`/`AWS_PROXY`) must call Lambda with `POST`;
/// - a stage variable in the URI: every function it names needs a permission (Lambda), or the
///   stage must define it (HTTP endpoints);
/// - `credentials`: a role API Gateway must be able to assume, or the caller's own credentials;
/// - MOCK and non-proxy request templates that leave requests unmapped;
/// - integration responses: none at all, no default, or a status without a method response.
struct RestIntegrationChecks {
    var document: ConfigDocument
    /// The method the integration belongs to (`GET /orders`), when the document says.
    var operation: String?
    /// Status codes declared as method responses, when the document lists them.
    var methodResponses: Set<String>?

    func findings(for integration: RestIntegration) -> [Finding] {
        var findings: [Finding] = []
        findings += methodChecks(integration)
        findings += stageVariableChecks(integration)
        findings += credentialChecks(integration)
        findings += templateChecks(integration)
        findings += responseChecks(integration)
        return findings
    }

    /// Facts the integration states: function, Region and account, timeout, VPC link, role.
    static func facts(for integration: RestIntegration) -> [String: String] {
        var facts: [String: String] = [:]
        if let uri = integration.uri?.text {
            if let arn = AmazonResourceName(uri) { facts.merge(arn.facts) { $1 } }
            if let function = integration.lambdaFunction {
                facts.merge(function.facts) { $1 }
                // The API's Region is the one in `arn:aws:apigateway:<region>:...`; use the
                // function's only when the URI is the bare function ARN.
                if facts["region"] == nil, let region = function.region, FactText.isConcrete(region) {
                    facts["region"] = region
                }
            }
            if uri.hasPrefix("http://") || uri.hasPrefix("https://"), FactText.isConcrete(uri) {
                facts["backend_url"] = uri
                if let host = uri.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first {
                    facts["backend_host"] = String(host)
                }
            }
            if let variable = StageVariableReference.names(in: uri).first { facts["stage_variable"] = variable }
        }
        if let timeout = integration.timeoutMillis?.text, Int(timeout) != nil { facts["integration_timeout_ms"] = timeout }
        if integration.connectionType?.text == "VPC_LINK", let link = integration.connectionId?.text {
            if FactText.isConcrete(link) {
                facts["vpc_link_id"] = link
            } else if let variable = StageVariableReference.names(in: link).first {
                facts["stage_variable"] = facts["stage_variable"] ?? variable
            }
        }
        if let role = integration.credentials?.text, let marker = role.range(of: ":role/"), FactText.isConcrete(role) {
            facts["role_arn"] = role
            // A role path (`role/service/name`) is not part of the name.
            if let name = role[marker.upperBound...].split(separator: "/").last { facts["role_name"] = String(name) }
        }
        return facts
    }

    /// Short notes for the report's description: what the integration is, in a few words.
    static func notes(for integration: RestIntegration) -> [String] {
        var notes: [String] = []
        if let function = integration.lambdaFunction {
            notes.append("\(integration.typeName) Lambda integration to \(function.name)")
        } else if !integration.typeName.isEmpty {
            notes.append("\(integration.typeName) integration")
        }
        if let timeout = integration.timeoutMillis?.text {
            // Above 29 s needs a raised quota, and is possible for Regional and private APIs only.
            let raised = (Int(timeout) ?? 0) > TemplateLambdaChecks.restDefaultTimeoutMs ? " (above the 29 s default quota)" : ""
            notes.append("timeout \(timeout) ms\(raised)")
        }
        if integration.connectionType?.text == "VPC_LINK" {
            notes.append("through VPC link \(integration.connectionId?.text ?? "(no connectionId)")")
        }
        if !integration.isProxy, !integration.responses.isEmpty {
            let statuses = integration.responses.map { $0.isDefault ? "\($0.statusCode) (default)" : $0.statusCode }
            notes.append("integration responses to \(statuses.joined(separator: ", "))")
        }
        if integration.insecureSkipVerification?.text == "true" {
            notes.append("backend certificate checks relaxed (insecureSkipVerification)")
        }
        return notes
    }

    // MARK: - Checks

    private func methodChecks(_ integration: RestIntegration) -> [Finding] {
        guard integration.invokesLambda, let method = integration.httpMethod,
            method.text.uppercased() != "POST", FactText.isConcrete(method.text)
        else { return [] }
        return [
            finding(
                "integration-method-not-post", .high, at: method, integration: integration,
                Text.methodNotPost(method.text))
        ]
    }

    private func stageVariableChecks(_ integration: RestIntegration) -> [Finding] {
        guard let uri = integration.uri, let variable = StageVariableReference.names(in: uri.text).first else {
            return []
        }
        if integration.invokesLambda {
            let role = integration.credentials?.text.contains(":role/") == true ? integration.credentials?.text : nil
            var found = finding(
                "stage-variable-permission", .low, at: uri, integration: integration,
                Text.stageVariableFunction(variable, role: role))
            found.facts["stage_variable"] = variable
            return [found]
        }
        guard integration.typeName.hasPrefix("HTTP") else { return [] }
        var found = finding(
            "invalid-endpoint", .low, at: uri, integration: integration, Text.stageVariableEndpoint(variable))
        found.facts["stage_variable"] = variable
        return [found]
    }

    private func credentialChecks(_ integration: RestIntegration) -> [Finding] {
        guard let credentials = integration.credentials, !credentials.text.isEmpty else { return [] }
        if credentials.text.contains(":user/") {
            guard integration.invokesLambda else { return [] }
            return [
                finding(
                    "lambda-invoke-permission", .low, at: credentials, integration: integration,
                    Text.callerCredentials)
            ]
        }
        guard credentials.text.contains(":role/") else { return [] }
        var found = finding(
            "integration-role", .low, at: credentials, integration: integration, Text.role(credentials.text))
        if FactText.isConcrete(credentials.text) { found.facts["role_arn"] = credentials.text }
        return [found]
    }

    private func templateChecks(_ integration: RestIntegration) -> [Finding] {
        let type = integration.typeName
        if type == "MOCK" {
            let setsStatus = integration.requestTemplates.contains { $0.body.contains("statusCode") }
            guard !setsStatus else {
                return passthroughRisk(integration)
            }
            let line = integration.requestTemplatesLine ?? integration.type?.line ?? integration.line
            let key = integration.requestTemplatesLine == nil ? (integration.type?.key ?? "") : "requestTemplates"
            return [
                finding(
                    "mapping-template-error", .medium, at: LocatedValue(text: "", line: line, key: key),
                    integration: integration, Text.mockWithoutStatus(hasTemplates: !integration.requestTemplates.isEmpty))
            ]
        }
        guard type == "AWS" || type == "HTTP" else { return [] }
        return passthroughRisk(integration)
    }

    /// `WHEN_NO_MATCH` with templates: a request of another content type reaches the backend raw.
    private func passthroughRisk(_ integration: RestIntegration) -> [Finding] {
        guard let behavior = integration.passthroughBehavior, behavior.text == "WHEN_NO_MATCH",
            !integration.requestTemplates.isEmpty
        else { return [] }
        let types = integration.requestTemplates.map(\.contentType).joined(separator: ", ")
        return [
            finding(
                "mapping-template-error", .low, at: behavior, integration: integration,
                Text.passthrough(contentTypes: types, mock: integration.typeName == "MOCK"))
        ]
    }

    private func responseChecks(_ integration: RestIntegration) -> [Finding] {
        let type = integration.typeName
        guard type == "AWS" || type == "HTTP" || type == "MOCK" else { return [] }
        let anchor = integration.type ?? LocatedValue(text: "", line: integration.line, key: "")
        if integration.responses.isEmpty {
            return [
                finding("status-code-mapping", .medium, at: anchor, integration: integration, Text.noIntegrationResponses)
            ]
        }
        var findings: [Finding] = []
        if let declared = methodResponses {
            for response in integration.responses where !response.statusCode.isEmpty
                && !declared.contains(response.statusCode)
            {
                let at = LocatedValue(text: response.statusCode, line: response.line, key: response.key)
                findings.append(
                    finding(
                        "status-code-mapping", .high, at: at, integration: integration,
                        Text.undeclaredStatus(response.statusCode)))
            }
        }
        if !integration.responses.contains(where: \.isDefault) {
            findings.append(
                finding("status-code-mapping", .low, at: anchor, integration: integration, Text.noDefaultResponse))
        }
        return findings
    }

    private func finding(
        _ cause: String, _ confidence: Confidence, at value: LocatedValue, integration: RestIntegration,
        _ summary: String
    ) -> Finding {
        let sentence = operation.map { "\($0): \(summary)" } ?? summary.prefix(1).uppercased() + summary.dropFirst()
        return Finding(
            cause: cause, status: 500, confidence: confidence, count: 1,
            evidence: [document.evidence(line: value.line, focus: value.key.isEmpty ? nil : value.key)],
            facts: Self.facts(for: integration), summary: sentence)
    }
}

extension RestIntegrationChecks {
    /// The words of the findings, kept together.
    enum Text {
        static func methodNotPost(_ method: String) -> String {
            "the Lambda integration calls Lambda with \(method), but Lambda is only invoked with POST, "
                + "so every call ends in a 500 before the function runs."
        }

        static func stageVariableFunction(_ variable: String, role: String?) -> String {
            if let role {
                return "the stage variable \(variable) picks the function, so the integration role \(role) "
                    + "must be allowed lambda:InvokeFunction on every function it can name."
            }
            return "the stage variable \(variable) picks the function, so every function it can name needs its "
                + "own invoke permission for apigateway.amazonaws.com, or calls end in a 500."
        }

        static func stageVariableEndpoint(_ variable: String) -> String {
            "the endpoint address comes from the stage variable \(variable); a stage that does not define it "
                + "fails every call with Invalid endpoint address (500)."
        }

        static let callerCredentials =
            "the integration calls Lambda with the caller's own credentials, so every caller needs "
            + "lambda:InvokeFunction on the function or gets a 500."

        static func role(_ role: String) -> String {
            "API Gateway calls the backend as the role \(role), whose trust policy must let "
                + "apigateway.amazonaws.com assume it, or every call ends in a 500."
        }

        static func mockWithoutStatus(hasTemplates: Bool) -> String {
            hasTemplates
                ? "the MOCK integration's request templates never set statusCode, so API Gateway cannot choose a "
                    + "response and answers 500."
                : "the MOCK integration has no request template to set statusCode, so API Gateway cannot choose a "
                    + "response and answers 500."
        }

        static func passthrough(contentTypes: String, mock: Bool) -> String {
            let consequence =
                mock
                ? "where there is no statusCode to read, so they end in a 500"
                : "which a non-proxy backend may not understand"
            return "only \(contentTypes) has a request template and passthroughBehavior is WHEN_NO_MATCH, so "
                + "requests of any other content type pass through untransformed, \(consequence)."
        }

        static let noIntegrationResponses =
            "the non-proxy integration has no integration responses, so no backend answer can be mapped to a "
            + "method response and calls end in a 500."

        static func undeclaredStatus(_ status: String) -> String {
            "an integration response maps to status \(status), which is not declared as a method response, so a "
                + "backend answer that selects it ends in a 500."
        }

        static let noDefaultResponse =
            "no integration response is the default (empty selection pattern), so a backend answer that "
            + "matches none of the patterns ends in a 500."
    }
}
