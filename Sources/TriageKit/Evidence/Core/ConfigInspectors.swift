/// The inspectors of configuration documents: a Lambda proxy response, AWS CLI outputs, exports and
/// templates. `InspectorRegistry.all` includes them next to the log inspectors.
public enum ConfigInspectors {
    public static let all: [any EvidenceInspector] = [
        LambdaResponseInspector(),
        GetIntegrationInspector(),
        GetMethodInspector(),
        GetStageInspector(),
        ExportInspector(),
        ApiGatewayV2IntegrationInspector(),
        LambdaPolicyInspector(),
        LambdaConfigurationInspector(),
        TemplateInspector(),
    ]
}
