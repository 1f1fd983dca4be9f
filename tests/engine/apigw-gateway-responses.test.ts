import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { givenRestApi } from "./apigw-helpers.ts";

describe("REST gateway responses", () => {
  it("customises a response type once deployed: status, static headers and a template with the error message", async () => {
    const f = givenRestApi(async () => ({ statusCode: 200, body: "" }));
    f.route("/orders", "GET", "fn");
    f.deploy("prod");
    valueOf(
      f.sb.apigateway.putGatewayResponse({
        restApiId: f.apiId,
        responseType: "MISSING_AUTHENTICATION_TOKEN",
        statusCode: "404",
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
        responseTemplates: { "application/json": '{"error":$context.error.messageString,"id":"$context.requestId"}' },
      }),
    );
    expect((await f.sb.apigateway.fetch(f.url("prod", "/nope"))).status).toBe(403);
    f.deploy("prod");
    const response = await f.sb.apigateway.fetch(f.url("prod", "/nope"));
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ error: "Missing Authentication Token", id: response.headers.get("x-amzn-requestid") });
  });

  it("applies DEFAULT_5XX to 5XX answers without a setting of their own, and leaves the function's answers alone", async () => {
    const f = givenRestApi(async () => ({ statusCode: 503, body: "mine" }), { permission: false });
    f.route("/x", "GET", "fn");
    valueOf(f.sb.apigateway.putGatewayResponse({ restApiId: f.apiId, responseType: "DEFAULT_5XX", responseParameters: { "gatewayresponse.header.x-team": "'orders'" } }));
    f.deploy("prod");
    const denied = await f.sb.apigateway.fetch(f.url("prod", "/x"));
    expect(denied.status).toBe(500);
    expect(denied.headers.get("x-team")).toBe("orders");
    expect(f.sb.apigateway.putGatewayResponse({ restApiId: f.apiId, responseType: "NOT_A_TYPE" })).toMatchObject({ ok: false, fault: { code: "BadRequestException", message: expect.stringMatching(/^Invalid response type NOT_A_TYPE/) } });
    expect(f.sb.apigateway.putGatewayResponse({ restApiId: f.apiId, responseType: "THROTTLED", statusCode: "42" })).toMatchObject({ ok: false, fault: { code: "BadRequestException", message: "Invalid status code specified" } });
  });
});
