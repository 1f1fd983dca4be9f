/**
 * Every fault code the SES model answers with, as @aws-sdk/client-ses names its exceptions (closed: a
 * fault with another code is a type error where it is made). `queryCode` carries the Query-protocol code
 * (AlreadyExists, RuleSetDoesNotExist, ...) from
 * https://docs.aws.amazon.com/ses/latest/APIReference/CommonErrors.html and each operation's Errors list.
 */
import { fail, type Outcome } from "../core/outcome.ts";

export type SesFaultCode =
  | "AlreadyExistsException"
  | "CannotDeleteException"
  | "ConfigurationSetAlreadyExistsException"
  | "ConfigurationSetDoesNotExistException"
  | "EventDestinationAlreadyExistsException"
  | "InvalidLambdaFunctionException"
  | "InvalidParameterValue"
  | "InvalidRenderingParameterException"
  | "InvalidSnsTopicException"
  | "InvalidTemplateException"
  | "LimitExceededException"
  | "MessageRejected"
  | "MissingParameter"
  | "MissingRenderingAttributeException"
  | "NotFoundException"
  | "RuleDoesNotExistException"
  | "RuleSetDoesNotExistException"
  | "TemplateDoesNotExistException"
  | "Throttling";

export type SesOutcome<T> = Outcome<T, SesFaultCode>;

export const invalidValue = (message: string, hint?: string) => fail("InvalidParameterValue", message, hint === undefined ? {} : { hint });
export const missing = (name: string) => fail("MissingParameter", `The request must contain the parameter ${name}.`, { hint: `${name} is required.` });
export const alreadyExists = (message: string) => fail("AlreadyExistsException", message, { queryCode: "AlreadyExists" });
export const ruleSetDoesNotExist = (name: string) => fail("RuleSetDoesNotExistException", `Rule set does not exist: ${name}`, { queryCode: "RuleSetDoesNotExist" });
export const ruleDoesNotExist = (name: string) => fail("RuleDoesNotExistException", `Rule does not exist: ${name}`, { queryCode: "RuleDoesNotExist" });
export const templateDoesNotExist = (name: string) => fail("TemplateDoesNotExistException", `Template ${name} does not exist.`, { queryCode: "TemplateDoesNotExist" });
export const messageRejected = (message: string, hint?: string) => fail("MessageRejected", message, hint === undefined ? {} : { hint });
export const limitExceeded = (message: string) => fail("LimitExceededException", message, { queryCode: "LimitExceeded" });
/** A rule's Lambda action SES could not invoke (https://docs.aws.amazon.com/ses/latest/APIReference/API_CreateReceiptRule.html). */
export const invalidLambdaFunction = (functionArn: string, hint: string) => fail("InvalidLambdaFunctionException", `Could not invoke Lambda function: ${functionArn}`, { queryCode: "InvalidLambdaFunction", hint });
/** A rule's topic SES could not publish to (same page). */
export const invalidSnsTopic = (topicArn: string, hint: string) => fail("InvalidSnsTopicException", `Could not publish to SNS topic: ${topicArn}`, { queryCode: "InvalidSnsTopic", hint });
