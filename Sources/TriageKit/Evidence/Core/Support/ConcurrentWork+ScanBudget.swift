extension ConcurrentWork {
    /// `map` for the scan of one file on every core: the caller's scan time budget
    /// (`ScanBudget.deadline`, `budgetSeconds`) is bound on every worker, because worker threads
    /// do not inherit task-local values, and a part that ran on would escape the budget.
    static func mapWithinScanBudget<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let deadline = ScanBudget.deadline
        let budget = ScanBudget.budgetSeconds
        return try map(count) { index in
            try ScanBudget.$deadline.withValue(deadline) {
                try ScanBudget.$budgetSeconds.withValue(budget) { try body(index) }
            }
        }
    }
}
