import { describeConformance } from './describe-conformance.ts';
import { nodeTarget } from './targets/node-target.ts';

describeConformance(nodeTarget);
