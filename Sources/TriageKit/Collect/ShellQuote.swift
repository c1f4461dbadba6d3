/// Quoting for values written into a shell script: single quotes, where nothing expands, with each
/// embedded single quote closed, escaped and reopened. `$default` stays `$default`.
enum ShellQuote {
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
