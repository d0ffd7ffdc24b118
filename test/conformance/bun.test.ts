import { describeConformance } from './describe-conformance.ts';
import { bunTarget } from './targets/bun-target.ts';

describeConformance(bunTarget);
