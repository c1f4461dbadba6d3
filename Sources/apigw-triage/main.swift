print("apigw-triage")
