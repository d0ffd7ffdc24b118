import { alb } from './alb.ts';
import { apiGatewayV1 } from './api-gateway-v1.ts';
import { apiGatewayV2 } from './api-gateway-v2.ts';
import { isRecord } from './is-record.ts';
import type { EventProcessor, LambdaResult } from './types.ts';

/** An event together with the processor that recognised it. */
export interface DetectedEvent {
  label: string;
  toRequest: () => Request;
  toResult: (response: Response) => Promise<LambdaResult>;
}

const bind = <E extends object, R extends LambdaResult>(processor: EventProcessor<E, R>, event: object): DetectedEvent | undefined =>
  processor.detect(event)
    ? { label: processor.label, toRequest: () => processor.toRequest(event), toResult: (response) => processor.toResult(event, response) }
    : undefined;

/** Finds the processor for an event; ALB first, as its events also carry `httpMethod`. */
export function detectEvent(event: unknown): DetectedEvent | undefined {
  if (!isRecord(event)) return undefined;
  return bind(alb, event) ?? bind(apiGatewayV2, event) ?? bind(apiGatewayV1, event);
}
