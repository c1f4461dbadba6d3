/// What a terminal below the minimum size shows until it grows: the sizes and how to go on.
enum TooSmallScreen {
    static func draw(size: TerminalSize, glyphs: Glyphs, into grid: inout CellGrid) {
        let minimum = TerminalSize.minimum
        let text = "It is \(size) (columns x rows); the wizard needs at least \(minimum). "
            + "Make the window larger to go on, or press Ctrl-C to quit."
        var lines = ["Terminal too small"] + ProseWrap.wrap(text, width: max(1, grid.width - 2))
        if lines.count > grid.height { lines = Array(lines.prefix(grid.height)) }
        let top = max(0, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let left = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(line, row: top + offset, column: left, style: offset == 0 ? .bold : .plain)
        }
    }
}
