/** Header and query maps as Lambda delivers them; AWS sends `null` rather than `{}` when empty. */
export type StringMap = Record<string, string | undefined>;
export type StringListMap = Record<string, string[] | undefined>;

/** API Gateway REST API (and HTTP API payload 1.0) proxy event: the fields we read. */
export interface ApiGatewayV1Event {
  version?: '1.0';
  httpMethod: string;
  /** The resource path without the REST API stage. */
  path: string;
  headers?: StringMap | null;
  multiValueHeaders?: StringListMap | null;
  /** Already percent-decoded by API Gateway. */
  queryStringParameters?: StringMap | null;
  multiValueQueryStringParameters?: StringListMap | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: {
    stage?: string;
    domainName?: string;
    requestId?: string;
    identity?: { sourceIp?: string };
  };
}

/** HTTP API payload 2.0 and Lambda Function URL event: the fields we read. */
export interface ApiGatewayV2Event {
  version: '2.0';
  rawPath: string;
  rawQueryString?: string;
  /** `Cookie` header split on `; `; the `headers` map has no `cookie` then. */
  cookies?: string[];
  /** Repeated headers arrive comma-joined. */
  headers?: StringMap;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    domainName?: string;
    requestId?: string;
    stage?: string;
    http: { method: string; path?: string; sourceIp?: string };
  };
}

/** Application Load Balancer target group event: the fields we read. */
export interface AlbEvent {
  httpMethod: string;
  path: string;
  /** Present instead of `headers` when the target group enables multi-value headers. */
  headers?: StringMap;
  multiValueHeaders?: StringListMap;
  /** Values still percent-encoded as the client sent them. */
  queryStringParameters?: StringMap;
  multiValueQueryStringParameters?: StringListMap;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { elb: { targetGroupArn?: string } };
}

export type LambdaHttpEvent = ApiGatewayV1Event | ApiGatewayV2Event | AlbEvent;

export interface ApiGatewayV1Result {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

export interface ApiGatewayV2Result {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** ALB wants exactly one of `headers` or `multiValueHeaders`, as the target group is set. */
export type AlbResult = {
  statusCode: number;
  statusDescription: string;
  body: string;
  isBase64Encoded: boolean;
} & ({ headers: Record<string, string> } | { multiValueHeaders: Record<string, string[]> });

export type LambdaResult = ApiGatewayV1Result | ApiGatewayV2Result | AlbResult;

/** The part of the Lambda context object we read. */
export interface LambdaContext {
  awsRequestId?: string;
}

/** One event shape: how to recognise it, read it into a `Request`, and answer it. */
export interface EventProcessor<E extends object, R extends LambdaResult = LambdaResult> {
  /** Shown in error messages, e.g. "API Gateway REST (v1)". */
  readonly label: string;
  detect: (event: object) => event is E;
  /** @throws {LambdaEventError} when the event is malformed */
  toRequest: (event: E) => Request;
  toResult: (event: E, response: Response) => Promise<R>;
}
