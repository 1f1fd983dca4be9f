// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import { runnerWorkerPlugin } from "./src/lib/vite/runner-worker-plugin.ts";
import { exerciseTypingsPlugin } from "./src/lib/vite/exercise-typings-plugin.ts";
import { monacoCssPlugin } from "./src/lib/vite/monaco-css-plugin.ts";
import { serviceWorkerIntegration } from "./src/lib/vite/service-worker-integration.ts";
import { isolationHeadersPlugin } from "./src/lib/vite/isolation-headers-plugin.ts";

export default defineConfig({
  server: { port: 4321 },
  integrations: [
    starlight({
      title: "EventLab",
      description: "Learn event-driven, serverless architecture on AWS by building it, in your browser.",
      customCss: ["./src/styles/custom.css"],
      // The learner's progress (checks, bars) drawn onto Starlight's own sidebar.
      components: { Sidebar: "./src/components/ProgressSidebar.astro" },
      sidebar: [
        { label: "Start here", items: [{ label: "Welcome", link: "/" }, { label: "Your progress", link: "/progress/" }] },
        { label: "Foundations", items: [{ autogenerate: { directory: "foundations" } }] },
        { label: "AWS Lambda", items: [{ autogenerate: { directory: "lambda" } }] },
        { label: "Amazon API Gateway", items: [{ autogenerate: { directory: "api-gateway" } }] },
        { label: "Amazon SQS", items: [{ autogenerate: { directory: "sqs" } }] },
        { label: "Amazon SNS", items: [{ autogenerate: { directory: "sns" } }] },
        { label: "Amazon SES", items: [{ autogenerate: { directory: "ses" } }] },
        { label: "Capstone: an order system", items: [{ autogenerate: { directory: "capstone" } }] },
      ],
    }),
    mdx(),
    serviceWorkerIntegration(new URL("./", import.meta.url)),
  ],
  vite: {
    plugins: [
      runnerWorkerPlugin(new URL("./src/client/runner/worker.ts", import.meta.url)),
      exerciseTypingsPlugin(new URL("./", import.meta.url)),
      monacoCssPlugin(new URL("./", import.meta.url)),
      isolationHeadersPlugin(),
    ],
    // Monaco's own workers: one self-contained file each.
    worker: { format: "iife" },
  },
});
