import { describeConformance } from './describe-conformance.ts';
import { LAMBDA_EVENT_LABELS, type LambdaEventKind } from './targets/lambda-events.ts';
import { lambdaTarget } from './targets/lambda-target.ts';

for (const kind of Object.keys(LAMBDA_EVENT_LABELS) as LambdaEventKind[]) describeConformance(lambdaTarget(kind));
