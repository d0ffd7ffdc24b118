/**
 * AWS Lambda adapter: runs a fetch-API handler behind API Gateway (REST API v1,
 * HTTP API v2), Lambda Function URLs and Application Load Balancers. Each event
 * shape is a small processor that reads the event into a `Request` and writes
 * the `Response` back in the result form that source expects.
 *
 * @example
 * ```ts
 * import { handle } from 'edge-health/adapters/lambda';
 * export const handler = handle(router.fetch);
 * ```
 * @module
 */
export { handle, type HandleOptions, type InvokeInfo, type LambdaHandler } from './handle.ts';
export { toRequest } from './to-request.ts';
export { toResult } from './to-result.ts';
export { detectEvent, type DetectedEvent } from './detect-event.ts';
export { apiGatewayV1 } from './api-gateway-v1.ts';
export { apiGatewayV2 } from './api-gateway-v2.ts';
export { alb } from './alb.ts';
export { isTextContentType } from './is-text-content-type.ts';
export { LambdaEventError, isLambdaEventError } from './lambda-event-error.ts';
export type {
  AlbEvent,
  AlbResult,
  ApiGatewayV1Event,
  ApiGatewayV1Result,
  ApiGatewayV2Event,
  ApiGatewayV2Result,
  EventProcessor,
  LambdaContext,
  LambdaHttpEvent,
  LambdaResult,
} from './types.ts';
