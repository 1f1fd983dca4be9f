/**
 * Command classes named and shaped like @aws-sdk/client-lambda's: `new InvokeCommand(input)` keeps
 * `input`; the client runs it against `sb.lambda`. Each command knows its operation (behind a
 * shared symbol, so a command from another copy of this module still works) and the HTTP status
 * AWS answers it with.
 */
import type { LambdaOutcome } from "../lambda/lambda-faults.ts";
import type { LambdaService } from "../lambda/lambda-service.ts";
import type * as T from "../lambda/lambda-types.ts";

export const executeLambdaCommand: unique symbol = Symbol.for("sandbox-engine/lambda/execute") as never;

export type ResultOf<Output> = Omit<Output, "$metadata">;
type Run<Output> = LambdaOutcome<ResultOf<Output>> | Promise<LambdaOutcome<ResultOf<Output>>>;

export abstract class LambdaCommand<Input extends object, Output extends T.MetadataBearer> {
  readonly input: Input;
  /** Type-only: lets `client.send(command)` infer the output type (never set at run time). */
  declare readonly __outputType?: Output;
  constructor(input: Input) {
    this.input = input;
  }
  abstract [executeLambdaCommand](lambda: LambdaService): Run<Output>;
  /** The HTTP status of a success (Invoke: its StatusCode). */
  httpStatus(_result: ResultOf<Output>): number {
    return 200;
  }
}

export class InvokeCommand extends LambdaCommand<T.InvokeCommandInput, T.InvokeCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.invoke(this.input);
  }
  override httpStatus(result: ResultOf<T.InvokeCommandOutput>): number {
    return result.StatusCode ?? 200;
  }
}
export class GetFunctionCommand extends LambdaCommand<T.GetFunctionCommandInput, T.GetFunctionCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.getFunction(this.input);
  }
}
export class GetFunctionConfigurationCommand extends LambdaCommand<T.GetFunctionCommandInput, T.FunctionConfiguration & T.MetadataBearer> {
  [executeLambdaCommand](lambda: LambdaService): LambdaOutcome<T.FunctionConfiguration> {
    const found = lambda.getFunction(this.input);
    return found.ok ? { ok: true, value: found.value.Configuration ?? {} } : found;
  }
}
export class ListFunctionsCommand extends LambdaCommand<T.ListFunctionsCommandInput, T.ListFunctionsCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.listFunctions(this.input);
  }
}
export class DeleteFunctionCommand extends LambdaCommand<T.DeleteFunctionCommandInput, T.DeleteFunctionCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.deleteFunction(this.input);
  }
  override httpStatus(): number {
    return 204;
  }
}
export class UpdateFunctionConfigurationCommand extends LambdaCommand<T.UpdateFunctionConfigurationCommandInput, T.UpdateFunctionConfigurationCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.updateFunctionConfiguration(this.input);
  }
}
export class PutFunctionConcurrencyCommand extends LambdaCommand<T.PutFunctionConcurrencyCommandInput, T.PutFunctionConcurrencyCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.putFunctionConcurrency(this.input);
  }
}
export class DeleteFunctionConcurrencyCommand extends LambdaCommand<T.DeleteFunctionConcurrencyCommandInput, T.DeleteFunctionConcurrencyCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.deleteFunctionConcurrency(this.input);
  }
  override httpStatus(): number {
    return 204;
  }
}
export class GetFunctionConcurrencyCommand extends LambdaCommand<T.GetFunctionConcurrencyCommandInput, T.GetFunctionConcurrencyCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.getFunctionConcurrency(this.input);
  }
}
export class PutFunctionEventInvokeConfigCommand extends LambdaCommand<T.PutFunctionEventInvokeConfigCommandInput, T.PutFunctionEventInvokeConfigCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.putFunctionEventInvokeConfig(this.input);
  }
}
export class GetFunctionEventInvokeConfigCommand extends LambdaCommand<T.GetFunctionEventInvokeConfigCommandInput, T.GetFunctionEventInvokeConfigCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.getFunctionEventInvokeConfig(this.input);
  }
}
export class DeleteFunctionEventInvokeConfigCommand extends LambdaCommand<T.DeleteFunctionEventInvokeConfigCommandInput, T.DeleteFunctionEventInvokeConfigCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.deleteFunctionEventInvokeConfig(this.input);
  }
  override httpStatus(): number {
    return 204;
  }
}
export class CreateEventSourceMappingCommand extends LambdaCommand<T.CreateEventSourceMappingCommandInput, T.CreateEventSourceMappingCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.createEventSourceMapping(this.input);
  }
  override httpStatus(): number {
    return 202;
  }
}
export class UpdateEventSourceMappingCommand extends LambdaCommand<T.UpdateEventSourceMappingCommandInput, T.UpdateEventSourceMappingCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.updateEventSourceMapping(this.input);
  }
  override httpStatus(): number {
    return 202;
  }
}
export class DeleteEventSourceMappingCommand extends LambdaCommand<T.DeleteEventSourceMappingCommandInput, T.DeleteEventSourceMappingCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.deleteEventSourceMapping(this.input);
  }
  override httpStatus(): number {
    return 202;
  }
}
export class GetEventSourceMappingCommand extends LambdaCommand<T.GetEventSourceMappingCommandInput, T.GetEventSourceMappingCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.getEventSourceMapping(this.input);
  }
}
export class ListEventSourceMappingsCommand extends LambdaCommand<T.ListEventSourceMappingsCommandInput, T.ListEventSourceMappingsCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.listEventSourceMappings(this.input);
  }
}
export class AddPermissionCommand extends LambdaCommand<T.AddPermissionCommandInput, T.AddPermissionCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.addPermission(this.input);
  }
  override httpStatus(): number {
    return 201;
  }
}
export class RemovePermissionCommand extends LambdaCommand<T.RemovePermissionCommandInput, T.RemovePermissionCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.removePermission(this.input);
  }
  override httpStatus(): number {
    return 204;
  }
}
export class GetPolicyCommand extends LambdaCommand<T.GetPolicyCommandInput, T.GetPolicyCommandOutput> {
  [executeLambdaCommand](lambda: LambdaService) {
    return lambda.getPolicy(this.input);
  }
}
