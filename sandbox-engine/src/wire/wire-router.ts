/**
 * From an HTTP request to the service that answers it: one small table (a service's protocol recognises its own
 * requests), so it can fold into a service registry. Request ids come from a seeded stream of their own, so adding
 * a call does not shift any other id.
 */
import { answerApiGatewayRest, isApiGatewayRequest } from "../apigateway/wire/api-gateway-rest-protocol.ts";
import { answerApiGatewayManagementRest, isApiGatewayManagementRequest } from "../apigateway/wire/apigatewaymanagementapi-rest-protocol.ts";
import { answerApiGatewayV2Rest, isApiGatewayV2Request } from "../apigateway/wire/apigatewayv2-rest-protocol.ts";
import { answerLambdaRest, isLambdaRestRequest } from "../lambda/wire/lambda-rest-protocol.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Sandbox } from "../sandbox.ts";
import { answerSesQuery, isSesQueryRequest } from "../ses/wire/ses-query-protocol.ts";
import { answerSesV2Rest, isSesV2Request } from "../ses/wire/sesv2-rest-protocol.ts";
import { answerSnsQuery, isSnsQueryRequest } from "../sns/wire/sns-query-protocol.ts";
import { answerSqsJson, isSqsJsonRequest } from "../sqs/wire/sqs-json-protocol.ts";
import type { Caller } from "../iam/index.ts";
import { utf8, type WireContext, type WireHost, type WireRequest, type WireResponse } from "./wire-message.ts";

interface WireService {
  readonly accepts: (request: WireRequest) => boolean;
  readonly answer: (request: WireRequest, context: WireContext) => Promise<WireResponse>;
}

export const wireServices: Readonly<Record<"sqs" | "sns" | "lambda" | "ses" | "sesv2" | "apigateway" | "apigatewayv2" | "apigatewaymanagementapi", WireService>> = {
  sqs: { accepts: isSqsJsonRequest, answer: answerSqsJson },
  sns: { accepts: isSnsQueryRequest, answer: answerSnsQuery },
  lambda: { accepts: isLambdaRestRequest, answer: answerLambdaRest },
  ses: { accepts: isSesQueryRequest, answer: answerSesQuery },
  sesv2: { accepts: isSesV2Request, answer: answerSesV2Rest },
  apigateway: { accepts: isApiGatewayRequest, answer: answerApiGatewayRest },
  apigatewayv2: { accepts: isApiGatewayV2Request, answer: answerApiGatewayV2Rest },
  apigatewaymanagementapi: { accepts: isApiGatewayManagementRequest, answer: answerApiGatewayManagementRest },
};

/** The answer of `sandbox` to `request`, made as `caller` (default: the sandbox account's root user). */
export async function answerRequest(sandbox: Sandbox, request: WireRequest, caller?: Caller, host: WireHost = {}): Promise<WireResponse> {
  const requestId = nextRequestId(sandbox);
  const service = Object.values(wireServices).find((candidate) => candidate.accepts(request));
  if (service === undefined) {
    return {
      statusCode: 400,
      headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": "UnknownOperationException" },
      body: utf8.encode(JSON.stringify({ message: `The sandbox simulates SQS, SNS, Lambda, SES and API Gateway; it does not know ${request.method} ${request.path}.` })),
    };
  }
  const who = caller ?? { type: "AWS", arn: `arn:aws:iam::${sandbox.accountId}:root`, accountId: sandbox.accountId };
  return service.answer(request, { ...host, sandbox, caller: who, requestId });
}

const requestIdStreams = new WeakMap<Sandbox, SeededRandom>();

function nextRequestId(sandbox: Sandbox): string {
  let random = requestIdStreams.get(sandbox);
  if (random === undefined) requestIdStreams.set(sandbox, (random = sandbox.random.fork("request-id")));
  return random.uuid();
}
