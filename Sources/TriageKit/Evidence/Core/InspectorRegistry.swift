/// Every evidence inspector, asked in turn about each file; the highest `detect` score reads it.
///
/// Add a new inspector here (one type per file, named after the type).
public enum InspectorRegistry {
    public static let all: [any EvidenceInspector] = [
        ExecutionLogInspector(),
        AccessLogInspector(),
        HTTPResponseInspector(),
        TestInvokeInspector(),
        LambdaLogInspector(),
        HARInspector(),
        PostmanRunInspector(),
        WscatInspector(),
        SourceCodeInspector(),
    ] + ConfigInspectors.all + CLIOutputInspectors.all
}
