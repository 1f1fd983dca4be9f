import { bundleRunnerWorker } from "./src/lib/vite/runner-worker-plugin.ts";
import { gzipSync } from "node:zlib";
const { code } = await bundleRunnerWorker(process.argv[2]!);
console.log(JSON.stringify({ bytes: code.length, gzip: gzipSync(code).length }));
