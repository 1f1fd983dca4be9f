// `npm run endpoint [-- --port 4566 --host 127.0.0.1]`: the sandbox's SQS, SNS and Lambda over real HTTP, for the
// AWS CLI or an SDK with an endpoint URL. One sandbox, advancing in real time, until Ctrl+C.
import { parseArgs } from "node:util";
import { startEndpoint } from "./endpoint/http-endpoint.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "4566" }, host: { type: "string", default: "127.0.0.1" } } });
const endpoint = await startEndpoint({ port: Number(values.port), host: values.host });
const { region, accountId } = endpoint.sandbox;
console.log(`EventLab sandbox endpoint at ${endpoint.url} (region ${region}, account ${accountId}); Ctrl+C stops it.`);
console.log(`  aws --endpoint-url ${endpoint.url} --region ${region} sqs create-queue --queue-name orders`);
console.log(`  new SQSClient({ endpoint: "${endpoint.url}", region: "${region}", credentials: { accessKeyId: "test", secretAccessKey: "test" } })`);
console.log("Lambda: CreateFunction takes a Node.js function as a .zip file's bytes (Code.ZipFile), run by this Node process.");
process.on("SIGINT", () => void endpoint.close().then(() => process.exit(0)));
