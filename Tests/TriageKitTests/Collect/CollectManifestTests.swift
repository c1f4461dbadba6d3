import Testing

@testable import TriageKit

/// Reading a collect MANIFEST back: gaps in the user's words, and the failed call that is evidence.
@Suite struct CollectManifestTests {
    static let text = """
        # apigw-triage collect manifest 1
        # api_id=a1b2c3d4e5 stage=prod region=eu-west-1 api_type=rest since=2026-12-03T07:26:40Z until=2026-12-03T09:26:40Z request_id=
        # file\tstatus\tcommand\tnote
        api.json\t0\taws apigateway get-rest-api --rest-api-id a1b2c3d4e5\t
        lambda-orders-policy.json\t254\taws lambda get-policy --function-name orders\t An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist.
        lambda-pay-policy.json\t254\taws lambda get-policy --function-name pay\t An error occurred (AccessDeniedException) when calling the GetPolicy operation: User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: lambda:GetPolicy
        lambda-gone-policy.json\t254\taws lambda get-policy --function-name gone\t An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone
        access-log.json\t-\t(not run)\tno access logging on this stage
        # done: 4 calls, 3 gaps
        """

    @Test func theHeaderAndEveryCallAreRead() {
        let manifest = CollectManifest(text: Self.text)
        #expect(manifest.header["api_id"] == "a1b2c3d4e5")
        #expect(manifest.header["stage"] == "prod")
        #expect(manifest.entries.map(\.file) == [
            "api.json", "lambda-orders-policy.json", "lambda-pay-policy.json", "lambda-gone-policy.json", "access-log.json",
        ])
        #expect(manifest.entries[1].line == 5)
        #expect(manifest.entries[4].status == nil)
    }

    @Test func gapsSayWhyInTheUsersWords() {
        let gaps = CollectManifest(text: Self.text).gaps
        #expect(gaps.map(\.file) == ["lambda-pay-policy.json", "lambda-gone-policy.json", "access-log.json"])
        #expect(gaps[0].reason.hasPrefix("no permission to run it (lambda:GetPolicy)"))
        #expect(gaps[1].reason.hasPrefix("not found:"))
        #expect(gaps[2].reason == "not applicable: (not run)")
    }

    @Test func aFunctionWithoutAPolicyIsEvidenceNotAGap() {
        let entries = CollectManifest(text: Self.text).noPolicyEntries
        #expect(entries.map(\.file) == ["lambda-orders-policy.json"])
    }

    @Test func iamActionsFollowTheCommand() {
        #expect(CollectManifest.iamAction("aws logs filter-log-events --log-group-name x") == "logs:FilterLogEvents")
        #expect(CollectManifest.iamAction("aws apigatewayv2 get-api --api-id x") == "apigateway:GET")
        #expect(CollectManifest.iamAction("aws elbv2 describe-target-health --target-group-arn x") == "elasticloadbalancing:DescribeTargetHealth")
    }

    @Test func onlyAManifestIsTakenForOne() {
        #expect(CollectManifest.isManifest("# apigw-triage collect manifest 1\n"))
        #expect(!CollectManifest.isManifest("{\"items\": []}"))
    }
}
