/**
 * The concept ids the course teaches, one list per module. Exercise metadata names the concepts it makes the
 * learner use (`concepts:`), and the schema rejects any id that is not here, so a typo fails the build.
 */
export const syllabus = {
  foundations: ["eda.events", "eda.benefits", "serverless.what", "serverless.when", "serverless.cost"],
  lambda: ["lambda.handler", "lambda.triggers", "lambda.invocation", "lambda.scaling", "lambda.limits", "lambda.cost"],
  apigw: [
    "apigw.front-door",
    "apigw.proxy",
    "apigw.versions",
    "apigw.monitoring",
    "apigw.throttling",
    "apigw.caching",
    "apigw.auth",
    "apigw.websocket",
    "apigw.cost",
  ],
  sqs: [
    "sqs.producer-consumer",
    "sqs.visibility",
    "sqs.standard",
    "sqs.fifo",
    "sqs.dlq",
    "sqs.polling",
    "sqs.batching",
    "sqs.delay",
    "sqs.lambda",
  ],
  sns: [
    "sns.topics",
    "sns.protocols",
    "sns.confirmation",
    "sns.filtering",
    "sns.policy",
    "sns.fanout",
    "sns.lambda",
    "sns.fifo",
    "sns.retries",
  ],
  ses: ["ses.sending", "ses.templates", "ses.feedback", "ses.receiving", "ses.ip-filters", "ses.scanning", "ses.actions"],
  capstone: ["capstone.pipeline"],
} as const;

export type ModuleId = keyof typeof syllabus;
export type ConceptId = (typeof syllabus)[ModuleId][number];

export const conceptIds: readonly ConceptId[] = Object.values(syllabus).flat();

/** Where each module's lessons and exercises live: `src/content/docs/<folder>/`, `src/content/exercises/<folder>/`. */
export const moduleFolders: Record<ModuleId, string> = {
  foundations: "foundations",
  lambda: "lambda",
  apigw: "api-gateway",
  sqs: "sqs",
  sns: "sns",
  ses: "ses",
  capstone: "capstone",
};
