/**
 * SES (v1) over the AWS Query protocol: `POST /` with a form body `Action=<Operation>&Version=2010-12-01&...`,
 * answered in XML; errors as `<ErrorResponse><Error><Type/><Code/><Message/>` with the query code
 * (`MessageRejected`, `AlreadyExists`, `RuleSetDoesNotExist`, `Throttling`, ...), from which the SDK picks the
 * exception class (https://docs.aws.amazon.com/ses/latest/APIReference/CommonErrors.html).
 */
import * as ses from "@aws-sdk/client-ses";
import type { Outcome } from "../../core/outcome.ts";
import { answerQuery, isQueryRequest, type QueryService } from "../../wire/query-service.ts";
import { operationTable } from "../../wire/schema-json.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { SesService } from "../ses-service.ts";

type Run = (service: SesService, input: unknown) => Outcome<object>;

const operations = operationTable<Run>([
  [ses.VerifyEmailIdentity$, (s, i) => s.verifyEmailIdentity(i)],
  [ses.VerifyDomainIdentity$, (s, i) => s.verifyDomainIdentity(i)],
  [ses.ListIdentities$, (s, i) => s.listIdentities(i)],
  [ses.GetIdentityVerificationAttributes$, (s, i) => s.getIdentityVerificationAttributes(i)],
  [ses.DeleteIdentity$, (s, i) => s.deleteIdentity(i)],
  [ses.SendEmail$, (s, i) => s.sendEmail(i)],
  [ses.SendRawEmail$, (s, i) => s.sendRawEmail(i)],
  [ses.SendTemplatedEmail$, (s, i) => s.sendTemplatedEmail(i)],
  [ses.SendBulkTemplatedEmail$, (s, i) => s.sendBulkTemplatedEmail(i)],
  [ses.CreateTemplate$, (s, i) => s.createTemplate(i)],
  [ses.UpdateTemplate$, (s, i) => s.updateTemplate(i)],
  [ses.GetTemplate$, (s, i) => s.getTemplate(i)],
  [ses.DeleteTemplate$, (s, i) => s.deleteTemplate(i)],
  [ses.ListTemplates$, (s, i) => s.listTemplates(i)],
  [ses.TestRenderTemplate$, (s, i) => s.testRenderTemplate(i)],
  [ses.GetSendQuota$, (s, i) => s.getSendQuota(i)],
  [ses.SetIdentityNotificationTopic$, (s, i) => s.setIdentityNotificationTopic(i)],
  [ses.SetIdentityFeedbackForwardingEnabled$, (s, i) => s.setIdentityFeedbackForwardingEnabled(i)],
  [ses.CreateConfigurationSet$, (s, i) => s.createConfigurationSet(i)],
  [ses.CreateConfigurationSetEventDestination$, (s, i) => s.createConfigurationSetEventDestination(i)],
  [ses.CreateReceiptRuleSet$, (s, i) => s.createReceiptRuleSet(i)],
  [ses.DeleteReceiptRuleSet$, (s, i) => s.deleteReceiptRuleSet(i)],
  [ses.DescribeReceiptRuleSet$, (s, i) => s.describeReceiptRuleSet(i)],
  [ses.ListReceiptRuleSets$, (s, i) => s.listReceiptRuleSets(i)],
  [ses.SetActiveReceiptRuleSet$, (s, i) => s.setActiveReceiptRuleSet(i)],
  [ses.DescribeActiveReceiptRuleSet$, (s, i) => s.describeActiveReceiptRuleSet(i)],
  [ses.ReorderReceiptRuleSet$, (s, i) => s.reorderReceiptRuleSet(i)],
  [ses.CloneReceiptRuleSet$, (s, i) => s.cloneReceiptRuleSet(i)],
  [ses.CreateReceiptRule$, (s, i) => s.createReceiptRule(i)],
  [ses.UpdateReceiptRule$, (s, i) => s.updateReceiptRule(i)],
  [ses.DeleteReceiptRule$, (s, i) => s.deleteReceiptRule(i)],
  [ses.DescribeReceiptRule$, (s, i) => s.describeReceiptRule(i)],
  [ses.CreateReceiptFilter$, (s, i) => s.createReceiptFilter(i)],
  [ses.DeleteReceiptFilter$, (s, i) => s.deleteReceiptFilter(i)],
  [ses.ListReceiptFilters$, (s, i) => s.listReceiptFilters(i)],
]);

export const sesOperationNames: readonly string[] = [...operations.keys()];

const service: QueryService = {
  version: "2010-12-01",
  xmlns: "http://ses.amazonaws.com/doc/2010-12-01/",
  operations: new Map([...operations].map(([name, operation]) => [name, { ...operation, run: (input, context) => operation.run(context.sandbox.ses, input) }])),
};

/** A form POST whose Version is SES's API version. */
export const isSesQueryRequest = (request: WireRequest): boolean => isQueryRequest(service, request);

export const answerSesQuery = (request: WireRequest, context: WireContext): Promise<WireResponse> => answerQuery(service, request, context);
