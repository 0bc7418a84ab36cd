// Services (pkg/registry/core/service): DNS-1035 names, cluster IPs and node ports allocated on
// create and kept (or released) on update, and an empty load-balancer status to start with.
import { allocateService, dropTypeDependentFields } from '../allocators/service.ts';
import type { Strategy } from '../strategy.ts';
import { invalid } from '../../status.ts';

export const services: Strategy = {
  nameRule: 'label1035',
  async prepareForCreate(svc, ctx) {
    const errors = await allocateService(svc, undefined, ctx);
    if (errors.length) throw invalid({ group: '', kind: 'Service' }, svc.metadata.name ?? '', errors);
    svc.status = { loadBalancer: {} };
  },
  async prepareForUpdate(svc, old, ctx) {
    const errors = await allocateService(svc, old, ctx);
    if (errors.length) throw invalid({ group: '', kind: 'Service' }, svc.metadata.name ?? '', errors);
    dropTypeDependentFields(svc.spec as never, old.spec as never, svc.status as never);
  },
};
