import { describeConformance } from './describe-conformance.ts';
import { denoTarget } from './targets/deno-target.ts';

describeConformance(denoTarget);
