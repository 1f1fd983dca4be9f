/**
 * The SQS trace events recorded on the engine's hot path with recordCompact (trace/trace.ts), and
 * their details, key order included, exactly as readers see them.
 * Arguments: s0 = messageId, s1 = another string, n0/n1 = numbers.
 */
import { compactType } from "../trace/trace.ts";

export const SEND = compactType("sqs", "send", (messageId, body, delaySeconds) => ({ messageId, delaySeconds, body }));
export const RECEIVE = compactType("sqs", "receive", (messageId, _, receiveCount, visibleAgainAt) => ({ messageId, receiveCount, visibleAgainAt }));
export const DELETE = compactType("sqs", "delete", (messageId, _, receiveCount) => ({ messageId, receiveCount }));
export const VISIBILITY_EXPIRED = compactType("sqs", "visibility-expired", (messageId, _, receiveCount) => ({ messageId, receiveCount }));
export const DELAY_ENDED = compactType("sqs", "delay-ended", (messageId, _, receiveCount) => ({ messageId, receiveCount }));
export const RETENTION_EXPIRED = compactType("sqs", "retention-expired", (messageId, _, expiredAt) => ({ messageId, expiredAt }));
