import { describeConformance } from './describe-conformance.ts';
import { netlifyEdgeTarget } from './targets/netlify-edge-target.ts';
import { netlifyFunctionTarget } from './targets/netlify-function-target.ts';

describeConformance(netlifyFunctionTarget);
describeConformance(netlifyEdgeTarget);
