import { describeConformance } from './describe-conformance.ts';
import { lambdaLocalTarget } from './targets/lambda-local-target.ts';

describeConformance(lambdaLocalTarget);
