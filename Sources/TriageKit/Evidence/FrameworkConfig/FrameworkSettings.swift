/// The timeout and memory settings of a Chalice, Zappa or up configuration, each with where it
/// applies (`stage prod`, `function api_handler`).
struct FrameworkSettings {
    enum Framework {
        case chalice, zappa, up

        var name: String {
            switch self {
            case .chalice: "Chalice"
            case .zappa: "Zappa"
            case .up: "up"
            }
        }

        /// The function timeout each framework sets when the file does not.
        var defaultTimeout: Int {
            switch self {
            case .chalice: 60
            case .zappa: 30
            case .up: 60
            }
        }
    }

    var scope: String
    var stage: String?
    var timeout: DocumentNode.Member?
    var memory: DocumentNode.Member?

    /// Which framework wrote `root`, from keys only it uses.
    static func framework(of root: DocumentNode) -> Framework? {
        if root["app_name"]?.string != nil, root.member("stages") != nil || root.member("version") != nil {
            return .chalice
        }
        let zappaKeys = ["app_function", "django_settings", "s3_bucket", "project_name"]
        if !root.members.isEmpty, root.members.allSatisfy({ $0.value.isObject }),
            root.members.contains(where: { stage in zappaKeys.filter { stage.value.member($0) != nil }.count >= 2 })
        {
            return .zappa
        }
        if root["name"]?.string != nil, let lambda = root["lambda"], lambda.isObject,
            lambda.member("memory") != nil || lambda.member("timeout") != nil || lambda.member("runtime") != nil
        {
            return .up
        }
        return nil
    }

    static func read(_ root: DocumentNode, framework: Framework) -> [FrameworkSettings] {
        switch framework {
        case .chalice:
            // A Chalice stage is not an API Gateway stage (that one is `api_gateway_stage`), so no stage fact.
            var settings = [setting(root, scope: "top level", stage: nil, timeout: "lambda_timeout", memory: "lambda_memory_size")]
            for stage in root["stages"]?.members ?? [] {
                settings.append(
                    setting(stage.value, scope: "stage \(stage.key)", stage: nil, timeout: "lambda_timeout",
                        memory: "lambda_memory_size"))
                for function in stage.value["lambda_functions"]?.members ?? [] {
                    settings.append(
                        setting(function.value, scope: "stage \(stage.key) function \(function.key)", stage: nil,
                            timeout: "lambda_timeout", memory: "lambda_memory_size"))
                }
            }
            return settings.filter { $0.timeout != nil || $0.memory != nil }
        case .zappa:
            return root.members.map {
                setting($0.value, scope: "stage \($0.key)", stage: $0.key, timeout: "timeout_seconds", memory: "memory_size")
            }
        case .up:
            let lambda = root["lambda"] ?? root
            return [setting(lambda, scope: "lambda", stage: nil, timeout: "timeout", memory: "memory")]
        }
    }

    private static func setting(
        _ node: DocumentNode, scope: String, stage: String?, timeout: String, memory: String
    ) -> FrameworkSettings {
        FrameworkSettings(scope: scope, stage: stage, timeout: node.member(timeout), memory: node.member(memory))
    }
}
