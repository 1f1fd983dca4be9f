/**
 * The Lambda function an integration names: REST's
 * `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`, or (HTTP APIs)
 * the function ARN itself. Stage variables (`${stageVariables.name}`) are replaced when a request is
 * made (https://docs.aws.amazon.com/apigateway/latest/developerguide/amazon-api-gateway-using-stage-variables.html).
 */
const PROXY_URI = /^arn:aws:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;

export function lambdaFunctionOfUri(uri: string): string | undefined {
  const inner = PROXY_URI.exec(uri)?.[1] ?? uri;
  return inner.startsWith("arn:aws:lambda:") || inner.includes("${stageVariables.") ? inner : undefined;
}

export function withStageVariables(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_match, name: string) => variables[name] ?? "");
}
