// Services (pkg/registry/core/service): DNS-1035 names, an empty load-balancer status, and the
// DELETE answer is the service.
import type { Strategy } from '../strategy.ts';

export const services: Strategy = {
  nameRule: 'label1035',
  prepareForCreate(svc) {
    svc.status = { loadBalancer: {} };
  },
};
