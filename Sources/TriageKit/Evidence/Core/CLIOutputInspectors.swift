/// The inspectors of the other AWS CLI outputs that decide or place a cause (gateway responses,
/// authorizers, resources, deployments, HTTP API listings, load balancers, IAM roles, metrics,
/// X-Ray, CloudTrail, Lambda aliases) and of CLI errors. `InspectorRegistry.all` includes them.
public enum CLIOutputInspectors {
    public static let all: [any EvidenceInspector] = [
        GatewayResponsesInspector(),
        AuthorizersInspector(),
        V2AuthorizersInspector(),
        ResourcesInspector(),
        DeploymentsInspector(),
        StagesInspector(),
        V2ApiInspector(),
        V2ListInspector.routes,
        V2ListInspector.stages,
        V2ListInspector.mappings,
        TargetHealthInspector(),
        LoadBalancerInspector(),
        IAMRoleInspector(),
        MetricsInspector(),
        XRayInspector(),
        CloudTrailInspector(),
        LambdaAliasesInspector(),
        CLIErrorInspector(),
    ]
}
