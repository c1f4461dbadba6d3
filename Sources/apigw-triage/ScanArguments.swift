/// `scan`'s arguments read without ArgumentParser, when they are of the plain kind a script or a
/// person types: `scan FILE... [--format json|text] [--content DIR] [--no-mask]`, in any order.
///
/// Why: ArgumentParser reads a command's declaration by reflection (three times per parse), a
/// sixth of a small file's scan. Anything else (help, `--`, a name starting with `-`, a
/// repeated or unknown option, `--format` with another value, no file) returns nil and
/// ArgumentParser reads the arguments as before, with its messages; where both read them, they
/// agree (`ScanArgumentsTests` compares them).
enum ScanArguments {
    /// The scan to run for `arguments` (without the program name), or nil for ArgumentParser.
    static func parse(_ arguments: [String]) -> ScanRun? {
        guard arguments.first == "scan" else { return nil }
        var files: [String] = []
        var format: OutputFormat?
        var content: String?
        var noMask = false
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            let (name, attached) = split(argument)
            switch name {
            case "--format":
                guard format == nil, let value = attached ?? rest.popFirst(), let parsed = OutputFormat(rawValue: value)
                else { return nil }
                format = parsed
            case "--content":
                guard content == nil, let value = attached ?? rest.popFirst(), isPlainValue(value) else { return nil }
                content = value
            case "--no-mask":
                guard !noMask, attached == nil else { return nil }
                noMask = true
            default:
                guard isPlainValue(argument), argument != "help" else { return nil }
                files.append(argument)
            }
        }
        guard !files.isEmpty else { return nil }
        return ScanRun(files: files, format: format ?? .text, content: content, noMask: noMask)
    }

    /// `--name=value` into its name and value; other arguments whole, without a value.
    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// A file name or option value ArgumentParser would take as it is: not empty, not an option.
    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }
}
