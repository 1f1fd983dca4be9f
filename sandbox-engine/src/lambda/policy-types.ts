/** The shape of a function's resource-based policy (resource-policy.ts says how it is used). */
import type { PolicyDocument } from "../iam/index.ts";

/** One statement as GetPolicy returns it. */
export interface PermissionStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Principal: "*" | { readonly Service: string } | { readonly AWS: string };
  readonly Action: string;
  readonly Resource: string;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface ResourcePolicy {
  /** In the order added. */
  readonly statements: PermissionStatement[];
  revisionId: string;
  /** The statements as an IAM document, parsed once per change. */
  parsed: PolicyDocument | undefined;
}
