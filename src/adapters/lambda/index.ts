/**
 * AWS Lambda adapter: runs a fetch-API handler behind API Gateway (REST API v1,
 * HTTP API v2), Lambda Function URLs, Application Load Balancers and VPC Lattice
 * (event structures V1 and V2). Each HTTP event shape is a small processor that
 * reads the event into a `Request` and writes the `Response` back in the result
 * form that source expects; any other event (SQS, S3, EventBridge…) fails the
 * invocation with a `LambdaEventError` that names its kind.
 *
 * @example
 * ```ts
 * import { handle } from 'edge-health/adapters/lambda';
 * export const handler = handle(router.fetch);
 * ```
 * @module
 */
export { handle, toRequest, toResult, type HandleOptions, type InvokeInfo, type LambdaHandler } from './handle.ts';
export { detectEvent, type DetectedEvent, type HttpEvent, type OtherEvent } from './detect-event.ts';
export { alb, apiGatewayV1, apiGatewayV2, vpcLatticeV1, vpcLatticeV2 } from './http-events.ts';
export { isTextContentType } from './encoding.ts';
export { isLambdaEventError, LambdaEventError, type LambdaEventErrorCode } from './read-event.ts';
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
  VpcLatticeResult,
  VpcLatticeV1Event,
  VpcLatticeV2Event,
} from './types.ts';
