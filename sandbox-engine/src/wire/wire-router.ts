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

/** The services in the order they are asked whether a request is theirs (made once: this runs on every SDK call). */
const services: readonly WireService[] = Object.values(wireServices);

/** The answer of `sandbox` to `request`, made as `caller` (default: the sandbox account's root user). */
export function answerRequest(sandbox: Sandbox, request: WireRequest, caller?: Caller, host?: WireHost): Promise<WireResponse> {
  const wire = wireOf(sandbox);
  const requestId = wire.requestIds.uuid();
  const service = services.find((candidate) => candidate.accepts(request));
  if (service === undefined) {
    return Promise.resolve({
      statusCode: 400,
      headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": "UnknownOperationException" },
      body: utf8.encode(JSON.stringify({ message: `The sandbox simulates SQS, SNS, Lambda, SES and API Gateway; it does not know ${request.method} ${request.path}.` })),
    });
  }
  const who = caller ?? wire.root;
  const context: WireContext = host === undefined ? { sandbox, caller: who, requestId } : { ...host, sandbox, caller: who, requestId };
  return service.answer(request, context);
}

/** What the wire layer keeps per sandbox: its request-id stream (seeded, so adding a call shifts no other id) and root caller. */
interface SandboxWire {
  readonly requestIds: SeededRandom;
  readonly root: Caller;
}

const sandboxWires = new WeakMap<Sandbox, SandboxWire>();

function wireOf(sandbox: Sandbox): SandboxWire {
  let wire = sandboxWires.get(sandbox);
  if (wire === undefined) {
    const root: Caller = { type: "AWS", arn: `arn:aws:iam::${sandbox.accountId}:root`, accountId: sandbox.accountId };
    sandboxWires.set(sandbox, (wire = { requestIds: sandbox.random.fork("request-id"), root }));
  }
  return wire;
}
