/// The status row above the footer: the last thing that happened, marked by a symbol as well as a colour.
enum StatusLine {
    /// The message wrapped to at most two rows (the renderer makes room for them).
    static func lines(_ status: StatusMessage?, glyphs: Glyphs, width: Int) -> [StyledLine] {
        guard let status else { return [] }
        let (mark, style): (String, CellStyle) = switch status.tone {
        case .success: (glyphs.check + " ", CellStyle(bold: true, role: .success))
        case .error: ("! ", CellStyle(bold: true, role: .error))
        case .info: ("", .plain)
        }
        var lines = ProseWrap.wrap(mark + status.text, width: width - 2)
        if lines.count > 2 {
            lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: width - 2, ellipsis: glyphs.ellipsis)]
        }
        return lines.map { StyledLine($0, style) }
    }
}
