/**
 * The shape of what the simulated cloud records. Kinds are typed per service, so a consumer
 * (trace panel, bill, metrics, a failing test's explanation) can switch on them exhaustively.
 * Add a service by adding a key to TraceKindsByService.
 */
export type SqsTraceKind =
  | "create-queue"
  | "delete-queue"
  | "set-queue-attributes"
  | "tag-queue"
  | "send"
  /** A FIFO send accepted but not enqueued: same deduplication id within 5 minutes. */
  | "deduplicated"
  | "receive"
  /** At-least-once delivery (sandbox option): a received message left a copy to be delivered again. */
  | "duplicate"
  | "delete"
  | "change-visibility"
  | "visibility-expired"
  | "delay-ended"
  | "retention-expired"
  /** maxReceiveCount reached: moved to the dead-letter queue (resource: the source queue). */
  | "dead-letter"
  | "purge"
  | "move-task-started"
  /** A message moved by a message move task (resource: the dead-letter queue). */
  | "move-task-moved"
  | "move-task-finished";

export interface TraceKindsByService {
  sqs: SqsTraceKind;
}

export type TraceService = keyof TraceKindsByService;

/** Values stay structured-cloneable so a trace can cross from the runner worker to the page. */
export type TraceValue = string | number | boolean | null;

export type TraceDetails = Readonly<Record<string, TraceValue>>;

export type TraceEventOf<S extends TraceService> = {
  /** Virtual time, epoch milliseconds. */
  readonly time: number;
  /** Position in the trace, from 0: orders events that share a millisecond. */
  readonly seq: number;
  readonly service: S;
  readonly kind: TraceKindsByService[S];
  /** ARN (or name) of the resource the event is about. */
  readonly resource: string;
  readonly details: TraceDetails;
};

export type TraceEvent = { [S in TraceService]: TraceEventOf<S> }[TraceService];

export type TraceListener = (event: TraceEvent) => void;
