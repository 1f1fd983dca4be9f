/**
 * Receipt handles. A fresh handle is issued on every receive; it names the queue and the message
 * so that a well-formed but outdated handle can be told apart from garbage: garbage is
 * ReceiptHandleIsInvalid, an outdated one is accepted and does nothing (AWS-FACTS B.2 item 21;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html).
 */
const PREFIX = "AQEB";

export interface ReceiptHandleParts {
  readonly queueArn: string;
  readonly messageId: string;
}

export function encodeReceiptHandle(queueArn: string, messageId: string, nonce: string): string {
  return PREFIX + btoa(`${queueArn}|${messageId}|${nonce}`);
}

export function decodeReceiptHandle(handle: string): ReceiptHandleParts | undefined {
  if (!handle.startsWith(PREFIX)) return undefined;
  let text: string;
  try {
    text = atob(handle.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  const parts = text.split("|");
  if (parts.length !== 3) return undefined;
  const [queueArn = "", messageId = "", nonce = ""] = parts;
  if (!queueArn.startsWith("arn:aws:sqs:") || messageId === "" || !/^[0-9a-f]{32}$/.test(nonce)) return undefined;
  return { queueArn, messageId };
}
