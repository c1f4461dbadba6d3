/// How many rows each part of a question screen gets when the terminal is short.
///
/// Parts give way in a fixed order, least important first: spacing, the evidence panel, the hint,
/// the "why" text (cut with "…"; help shows it whole), the blank line under the question, the
/// answer list (which then scrolls), and last of all the question text itself.
struct QuestionBudget: Equatable {
    var text: Int
    var gap = 1
    var answer: Int
    var answerMinimum: Int
    var message: Int
    var gapAfterAnswer = 1
    var hint: Int
    var spacerBeforeWhy = 1
    var why: Int
    var spacerBeforeEvidence = 1
    var evidence: Int

    /// Rows used: the title rule, the parts, and a heading rule for each panel shown.
    var total: Int {
        1 + text + gap + answer + message + (hint > 0 ? gapAfterAnswer + hint : 0)
            + (why > 0 ? spacerBeforeWhy + 1 + why : 0)
            + (evidence > 0 ? spacerBeforeEvidence + 1 + evidence : 0)
    }

    mutating func fit(into rows: Int) {
        let stages: [(WritableKeyPath<QuestionBudget, Int>, Int)] = [
            (\.spacerBeforeEvidence, 0), (\.gapAfterAnswer, 0), (\.spacerBeforeWhy, 0), (\.evidence, 2), (\.hint, 1), (\.why, 3),
            (\.gap, 0), (\.answer, answerMinimum), (\.why, 2), (\.hint, 0), (\.evidence, 0), (\.message, 1),
            (\.why, 1), (\.why, 0), (\.answer, 1), (\.text, 1), (\.message, 0), (\.answer, 0),
        ]
        for (part, floor) in stages where total > rows {
            let excess = total - rows
            let value = self[keyPath: part]
            if value <= floor { continue }
            self[keyPath: part] = max(floor, value - excess)
        }
        if why == 0 { spacerBeforeWhy = 0 }
        if evidence == 0 { spacerBeforeEvidence = 0 }
        if hint == 0 { gapAfterAnswer = 0 }
    }
}
