/// The cause one failed request shows, with the lines that show it (before grouping into findings).
struct RequestDiagnosis: Equatable {
    var cause: String
    var confidence: Confidence
    /// The status the client got (from `Method completed`, or the cause's usual one when the log
    /// ends before that line).
    var status: Int?
    /// Most telling line first.
    var evidence: [EvidenceLine]
    var facts: [String: String]
    /// A detail worth naming in the summary, e.g. the Lambda exception.
    var detail: String?
    /// The request's ids, for joining it with other files (filled for the example request).
    var request: RequestKeys? = nil
}
