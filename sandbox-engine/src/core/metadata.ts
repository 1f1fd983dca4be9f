/** The `$metadata` every AWS SDK v3 response carries (@smithy/types ResponseMetadata). */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

export interface MetadataBearer {
  $metadata: ResponseMetadata;
}
