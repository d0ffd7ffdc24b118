import { describeConformance } from './describe-conformance.ts';
import { workerTarget } from './targets/worker-target.ts';

describeConformance(workerTarget);
