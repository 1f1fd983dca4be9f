import { SNSClient, SetTopicAttributesCommand } from "@aws-sdk/client-sns";

const sns = new SNSClient({});

/**
 * The access policy of the topic: only `publisherArn` may publish;
 * the owner account keeps managing the topic (subscribe, read and
 * change attributes, delete).
 */
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
      // TODO 1: allow publisherArn (a role in another account) to
      //   SNS:Publish.
      // TODO 2: deny SNS:Publish to every other principal, including
      //   those of the owner account (Principal "*", with a condition
      //   on aws:PrincipalArn).
    ],
  };
}

/** Replaces the topic's policy. */
export async function lockTopic(topicArn: string, publisherArn: string): Promise<void> {
  await sns.send(
    new SetTopicAttributesCommand({
      TopicArn: topicArn,
      AttributeName: "Policy",
      AttributeValue: JSON.stringify(topicPolicy(topicArn, publisherArn)),
    }),
  );
}
