/** The IAM policy evaluator used by resource policies (SNS topic policies, SQS queue policies). */
export { arnMatch, globMatch } from "./glob.ts";
export { actionMatches, parsePolicy, type ConditionBlock, type Effect, type ParseResult, type PolicyDocument, type PrincipalSpec, type Statement } from "./policy.ts";
export { evaluatePolicy, principalMatches, type AccessRequest, type Caller, type Decision } from "./evaluate.ts";
