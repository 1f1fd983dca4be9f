/**
 * The sandbox's stand-in for "@aws-sdk/client-lambda" (exercises alias that module id to this one;
 * also importable as "sandbox-engine/aws/client-lambda"). Same export names as the real package.
 * Functions are deployed with sb.lambda.createFunction({ FunctionName, handler }) (no zip upload).
 */
export { LambdaClient, type LambdaClientConfig } from "./lambda-client.ts";
export {
  AddPermissionCommand,
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetEventSourceMappingCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetPolicyCommand,
  InvokeCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  RemovePermissionCommand,
  UpdateEventSourceMappingCommand,
  UpdateFunctionConfigurationCommand,
} from "./lambda-commands.ts";
export {
  InvalidParameterValueException,
  InvalidRequestContentException,
  LambdaServiceException,
  RequestTooLargeException,
  ResourceConflictException,
  ResourceInUseException,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
} from "./lambda-exceptions.ts";
export type * from "../lambda/lambda-types.ts";
