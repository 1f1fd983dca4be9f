/**
 * Reading a ReceiptRule (https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptRule.html): Enabled
 * and ScanEnabled default to false, TlsPolicy to Optional; at most 100 recipients and 10 actions per rule
 * (https://docs.aws.amazon.com/ses/latest/dg/quotas.html). Each action is an object with exactly one of
 * S3Action, SNSAction, LambdaAction, BounceAction, AddHeaderAction, StopAction, WorkmailAction
 * (API_ReceiptAction.html; AddHeader names 1-50 letters, digits and dashes, values under 2,048 characters
 * without CR/LF: API_AddHeaderAction.html).
 */
import { ok } from "../../core/outcome.ts";
import { parseArn } from "../../core/arn.ts";
import type { ReceiptAction, ReceiptRuleState } from "../ses-context.ts";
import { invalidValue, limitExceeded, missing, type SesOutcome } from "../ses-faults.ts";
import { isPlainRecord, requiredRecord, resourceName, show, stringList, type Params } from "../ses-params.ts";

export const MAX_RULE_RECIPIENTS = 100;
export const MAX_RULE_ACTIONS = 10;

const ACTION_KEYS = ["S3Action", "SNSAction", "LambdaAction", "BounceAction", "AddHeaderAction", "StopAction", "WorkmailAction"] as const;

function str(params: Params, name: string, where: string): SesOutcome<string> {
  const value = params[name];
  if (typeof value !== "string" || value === "") return missing(`${where}.${name}`);
  return ok(value);
}

