/// A file in which the AWS CLI printed an error instead of output, with its pasted command line:
/// what an inspector gets to explain the error (a missing policy is evidence, not a bad file).
struct CLIErrorOutput {
    var path: String
    var error: AWSCLIError
    var pasted: PastedOutput
    /// The file's line count.
    var lines: Int

    /// The error line quoted as evidence, then the command line when the paste shows it.
    var evidence: [EvidenceLine] {
        var quoted = [EvidenceLine(file: path, line: error.line, text: ConfigDocument.quote(error.text))]
        if let command = pasted.command {
            quoted.append(EvidenceLine(file: path, line: command.line, text: ConfigDocument.quote(command.text)))
        }
        return quoted
    }
}
