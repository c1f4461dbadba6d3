import Foundation

/// A Parquet file (execution or access logs delivered to S3 in Parquet): recognised by its magic
/// `PAR1` at both ends, and answered with what to run instead, since a columnar, compressed
/// format cannot be read by a small offline tool.
enum ParquetFile {
    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Whether the file starts with `PAR1` and also ends with it (read from the end when the file
    /// is larger than the sample).
    static func isParquet(head: [UInt8], path: String, size: Int) -> Bool {
        guard head.count >= 8, Array(head.prefix(4)) == magic else { return false }
        if size <= head.count { return Array(head.suffix(4)) == magic }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(size - 4))) != nil, let tail = try? handle.read(upToCount: 4) else { return false }
        return Array(tail) == magic
    }

    /// The report for a Parquet file: not read, with the queries that read it where it lives.
    static func report(_ path: String) -> EvidenceReport {
        EvidenceReport(
            path: path, kind: nil, description: "Parquet file (logs delivered to S3), cannot be read offline",
            problems: ["\(path): \(problem)"])
    }

    static let problem =
        "Parquet cannot be read offline: it is a compressed, columnar format, and apigw-triage reads text logs. "
        + "Query it where it is and scan the result instead. In Amazon Athena, over a table on the delivery's S3 "
        + "prefix: SELECT * FROM <table> WHERE message LIKE '%Execution failed%' OR message LIKE "
        + "'%Method completed with status: 5%' LIMIT 200 (download the result as CSV). Or deliver the execution "
        + "logs to CloudWatch Logs (PLAIN or JSON) and run the Logs Insights query: fields @timestamp, @message "
        + "| filter @message like /Execution failed|Method completed with status: 5/ | sort @timestamp desc "
        + "| limit 200 (export the result, or save the log lines, and scan that file)."
}
