/// A place on the screen that a mouse click means something on.
struct HitRegion: Equatable, Sendable {
    enum Target: Equatable, Sendable {
        case choice(Int)
        case copyItem(Int)
    }

    var row: Int
    var columns: Range<Int>
    var target: Target
}

/// What the last drawing found out about the layout, which the next key needs: how far lists and
/// documents reach, how much of them is visible, and where clickable things are.
///
/// The renderer is the only place that knows the layout; the controller learns it from here rather
/// than computing it a second time.
struct LayoutFeedback: Equatable, Sendable {
    /// The first choice actually shown (kept so the selection is in view).
    var choiceTop = 0
    /// Outcome screen: lines in the document, lines visible, and the first line of each copyable item.
    var documentLength = 0
    var documentViewport = 10
    var copyItemLines: [Int] = []
    /// Help overlay: lines and visible lines.
    var helpLength = 0
    var helpViewport = 10
    var hits: [HitRegion] = []
}
