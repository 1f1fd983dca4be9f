/** Subscription filter policies: validate + compile once, match per message. Pure. */
export {
  compileFilterPolicy,
  filterPolicyErrorPrefix,
  FILTER_POLICY_MAX_BYTES,
  FILTER_POLICY_MAX_COMBINATIONS,
  FILTER_POLICY_MAX_KEYS,
  type CompiledFilterPolicy,
  type Condition,
  type FilterPolicyCall,
  type FilterPolicyScope,
  type KeyRule,
  type Leaf,
} from "./compile.ts";
export { FilterInput, matchesFilterPolicy, type FilterAttribute } from "./match.ts";
