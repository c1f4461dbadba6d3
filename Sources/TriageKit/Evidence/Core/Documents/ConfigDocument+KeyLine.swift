extension ConfigDocument {
    /// The first line from `line` on (40 lines at most) that names `key`, ignoring case, or `line`
    /// itself. A policy statement's condition key sits a few lines below the statement's start
    /// (further in a Terraform `jsonencode` or heredoc); quoting that line shows the proof.
    func line(naming key: String, from line: Int) -> Int {
        let start = max(line - 1, 0)
        let end = min(start + 40, lines.count)
        guard start < end else { return line }
        let needle = key.lowercased()
        for number in start..<end where lines[number].lowercased().contains(needle) {
            return number + 1
        }
        return line
    }
}
