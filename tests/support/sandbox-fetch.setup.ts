// The exercise validation and the downloaded-project test run the in-browser harness in this Node process: give it
// the fetch a run has in the page's Worker, which answers the sandbox's API Gateway URLs (sandbox-engine/src/sandbox-fetch.ts).
import { installSandboxFetch } from "../../sandbox-engine/src/index.ts";

installSandboxFetch();