function optStr(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function arnOf(params: Params, name: string, where: string, service: string): SesOutcome<string> {
  const value = str(params, name, where);
  if (!value.ok) return value;
  if (parseArn(value.value)?.service !== service) return invalidValue(`Invalid ${where}.${name}: ${value.value}`, `${name} must be an ${service.toUpperCase()} ARN.`);
  return value;
}

function optionalTopic(params: Params, where: string): SesOutcome<string | undefined> {
  if (params["TopicArn"] === undefined || params["TopicArn"] === null) return ok(undefined);
  return arnOf(params, "TopicArn", where, "sns");
}

function readAction(entry: unknown): SesOutcome<ReceiptAction> {
  if (!isPlainRecord(entry)) return invalidValue(`Invalid receipt action: ${show(entry)}`);
  const keys = ACTION_KEYS.filter((key) => entry[key] !== undefined && entry[key] !== null);
  if (keys.length !== 1) return invalidValue("A receipt action must contain exactly one action type.", `One of ${ACTION_KEYS.join(", ")} per action object.`);
  const key = keys[0]!;
  const body = entry[key];
  if (!isPlainRecord(body)) return invalidValue(`${key} must be an object.`);
  const topic = optionalTopic(body, key);
  if (!topic.ok) return topic;
  switch (key) {
    case "S3Action": {
      const bucket = str(body, "BucketName", key);
      if (!bucket.ok) return bucket;
      return ok({ type: "S3", bucketName: bucket.value, objectKeyPrefix: optStr(body, "ObjectKeyPrefix") ?? "", topicArn: topic.value });
    }
    case "SNSAction": {
      const arn = arnOf(body, "TopicArn", key, "sns");
      if (!arn.ok) return arn;
      const encoding = body["Encoding"] ?? "UTF-8";
      if (encoding !== "UTF-8" && encoding !== "Base64") return invalidValue(`Invalid SNSAction.Encoding: ${show(encoding)}`, 'Encoding is "UTF-8" or "Base64".');
      return ok({ type: "SNS", topicArn: arn.value, encoding });
    }
    case "LambdaAction": {
      const arn = arnOf(body, "FunctionArn", key, "lambda");
      if (!arn.ok) return arn;
      const invocationType = body["InvocationType"] ?? "Event";
      if (invocationType !== "Event" && invocationType !== "RequestResponse") return invalidValue(`Invalid LambdaAction.InvocationType: ${show(invocationType)}`, 'InvocationType is "Event" or "RequestResponse".');
      return ok({ type: "Lambda", functionArn: arn.value, invocationType, topicArn: topic.value });
    }
    case "BounceAction": {
      const code = str(body, "SmtpReplyCode", key);
      if (!code.ok) return code;
      if (!/^[45]\d\d$/.test(code.value)) return invalidValue(`Invalid SmtpReplyCode: ${code.value}`, "A bounce's SMTP reply code is 4xx or 5xx (RFC 5321), e.g. 550.");
      const message = str(body, "Message", key);
      if (!message.ok) return message;
      const sender = str(body, "Sender", key);
      if (!sender.ok) return sender;
      const statusCode = optStr(body, "StatusCode");
      if (statusCode !== undefined && !/^[45]\.\d{1,3}\.\d{1,3}$/.test(statusCode)) return invalidValue(`Invalid StatusCode: ${statusCode}`, "An enhanced status code looks like 5.1.1 (RFC 3463).");
      return ok({ type: "Bounce", smtpReplyCode: code.value, statusCode, message: message.value, sender: sender.value, topicArn: topic.value });
    }
    case "AddHeaderAction": {
      const name = str(body, "HeaderName", key);
      if (!name.ok) return name;
      if (!/^[A-Za-z0-9-]{1,50}$/.test(name.value)) return invalidValue(`Invalid header name: ${name.value}`, "Header names are 1-50 letters, digits and dashes.");
      const value = body["HeaderValue"];
      if (typeof value !== "string" || value.length >= 2048 || /[\r\n]/.test(value)) return invalidValue("Invalid header value.", "A header value is under 2,048 characters, without line breaks.");
      return ok({ type: "AddHeader", headerName: name.value, headerValue: value });
    }
    case "StopAction": {
      if (body["Scope"] !== "RuleSet") return invalidValue(`Invalid StopAction.Scope: ${show(body["Scope"])}`, 'Scope is "RuleSet".');
      return ok({ type: "Stop", scope: "RuleSet", topicArn: topic.value });
    }
    case "WorkmailAction": {
      const arn = str(body, "OrganizationArn", key);
      if (!arn.ok) return arn;
      return ok({ type: "WorkMail", organizationArn: arn.value, topicArn: topic.value });
    }
  }
}

export function readReceiptRule(input: Params): SesOutcome<ReceiptRuleState> {
  const rule = requiredRecord(input, "Rule");
  if (!rule.ok) return rule;
  const name = resourceName(rule.value, "Name", "rule");
  if (!name.ok) return name;
  const recipients = stringList(rule.value, "Recipients");
  if (!recipients.ok) return recipients;
  if (recipients.value.length > MAX_RULE_RECIPIENTS) return limitExceeded(`A rule can have at most ${MAX_RULE_RECIPIENTS} recipients.`);
  for (const recipient of recipients.value) {
    if (!/^[^\s@]*@?\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(recipient)) return invalidValue(`Invalid recipient: ${recipient}`, "A recipient condition is an address, a domain, or .domain for its subdomains.");
  }
  const rawActions = rule.value["Actions"] ?? [];
  if (!Array.isArray(rawActions)) return invalidValue("Actions must be a list.");
  if (rawActions.length > MAX_RULE_ACTIONS) return limitExceeded(`A rule can have at most ${MAX_RULE_ACTIONS} actions.`);
  const actions: ReceiptAction[] = [];
  for (const entry of rawActions) {
    const action = readAction(entry);
    if (!action.ok) return action;
    actions.push(action.value);
  }
  const tls = rule.value["TlsPolicy"] ?? "Optional";
  if (tls !== "Optional" && tls !== "Require") return invalidValue(`Invalid TlsPolicy: ${show(tls)}`, 'TlsPolicy is "Optional" or "Require".');
  const enabled = rule.value["Enabled"] === true;
  const scanEnabled = rule.value["ScanEnabled"] === true;
  return ok({
    name: name.value,
    enabled,
    scanEnabled,
    tlsPolicy: tls,
    recipients: recipients.value.map((item) => item.toLowerCase()),
    actions,
    described: { Name: name.value, Enabled: enabled, TlsPolicy: tls, ScanEnabled: scanEnabled, Recipients: [...recipients.value], Actions: structuredClone(rawActions) },
  });
}
