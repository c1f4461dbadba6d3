import Testing

@testable import TriageKit

@Suite("AWSIdentifiers")
struct AWSIdentifiersTests {
    private func bytes<T>(_ text: String, _ read: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(read)
    }

    @Test func readsTheSourceArnOfAnEndpointRequest() throws {
        let arn = try #require(bytes("{x=1, X-Amz-Source-Arn=arn:aws:execute-api:eu-west-2:958845080241:uwe3g5jm54/Prod/GET/echo/{id}, Accept=*/*}", AWSIdentifiers.executeAPIArn))
        #expect(arn == .init(region: "eu-west-2", account: "958845080241", apiID: "uwe3g5jm54", stage: "Prod", method: "GET", path: "/echo/{id}"))
        let root = try #require(bytes("X-Amz-Source-Arn=arn:aws:execute-api:us-east-2:123456789012:mnh1xmpli7/default/GET/", AWSIdentifiers.executeAPIArn))
        #expect(root.path == "/")
        #expect(bytes("X-Amz-Source-Arn=arn:aws:execute-api:nowhere:123:short/x", AWSIdentifiers.executeAPIArn) == nil)
    }

    @Test func readsTheFunctionOrTheStageVariableFromALambdaUri() {
        let plain = bytes("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:HelloWorld:live/invocations", AWSIdentifiers.lambdaArn)
        #expect(plain == .init(region: "us-east-1", account: "123456789012", functionName: "HelloWorld:live", stageVariable: nil))
        let variable = bytes("functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations", AWSIdentifiers.lambdaArn)
        #expect(variable?.functionName == nil)
        #expect(variable?.stageVariable == "fn")
    }

    @Test func readsExecuteAPIHostsLogGroupsAndRoles() {
        #expect(bytes("* Connected to a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com (52.95.121.10)", AWSIdentifiers.executeAPIHost)! == ("a1b2c3d4e5", "eu-west-1"))
        #expect(bytes("orders.example.com", AWSIdentifiers.executeAPIHost) == nil)
        #expect(bytes("API-Gateway-Execution-Logs_uwe3g5jm54/Prod\t(rid) x", AWSIdentifiers.executionLogGroup)! == ("uwe3g5jm54", "Prod"))
        let role = bytes("assume the provided role arn:aws:iam::123456789012:role/service/apigw-invoke.", AWSIdentifiers.roleArn)
        #expect(role?.arn == "arn:aws:iam::123456789012:role/service/apigw-invoke")
        #expect(role?.name == "apigw-invoke")
    }

    @Test(arguments: ["eu-west-1", "us-gov-west-1", "ap-southeast-2", "il-central-1"])
    func acceptsRegions(region: String) {
        #expect(AWSIdentifiers.isRegion(region[...]))
    }

    @Test(arguments: ["eu-west", "europe-west-1", "EU-WEST-1", "eu-west-10"])
    func rejectsNonRegions(text: String) {
        #expect(!AWSIdentifiers.isRegion(text[...]))
    }
}
