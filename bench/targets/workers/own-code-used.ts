// Our own code as a Worker ships it: createHealth behind createHealthRouter, every
// option still reachable (they are plain options), the exports it does not call left out.
import { createHealth } from '../../../src/core/index.ts';
import { createHealthRouter } from '../../../src/router/index.ts';

export default {
  fetch: (request: Request): Promise<Response> => createHealthRouter(createHealth()).fetch(request),
};
