#!/usr/bin/env python3
import aws_cdk as cdk
from aws_cdk import aws_lambda as _lambda, aws_apigateway as apigw
from constructs import Construct


class ReportsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = _lambda.Function(
            self, "Reports",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("src"),
        )
        apigw.LambdaRestApi(self, "ReportsApi", handler=fn)


app = cdk.App()
ReportsStack(app, "ReportsStack")
app.synth()
