import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEvent } from './detect-event.ts';

const FIXTURES = new URL('../../../test/fixtures/lambda/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));

/** Every fixture, AWS's own published sample of its kind (sources in test/fixtures/lambda/README.md), and what it must be read as. */
const KINDS: Record<string, string> = {
  'api-gateway-v1.json': 'HTTP: API Gateway REST (v1)',
  'api-gateway-v2.json': 'HTTP: HTTP API / Function URL (v2)',
  'function-url.json': 'HTTP: HTTP API / Function URL (v2)',
  'function-url-console.json': 'HTTP: HTTP API / Function URL (v2)',
  'alb-single-value.json': 'HTTP: ALB',
  'alb-multi-value.json': 'HTTP: ALB',
  'vpc-lattice-v1.json': 'HTTP: VPC Lattice (v1)',
  'vpc-lattice-v2.json': 'HTTP: VPC Lattice (v2)',
  'sqs.json': 'an SQS event',
  'sns.json': 'an SNS event',
  's3-put.json': 'an S3 event',
  'dynamodb-stream.json': 'a DynamoDB Streams event',
  'kinesis.json': 'a Kinesis Data Streams event',
  'kinesis-firehose.json': 'a Kinesis Data Firehose event',
  'ses.json': 'an SES event',
  'codecommit.json': 'a CodeCommit event',
  'kafka.json': 'an Amazon MSK (Kafka) event',
  'amazon-mq.json': 'an Amazon MQ event',
  'eventbridge-scheduled.json': 'an EventBridge scheduled event',
  'eventbridge-event.json': 'an EventBridge (CloudWatch Events) event',
  'cloudwatch-logs.json': 'a CloudWatch Logs subscription event',
  'config.json': 'an AWS Config rule event',
  'cognito-user-pool.json': 'a Cognito user pool trigger event',
  'cognito-sync.json': 'a Cognito Sync trigger event',
  'cloudformation-custom-resource.json': 'a CloudFormation custom resource event',
  's3-batch.json': 'an S3 Batch Operations event',
  'secrets-manager-rotation.json': 'a Secrets Manager rotation event',
  'appsync-resolver.json': 'an AppSync resolver event',
  'cloudfront.json': 'a CloudFront Lambda@Edge event',
  'api-gateway-authorizer-token.json': 'an API Gateway Lambda authorizer event',
  'api-gateway-authorizer-request.json': 'an API Gateway Lambda authorizer event',
  'api-gateway-authorizer-v2.json': 'an API Gateway Lambda authorizer event',
  'api-gateway-websocket.json': 'an API Gateway WebSocket event',
};

const kindOf = (event: unknown): string => {
  const detected = detectEvent(event);
  return detected.http ? `HTTP: ${detected.label}` : detected.description;
};

describe('every published sample event', () => {
  it('has an expected kind in this table, and the table names no missing file', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();
    expect(files).toEqual(Object.keys(KINDS).sort());
  });

  it.each(Object.entries(KINDS))('%s is read as %s', (file, kind) => {
    expect(kindOf(load(file))).toBe(kind);
  });
});

describe('shapes that share a field are told apart by the fields only one kind has', () => {
  const v1 = load('api-gateway-v1.json') as Record<string, unknown>;
  const lattice = load('vpc-lattice-v2.json') as Record<string, unknown>;
  it.each([
    ['a VPC Lattice V2 event, though it says version "2.0"', lattice, 'HTTP: VPC Lattice (v2)'],
    ['a REST event that also carries rawPath (custom domain mapping)', { ...v1, rawPath: '/health/ready' }, 'HTTP: API Gateway REST (v1)'],
    ['an HTTP API payload 1.0 event', { ...v1, version: '1.0' }, 'HTTP: API Gateway REST (v1)'],
    ['an AWS Config event, though it says version "1.0"', load('config.json'), 'an AWS Config rule event'],
    ['a v2 event whose requestContext is missing', { ...(load('api-gateway-v2.json') as object), requestContext: undefined }, 'HTTP: HTTP API / Function URL (v2)'],
  ])('%s', (_name, event, kind) => expect(kindOf(event)).toBe(kind));
});

describe('events of no known kind', () => {
  it.each([
    ['null', null, 'an unrecognised event (null)'],
    ['a string', 'GET /health', 'an unrecognised event (a string)'],
    ['an array', [{}], 'an unrecognised event (an array)'],
    ['an empty object', {}, 'an unrecognised event (an object with no fields)'],
    ['an object', { hello: 'world', password: 'hunter2' }, 'an unrecognised event (an object with fields hello, password)'],
    ['records of another source', { Records: [{ eventSource: 'aws:newservice', secret: 'x' }] }, 'an unrecognised "aws:newservice" event'],
    ['a source that is no plain name', { Records: [{ eventSource: 'hunter2 is my password' }] }, 'an unrecognised event (an object with fields Records)'],
  ])('names %s without its values', (_name, event, description) => expect(kindOf(event)).toBe(description));
});
