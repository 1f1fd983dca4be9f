// The function behind GET /products/{sku}?currency=EUR, and the price list it reads. Read-only.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";

const eurCents = new Map<string, number>([
  ["lamp-1", 3900],
  ["mug-7", 900],
]);
const perEuro: Record<string, number> = { EUR: 1, USD: 1.1 };

export const priceList = {
  /** How often the function has run. */
  calls: 0,
  setPrice(sku: string, cents: number): void {
    eurCents.set(sku, cents);
  },
  reset(): void {
    priceList.calls = 0;
    eurCents.set("lamp-1", 3900);
    eurCents.set("mug-7", 900);
  },
};

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  priceList.calls++;
  const sku = event.pathParameters?.sku ?? "";
  const currency = event.queryStringParameters?.currency ?? "EUR";
  const cents = eurCents.get(sku);
  if (cents === undefined || perEuro[currency] === undefined) return { statusCode: 404, body: JSON.stringify({ message: "no such price" }) };
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sku, currency, cents: Math.round(cents * perEuro[currency]) }),
  };
}
