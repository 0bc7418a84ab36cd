// The tag of a container image reference as kubelet's parsers.ParseImageName sees it (the docker
// reference grammar of github.com/distribution/reference, normalized): "latest" when neither a tag
// nor a digest is given, "" when only a digest is, and "" when the reference does not parse.

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;
/** Digest algorithms the reference library knows, with their hex lengths. */
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** splitDockerDomain: the first component is a registry only if it looks like a host. */
function normalize(name: string): string | undefined {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const domain = isDomain ? first : 'docker.io';
  let remainder = isDomain ? name.slice(slash + 1) : name;
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  // ParseNormalizedNamed: repository names must be lower case
  const path = remainder.replace(/:.*$/, '');
  if (path.toLowerCase() !== path) return undefined;
  return `${domain}/${remainder}`;
}

export function imageTag(image: string): string {
  if (IDENTIFIER.test(image)) return '';
  const normalized = normalize(image);
  if (!normalized) return '';
  const m = REFERENCE.exec(normalized);
  if (!m || m[1]!.length > NAME_TOTAL_LENGTH_MAX) return '';
  const [, , tag, digest] = m;
  if (digest) {
    const [algorithm, hex] = digest.split(':') as [string, string];
    if (DIGEST_HEX[algorithm] !== hex.length || /[A-F]/.test(hex)) return '';
  }
  if (!tag && !digest) return 'latest';
  return tag ?? '';
}

/** SetDefaults_Container's pull policy: Always for ":latest" (or no tag), else IfNotPresent. */
export const defaultPullPolicy = (image: unknown): 'Always' | 'IfNotPresent' =>
  imageTag(typeof image === 'string' ? image : '') === 'latest' ? 'Always' : 'IfNotPresent';
