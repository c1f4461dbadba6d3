import Testing
@testable import TriageKit

@Suite("Condition evaluation")
struct ConditionEvaluatorTests {
    let evaluator = ConditionEvaluator(answer: "yes", facts: ["api_type": "HTTP"], findings: ["lambda-timeout"])

    @Test func answersAndFactsCompareWithoutCase() {
        #expect(evaluator.evaluate(.answer("YES")) == true)
        #expect(evaluator.evaluate(.factIs(key: "api_type", value: "http")) == true)
        #expect(evaluator.evaluate(.factIn(key: "api_type", values: ["rest"])) == false)
    }

    @Test func unknownFactsAreUndecided() {
        #expect(evaluator.evaluate(.factIs(key: "stage", value: "prod")) == nil)
        #expect(evaluator.evaluate(.factKnown(key: "stage", known: false)) == true)
        #expect(ConditionEvaluator(facts: [:], findings: []).evaluate(.answer("yes")) == nil)
    }

    @Test func findingsAreAlwaysDecided() {
        #expect(evaluator.evaluate(.finding("lambda-timeout")) == true)
        #expect(evaluator.evaluate(.finding("backend-tls")) == false)
    }

    @Test func combinatorsUseThreeValuedLogic() {
        let unknown = Condition.factIs(key: "stage", value: "prod")
        #expect(evaluator.evaluate(.all([.answer("yes"), unknown])) == nil)
        #expect(evaluator.evaluate(.all([.answer("no"), unknown])) == false)
        #expect(evaluator.evaluate(.any([.answer("yes"), unknown])) == true)
        #expect(evaluator.evaluate(.any([.answer("no"), unknown])) == nil)
        #expect(evaluator.evaluate(.not(.finding("lambda-timeout"))) == false)
        #expect(evaluator.evaluate(.not(unknown)) == nil)
    }
}
