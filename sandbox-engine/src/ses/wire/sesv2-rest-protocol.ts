/**
 * SES v2 over REST-JSON: `/v2/email/outbound-emails`, `/v2/email/identities/{EmailIdentity}`,
 * `/v2/email/templates/{TemplateName}`, `/v2/email/suppression/addresses/{EmailAddress}`, `/v2/email/account`.
 * Errors carry `x-amzn-errortype: <Code>` and `{ "message": ... }`. v2 names some errors differently from v1
 * (https://docs.aws.amazon.com/ses/latest/APIReference-V2/CommonErrors.html): parameter errors are
 * BadRequestException, missing templates and configuration sets NotFoundException, and an exceeded sending
 * quota ThrottlingException (the SES guide's wording for quota errors, AWS-FACTS D.23).
 */
import * as sesv2 from "@aws-sdk/client-sesv2";
import type { Fault, Outcome } from "../../core/outcome.ts";
import { faultStatus } from "../../wire/error-kind.ts";
import { matchRoute, readRestInput, restRoute, writeRestOutput } from "../../wire/rest-json.ts";
import { operationTable } from "../../wire/schema-json.ts";
import { utf8, type WireContext, type WireRequest, type WireResponse } from "../../wire/wire-message.ts";
import type { SesService } from "../ses-service.ts";

type Run = (service: SesService, input: unknown) => Outcome<object>;

const operations = [
  ...operationTable<Run>([
    [sesv2.SendEmail$, (s, i) => s.sendEmailV2(i)],
    [sesv2.CreateEmailIdentity$, (s, i) => s.createEmailIdentity(i)],
    [sesv2.GetEmailIdentity$, (s, i) => s.getEmailIdentity(i)],
    [sesv2.CreateEmailTemplate$, (s, i) => s.createEmailTemplate(i)],
    [sesv2.GetEmailTemplate$, (s, i) => s.getEmailTemplate(i)],
    [sesv2.PutSuppressedDestination$, (s, i) => s.putSuppressedDestination(i)],
    [sesv2.GetSuppressedDestination$, (s, i) => s.getSuppressedDestination(i)],
    [sesv2.DeleteSuppressedDestination$, (s, i) => s.deleteSuppressedDestination(i)],
    [sesv2.ListSuppressedDestinations$, (s, i) => s.listSuppressedDestinations(i)],
    [sesv2.GetAccount$, (s, i) => s.getAccount(i)],
  ]).values(),
].map((operation) => ({ ...operation, route: restRoute(operation) }));

export const sesV2OperationNames: readonly string[] = operations.map((operation) => operation.name);

/** v1 fault codes as v2 names them. */
const V2_CODES: Readonly<Record<string, { code: string; status: number }>> = {
  InvalidParameterValue: { code: "BadRequestException", status: 400 },
  MissingParameter: { code: "BadRequestException", status: 400 },
  InvalidRenderingParameterException: { code: "BadRequestException", status: 400 },
  InvalidTemplateException: { code: "BadRequestException", status: 400 },
  TemplateDoesNotExistException: { code: "NotFoundException", status: 404 },
  ConfigurationSetDoesNotExistException: { code: "NotFoundException", status: 404 },
  Throttling: { code: "ThrottlingException", status: 400 },
};

export function isSesV2Request(request: WireRequest): boolean {
  return /^\/v2\/email\//.test(request.path);
}

export async function answerSesV2Rest(request: WireRequest, context: WireContext): Promise<WireResponse> {
  for (const operation of operations) {
    const labels = matchRoute(operation.route, request);
    if (labels === undefined) continue;
    const input = await readRestInput(operation.input, request, labels);
    const outcome = operation.run(context.sandbox.ses, input);
    await Promise.resolve();
    if (!outcome.ok) return sesV2Error(context, outcome.fault);
    const output = writeRestOutput(operation.output, outcome.value as Record<string, unknown>, operation.route.status);
    return { ...output, headers: { ...output.headers, "x-amzn-requestid": context.requestId } };
  }
  return sesV2Error(context, { code: "NotFoundException", message: `The sandbox does not simulate the SES v2 operation ${request.method} ${request.path}.`, httpStatusCode: 404 });
}

function sesV2Error(context: WireContext, fault: Fault): WireResponse {
  const renamed = V2_CODES[fault.code];
  const status = renamed?.status ?? faultStatus(fault);
  return {
    statusCode: status,
    headers: { "content-type": "application/json", "x-amzn-requestid": context.requestId, "x-amzn-errortype": renamed?.code ?? fault.code },
    body: utf8.encode(JSON.stringify({ message: fault.message, ...(fault.hint === undefined ? {} : { hint: fault.hint }) })),
  };
}
