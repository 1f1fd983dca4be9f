import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type LambdaBill } from "sandbox-engine";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { breakEvenRequests, cheaperOption, monthlyLambdaCost, monthlyServerCost } from "./estimate";

/** The lesson's server: a t3.small, Linux, on-demand, us-east-1 (EC2 on-demand pricing page). */
const SERVER_HOURLY_USD = 0.0208;

let sample: LambdaBill;

beforeEach(async () => {
  // A sample run: a 512 MB thumbnail function, 200 requests of about 180 ms each.
  const sb = createSandbox({ seed: 6 });
  const lambda = new LambdaClient({});
  sb.lambda.createFunction({
    FunctionName: "thumbnail",
    MemorySize: 512,
    handler: async () => {
      await sb.clock.sleep(180);
      return { ok: true };
    },
  });
  for (let i = 0; i < 200; i++) {
    await lambda.send(new InvokeCommand({ FunctionName: "thumbnail", Payload: new TextEncoder().encode(`{"image":${i}}`) }));
  }
  sample = sb.lambda.bill();
});

/** Equal up to a millionth, relative: money computed two ways. */
function close(actual: number, expected: number): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= Math.abs(expected) * 1e-6;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

describe("a monthly estimate from the sandbox's bill", () => {
  it("scales the sample's bill to 5 million requests a month", () => {
    const month = monthlyLambdaCost(sample, 5_000_000);
    const gbSeconds = (sample.gbSeconds / sample.requests) * 5_000_000;
    expect(month.requests, "the month has 5,000,000 requests").toBe(5_000_000);
    expect(
      close(month.gbSeconds, gbSeconds),
      `the sample used ${sample.gbSeconds.toFixed(2)} GB-s for ${sample.requests} requests (512 MB = 0.5 GB for ` +
        `about 0.18 s each, plus one cold start), so 5 million requests use ${gbSeconds.toFixed(0)} GB-s; ` +
        `got ${month.gbSeconds}`,
    ).toBe(true);
    expect(close(month.requestCostUsd, 1), `5 million requests at $0.20 per million cost $1.00; got ${month.requestCostUsd}`).toBe(true);
    const compute = gbSeconds * sample.prices.perGbSecondUsd;
    expect(
      close(month.computeCostUsd, compute),
      `${gbSeconds.toFixed(0)} GB-s at $${sample.prices.perGbSecondUsd} cost ${usd(compute)}; got ${month.computeCostUsd}`,
    ).toBe(true);
    expect(close(month.totalUsd, 1 + compute), `the total is requests + compute: ${usd(1 + compute)}`).toBe(true);
  });

  it("prices the always-on server for a month of 730 hours", () => {
    const server = monthlyServerCost(SERVER_HOURLY_USD);
    expect(
      close(server, 15.184),
      `a server at $0.0208 an hour runs 730 hours a month, idle or not: $15.18; got ${server}`,
    ).toBe(true);
  });

  it("finds the traffic at which the function costs as much as the server", () => {
    const perRequest = sample.totalUsd / sample.requests;
    const expected = 15.184 / perRequest;
    const got = breakEvenRequests(sample, 15.184);
    expect(
      close(got, expected),
      `one request costs $${perRequest.toExponential(3)} (request fee + compute), so $15.18 buys ` +
        `${Math.round(expected).toLocaleString("en-US")} requests a month; got ${got}`,
    ).toBe(true);
  });

  it("recommends the function at low traffic and the server at high traffic", () => {
    expect(
      cheaperOption(sample, 1_000_000, SERVER_HOURLY_USD),
      `1 million requests a month cost ${usd(1_000_000 * (sample.totalUsd / sample.requests))} on Lambda, ` +
        "less than the $15.18 server",
    ).toBe("lambda");
    expect(
      cheaperOption(sample, 50_000_000, SERVER_HOURLY_USD),
      `50 million requests a month cost ${usd(50_000_000 * (sample.totalUsd / sample.requests))} on Lambda, ` +
        "more than the $15.18 server (if one server can take that load)",
    ).toBe("server");
  });
});
