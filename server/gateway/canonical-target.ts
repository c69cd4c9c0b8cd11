// cloud-gateway.ts still imports the rule from here; new code imports shared/http directly.
export { checkTarget, type CanonicalTarget } from '../../shared/http/canonical-target.ts';
