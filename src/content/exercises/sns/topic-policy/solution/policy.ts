import { SNSClient, SetTopicAttributesCommand } from "@aws-sdk/client-sns";

const sns = new SNSClient({});

export function topicPolicy(topicArn: string, publisherArn: string) {
  const ownerAccount = topicArn.split(":")[4];
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "OwnerManagesTopic",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ownerAccount}:root` },
        Action: [
          "SNS:Subscribe",
          "SNS:ListSubscriptionsByTopic",
          "SNS:GetTopicAttributes",
          "SNS:SetTopicAttributes",
          "SNS:DeleteTopic",
        ],
        Resource: topicArn,
      },
      {
        // The role, not its whole account.
        Sid: "CheckoutPublishes",
        Effect: "Allow",
        Principal: { AWS: publisherArn },
        Action: "SNS:Publish",
        Resource: topicArn,
      },
      {
        // Same-account identities are allowed by their IAM policies
        // unless a Deny says otherwise; a Deny beats any Allow.
        Sid: "NobodyElsePublishes",
        Effect: "Deny",
        Principal: "*",
        Action: "SNS:Publish",
        Resource: topicArn,
        Condition: { ArnNotEquals: { "aws:PrincipalArn": publisherArn } },
      },
    ],
  };
}

export async function lockTopic(topicArn: string, publisherArn: string): Promise<void> {
  await sns.send(
    new SetTopicAttributesCommand({
      TopicArn: topicArn,
      AttributeName: "Policy",
      AttributeValue: JSON.stringify(topicPolicy(topicArn, publisherArn)),
    }),
  );
}
