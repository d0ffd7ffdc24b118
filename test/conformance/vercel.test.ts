import { describeConformance } from './describe-conformance.ts';
import { vercelEdgeTarget } from './targets/vercel-edge-target.ts';
import { vercelNodeTarget } from './targets/vercel-node-target.ts';

describeConformance(vercelNodeTarget);
describeConformance(vercelEdgeTarget);
