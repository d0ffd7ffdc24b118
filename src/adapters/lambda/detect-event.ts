import { alb, apiGatewayV1, apiGatewayV2, vpcLatticeV1, vpcLatticeV2 } from './http-events.ts';
import { clip, describeValue, has, isRecord, pick } from './read-event.ts';
import type { EventProcessor, LambdaResult } from './types.ts';

/** An HTTP event together with the processor that recognised it. */
export interface HttpEvent {
  http: true;
  /** e.g. "API Gateway REST (v1)" */
  label: string;
  toRequest: () => Request;
  toResult: (response: Response) => Promise<LambdaResult>;
}

/** Any other event, named for an error message. */
export interface OtherEvent {
  http: false;
  /** e.g. "an SQS event", or "an unrecognised event (an object with fields a, b)" */
  description: string;
}

export type DetectedEvent = HttpEvent | OtherEvent;

type Fields = Record<string, unknown>;

const firstRecord = (event: Fields): unknown => {
  const records = event['Records'];
  return Array.isArray(records) ? records[0] : undefined;
};

/**
 * Events that are no HTTP request, each by the fields only it carries. They are
 * tried before the HTTP shapes: an authorizer event carries `httpMethod` or
 * `rawPath`, and AWS's WebSocket sample a whole REST event.
 */
const OTHER_KINDS: ReadonlyArray<readonly [string, (event: Fields) => boolean]> = [
  ['an API Gateway Lambda authorizer event', (e) => (e['type'] === 'TOKEN' || e['type'] === 'REQUEST') && (has(e, 'methodArn') || has(e, 'routeArn'))],
  ['an API Gateway WebSocket event', (e) => has(e['requestContext'], 'connectionId') && has(e['requestContext'], 'eventType')],
  ['a CloudFront Lambda@Edge event', (e) => has(firstRecord(e), 'cf')],
  ['an EventBridge scheduled event', (e) => e['detail-type'] === 'Scheduled Event'],
  ['an EventBridge (CloudWatch Events) event', (e) => has(e, 'detail-type') && has(e, 'source')],
  ['a CloudWatch Logs subscription event', (e) => has(e['awslogs'], 'data')],
  ['an AWS Config rule event', (e) => has(e, 'configRuleName') || has(e, 'configRuleArn')],
  ['a Cognito user pool trigger event', (e) => has(e, 'triggerSource') && has(e, 'userPoolId')],
  ['a Cognito Sync trigger event', (e) => e['eventType'] === 'SyncTrigger'],
  ['a CloudFormation custom resource event', (e) => has(e, 'RequestType') && has(e, 'ResponseURL')],
  ['a Kinesis Data Firehose event', (e) => has(e, 'deliveryStreamArn') && has(e, 'records')],
  ['an S3 Batch Operations event', (e) => has(e, 'invocationSchemaVersion')],
  ['a Secrets Manager rotation event', (e) => has(e, 'SecretId') && has(e, 'ClientRequestToken')],
  ['an AppSync resolver event', (e) => has(e['info'], 'fieldName') && has(e, 'arguments')],
];

/** `eventSource` of a record (SQS, S3, DynamoDB, Kinesis…), `EventSource` for SNS, or top-level for Kafka and Amazon MQ. */
const SOURCES: Readonly<Record<string, string>> = {
  'aws:sqs': 'an SQS event',
  'aws:sns': 'an SNS event',
  'aws:s3': 'an S3 event',
  'aws:dynamodb': 'a DynamoDB Streams event',
  'aws:kinesis': 'a Kinesis Data Streams event',
  'aws:ses': 'an SES event',
  'aws:codecommit': 'a CodeCommit event',
  'aws:kafka': 'an Amazon MSK (Kafka) event',
  SelfManagedKafka: 'a self-managed Kafka event',
  'aws:mq': 'an Amazon MQ event',
  'aws:rmq': 'an Amazon MQ for RabbitMQ event',
};

const sourceOf = (event: Fields): unknown => {
  const record = firstRecord(event);
  return pick(record, 'eventSource') ?? pick(record, 'EventSource') ?? event['eventSource'];
};

function knownOtherKind(event: Fields): string | undefined {
  for (const [description, matches] of OTHER_KINDS) if (matches(event)) return description;
  const source = sourceOf(event);
  return typeof source === 'string' && Object.hasOwn(SOURCES, source) ? SOURCES[source] : undefined;
}

/** Names what it can of an event of no known kind: field names and a plain source, never other values, which may be credentials. */
function describeUnknown(event: unknown): string {
  if (!isRecord(event)) return `an unrecognised event (${describeValue(event)})`;
  const source = sourceOf(event);
  if (typeof source === 'string' && /^[\w.:-]{1,64}$/.test(source)) return `an unrecognised "${source}" event`;
  const keys = Object.keys(event).slice(0, 5).map((key) => clip(key).replace(/[^\w.:@$-]/g, '?'));
  return `an unrecognised event (${keys.length === 0 ? 'an object with no fields' : `an object with fields ${keys.join(', ')}`})`;
}

const bind = <E extends object, R extends LambdaResult>(processor: EventProcessor<E, R>, event: Fields): HttpEvent | undefined =>
  processor.detect(event)
    ? { http: true, label: processor.label, toRequest: () => processor.toRequest(event), toResult: (response) => processor.toResult(event, response) }
    : undefined;

/**
 * Tells which kind of event Lambda delivered. HTTP shapes are told apart by
 * their distinguishing fields (ALB `requestContext.elb`, VPC Lattice
 * `requestContext.serviceNetworkArn` or `raw_path`, v2 `version` with `rawPath`,
 * v1 `httpMethod`), never by `version` alone, which VPC Lattice V2 and AWS Config share.
 */
export function detectEvent(event: unknown): DetectedEvent {
  const other = isRecord(event) ? knownOtherKind(event) : undefined;
  if (other !== undefined) return { http: false, description: other };
  const http = isRecord(event)
    ? (bind(alb, event) ?? bind(vpcLatticeV2, event) ?? bind(vpcLatticeV1, event) ?? bind(apiGatewayV2, event) ?? bind(apiGatewayV1, event))
    : undefined;
  return http ?? { http: false, description: describeUnknown(event) };
}
