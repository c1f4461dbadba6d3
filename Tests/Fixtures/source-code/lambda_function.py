import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    order_id = event["pathParameters"]["id"]
    item = TABLE.get_item(Key={"id": order_id}).get("Item")
    if item is None:
        return {"statusCode": 404, "body": json.dumps({"message": "not found"})}
    return {"statusCode": 200, "body": json.dumps(item, default=str)}
