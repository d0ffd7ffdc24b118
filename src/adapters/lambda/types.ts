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

/** VPC Lattice target group, event structure V1: snake_case fields, repeated headers comma-joined. */
export interface VpcLatticeV1Event {
  /** The path with the query string as the client sent it. */
  raw_path: string;
  method: string;
  headers?: StringMap;
  /** The last value of each repeated parameter. */
  query_string_parameters?: StringMap;
  body?: string;
  is_base64_encoded?: boolean;
}

/** VPC Lattice target group, event structure V2. */
export interface VpcLatticeV2Event {
  version: '2.0';
  /** The path with the query string as the client sent it (per the VPC Lattice User Guide). */
  path: string;
  method: string;
  /** Lists per the User Guide; AWS's published samples show plain strings: both are read. */
  headers?: Record<string, string | string[] | undefined>;
  queryStringParameters?: Record<string, string | string[] | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { serviceNetworkArn?: string; serviceArn?: string; targetGroupArn?: string; region?: string };
}

export type LambdaHttpEvent = ApiGatewayV1Event | ApiGatewayV2Event | AlbEvent | VpcLatticeV1Event | VpcLatticeV2Event;

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

/** VPC Lattice reads the same fields as a single-value ALB target group. */
export interface VpcLatticeResult {
  statusCode: number;
  statusDescription: string;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export type LambdaResult = ApiGatewayV1Result | ApiGatewayV2Result | AlbResult | VpcLatticeResult;

/** The part of the Lambda context object we read. */
export interface LambdaContext {
  awsRequestId?: string;
}

/** One HTTP event shape: how to recognise it, read it into a `Request`, and answer it. */
export interface EventProcessor<E extends object = object, R extends LambdaResult = LambdaResult> {
  /** Shown in error messages, e.g. "API Gateway REST (v1)". */
  readonly label: string;
  /** By the fields only this kind carries. */
  detect: (event: Record<string, unknown>) => event is Record<string, unknown> & E;
  /** @throws {LambdaEventError} when the event is malformed or its method cannot be served */
  toRequest: (event: E) => Request;
  toResult: (event: E, response: Response) => Promise<R>;
}
