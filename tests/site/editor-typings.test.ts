import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exerciseLibs } from "../../src/lib/exercise-libs.ts";
import { collectTypings } from "../../src/lib/vite/exercise-typings-plugin.ts";
import { sdkClients } from "../../src/lib/vite/sdk-declarations.ts";

/**
 * The editor's typings (what Monaco's TypeScript worker sees): the real SDK's declarations, one bundled file per
 * client, behind the engine's client modules. Checked here as the editor checks a learner's file.
 */
const rootPath = fileURLToPath(new URL("../../", import.meta.url));
// Bundling the SDK's declarations takes up to a minute on a busy machine when node_modules/.cache is cold.
const { typings } = await collectTypings(rootPath);
const libFolder = ts.getDefaultLibFilePath({}).replace(/[^/]+$/, "");

function diagnosticsOf(source: string): string[] {
  const files = new Map<string, string>(Object.entries(typings).map(([uri, text]) => [uri.replace("file://", ""), text]));
  files.set("/learner.ts", source);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: [...exerciseLibs],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const isLib = (name: string) => name.startsWith(libFolder);
  host.fileExists = (name) => files.has(name) || (isLib(name) && ts.sys.fileExists(name));
  host.readFile = (name) => files.get(name) ?? (isLib(name) ? ts.sys.readFile(name) : undefined);
  host.directoryExists = (name) => [...files.keys()].some((file) => file.startsWith(`${name}/`)) || isLib(`${name}/`);
  host.getCurrentDirectory = () => "/";
  host.realpath = (name) => name;
  host.getSourceFile = (name, language) => {
    const text = host.readFile(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram({ rootNames: ["/learner.ts"], options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile("/learner.ts"))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("editor typings of @aws-sdk/client-*", () => {
  it("bundles each client's declarations into one file that imports nothing", () => {
    for (const client of sdkClients) {
      const bundle = typings[`file:///node_modules/@eventlab/aws-sdk-client-${client}/index.d.ts`] ?? "";
      expect(bundle, client).toMatch(/export declare class \w+Client\b/);
      expect(bundle.match(/^import .* from ["'][^"']+["'];?$/m), `${client}: a self-contained bundle`).toBeNull();
    }
  });

  // Type-checking against the SDK's declarations takes seconds on a busy machine.
  it("types ordinary SDK code: commands, enums, paginators, waiters, blobs, error classes, sandbox options", { timeout: 60_000 }, () => {
    const source = `
      import { SQSClient, SendMessageCommand, QueueAttributeName, QueueDoesNotExist, paginateListQueues } from "@aws-sdk/client-sqs";
      import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
      import { LambdaClient, InvokeCommand, InvocationType, waitUntilFunctionActiveV2 } from "@aws-sdk/client-lambda";
      export async function f(): Promise<string> {
        const sqs = new SQSClient({ maxAttempts: 1 });
        const sent = await sqs.send(new SendMessageCommand({ QueueUrl: "u", MessageBody: "b" }));
        const id: string | undefined = sent.MessageId;
        const all: string = QueueAttributeName.All;
        for await (const page of paginateListQueues({ client: sqs }, {})) page.QueueUrls?.length;
        await new SNSClient({ caller: "111122223333" }).send(new PublishCommand({ TopicArn: "t", Message: "m" }));
        const lambda = new LambdaClient({});
        await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: "f" });
        const out = await lambda.send(new InvokeCommand({ FunctionName: "f", InvocationType: InvocationType.RequestResponse }));
        try { await sqs.send(new SendMessageCommand({ QueueUrl: "u", MessageBody: "b" })); } catch (e) { if (e instanceof QueueDoesNotExist) return e.message; }
        return (out.Payload?.transformToString() ?? "") + id + all;
      }`;
    expect(diagnosticsOf(source)).toEqual([]);
  });

  it("flags what the real SDK rejects: a misspelt config option, a missing required input, a wrong type", { timeout: 60_000 }, () => {
    const source = `
      import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
      const sqs = new SQSClient({ regoin: "us-east-1" });
      new SendMessageCommand({ QueueUrl: "u" });
      new SendMessageCommand({ QueueUrl: "u", MessageBody: "b", DelaySeconds: "5" });`;
    const diagnostics = diagnosticsOf(source);
    expect(diagnostics.some((text) => text.includes("regoin"))).toBe(true);
    expect(diagnostics.some((text) => text.includes("MessageBody"))).toBe(true);
    expect(diagnostics.some((text) => /string.*not assignable to type 'number/.test(text))).toBe(true);
  });
});
