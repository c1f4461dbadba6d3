import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({});

export const handler = async (event) => {
  const id = event.pathParameters?.id;
  const result = await client.send(new GetItemCommand({
    TableName: process.env.TABLE_NAME,
    Key: { id: { S: id } },
  }));
  return { statusCode: 200, body: JSON.stringify(result.Item ?? {}) };
};
